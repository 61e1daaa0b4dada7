"""Coffee roulette: no repeat within the cooldown, cross-administration first, one trio, opt-out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from rest_framework.test import APIClient

from backend.networks import models as nm
from backend.networks.models import RoulettePair, RouletteRound
from backend.networks.services.roulette import roulette_pairs_compose, roulette_round_run
from backend.networks.tasks import roulette_run_task
from backend.people import models as m
from tests import factories as f
from tests.backend.networks.conftest import login_for
from tests.conftest import World

pytestmark = pytest.mark.django_db

START = dt.date(2026, 1, 5)


def _club(world: World, size: int) -> nm.Network:
    club = f.NetworkFactory(
        organisation=world.org, name="Kaffeklubben", kind=nm.NetworkKind.INFORMAL
    )
    departments = [
        f.DepartmentFactory(administration=world.children, name="Klub A"),
        f.DepartmentFactory(administration=world.social, name="Klub B"),
    ]
    for k in range(size):
        leader = f.LeaderFactory(unit=f.UnitFactory(department=departments[k % 2]))
        f.MembershipFactory(network=club, leader=leader)
    return club


def _pairs(round_: RouletteRound) -> list[frozenset[int]]:
    return [frozenset(p.leaders.values_list("id", flat=True)) for p in round_.pairs.all()]


def test_twenty_rounds_never_repeat_within_the_cooldown(world: World) -> None:
    club = _club(world, 11)
    f.RouletteSettingFactory(network=club, every_weeks=2, cooldown_weeks=8, next_run_on=START)
    history: list[tuple[dt.date, list[frozenset[int]]]] = []
    for k in range(20):
        today = START + dt.timedelta(weeks=2 * k)
        round_ = roulette_round_run(network_id=club.id, today=today)
        assert round_ is not None
        groups = _pairs(round_)
        # Odd count: exactly one trio, everyone placed once.
        assert sorted(len(g) for g in groups) == [2, 2, 2, 2, 3]
        assert len(set().union(*groups)) == 11
        for earlier_day, earlier in history:
            if (today - earlier_day) < dt.timedelta(weeks=8):
                met_before = {frozenset(p) for g in earlier for p in _two(g)}
                met_now = {frozenset(p) for g in groups for p in _two(g)}
                assert not met_before & met_now, f"repeat in round {k + 1}"
        history.append((today, groups))
    assert RouletteRound.objects.filter(network=club).count() == 20


def _two(group: frozenset[int]) -> list[tuple[int, int]]:
    items = sorted(group)
    return [(a, b) for i, a in enumerate(items) for b in items[i + 1 :]]


def test_a_round_runs_once_however_often_the_task_fires(world: World) -> None:
    club = _club(world, 6)
    today = dt.date.today()
    f.RouletteSettingFactory(network=club, every_weeks=4, cooldown_weeks=12, next_run_on=today)
    roulette_run_task.delay()
    roulette_run_task.delay()
    assert RouletteRound.objects.filter(network=club).count() == 1
    assert roulette_round_run(network_id=club.id, today=today) is None
    assert RoulettePair.objects.filter(round__network=club).count() == 3


def test_cross_administration_pairs_are_preferred() -> None:
    members = [1, 2, 3, 4]
    admins = {1: 10, 2: 10, 3: 20, 4: 20}
    groups = roulette_pairs_compose(members=members, administration=admins, recent=set(), seed=1)
    assert all(admins[a] != admins[b] for a, b in groups)


def test_opt_out_sits_out_one_round_and_only_the_pair_sees_the_pair(
    world: World, client_for: Callable[[m.User | None], APIClient]
) -> None:
    club = _club(world, 4)
    f.RouletteSettingFactory(network=club, every_weeks=4, cooldown_weeks=0, next_run_on=START)
    leader = club.memberships.first().leader
    user = login_for(leader, "kaffe")
    client = client_for(user)
    assert client.post(f"/api/networks/{club.id}/roulette/opt-out/").json() == {"round": 1}
    first = roulette_round_run(network_id=club.id, today=START)
    assert leader.id not in set().union(*_pairs(first))
    assert len(set().union(*_pairs(first))) == 3  # three left: one trio
    second = roulette_round_run(network_id=club.id, today=START + dt.timedelta(weeks=4))
    assert leader.id in set().union(*_pairs(second))
    mine = client.get("/api/me/roulette-pairs/").json()["results"]
    assert len(mine) == 1 and leader.id in {x["id"] for x in mine[0]["leaders"]}
    # Not a member: the network does not exist for them.
    assert (
        client_for(world.outsider).post(f"/api/networks/{club.id}/roulette/opt-out/").status_code
        == 404
    )
    # The boss of nobody here and HR see no pairs of others.
    assert client_for(world.boss).get("/api/me/roulette-pairs/").json()["count"] == 0


def test_hr_switches_roulette_on_members_read_it(
    world: World, client_for: Callable[[m.User | None], APIClient]
) -> None:
    club = _club(world, 4)
    # Not set up yet: a JSON object, switched off (it was an empty 200 body, found by schemathesis).
    before = client_for(world.hr).get(f"/api/networks/{club.id}/roulette/")
    assert before["Content-Type"] == "application/json"
    assert before.json() == {
        "network": club.id,
        "active": False,
        "every_weeks": 4,
        "cooldown_weeks": 12,
        "next_run_on": None,
    }
    body = {"every_weeks": 3, "cooldown_weeks": 9, "next_run_on": "2027-01-04"}
    assert (
        client_for(world.hr)
        .put(f"/api/networks/{club.id}/roulette/", body, format="json")
        .json()["every_weeks"]
        == 3
    )
    bad = client_for(world.hr).put(
        f"/api/networks/{club.id}/roulette/", {"every_weeks": 0}, format="json"
    )
    assert bad.status_code == 400 and "every_weeks" in bad.json()
    assert client_for(world.outsider).get(f"/api/networks/{club.id}/roulette/").status_code == 404
    assert (
        client_for(world.other_organisation)
        .put(f"/api/networks/{club.id}/roulette/", body, format="json")
        .status_code
        == 404
    )
