"""A run passes the participants' real ties from the leader graph, so a mentor who shares a
contact with the mentee (distance 2, through a leader outside the programme) is recognised.

The run reads the public ties straight from the database (``backend/networks/public_ties.py``)
rather than building the graph; the tests below check it gives the matcher exactly the ties
the graph's ``G_public`` gives (on the demo and on generated organisations).
"""

from __future__ import annotations

import pytest
from django.utils import timezone

from backend.mentoring.models import Programme
from backend.mentoring.problem import Built, policy_from_json, problem_for_programme
from backend.networks.graph import graph_cache_clear, leader_graph_build
from backend.people import models as m
from matching import suggest_mentors
from tests import factories as f
from tests.backend.networks.tie_world import tie_world

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


def _graph_ties(built: Built, organisation_id: int) -> tuple[tuple[str, str], ...]:
    """The participants' ties as the run took them from the graph before (``G_public``)."""
    graph = leader_graph_build(organisation_id=organisation_id).G_public
    participants = {int(i) for i in (*built.enrolment_of, *built.offer_of)}
    ties: set[tuple[str, str]] = set()
    for leader_id in participants:
        if leader_id in graph:
            for other in graph.neighbors(leader_id):
                a, b = sorted((leader_id, other))
                ties.add((str(a), str(b)))
    return tuple(sorted(ties))


def test_the_demo_programmes_get_the_graphs_public_ties(db: None) -> None:
    from seed.demo import demo_run

    org = demo_run(
        seed=42,
        today=timezone.localdate(),
        steps=(
            "seed.demo.seed_people",
            "seed.mentoring.seed_mentoring",
            "seed.networks.seed_networks",
        ),
    ).organisation
    programmes = list(Programme.objects.filter(organisation=org))
    assert programmes
    total = 0
    for programme in programmes:
        built = problem_for_programme(programme=programme)
        assert built.problem.ties == _graph_ties(built, org.id)
        total += len(built.problem.ties)
    assert total > 100


@pytest.mark.parametrize("seed", [1, 2])
def test_a_generated_programme_gets_the_graphs_public_ties(seed: int) -> None:
    org = tie_world(seed)
    programme = f.ProgrammeFactory(organisation=org)
    leaders = list(m.Leader.objects.filter(organisation=org).order_by("id"))
    for leader in leaders[: len(leaders) // 3]:
        f.EnrolmentFactory(programme=programme, leader=leader)
    for leader in leaders[len(leaders) // 3 :]:
        f.MentorOfferFactory(programme=programme, leader=leader, override_reason="test")
    built = problem_for_programme(programme=programme)
    assert len(built.problem.mentees) > 40 and len(built.problem.mentors) > 100
    assert len(built.problem.ties) > 500
    assert built.problem.ties == _graph_ties(built, org.id)
