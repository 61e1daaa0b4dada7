"""List endpoints run the same number of queries at 10 and at 200 rows (pinned)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from backend.networks import models as nm
from backend.networks.models import SignUp
from backend.people import models as m
from tests import factories as f
from tests.conftest import World

pytestmark = pytest.mark.django_db

Client = Callable[[m.User | None], APIClient]


def _rows(world: World, n: int) -> None:
    me = world.new_leader.leader
    club = f.NetworkFactory(organisation=world.org, kind=nm.NetworkKind.INFORMAL)
    f.MembershipFactory(network=club, leader=me)
    signup = f.SignUpFactory(organisation=world.org, theme="T", deadline="2030-01-01")
    dept = m.Department.objects.get(organisation=world.org, name="Ældre og Sundhed")
    for _ in range(n - m.Leader.objects.filter(organisation=world.org).count() + 6):
        leader = f.LeaderFactory(
            unit=f.UnitFactory(department=dept, service_type="daycare"), discoverable=True
        )
        f.IntroductionRequestFactory(organisation=world.org, from_leader=leader, to_leader=me)
        f.JoinRequestFactory(network=club, leader=leader)
        f.SignUpRegistrationFactory(signup=signup, leader=leader)


def _count(client: APIClient, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


PINNED = {
    "/api/peers/?limit=100": 11,  # one more the first time: the peer index is built
    "/api/peers/introductions/?page_size=500": 4,
    "/api/network-join-requests/?page_size=500": 4,
    "/api/me/network-suggestions/": 11,
}


@pytest.mark.parametrize("rows", [10, 200])
def test_leader_lists_are_constant(rows: int, world: World, client_for: Client) -> None:
    _rows(world, rows)
    client = client_for(world.new_leader)
    counts = {url: _count(client, url) for url in PINNED}
    assert counts == PINNED


@pytest.mark.parametrize("rows", [10, 200])
def test_hr_lists_are_constant(rows: int, world: World, client_for: Client) -> None:
    _rows(world, rows)
    signup = SignUp.objects.get(organisation=world.org)
    client = client_for(world.hr)
    assert _count(client, f"/api/network-signups/{signup.id}/registrations/?page_size=500") == 6
    assert _count(client, "/api/network-signups/") == 5
