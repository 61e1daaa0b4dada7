"""Every list endpoint runs the same number of queries for 10 rows as for 200.

Each case seeds rows the persona can see, calls the list with ``page_size=500`` (so all rows are
serialised) and pins the query count. The count includes the session and user lookups.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from backend.networks import models as nm
from backend.people import models as m
from tests.conftest import World

ClientFor = Callable[[m.User | None], APIClient]


def _leaders(world: World, n: int, start: int, **fields: Any) -> list[m.Leader]:
    unit = world.outsider.leader.unit
    return m.Leader.objects.bulk_create(
        m.Leader(
            organisation=world.org,
            employee_number=f"Q{start + i}",
            first_name="Q",
            last_name=f"Leder {start + i}",
            role_title="Leder",
            unit=unit,
            **fields,
        )
        for i in range(n)
    )


def _topics(world: World, n: int, start: int) -> list[m.Topic]:
    return m.Topic.objects.bulk_create(
        m.Topic(
            organisation=world.org,
            slug=f"q-{start + i}",
            label_da="Q",
            label_en="Q",
            order=100 + start + i,
        )
        for i in range(n)
    )


def seed_leaders_hr(world: World, n: int, start: int) -> tuple[m.User, str]:
    _leaders(world, n, start)
    return world.hr, "/api/leaders/"


def seed_leaders_boss(world: World, n: int, start: int) -> tuple[m.User, str]:
    _leaders(world, n, start, boss=world.boss.leader)
    return world.boss, "/api/leaders/"


def seed_administrations(world: World, n: int, start: int) -> tuple[m.User, str]:
    m.Administration.objects.bulk_create(
        m.Administration(organisation=world.org, name=f"Forvaltning {start + i}") for i in range(n)
    )
    return world.new_leader, "/api/administrations/"


def seed_departments(world: World, n: int, start: int) -> tuple[m.User, str]:
    m.Department.objects.bulk_create(
        m.Department(
            organisation=world.org, administration=world.children, name=f"Område {start + i}"
        )
        for i in range(n)
    )
    return world.hr, "/api/departments/"


def seed_units(world: World, n: int, start: int) -> tuple[m.User, str]:
    department = world.outsider.leader.unit.department
    m.Unit.objects.bulk_create(
        m.Unit(
            organisation=world.org,
            department=department,
            code=f"Q{start + i}",
            name=f"Enhed {start + i}",
        )
        for i in range(n)
    )
    return world.new_leader, "/api/units/"


def _contacts(world: World, n: int, start: int) -> list[m.StaffContact]:
    function, _ = m.StaffFunction.objects.get_or_create(
        organisation=world.org, kind="finance", defaults={"name": "Økonomi"}
    )
    contacts = m.StaffContact.objects.bulk_create(
        m.StaffContact(organisation=world.org, staff_function=function, name=f"K {start + i}")
        for i in range(n)
    )
    unit_id = world.new_leader.leader.unit_id
    m.StaffContact.units.through.objects.bulk_create(
        m.StaffContact.units.through(staffcontact_id=c.id, unit_id=unit_id) for c in contacts
    )
    m.StaffContact.administrations.through.objects.bulk_create(
        m.StaffContact.administrations.through(
            staffcontact_id=c.id, administration_id=world.children.id
        )
        for c in contacts
    )
    return contacts


def seed_staff_contacts(world: World, n: int, start: int) -> tuple[m.User, str]:
    _contacts(world, n, start)
    return world.outsider, "/api/staff-contacts/"


def seed_unit_directory(world: World, n: int, start: int) -> tuple[m.User, str]:
    _contacts(world, n, start)
    return world.new_leader, f"/api/units/{world.new_leader.leader.unit_id}/staff-contacts/"


def seed_topics(world: World, n: int, start: int) -> tuple[m.User, str]:
    _topics(world, n, start)
    return world.new_leader, "/api/topics/"


def seed_own_needs(world: World, n: int, start: int) -> tuple[m.User, str]:
    m.SupportNeed.objects.bulk_create(
        m.SupportNeed(leader=world.new_leader.leader, topic=t, note="privat")
        for t in _topics(world, n, start)
    )
    return world.new_leader, "/api/me/support-needs/"


def seed_hr_needs(world: World, n: int, start: int) -> tuple[m.User, str]:
    m.SupportNeed.objects.bulk_create(
        m.SupportNeed(leader=leader, topic=world.roster) for leader in _leaders(world, n, start)
    )
    return world.hr, "/api/support-needs/?purpose=matching"


def seed_own_competencies(world: World, n: int, start: int) -> tuple[m.User, str]:
    m.Competency.objects.bulk_create(
        m.Competency(leader=world.new_leader.leader, topic=t, level=2)
        for t in _topics(world, n, start)
    )
    return world.new_leader, "/api/me/competencies/"


def seed_leader_competencies(world: World, n: int, start: int) -> tuple[m.User, str]:
    seed_own_competencies(world, n, start)
    return world.boss, f"/api/leaders/{world.new_leader.leader_id}/competencies/"


def _networks(world: World, n: int, start: int, **fields: Any) -> list[nm.Network]:
    return nm.Network.objects.bulk_create(
        nm.Network(
            organisation=world.org, name=f"Netværk {start + i}", kind="leader_group", **fields
        )
        for i in range(n)
    )


def seed_networks_leader(world: World, n: int, start: int) -> tuple[m.User, str]:
    networks = _networks(world, n, start, visibility="members_only")
    nm.Membership.objects.bulk_create(
        nm.Membership(network=network, leader=world.new_leader.leader) for network in networks
    )
    return world.new_leader, "/api/networks/"


def seed_networks_hr(world: World, n: int, start: int) -> tuple[m.User, str]:
    _networks(world, n, start, visibility="members_only")
    return world.hr, "/api/networks/"


def seed_network_members(world: World, n: int, start: int) -> tuple[m.User, str]:
    network, _ = nm.Network.objects.get_or_create(
        organisation=world.org, name="Stort netværk", defaults={"kind": "learning_network"}
    )
    nm.Membership.objects.bulk_create(
        nm.Membership(network=network, leader=leader, since=dt.date(2024, 1, 1))
        for leader in _leaders(world, n, start)
    )
    return world.outsider, f"/api/networks/{network.id}/memberships/"


def seed_leader_memberships(world: World, n: int, start: int) -> tuple[m.User, str]:
    networks = _networks(world, n, start)
    nm.Membership.objects.bulk_create(
        nm.Membership(network=network, leader=world.new_leader.leader) for network in networks
    )
    return world.boss, f"/api/leaders/{world.new_leader.leader_id}/memberships/"


@dataclass(frozen=True)
class Case:
    """A list endpoint, how to seed it, and its pinned query count."""

    seed: Callable[[World, int, int], tuple[m.User, str]]
    queries: int


CASES = {
    "leaders-hr": Case(seed_leaders_hr, 4),  # page 1 is read directly (Paginator), no count
    "leaders-boss": Case(seed_leaders_boss, 3),
    "administrations": Case(seed_administrations, 3),
    "departments": Case(seed_departments, 4),
    "units": Case(seed_units, 3),
    "staff-contacts": Case(seed_staff_contacts, 6),
    "unit-staff-directory": Case(seed_unit_directory, 7),
    "topics": Case(seed_topics, 3),
    "own-support-needs": Case(seed_own_needs, 3),
    "own-competencies": Case(seed_own_competencies, 3),  # was 4: the leader row is not read
    "leader-competencies": Case(seed_leader_competencies, 7),
    "networks-leader": Case(seed_networks_leader, 3),
    "networks-hr": Case(seed_networks_hr, 3),
    "network-members": Case(seed_network_members, 4),
    "leader-memberships": Case(seed_leader_memberships, 7),
}


def _rows(response: Any) -> list[Any]:
    body = response.json()
    return body["results"] if isinstance(body, dict) else body


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(CASES))
def test_list_query_count_is_constant(
    world: World, client_for: ClientFor, django_assert_num_queries: Any, name: str
) -> None:
    case = CASES[name]
    sizes = []
    for n, start in ((10, 0), (190, 10)):
        user, url = case.seed(world, n, start)
        client = client_for(user)
        separator = "&" if "?" in url else "?"
        with django_assert_num_queries(case.queries):
            response = client.get(f"{url}{separator}page_size=500")
        assert response.status_code == 200, response.content
        sizes.append(len(_rows(response)))
    assert sizes[0] >= 10
    assert sizes[1] >= 200


@pytest.mark.django_db
def test_small_lists_query_count_is_constant(
    world: World, client_for: ClientFor, django_assert_num_queries: Any
) -> None:
    """Staff functions are unique per kind (at most 7) and a user sees one organisation, so
    these two lists are pinned at their smallest and largest possible sizes instead."""
    client = client_for(world.new_leader)
    kinds = [kind for kind, _label in m.StaffFunctionKind.choices]
    for n in (2, len(kinds)):
        m.StaffFunction.objects.bulk_create(
            [m.StaffFunction(organisation=world.org, kind=kind, name=kind) for kind in kinds[:n]],
            ignore_conflicts=True,
        )
        with django_assert_num_queries(3):
            response = client.get("/api/staff-functions/")
        assert len(response.json()["results"]) == n
    with django_assert_num_queries(3):
        assert len(client.get("/api/organisations/").json()["results"]) == 1


@pytest.mark.django_db
def test_hr_support_need_list_query_count_is_constant(world: World, client_for: ClientFor) -> None:
    """The people side of HR's list is constant; the access log's own writes are counted apart.

    Each leader read is reported through ``hooks.record_access_many``; the privacy app's
    receiver writes the log (one row per leader read, which it may batch). Those writes are
    the privacy app's to pin; here they are only checked to happen, once per leader.
    """
    people_counts = []
    for n, start in ((10, 0), (190, 10)):
        user, url = seed_hr_needs(world, n, start)
        client = client_for(user)
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(f"{url}&page_size=500")
        assert response.status_code == 200
        assert len(response.json()["results"]) >= n
        people_counts.append(sum(1 for q in ctx.captured_queries if "privacy_" not in q["sql"]))
    assert people_counts == [4, 4]
