"""A coach pool beside the persona municipality: who may coach Mette, and who never may."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from backend.coaching.models import Coach
from backend.people import models as m
from tests import factories as f
from tests.conftest import World


@dataclass
class Pool:
    """Coaches around Mette: in her line (up and down), in her administration, outside it."""

    grand_boss: Coach  # Karen, Mette's boss's boss: in the line, never
    report: Coach  # a leader reporting to Mette: in the line (down), never
    same_administration: Coach  # Søren, a school leader in Børn og Unge
    other_administration: Coach  # Jens, a care-home leader in Social og Sundhed
    external: Coach  # an outside coach
    report_user: m.User


def _internal(world: World, leader: m.Leader, *topics: m.Topic, capacity: int = 2) -> Coach:
    coach = f.CoachFactory(
        organisation=world.org,
        kind=Coach.Kind.INTERNAL,
        leader=leader,
        name="",
        firm="",
        email="",
        capacity=capacity,
    )
    coach.topics.set(topics)
    return coach


@pytest.fixture
def pool(world: World) -> Pool:
    mette = world.new_leader.leader
    assert mette is not None and mette.unit is not None
    report = f.LeaderFactory(
        unit=f.UnitFactory(department=mette.unit.department, name="Vuggestuen Mælkebøtten"),
        boss=mette,
        first_name="Ida",
        last_name="Krog",
    )
    report_user = f.UserFactory(
        username="ida", organisation=world.org, role=m.User.Role.LEADER, leader=report
    )
    external = f.CoachFactory(
        organisation=world.org, name="Lone Friis", firm="Friis Coaching", capacity=2
    )
    external.topics.set([world.roster])
    return Pool(
        grand_boss=_internal(world, world.grand_boss.leader, world.budget),  # type: ignore[arg-type]
        report=_internal(world, report, world.budget),
        same_administration=_internal(world, world.outsider.leader, world.budget),  # type: ignore[arg-type]
        other_administration=_internal(world, world.mentor.leader, world.budget),  # type: ignore[arg-type]
        external=external,
        report_user=report_user,
    )
