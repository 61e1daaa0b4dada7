"""The leader network as maps: HR's by administration, a leader's own ties."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from backend.networks.access import (
    actor_leader_or_404,
    hr_or_404,
)
from backend.networks.graph import LeaderGraph, leader_graph
from backend.networks.reasons import MIN_AGGREGATE
from backend.networks.selectors.leaders import leader_brief, leader_rows
from backend.people import access
from backend.people.models import Administration, Leader, User


def network_map_hr(*, actor: User) -> dict[str, Any]:
    """Return the leader network aggregated by administration (HR only).

    Nodes: administrations with their leader counts. Edges: public ties between (and within)
    administrations. Private ties are added per edge only as a count over >= 5 distinct people,
    otherwise suppressed (``null``).
    """
    hr_or_404(actor)
    organisation_id = access.organisation_id_of(actor)
    assert organisation_id is not None
    graph = leader_graph(organisation_id=organisation_id)
    scope_admins = set(access.hr_administration_ids(actor))
    administrations = {
        a.id: a.name
        for a in Administration.objects.filter(organisation_id=organisation_id)
        if not scope_admins or a.id in scope_admins
    }
    counts: Counter[int] = Counter(
        info.administration_id
        for info in graph.leaders.values()
        if info.administration_id in administrations
    )
    public: Counter[tuple[int, int]] = Counter()
    for u, v in graph.G_public.edges():
        key = _admin_pair(graph, u, v, administrations)
        if key:
            public[key] += 1
    private: Counter[tuple[int, int]] = Counter()
    private_people: dict[tuple[int, int], set[int]] = defaultdict(set)
    for u, v in graph.G.edges():
        if graph.G_public.has_edge(u, v):
            continue
        key = _admin_pair(graph, u, v, administrations)
        if key:
            private[key] += 1
            private_people[key] |= {u, v}
    keys = sorted(set(public) | set(private))
    return {
        "nodes": [
            {"id": aid, "name": name, "leaders": counts.get(aid, 0)}
            for aid, name in sorted(administrations.items(), key=lambda kv: kv[1])
        ],
        "edges": [
            {
                "source": a,
                "target": b,
                "ties": public.get((a, b), 0),
                "private_ties": private[(a, b)]
                if len(private_people[(a, b)]) >= MIN_AGGREGATE
                else None,
            }
            for a, b in keys
        ],
        "min_aggregate": MIN_AGGREGATE,
    }


def _admin_pair(
    graph: LeaderGraph, u: int, v: int, administrations: dict[int, str]
) -> tuple[int, int] | None:
    a, b = graph.leaders[u].administration_id, graph.leaders[v].administration_id
    if a not in administrations or b not in administrations:
        return None
    assert a is not None and b is not None
    return (min(a, b), max(a, b))


@dataclass
class EgoTie:
    """One of the caller's ties, with what it consists of."""

    leader: Leader
    weight: float
    ties: list[str] = field(default_factory=list)


def network_map_ego(*, actor: User) -> dict[str, Any]:
    """Return the caller's own network: their ties, each with its kinds (leaders only)."""
    me = actor_leader_or_404(actor)
    graph = leader_graph(organisation_id=me.organisation_id)
    G = graph.G
    if me.id not in G:
        return {"me": me.id, "nodes": [], "edges": []}
    neighbours = sorted(G.neighbors(me.id))
    rows = leader_rows([me.id, *neighbours])
    return {
        "me": me.id,
        "nodes": [leader_brief(rows[n]) for n in [me.id, *neighbours] if n in rows],
        "edges": [
            {
                "source": me.id,
                "target": n,
                "weight": round(G[me.id][n]["weight"], 3),
                "ties": sorted(G[me.id][n]["ties"]),
            }
            for n in neighbours
        ],
    }
