"""Is this network worth your time: a round asks the members, a member answers for their own
networks, HR sees totals with cells under five hidden and comments only from five answers, and
nobody but the member reads an answer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.http import Http404
from rest_framework.test import APIClient

from backend.netvalue.models import ValueAnswer
from backend.netvalue.selectors import my_value_questions, value_overview, verdict
from backend.netvalue.services import value_answer, value_round_open, value_rounds_due_open
from backend.networks import models as nm
from backend.notifications.models import Notification
from backend.people import models as m
from tests import factories as f
from tests.conftest import World

pytestmark = pytest.mark.django_db

TODAY = dt.date(2027, 3, 1)


def _network(world: World, name: str, size: int) -> tuple[nm.Network, list[m.User]]:
    network = f.NetworkFactory(organisation=world.org, kind=nm.NetworkKind.LEADER_GROUP, name=name)
    users = []
    for _ in range(size):
        leader = f.LeaderFactory(unit=f.UnitFactory(department__administration=world.social))
        f.MembershipFactory(network=network, leader=leader)
        users.append(f.UserFactory(organisation=world.org, role="leader", leader=leader))
    return network, users


def test_a_round_asks_the_members_of_formal_networks_but_not_informal(world: World) -> None:
    _group, users = _network(world, "Ledergruppe Syd", 3)
    club = f.NetworkFactory(organisation=world.org, kind=nm.NetworkKind.INFORMAL)
    loner = f.UserFactory(
        organisation=world.org,
        role="leader",
        leader=f.LeaderFactory(unit=f.UnitFactory(department__administration=world.social)),
    )
    f.MembershipFactory(network=club, leader=loner.leader)
    value_round_open(organisation_id=world.org.id, today=TODAY)
    asked = set(
        Notification.objects.filter(kind="netvalue.question").values_list("user", flat=True)
    )
    assert {u.id for u in users} <= asked
    assert loner.id not in asked
    assert Notification.objects.filter(kind="netvalue.question").first().url == "/networks/value"
    # The beat does not ask again within three months; it does after.
    assert value_rounds_due_open(today=TODAY + dt.timedelta(days=30)) == 0
    assert value_rounds_due_open(today=TODAY + dt.timedelta(days=92)) >= 1


def test_hr_sees_figures_from_five_answers_and_small_cells_hidden(world: World) -> None:
    big, big_users = _network(world, "Ledergruppe Nord", 6)
    small, small_users = _network(world, "Læringsnetværk Øst", 3)
    value_round_open(organisation_id=world.org.id, today=TODAY)
    for k, user in enumerate(big_users[:5]):
        value_answer(
            actor=user,
            network_id=big.id,
            score=2,
            wish="close",
            comment=f"Kommentar {k}",
            today=TODAY,
        )
    for user in small_users:
        value_answer(
            actor=user,
            network_id=small.id,
            score=5,
            wish="keep",
            comment="HEMMELIG-lille",
            today=TODAY,
        )
    rows = {r["network"].name: r for r in value_overview(actor=world.hr)["networks"]}
    assert rows["Ledergruppe Nord"]["mean_score"] == {"value": 2.0, "suppressed": False}
    assert rows["Ledergruppe Nord"]["close"]["value"] == 5
    assert rows["Ledergruppe Nord"]["verdict"] == "close"
    assert rows["Ledergruppe Nord"]["comments"] == [f"Kommentar {k}" for k in range(5)]
    assert rows["Læringsnetværk Øst"]["mean_score"] == {"value": None, "suppressed": True}
    assert rows["Læringsnetværk Øst"]["comments"] == []
    assert rows["Læringsnetværk Øst"]["verdict"] == "too_few"


def test_a_member_answers_only_for_their_own_networks(world: World) -> None:
    mine, users = _network(world, "Ledergruppe Vest", 2)
    other, _ = _network(world, "Ledergruppe Midt", 1)
    value_round_open(organisation_id=world.org.id, today=TODAY)
    with pytest.raises(Http404):
        value_answer(actor=users[0], network_id=other.id, score=3, wish="keep", today=TODAY)
    value_answer(actor=users[0], network_id=mine.id, score=3, wish="change", today=TODAY)
    value_answer(actor=users[0], network_id=mine.id, score=4, wish="keep", today=TODAY)
    assert ValueAnswer.objects.get().score == 4
    questions = my_value_questions(actor=users[0], today=TODAY).questions
    assert [(q.network.id, q.answer.score if q.answer else None) for q in questions] == [
        (mine.id, 4)
    ]
    # Another member sees only their own (none yet).
    theirs = my_value_questions(actor=users[1], today=TODAY).questions
    assert [q.answer for q in theirs] == [None]


def test_no_answer_reaches_a_boss_or_another_member(
    world: World, client_for: Callable[[m.User | None], APIClient]
) -> None:
    network = f.NetworkFactory(organisation=world.org, kind=nm.NetworkKind.LEADER_GROUP)
    for user in (world.new_leader, world.boss):
        f.MembershipFactory(network=network, leader=user.leader)
    value_round_open(organisation_id=world.org.id)
    answered = client_for(world.new_leader).post(
        "/api/network-value/answers/",
        {"network": network.id, "score": 1, "wish": "close", "comment": "CANARY-svar-mette"},
        format="json",
    )
    assert answered.status_code == 201
    for user in (world.boss, world.grand_boss, world.mentor):
        text = client_for(user).get("/api/network-value/mine/").content.decode()
        assert "CANARY-svar-mette" not in text
        assert client_for(user).get("/api/network-value/overview/").status_code == 403
    hr = client_for(world.hr).get("/api/network-value/overview/").content.decode()
    assert "CANARY-svar-mette" not in hr  # one answer: below five, no comment shown


def test_the_verdict_in_words_of_the_figures() -> None:
    assert verdict(answers=4, mean=5.0, close_share=0.0) == "too_few"
    assert verdict(answers=8, mean=4.2, close_share=0.1) == "renew"
    assert verdict(answers=8, mean=3.0, close_share=0.2) == "change"
    assert verdict(answers=8, mean=2.2, close_share=0.1) == "close"
    assert verdict(answers=8, mean=4.0, close_share=0.5) == "close"
