"""The Ledertræf API per role: HR plans, a refused move is a field error, scoped HR adds only
its own leaders, leaders get 403, and no informal network appears in any answer."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rest_framework.test import APIClient

from backend.gatherings.models import Gathering, Seat
from backend.networks import models as nm
from backend.people import models as m
from tests import factories as f
from tests.conftest import World

pytestmark = pytest.mark.django_db

Client = Callable[[m.User | None], APIClient]


def test_hr_creates_picks_composes_and_a_move_into_the_line_is_a_field_error(
    world: World, meeting: Gathering, client_for: Client
) -> None:
    hr = client_for(world.hr)
    created = hr.post(
        "/api/gatherings/",
        {"title": "Ledertræf", "date": "2027-03-04", "table_min": 5, "table_max": 6},
        format="json",
    )
    assert created.status_code == 201, created.json()
    assert created.json()["attendee_count"] == 0 and created.json()["composed"] is False
    plan = hr.post(f"/api/gatherings/{meeting.id}/compose/", {}, format="json")
    assert plan.status_code == 200
    body = plan.json()
    assert [r["number"] for r in body["rounds"]] == [1, 2]
    assert body["rounds"][1]["new_pairs"] > 0
    report = m.Leader.objects.get(first_name="Leder04")
    table = Seat.objects.get(gathering=meeting, round=1, leader=report.boss).table
    moved = hr.post(
        f"/api/gatherings/{meeting.id}/move/",
        {"round": 1, "leader": report.id, "table": table},
        format="json",
    )
    assert moved.status_code == 400
    assert "table" in moved.json()


def test_the_plan_names_no_informal_network(
    world: World, meeting: Gathering, client_for: Client
) -> None:
    ids = list(meeting.attendees.values_list("leader_id", flat=True)[:2])
    club = f.NetworkFactory(
        organisation=world.org, kind=nm.NetworkKind.INFORMAL, name="Fredagsklubben"
    )
    for leader in m.Leader.objects.filter(id__in=ids):
        f.MembershipFactory(network=club, leader=leader)
    hr = client_for(world.hr)
    hr.post(f"/api/gatherings/{meeting.id}/compose/", {}, format="json")
    text = hr.get(f"/api/gatherings/{meeting.id}/").content.decode()
    assert "Fredagsklubben" not in text and "informal" not in text


def test_scoped_hr_adds_only_leaders_of_its_administrations(
    world: World, client_for: Client
) -> None:
    gathering = f.GatheringFactory(organisation=world.org)
    outside = world.boss.leader  # Børn og Unge; the scoped HR has Social og Sundhed
    assert outside is not None
    scoped = client_for(world.hr_scoped)
    answer = scoped.post(
        f"/api/gatherings/{gathering.id}/attendees/", {"leader_ids": [outside.id]}, format="json"
    )
    assert answer.status_code == 400 and "leader_ids" in answer.json()


def test_leaders_and_other_organisations_cannot_reach_a_meeting(
    world: World, meeting: Gathering, client_for: Client
) -> None:
    assert client_for(world.boss).get(f"/api/gatherings/{meeting.id}/").status_code == 403
    other = client_for(world.other_organisation)
    assert other.get(f"/api/gatherings/{meeting.id}/").status_code == 404
