"""The table composer's rules at a Ledertræf: line and unit apart, known pairs apart when it can
be helped, and a second round that meets new people."""

from __future__ import annotations

import dataclasses
import random
from itertools import combinations

import pytest

from backend.api.exceptions import ServiceError
from backend.gatherings.models import Gathering, Seat
from backend.gatherings.selectors import (
    gathering_plan,
    known_pairs,
    line_pairs,
    rounds_of,
    seated_pairs,
)
from backend.gatherings.services import attendees_add, gathering_compose, seat_move
from backend.networks import models as nm
from backend.networks.graph import leader_graph
from backend.people import models as m
from backend.people import visibility
from tests import factories as f
from tests.conftest import World

pytestmark = pytest.mark.django_db


def _tables(gathering: Gathering, number: int) -> list[list[int]]:
    return list(rounds_of(gathering=gathering)[number].values())


def test_no_one_sits_with_someone_in_their_line(world: World, meeting: Gathering) -> None:
    gathering_compose(actor=world.hr, gathering_id=meeting.id)
    graph = leader_graph(organisation_id=world.org.id)
    ids = list(Seat.objects.filter(gathering=meeting).values_list("leader_id", flat=True))
    lines = line_pairs(set(ids), graph)
    assert lines  # the meeting has lines to keep apart
    for number in (1, 2):
        tables = _tables(meeting, number)
        assert sorted(x for t in tables for x in t) == sorted(set(ids))
        assert all(5 <= len(t) <= 6 for t in tables)
        assert not seated_pairs(tables) & lines


def test_a_known_pair_is_kept_apart_when_it_can_be(world: World, meeting: Gathering) -> None:
    ids = list(meeting.attendees.values_list("leader_id", flat=True))
    group = f.NetworkFactory(organisation=world.org, kind=nm.NetworkKind.LEADER_GROUP)
    for leader in m.Leader.objects.filter(id__in=ids[:3]):
        f.MembershipFactory(network=group, leader=leader)
    gathering_compose(actor=world.hr, gathering_id=meeting.id)
    known = {tuple(sorted(p)) for p in combinations(ids[:3], 2)}
    for number in (1, 2):
        assert not seated_pairs(_tables(meeting, number)) & known


def test_round_two_repeats_fewer_pairs_than_a_random_seating(
    world: World, meeting: Gathering
) -> None:
    gathering_compose(actor=world.hr, gathering_id=meeting.id)
    first = seated_pairs(_tables(meeting, 1))
    repeated = len(seated_pairs(_tables(meeting, 2)) & first)
    ids = [x for t in _tables(meeting, 2) for x in t]
    sizes = [len(t) for t in _tables(meeting, 2)]
    rng = random.Random(7)
    randoms = []
    for _ in range(200):
        rng.shuffle(ids)
        tables, start = [], 0
        for size in sizes:
            tables.append(ids[start : start + size])
            start += size
        randoms.append(len(seated_pairs(tables) & first))
    mean = sum(randoms) / len(randoms)
    assert mean > 5  # a random seating repeats several pairs
    assert repeated < mean / 2
    plan = gathering_plan(gathering=meeting)
    assert plan.rounds[1].repeated_pairs == repeated
    assert plan.rounds[1].new_pairs == plan.rounds[1].pairs - repeated


def test_a_move_into_the_line_is_refused_and_names_both(world: World, meeting: Gathering) -> None:
    gathering_compose(actor=world.hr, gathering_id=meeting.id)
    report = m.Leader.objects.get(first_name="Leder04")
    boss = report.boss
    assert boss is not None
    table = Seat.objects.get(gathering=meeting, round=1, leader=boss).table
    with pytest.raises(ServiceError) as caught:
        seat_move(
            actor=world.hr,
            gathering_id=meeting.id,
            round_number=1,
            leader_id=report.id,
            table=table,
        )
    assert caught.value.field == "table"
    assert "Leder04 Test" in str(caught.value) and boss.full_name in str(caught.value)


def test_a_soft_move_is_kept_and_warned(world: World, meeting: Gathering) -> None:
    gathering_compose(actor=world.hr, gathering_id=meeting.id)
    plan = gathering_plan(gathering=meeting)
    mover = plan.rounds[0].tables[0].members[0]
    target = plan.rounds[0].tables[1]
    graph = leader_graph(organisation_id=world.org.id)
    if line_pairs([mover.id, *(x.id for x in target.members)], graph):
        mover = plan.rounds[0].tables[0].members[1]
    seat_move(actor=world.hr, gathering_id=meeting.id, round_number=1, leader_id=mover.id, table=2)
    plan = gathering_plan(gathering=meeting)
    assert len(plan.rounds[0].tables[1].members) == 7
    assert any(w.rule == "size" for w in plan.rounds[0].tables[1].warnings)


def test_attendees_by_administration_and_from_a_list(world: World) -> None:
    meeting = f.GatheringFactory(organisation=world.org)
    added = attendees_add(
        actor=world.hr, gathering_id=meeting.id, administration_ids=[world.social.id]
    )
    assert added == meeting.attendees.count() > 0
    numbers = list(
        m.Leader.objects.filter(organisation=world.org).values_list("employee_number", flat=True)
    )
    added = attendees_add(actor=world.hr, gathering_id=meeting.id, identifiers="\n".join(numbers))
    assert meeting.attendees.count() == len(numbers)
    with pytest.raises(ServiceError) as caught:
        attendees_add(actor=world.hr, gathering_id=meeting.id, identifiers="999999-nobody")
    assert caught.value.field == "identifiers"


def test_an_informal_network_is_never_a_reason_nor_a_warning(world: World) -> None:
    """Two members of an informal network may sit together; the plan says nothing about it."""
    meeting = f.GatheringFactory(organisation=world.org, table_min=2, table_max=2, rounds=1)
    a = f.LeaderFactory(unit=f.UnitFactory(department__administration=world.children))
    b = f.LeaderFactory(unit=f.UnitFactory(department__administration=world.social))
    club = f.NetworkFactory(organisation=world.org, kind=nm.NetworkKind.INFORMAL)
    f.MembershipFactory(network=club, leader=a)
    f.MembershipFactory(network=club, leader=b)
    attendees_add(actor=world.hr, gathering_id=meeting.id, leader_ids=[a.id, b.id])
    gathering_compose(actor=world.hr, gathering_id=meeting.id)
    plan = gathering_plan(gathering=meeting)
    table = plan.rounds[0].tables[0]
    assert table.warnings == []
    assert table.new_pairs == 1


@pytest.mark.parametrize("hr_sees_pairings", [True, False])
def test_a_mentorship_counts_as_knowing_each_other_only_while_hr_sees_pairings(
    world: World, monkeypatch: pytest.MonkeyPatch, hr_sees_pairings: bool
) -> None:
    """The composer works for HR: a pairing the served rules hide from HR is no reason either
    (the web app's note beside the composer is worded from the same rule)."""
    if not hr_sees_pairings:
        hidden = tuple(
            dataclasses.replace(rule, sees=visibility.Sees.NOTHING)
            if (rule.kind, rule.audience)
            == (visibility.Kind.MENTOR_PAIRING, visibility.Audience.HR)
            else rule
            for rule in visibility.RULES
        )
        monkeypatch.setattr(visibility, "RULES", hidden)
    programme = f.ProgrammeFactory(organisation=world.org)
    pair = f.MentorshipFactory(
        programme=programme,
        enrolment=f.EnrolmentFactory(
            programme=programme,
            leader=f.LeaderFactory(unit=f.UnitFactory(department__administration=world.children)),
        ),
        offer=f.MentorOfferFactory(
            programme=programme,
            leader=f.LeaderFactory(unit=f.UnitFactory(department__administration=world.social)),
        ),
    )
    graph = leader_graph(organisation_id=world.org.id)
    known = known_pairs([pair.mentee_id, pair.mentor_id], graph)
    assert known == (
        {tuple(sorted((pair.mentee_id, pair.mentor_id)))} if hr_sees_pairings else set()
    )
