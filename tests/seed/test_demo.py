"""The demo municipality: its shape, the report's units, networks and the persona logins."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from django.db import transaction
from rest_framework.test import APIClient

from backend.networks import models as nm
from backend.people import models as m
from backend.people.lines import leader_line_ids
from seed.demo import DEMO_PASSWORD, demo_run, demo_usernames

TODAY = dt.date(2025, 3, 1)


@pytest.fixture(scope="module")
def _demo_once(django_db_setup: None, django_db_blocker: Any) -> Iterator[int]:
    """Seed the demo once for this module's read-only tests; roll it back afterwards.

    Seeding takes a few seconds (it goes through the services row by row), so the tests that
    only look share one run inside an outer transaction; each test's own transaction nests in it.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield demo_run(seed=42, today=TODAY).organisation.id
        transaction.set_rollback(True)


@pytest.fixture
def demo(_demo_once: int, db: None) -> m.Organisation:
    return m.Organisation.objects.get(id=_demo_once)


def _is_new(leader: m.Leader) -> bool:
    return (
        leader.active
        and leader.role_start_date is not None
        and (TODAY - leader.role_start_date).days <= 120
    )


def test_demo_has_five_administrations_and_about_130_leaders(demo: m.Organisation) -> None:
    assert sorted(demo.administrations.values_list("name", flat=True)) == [
        "Arbejdsmarked",
        "Børn og Unge",
        "Centrale stabe",
        "Kultur og Teknik",
        "Social og Sundhed",
    ]
    active = demo.leaders.filter(active=True)
    assert 120 <= active.count() <= 140
    assert 10 <= sum(_is_new(leader) for leader in active) <= 14
    left = demo.leaders.filter(active=False)
    assert left.count() >= 2
    assert all(leader.left_on is not None and leader.left_on <= TODAY for leader in left)
    assert active.filter(discoverable=True).count() >= 30
    # Everyone leads a unit, and each active leader leads their own.
    assert not active.filter(unit__isnull=True).exists()
    assert active.values("unit").distinct().count() == active.count()


def test_new_leaders_came_three_ways_and_started_within_120_days(demo: m.Organisation) -> None:
    new = [leader for leader in demo.leaders.filter(active=True) if _is_new(leader)]
    assert all(0 <= (TODAY - leader.role_start_date).days <= 120 for leader in new)
    first_job = [leader for leader in new if leader.first_leader_job]
    assert len(first_job) >= 4
    assert any("rykket et ledelsestrin op" in leader.bio for leader in new)  # promotion
    assert any("Kommer fra en lederstilling" in leader.bio for leader in new)  # another sector
    # New leaders say what they need help with; experienced ones mostly offer strengths.
    assert all(leader.support_needs.exists() for leader in new)


def test_every_leader_but_the_directors_has_a_boss_and_the_line_has_no_cycles(
    demo: m.Organisation,
) -> None:
    leaders = list(demo.leaders.all())
    boss_of = {leader.id: leader.boss_id for leader in leaders}
    roots = [leader for leader in leaders if leader.boss_id is None]
    assert [r.role_title for r in roots] == ["Kommunaldirektør"]
    directors = {x.id for x in leaders if "irektør" in x.role_title}
    assert len(directors) == 5
    for leader in leaders:
        line = leader_line_ids(leader_id=leader.id, boss_of=boss_of)
        assert leader.id not in line
        # Every line ends at the municipal director: no cycle, no dangling top.
        assert (line[-1] if line else leader.id) == roots[0].id
        if leader.boss_id is not None:
            assert leader.boss.organisation_id == demo.id


def test_the_reports_units_and_specialist_services_exist(demo: m.Organisation) -> None:
    service_types = set(demo.units.values_list("service_type", flat=True))
    assert {
        "school",
        "daycare",
        "village_scheme",
        "care_home",
        "home_care",
        "residential",
        "shelter",
        "acute",
        "job_centre",
        "treatment",
        "social_cafe",
        "nutrition",
        "staff_function",
    } <= service_types
    for rare in ("treatment", "social_cafe", "nutrition", "shelter"):
        assert demo.units.get(service_type=rare).is_specialist
    assert demo.units.filter(round_the_clock=True).count() >= 15
    assert demo.units.filter(sites__gt=1).count() >= 10
    nutrition = demo.leaders.get(unit__service_type="nutrition", active=True)
    assert nutrition.unit.is_specialist
    assert nutrition.user.username == "lone"


def test_staff_functions_each_have_consultants_who_serve_someone(demo: m.Organisation) -> None:
    assert set(demo.staff_functions.values_list("kind", flat=True)) == set(m.StaffFunctionKind)
    for contact in demo.staff_contacts.all():
        assert contact.administrations.exists() or contact.units.exists(), contact.name
    # Every unit is served by a payroll, a finance and an HR-development consultant.
    for unit in demo.units.select_related("department"):
        kinds = set(
            m.StaffContact.objects.filter(
                administrations=unit.department.administration_id
            ).values_list("staff_function__kind", flat=True)
        )
        assert {"payroll_hr_law", "finance", "hr_development"} <= kinds, unit.name


def test_networks_of_every_kind_and_the_lunch_club_is_private(demo: m.Organisation) -> None:
    kinds = set(demo.networks.values_list("kind", flat=True))
    assert kinds == set(nm.NetworkKind)
    lunch = demo.networks.get(name="Frokostklubben")
    assert lunch.is_private
    members = set(lunch.memberships.values_list("leader__user__username", flat=True))
    assert {"torben", "amalie"} <= members
    assert "henrik" not in members  # Amalie's boss is not in her informal network
    learning = demo.networks.filter(
        kind=nm.NetworkKind.LEARNING_NETWORK, theme__icontains="tryghed"
    )
    administrations = set(
        learning.get().memberships.values_list(
            "leader__unit__department__administration__name", flat=True
        )
    )
    assert len(administrations) >= 3  # cross-administration, as the report asks
    for ms in nm.Membership.objects.filter(network__organisation=demo).select_related("leader"):
        assert ms.since is not None and ms.since <= TODAY
        assert ms.leader.active


def test_personas_log_in_with_the_demo_password(demo: m.Organisation) -> None:
    users = {u.username: u for u in demo.users.select_related("leader__boss", "leader__unit")}
    assert set(users) == set(demo_usernames())
    for username in users:
        assert APIClient().login(username=username, password=DEMO_PASSWORD), username
    assert users["hr"].role == m.User.Role.HR and users["hr"].leader is None
    assert list(users["hr_social"].hr_administrations.values_list("name", flat=True)) == [
        "Social og Sundhed"
    ]
    amalie, henrik, birgitte = (users[n].leader for n in ("amalie", "henrik", "birgitte"))
    assert amalie.first_leader_job and amalie.unit.service_type == "daycare"
    assert amalie.boss == henrik
    assert amalie.support_needs.exclude(note="").exists()
    # The mentor persona is outside Amalie's line and her administration.
    assert birgitte.id not in leader_line_ids(leader_id=amalie.id)
    assert birgitte.unit.department.administration_id != amalie.unit.department.administration_id


def test_the_nutrition_unit_leader_finds_a_peer_in_the_neighbouring_municipality(
    demo: m.Organisation,
) -> None:
    """Lone has no other nutrition unit at home; in Nørreå (its own HR login) she finds Karin."""
    lone = m.User.objects.get(username="lone")
    client = APIClient()
    client.force_login(lone)
    found = client.get("/api/peers/directory/").json()
    assert found["organisation_opted_in"] and found["leader_opted_in"]
    assert [c["municipality"] for c in found["results"]][:1] == ["Nørreå Kommune"]
    assert found["results"][0]["name"] == "Karin Holm"
    hr_nabo = m.User.objects.get(username="hr_nabo")
    assert hr_nabo.check_password(DEMO_PASSWORD) and hr_nabo.organisation != demo
    assert hr_nabo.organisation is not None and hr_nabo.organisation.peer_directory


def test_the_coach_pool_and_requests_keep_the_line_out(demo: m.Organisation) -> None:
    """Two internal and two external coaches; one request waits, one has a coach outside the
    leader's line; no persona has a request, so the demo's journey starts from nothing."""
    from backend.coaching.models import Coach, CoachRequest

    coaches = Coach.objects.filter(organisation=demo)
    assert sorted(coaches.values_list("kind", flat=True)) == ["external"] * 2 + ["internal"] * 2
    requests = CoachRequest.objects.filter(organisation=demo)
    assert sorted(requests.values_list("status", flat=True)) == ["assigned", "open"]
    assert not requests.filter(leader__user__isnull=False).exists()
    for request in requests.filter(coach__leader__isnull=False):
        line = set(leader_line_ids(leader_id=request.leader_id))
        assert request.coach is not None and request.coach.leader_id not in line
    assigned = requests.get(status="assigned")
    assert assigned.coach is not None and assigned.reasons
