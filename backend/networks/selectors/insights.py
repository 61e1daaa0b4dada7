"""HR's figures on the leader network (isolated leaders, brokers, bridges, communities)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Collection
from typing import Any

import networkx as nx

from backend.networks.access import (
    hr_or_404,
)
from backend.networks.graph import LeaderGraph, leader_graph
from backend.networks.models import (
    NetworkKind,
)
from backend.networks.reasons import MIN_AGGREGATE
from backend.networks.selectors.leaders import leader_brief, leader_rows
from backend.people import access
from backend.people.models import Administration, User


def _scope_leader_ids(administration_ids: Collection[int], graph: LeaderGraph) -> set[int]:
    scope = set(administration_ids)
    if not scope:
        return set(graph.leaders)
    return {lid for lid, info in graph.leaders.items() if info.administration_id in scope}


def _sparring_networks(graph: LeaderGraph, *, public_only: bool) -> dict[int, set[int]]:
    """Networks leaders spar in (all kinds but leadership teams), member sets."""
    out = {}
    for nid, members in graph.memberships.items():
        if graph.network_kinds.get(nid) == NetworkKind.LEADERSHIP_TEAM:
            continue
        if public_only and nid in graph.private_networks:
            continue
        out[nid] = members
    return out


def _isolated(graph: LeaderGraph, leader_ids: set[int], *, public_only: bool) -> set[int]:
    """Leaders with no sparring network (nor mentorship) reaching outside their own line."""
    sparring = _sparring_networks(graph, public_only=public_only)
    has: set[int] = set()
    by_leader: dict[int, list[int]] = defaultdict(list)
    for nid, members in sparring.items():
        for m in members:
            by_leader[m].append(nid)
    for lid in leader_ids:
        line = graph.line_of(lid) | {lid}
        for nid in by_leader.get(lid, ()):
            if graph.network_kinds.get(nid) == NetworkKind.EXTERNAL or sparring[nid] - line:
                has.add(lid)
                break
        else:
            G = graph.G if not public_only else graph.G_public
            if lid in G and any(
                {"mentorship", "past_mentorship"} & G[lid][n]["ties"] for n in G.neighbors(lid)
            ):
                has.add(lid)
    return leader_ids - has


def ei_index(graph: nx.Graph, leaders: dict[int, Any], administration_id: int) -> dict[str, Any]:
    """Krackhardt and Stern's E-I index of an administration's ties: (E - I) / (E + I).

    Counts edges (not weights) from the administration's leaders: external ties lead to another
    administration. -1: all ties inside; +1: all outside.
    """
    internal = external = 0
    for u, v in graph.edges():
        au, av = leaders[u].administration_id, leaders[v].administration_id
        if au != administration_id and av != administration_id:
            continue
        if au == av:
            internal += 1
        else:
            external += 1
    total = internal + external
    return {
        "internal": internal,
        "external": external,
        "ei_index": round((external - internal) / total, 3) if total else None,
    }


def _structure(
    graph: LeaderGraph, scope: set[int], *, seed: int
) -> tuple[list[tuple[int, float]], list[tuple[int, ...]], list[set[int]]]:
    """Brokers, bridges and communities of the public graph within ``scope``.

    The costly part of the insights (exact betweenness: seconds at 1 000 leaders), so it is
    kept with the graph: the next view of the same data, by any HR user with the same scope,
    reuses it; a change to the data builds a new graph and so a new result.
    """
    key = ("structure", frozenset(scope), seed)
    if key in graph.memo:
        return graph.memo[key]
    P = graph.G_public
    # Brokers: betweenness on the public graph; sampled (seeded) above 2 000 leaders.
    sub = P.subgraph(scope) if len(scope) < len(graph.leaders) else P
    k = None if sub.number_of_nodes() <= 2000 else 500
    betweenness = nx.betweenness_centrality(sub, k=k, seed=seed, normalized=True)
    brokers = sorted(betweenness.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
    bridges = sorted(tuple(sorted(e)) for e in nx.bridges(sub))[:50]
    communities = nx.community.louvain_communities(sub, weight="weight", seed=seed)
    communities = sorted(communities, key=lambda c: (-len(c), min(c)))
    graph.memo[key] = (brokers, bridges, communities)
    return brokers, bridges, communities


def _per_administration(
    administration_ids: Collection[int],
    graph: LeaderGraph,
    scope: set[int],
    isolated: set[int],
    organisation_id: int,
) -> list[dict[str, Any]]:
    """Per administration in scope: leaders, E-I index, isolated leaders, and (as an
    aggregate over >= ``MIN_AGGREGATE``) leaders in private networks."""
    P = graph.G_public
    administrations = Administration.objects.filter(organisation_id=organisation_id)
    if administration_ids:
        administrations = administrations.filter(id__in=administration_ids)
    private_members: Counter[int] = Counter()
    private_people: set[int] = set()
    for nid in graph.private_networks:
        private_people |= graph.memberships.get(nid, set())
    for lid in private_people & scope:
        private_members[graph.leaders[lid].administration_id or 0] += 1
    per_admin = []
    for admin in administrations.order_by("name"):
        count = sum(1 for lid in scope if graph.leaders[lid].administration_id == admin.id)
        in_private = private_members.get(admin.id, 0)
        per_admin.append(
            {
                "id": admin.id,
                "name": admin.name,
                "leaders": count,
                **ei_index(P, graph.leaders, admin.id),
                "isolated": sum(
                    1 for lid in isolated if graph.leaders[lid].administration_id == admin.id
                ),
                "in_private_networks": in_private if in_private >= MIN_AGGREGATE else None,
            }
        )
    return per_admin


def network_insights(*, actor: User, seed: int = 42) -> dict[str, Any]:
    """Return HR's figures on the leader network, computed now (HR only; scoped HR: its
    administrations). The web app reads them from storage instead (``services.insights``)."""
    hr_or_404(actor)
    organisation_id = access.organisation_id_of(actor)
    assert organisation_id is not None
    return insights_figures(
        organisation_id=organisation_id,
        administration_ids=access.hr_administration_ids(actor),
        seed=seed,
    )


def _no_progress(phase: str, percent: int) -> None:
    """The default progress callback: nobody is watching."""


def insights_figures(
    *,
    organisation_id: int,
    administration_ids: Collection[int] = (),
    seed: int = 42,
    progress: Callable[[str, int], None] = _no_progress,
) -> dict[str, Any]:
    """Return HR's figures on the organisation's leader network (all of it, or the leaders of
    ``administration_ids``), calling ``progress(phase, percent)`` as the phases pass.

    Per-leader lists (isolated, solo, brokers, bridges, specialists without peers, communities)
    use the public graph: informal and members-only networks never decide who is listed. They
    enter only as aggregates: per administration, the number of leaders in private networks and
    how many isolated leaders do have a private sparring network, each shown when >= 5.
    """
    progress("graph", 5)
    graph = leader_graph(organisation_id=organisation_id)
    scope = _scope_leader_ids(administration_ids, graph)
    P = graph.G_public
    progress("isolation", 25)
    isolated = _isolated(graph, scope, public_only=True)
    isolated_all = _isolated(graph, scope, public_only=False)
    solo = {
        lid
        for lid in scope
        if not graph.reports.get(lid)
        and not any("unit" in P[lid][n]["ties"] for n in P.neighbors(lid))
    }
    progress("structure", 40)
    brokers, bridges, communities = _structure(graph, scope, seed=seed)
    progress("figures", 90)
    specialists = [lid for lid in scope if graph.leaders[lid].is_specialist]
    lonely_specialists = [
        lid
        for lid in specialists
        if not any(
            graph.leaders[n].is_specialist
            and graph.leaders[n].unit_id != graph.leaders[lid].unit_id
            for n in P.neighbors(lid)
        )
    ]
    wanted = set(isolated) | set(solo) | {b for b, _ in brokers} | set(lonely_specialists)
    wanted |= {x for e in bridges for x in e}
    rows = leader_rows(sorted(wanted))
    per_admin = _per_administration(administration_ids, graph, scope, isolated, organisation_id)
    rescued = len(isolated - isolated_all)
    return {
        "leaders": len(scope),
        "isolated": [
            leader_brief(rows[i]) for i in sorted(isolated, key=lambda i: (rows[i].last_name, i))
        ],
        "isolated_with_private_network": rescued if rescued >= MIN_AGGREGATE else None,
        "solo": [leader_brief(rows[i]) for i in sorted(solo, key=lambda i: (rows[i].last_name, i))],
        "administrations": per_admin,
        "brokers": [
            {**leader_brief(rows[b]), "betweenness": round(v, 4)} for b, v in brokers if v > 0
        ],
        "bridges": [[leader_brief(rows[a]), leader_brief(rows[b])] for a, b in bridges],
        "communities": [
            {
                "size": len(c),
                "administrations": dict(
                    Counter(str(graph.leaders[m].administration_id) for m in c).most_common()
                ),
            }
            for c in communities
        ],
        "specialists_without_peers": [
            leader_brief(rows[i])
            for i in sorted(lonely_specialists, key=lambda i: (rows[i].last_name, i))
        ],
        "min_aggregate": MIN_AGGREGATE,
        "seed": seed,
    }
