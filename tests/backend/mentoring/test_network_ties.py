"""A run passes the participants' real ties from the leader graph, so a mentor who shares a
contact with the mentee (distance 2, through a leader outside the programme) is recognised."""

from __future__ import annotations

import pytest

from backend.mentoring.problem import policy_from_json, problem_for_programme
from backend.networks.graph import graph_cache_clear
from backend.people import models as m
from matching import suggest_mentors
from tests import factories as f

pytestmark = pytest.mark.django_db


def _network_part(setup, mentee_id: int, mentor_id: int) -> float:
    built = problem_for_programme(programme=setup.programme)
    policy = policy_from_json(setup.programme.policy)
    for suggestion in suggest_mentors(built.problem, policy=policy):
        if suggestion.mentee == str(mentee_id):
            for pair in suggestion.mentors:
                if pair.mentor == str(mentor_id):
                    return pair.components["network"]
    raise AssertionError("the mentor is not suggested to the mentee")


def test_a_shared_contact_outside_the_programme_lowers_the_network_part(setup, world):
    graph_cache_clear()
    mette = setup.mette.leader
    ida = setup.offers[2].leader
    stranger = _network_part(setup, mette.id, ida.id)
    # Kim takes part in nothing, but knows both: one open leader group with each.
    kim = f.LeaderFactory(
        unit=f.UnitFactory(department=m.Department.objects.get(administration=world.social)),
        first_name="Kim",
    )
    for other in (mette, ida):
        network = f.NetworkFactory(organisation=world.org)
        f.MembershipFactory(network=network, leader=kim)
        f.MembershipFactory(network=network, leader=other)
    built = problem_for_programme(programme=setup.programme)
    assert (str(min(mette.id, kim.id)), str(max(mette.id, kim.id))) in built.problem.ties
    shared = _network_part(setup, mette.id, ida.id)
    assert stranger > 0
    assert shared == pytest.approx(stranger / 2)
