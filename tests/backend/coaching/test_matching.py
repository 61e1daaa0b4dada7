"""The matcher's rules for a coach: never in the line, another administration first, capacity."""

from __future__ import annotations

import pytest

from backend.coaching.models import CoachRequest
from backend.coaching.problem import propose
from backend.coaching.selectors import active_coaches
from tests import factories as f
from tests.backend.coaching.conftest import Pool
from tests.conftest import World


def _request(world: World, **kwargs: object) -> CoachRequest:
    request = f.CoachRequestFactory(leader=world.new_leader.leader, **kwargs)
    request.topics.set([world.budget])
    return request


def _options(world: World, request: CoachRequest) -> list[int]:
    proposal = propose([request], active_coaches(organisation_id=world.org.id))[request.id]
    return [o.coach_id for o in proposal.options]


@pytest.mark.django_db
def test_never_a_coach_in_the_line_of_command_up_or_down(world: World, pool: Pool) -> None:
    request = _request(world)
    options = _options(world, request)
    assert pool.grand_boss.id not in options
    assert pool.report.id not in options
    assert set(options) == {
        pool.same_administration.id,
        pool.other_administration.id,
        pool.external.id,
    }


@pytest.mark.django_db
def test_another_administration_is_preferred_and_topics_rank_higher(
    world: World, pool: Pool
) -> None:
    request = _request(world)
    proposal = propose([request], active_coaches(organisation_id=world.org.id))[request.id]
    assert proposal.proposed is not None
    # Jens covers budget in another administration; Søren covers it in Mette's own; the
    # external coach covers roster only.
    assert proposal.proposed.coach_id == pool.other_administration.id
    ranked = [o.coach_id for o in proposal.options]
    assert ranked.index(pool.other_administration.id) < ranked.index(pool.same_administration.id)
    assert ranked.index(pool.same_administration.id) < ranked.index(pool.external.id)
    codes = {r["code"] for r in proposal.proposed.reasons}
    assert {"covers", "other_administration"} <= codes


@pytest.mark.django_db
def test_capacity_is_respected(world: World, pool: Pool) -> None:
    pool.other_administration.capacity = 1
    pool.other_administration.save()
    f.CoachRequestFactory(
        organisation=world.org, coach=pool.other_administration, status="assigned"
    )
    request = _request(world)
    assert pool.other_administration.id not in _options(world, request)


@pytest.mark.django_db
def test_two_requests_never_share_the_last_place(world: World, pool: Pool) -> None:
    for coach in (pool.grand_boss, pool.report, pool.same_administration, pool.external):
        coach.capacity = 0
        coach.save()
    for coach in (pool.other_administration,):
        coach.capacity = 1
        coach.save()
    first = _request(world)
    other = f.CoachRequestFactory(leader=world.outsider.leader)
    other.topics.set([world.budget])
    result = propose([first, other], active_coaches(organisation_id=world.org.id))
    proposed = [result[r.id].proposed for r in (first, other)]
    assert sum(p is not None for p in proposed) == 1


@pytest.mark.django_db
def test_preference_and_paused_coaches(world: World, pool: Pool) -> None:
    request = _request(world, preference="external")
    assert _options(world, request) == [pool.external.id]
    pool.external.status = "paused"
    pool.external.save()
    proposal = propose([request], active_coaches(organisation_id=world.org.id))[request.id]
    assert proposal.proposed is None and proposal.unmatched_reason is not None
