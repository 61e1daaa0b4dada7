"""The scale generator: pure dicts without cycles, and the bulk loader keeps the same invariants."""

from __future__ import annotations

import datetime as dt
import io
from collections import Counter
from typing import Any

import networkx as nx
import pytest
from django.core.management import call_command
from django.db.models import F

from backend.networks import models as nm
from backend.people import models as m
from seed.scale import generate_leaders, generate_networks
from seed.scale_db import scale_load

TODAY = dt.date(2025, 3, 1)


def _line_graph(leaders: list[dict[str, Any]]) -> nx.DiGraph:
    G = nx.DiGraph()
    for row in leaders:
        G.add_node((row["organisation"], row["employee_number"]))
        if row["boss"]:
            G.add_edge(
                (row["organisation"], row["employee_number"]), (row["organisation"], row["boss"])
            )
    return G


def test_generate_leaders_is_a_tree_per_organisation_without_cycles() -> None:
    leaders = generate_leaders(2_000, 7, organisations=3, today=TODAY)
    assert len(leaders) == 2_000
    assert Counter(r["organisation"] for r in leaders) == {
        "scale-001": 667,
        "scale-002": 667,
        "scale-003": 666,
    }
    keys = [(r["organisation"], r["employee_number"]) for r in leaders]
    assert len(set(keys)) == len(keys)
    assert len({(r["organisation"], r["unit"]["code"]) for r in leaders}) == len(leaders)
    G = _line_graph(leaders)
    assert nx.is_directed_acyclic_graph(G)
    assert set(G.nodes) == set(keys)  # every boss is a leader of the same organisation
    roots = [r for r in leaders if r["boss"] is None]
    assert [r["role_title"] for r in roots] == ["Kommunaldirektør"] * 3
    assert {len(nx.ancestors(G, (r["organisation"], r["employee_number"]))) for r in roots} == {
        666,
        665,
    }  # everyone reaches their own municipal director


def test_generate_leaders_is_seeded_and_realistic() -> None:
    one = generate_leaders(1_500, 1, today=TODAY)
    assert one == generate_leaders(1_500, 1, today=TODAY)
    assert one != generate_leaders(1_500, 2, today=TODAY)
    new = [r for r in one if (TODAY - r["role_start_date"]).days <= 120]
    assert 0.05 < len(new) / len(one) < 0.15
    assert all(r["needs"] for r in new)
    tiers = Counter(r["tier"] for r in one)
    assert tiers["director"] == 5 and 50 < tiers["chief"] < 120
    service_types = {r["unit"]["service_type"] for r in one}
    assert {"school", "daycare", "care_home", "job_centre", "nutrition", "shelter"} <= service_types
    assert all(r["boss"] is None or r["organisation"] == "scale-001" for r in one)


def test_generate_leaders_refuses_too_few_leaders_per_organisation() -> None:
    with pytest.raises(ValueError, match="at least"):
        generate_leaders(20, 1, organisations=5)


@pytest.mark.django_db
def test_scale_load_writes_n_leaders_without_cycles() -> None:
    leaders = generate_leaders(2_000, 3, organisations=2, today=TODAY)
    networks = generate_networks(leaders, 3)
    counts = scale_load(leaders=leaders, networks=networks)

    assert (
        counts["leaders"]
        == 2_000
        == m.Leader.objects.filter(organisation__slug__startswith="scale-").count()
    )
    rows = list(
        m.Leader.objects.values("id", "boss_id", "organisation_id", "unit__organisation_id")
    )
    G = nx.DiGraph([(r["id"], r["boss_id"]) for r in rows if r["boss_id"]])
    assert nx.is_directed_acyclic_graph(G)
    by_id = {r["id"]: r for r in rows}
    assert all(
        by_id[r["boss_id"]]["organisation_id"] == r["organisation_id"] for r in rows if r["boss_id"]
    )
    assert all(r["unit__organisation_id"] == r["organisation_id"] for r in rows)
    # Every organisation got the default topics, and needs and strengths point at its own.
    assert not m.Competency.objects.exclude(topic__organisation=F("leader__organisation")).exists()
    assert m.SupportNeed.objects.count() == sum(len(r["needs"]) for r in leaders)
    assert nm.Network.objects.filter(kind="informal").exists()
    assert nm.Membership.objects.count() == counts["memberships"]


@pytest.mark.django_db
def test_seed_scale_command_replaces_its_organisations_and_leaves_others(world: object) -> None:
    out = io.StringIO()
    call_command("seed_scale", "--leaders", "300", "--seed", "1", stdout=out)
    call_command("seed_scale", "--leaders", "300", "--seed", "1", stdout=out)
    assert "300 leaders in 1 organisation(s)" in out.getvalue()
    assert m.Leader.objects.filter(organisation__slug__startswith="scale-").count() == 300
    assert m.Organisation.objects.filter(slug="testrup").exists()  # the persona municipality
    assert m.Leader.objects.filter(organisation__slug="testrup").count() == 5
