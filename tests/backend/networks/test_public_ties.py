"""The public ties read straight from the database are the leader graph's public edges."""

from __future__ import annotations

import pytest

from backend.networks.graph import leader_graph_build
from backend.networks.public_ties import public_tie_pairs
from backend.people import models as m
from tests.backend.networks.tie_world import tie_world

pytestmark = pytest.mark.django_db


def _graph_public_edges(organisation_id: int) -> list[tuple[int, int]]:
    graph = leader_graph_build(organisation_id=organisation_id).G_public
    return sorted((min(a, b), max(a, b)) for a, b in graph.edges())


def _read(organisation_id: int) -> list[tuple[int, int]]:
    pairs = public_tie_pairs(organisation_id=organisation_id)
    assert pairs.shape[1] == 2
    return [(int(a), int(b)) for a, b in pairs.tolist()]


def test_the_demo_has_the_same_public_ties_as_its_graph(demo: m.Organisation) -> None:
    edges = _graph_public_edges(demo.id)
    assert len(edges) > 100
    assert _read(demo.id) == edges


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_generated_organisation_has_the_same_public_ties_as_its_graph(seed: int) -> None:
    org = tie_world(seed)
    edges = _graph_public_edges(org.id)
    full = leader_graph_build(organisation_id=org.id).G
    assert len(edges) > 500
    assert full.number_of_edges() > len(edges)  # private ties exist, and stay out
    assert _read(org.id) == edges


def test_an_organisation_without_leaders_has_no_ties() -> None:
    org = m.Organisation.objects.create(name="Tom Kommune", slug="tom")
    assert public_tie_pairs(organisation_id=org.id).shape == (0, 2)
