"""Networks for new leaders: suggestions with reasons, joining private networks, cohort circles."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from backend.networks import models as nm
from backend.networks.models import CohortCircle, JoinRequest
from backend.people import models as m
from tests.backend.networks.conftest import Peers, login_for
from tests.conftest import World

pytestmark = pytest.mark.django_db

Client = Callable[[m.User | None], APIClient]


def test_demo_new_day_care_leader_gets_the_lunch_club_and_a_cohort_circle(
    demo: m.Organisation, client_for: Client
) -> None:
    """Done-when: a new day-care leader of the demo is offered the area's school and day-care
    leaders' network and a cohort circle, with reasons, and sees no member of the private club
    until a member has accepted them."""
    club = nm.Network.objects.get(organisation=demo, name="Frokostklubben")
    today = timezone.localdate()
    newcomer = (
        m.Leader.objects.filter(
            organisation=demo,
            active=True,
            unit__service_type="daycare",
            role_start_date__gte=today - dt.timedelta(days=90),
        )
        .exclude(memberships__network=club)
        .order_by("-role_start_date", "id")
        .first()
    )
    assert newcomer is not None, "the demo has a new day-care leader outside the lunch club"
    user = login_for(newcomer, "ny_dagtilbudsleder")
    client = client_for(user)
    response = client.get("/api/me/network-suggestions/")
    assert response.status_code == 200
    results = response.json()["results"]
    by_name = {r["name"]: r for r in results}
    lunch = by_name["Frokostklubben"]
    assert lunch["is_private"] and lunch["join"] == "request"
    assert lunch["reasons"] and all(r["da"] and r["en"] for r in lunch["reasons"])
    cohorts = [r for r in results if r["kind"] == "cohort"]
    assert cohorts and cohorts[0]["reasons"]
    assert cohorts[0]["cohort"]["administrations"] >= 2
    # Nothing in the payload names a member of the club.
    member_names = list(
        m.Leader.objects.filter(memberships__network=club).values_list("last_name", flat=True)
    )
    text = str(lunch)
    assert not any(name in text for name in member_names)
    assert client.get(f"/api/networks/{club.id}/memberships/").status_code == 404
    # Ask to join; a member accepts; now the members are visible.
    asked = client.post(f"/api/networks/{club.id}/join/", {"message": "Må jeg være med?"})
    assert asked.status_code == 202
    assert client.get(f"/api/networks/{club.id}/memberships/").status_code == 404
    torben = m.User.objects.get(username="torben", organisation=demo)
    pending = client_for(torben).get("/api/network-join-requests/").json()["results"]
    request_id = next(r["id"] for r in pending if r["network_id"] == club.id)
    decided = client_for(torben).post(f"/api/network-join-requests/{request_id}/accept/")
    assert decided.status_code == 200
    assert client.get(f"/api/networks/{club.id}/memberships/").status_code == 200
    assert JoinRequest.objects.get(id=request_id).status == "accepted"


def test_ranking_reasons_and_open_networks_join_directly(
    world: World, peers: Peers, client_for: Client
) -> None:
    group = nm.Network.objects.create(
        organisation=world.org, name="Ledergruppen Dagtilbud", kind=nm.NetworkKind.LEADER_GROUP
    )
    for leader in (world.boss.leader, world.outsider.leader):
        nm.Membership.objects.create(network=group, leader=leader)
    client = client_for(world.new_leader)
    results = client.get("/api/me/network-suggestions/").json()["results"]
    names = [r["name"] for r in results]
    assert "Ledergruppen Dagtilbud" in names and "Frokostklubben" in names
    lunch = next(r for r in results if r["name"] == "Frokostklubben")
    # Five members: an aggregate is allowed, names never.
    assert lunch["member_count"] == 5
    assert client.post(f"/api/networks/{group.id}/join/").status_code == 201
    assert client.post(f"/api/networks/{group.id}/join/").status_code == 409
    # A private network that does not welcome newcomers does not exist for outsiders.
    closed = nm.Network.objects.create(
        organisation=world.org, name="Hemmelig", kind=nm.NetworkKind.INFORMAL
    )
    nm.Membership.objects.create(network=closed, leader=world.mentor.leader)
    assert client.post(f"/api/networks/{closed.id}/join/").status_code == 404
    assert "Hemmelig" not in [
        r["name"] for r in client.get("/api/me/network-suggestions/").json()["results"]
    ]
    # Only a member can decide on a join request.
    client.post(f"/api/networks/{peers.lunch_club.id}/join/")
    request = JoinRequest.objects.get(network=peers.lunch_club)
    assert (
        client_for(world.boss).post(f"/api/network-join-requests/{request.id}/accept/").status_code
        == 404
    )
    assert (
        client_for(world.mentor)
        .post(f"/api/network-join-requests/{request.id}/decline/")
        .status_code
        == 200
    )
    assert not peers.lunch_club.memberships.filter(leader=world.new_leader.leader).exists()


def test_hr_forms_cohort_circles_in_one_step(world: World, client_for: Client) -> None:
    from tests import factories as f

    today = timezone.localdate()
    departments = [
        m.Department.objects.get(name="Ældre og Sundhed", organisation=world.org),
        m.Department.objects.get(name="Skole", organisation=world.org),
    ]
    for k in range(7):
        f.LeaderFactory(
            unit=f.UnitFactory(department=departments[k % 2]),
            role_start_date=today - dt.timedelta(days=10 + k),
        )
    assert client_for(world.new_leader).post("/api/cohort-circles/form/").status_code == 403
    hr = client_for(world.hr)
    assert (
        hr.put("/api/cohort-settings/", {"min_size": 4, "max_size": 4}, format="json").status_code
        == 200
    )
    formed = hr.post("/api/cohort-circles/form/")
    assert formed.status_code == 201
    circles = CohortCircle.objects.all()
    # Eight newcomers (seven and Mette) in two circles of four, mixing administrations.
    assert circles.count() == 2
    for circle in circles:
        members = circle.network.memberships.select_related("leader__unit__department")
        assert members.count() == 4
        assert len({x.leader.unit.department.administration_id for x in members}) == 2
    # Running it again finds nobody new: a 400 with a field error, nothing formed.
    again = hr.post("/api/cohort-circles/form/")
    assert again.status_code == 400 and "min_size" in again.json()
    assert CohortCircle.objects.count() == 2
    assert hr.get("/api/cohort-circles/").json()["count"] == 2


def test_a_members_only_network_is_suggested_only_when_it_welcomes_newcomers_and_has_5_members(
    world: World, client_for: Client
) -> None:
    """The side channel of issue 15: a boss was shown a members-only network of his own
    reports, "close to your own network", 7 members. Now a private network is suggested only
    when it welcomes newcomers and has at least 5 members, and then its score and reasons do
    not depend on the asker's own ties."""
    from tests import factories as f

    boss = world.boss.leader
    assert boss is not None and world.new_leader.leader is not None
    reports = [world.new_leader.leader] + [
        f.LeaderFactory(unit=world.new_leader.leader.unit, boss=boss) for _ in range(6)
    ]
    club = nm.Network.objects.create(
        organisation=world.org,
        name="Rapporternes klub",
        kind=nm.NetworkKind.LEADER_GROUP,
        visibility=nm.Network.Visibility.MEMBERS_ONLY,
        welcomes_newcomers=True,
    )
    strangers = nm.Network.objects.create(
        organisation=world.org,
        name="Fremmedes klub",
        kind=nm.NetworkKind.LEADER_GROUP,
        visibility=nm.Network.Visibility.MEMBERS_ONLY,
        welcomes_newcomers=True,
    )
    client = client_for(world.boss)

    def suggested() -> dict[str, dict[str, object]]:
        rows = client.get("/api/me/network-suggestions/").json()["results"]
        return {row["name"]: row for row in rows}

    for leader in reports[:4]:
        nm.Membership.objects.create(network=club, leader=leader)
    assert "Rapporternes klub" not in suggested()  # 4 members: not even its name

    for leader in reports[4:]:
        nm.Membership.objects.create(network=club, leader=leader)
    for leader in [f.LeaderFactory(unit=world.new_leader.leader.unit) for _ in range(7)]:
        nm.Membership.objects.create(network=strangers, leader=leader)
    rows = suggested()
    ours, theirs = rows["Rapporternes klub"], rows["Fremmedes klub"]
    codes = {r["code"] for r in ours["reasons"]}  # type: ignore[attr-defined]
    assert not codes & {"close", "known", "mentor", "department"}
    assert ours["member_count"] == 7
    # His own reports in it rank it no higher than seven strangers of the same unit would.
    assert ours["score"] == theirs["score"]
    assert ours["reasons"] == theirs["reasons"]

    club.welcomes_newcomers = False
    club.save(update_fields=["welcomes_newcomers"])
    assert "Rapporternes klub" not in suggested()
