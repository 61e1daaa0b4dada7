"""Cohort circles: HR reviews the proposed circles, then creates exactly those (issue 13)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from backend.networks.models import CohortCircle
from backend.people import models as m
from tests import factories as f
from tests.conftest import World

pytestmark = pytest.mark.django_db

Client = Callable[[m.User | None], APIClient]


@pytest.fixture
def newcomers(world: World) -> list[m.Leader]:
    today = timezone.localdate()
    departments = [
        m.Department.objects.get(name="Ældre og Sundhed", organisation=world.org),
        m.Department.objects.get(name="Skole", organisation=world.org),
    ]
    return [
        f.LeaderFactory(
            unit=f.UnitFactory(department=departments[k % 2]),
            role_start_date=today - dt.timedelta(days=10 + k),
        )
        for k in range(7)
    ]


def test_review_then_create_exactly_the_reviewed_circles(
    world: World, client_for: Client, newcomers: list[m.Leader]
) -> None:
    hr = client_for(world.hr)
    hr.put("/api/cohort-settings/", {"min_size": 4, "max_size": 4}, format="json")
    proposal = hr.post("/api/cohort-circles/proposal/")
    assert proposal.status_code == 200, proposal.json()
    groups = [[x["id"] for x in g["members"]] for g in proposal.json()["groups"]]
    assert sorted(len(g) for g in groups) == [4, 4]
    assert CohortCircle.objects.count() == 0  # reviewing writes nothing

    created = hr.post("/api/cohort-circles/form/", {"groups": groups}, format="json")
    assert created.status_code == 201, created.json()
    made = [
        sorted(c.network.memberships.values_list("leader_id", flat=True))
        for c in CohortCircle.objects.order_by("id")
    ]
    assert made == [sorted(g) for g in groups]


def test_reviewed_groups_are_checked_again(
    world: World, client_for: Client, newcomers: list[m.Leader]
) -> None:
    hr = client_for(world.hr)
    hr.put("/api/cohort-settings/", {"min_size": 4, "max_size": 4}, format="json")
    ids = [leader.id for leader in newcomers] + [world.new_leader.leader_id]
    bad = [
        [ids[0], ids[0], ids[1], ids[2]],  # a leader twice
        [ids[0], ids[1], ids[2], world.boss.leader_id],  # not a newcomer
    ]
    for group in bad:
        response = hr.post("/api/cohort-circles/form/", {"groups": [group]}, format="json")
        assert response.status_code == 400 and "groups" in response.json()
    too_small = hr.post("/api/cohort-circles/form/", {"groups": [ids[:3]]}, format="json")
    assert too_small.status_code == 400 and "groups" in too_small.json()
    assert CohortCircle.objects.count() == 0
    assert client_for(world.new_leader).post("/api/cohort-circles/proposal/").status_code == 403
