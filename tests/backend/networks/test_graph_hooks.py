"""The leader graph reads mentorships through ``backend.networks.hooks`` (no mentoring import)."""

from __future__ import annotations

import pytest

from backend.mentoring import network_ties
from backend.mentoring.models import Mentorship
from backend.networks import hooks
from backend.networks.graph import leader_graph_build
from tests import factories as f
from tests.conftest import World


def test_mentoring_registers_its_mentorships_with_the_graph() -> None:
    assert any(
        source.ties is network_ties.mentorship_ties
        and source.fingerprint is network_ties.mentorship_fingerprint
        and source.mentor_of is network_ties.mentor_of
        for source in hooks._sources
    )


@pytest.mark.django_db
def test_the_graph_adds_the_ties_the_registered_source_gives(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    mentee, mentor = world.new_leader.leader, world.outsider.leader
    assert mentee is not None and mentor is not None

    def ties(*, organisation_id: int) -> list[hooks.MentorshipTie]:
        return [hooks.MentorshipTie(mentee_id=mentee.id, mentor_id=mentor.id, active=False)]

    def fingerprint(*, organisation_id: int) -> int:
        return 1

    monkeypatch.setattr(hooks, "_sources", [])
    hooks.mentorship_source_register(
        fingerprint=fingerprint, ties=ties, mentor_of=lambda *, leader_id: None
    )
    graph = leader_graph_build(organisation_id=world.org.id)
    assert "past_mentorship" in graph.G[mentee.id][mentor.id]["ties"]
    assert graph.G_public.has_edge(mentee.id, mentor.id)  # HR made the pairing: public

    monkeypatch.setattr(hooks, "_sources", [])
    assert hooks.mentorship_fingerprint(organisation_id=world.org.id) == ()
    without = leader_graph_build(organisation_id=world.org.id)
    assert (
        "past_mentorship"
        not in without.G.get_edge_data(mentee.id, mentor.id, {"ties": set()})["ties"]
    )


@pytest.mark.django_db
def test_a_leaders_active_mentor_reaches_the_networks_app_through_the_hook(world: World) -> None:
    mentee, mentor = world.new_leader.leader, world.mentor.leader
    assert mentee is not None and mentor is not None
    assert hooks.mentor_of(leader_id=mentee.id) is None
    f.MentorshipFactory(mentee=mentee, mentor=mentor, status=Mentorship.Status.ACTIVE)
    assert hooks.mentor_of(leader_id=mentee.id) == mentor.id
    assert hooks.mentor_of(leader_id=mentor.id) is None  # the mentor has no mentor
