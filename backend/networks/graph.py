"""The leader network of one organisation as a networkx graph, cached until the data changes.

Nodes are active leaders (ids). An edge joins two leaders with at least one tie:

============================  ======  =====================================================
tie                           weight  source
============================  ======  =====================================================
leadership team               1.0     co-members of a ``leadership_team`` network
informal network              1.0     co-members of an ``informal`` network (private)
learning network              0.8     co-members of a ``learning_network``
leader group                  0.6     co-members of a ``leader_group``
external network              0.5     co-members of an ``external`` network
mentorship (active / past)    1.0/.5  mentorships, through ``hooks`` (mentoring registers)
line                          1.0     boss and report
unit                          1.0     two leaders of one unit
department                    0.2     two leaders of one department
============================  ======  =====================================================

Weights of several ties add up. Networks and departments larger than ``CLIQUE_LIMIT`` add no
ties: a 300-person network says little about who knows whom, and its clique would dominate the
graph. Ties from informal and members-only networks are *private*: they are in ``G`` (the
leader's own views, ranking) but not in ``G_public``, which is what HR's per-leader figures use.
Mentorships are in both: HR made the pairings, and bosses never read either graph.
A match run reads the public ties without building the graph
(``backend/networks/public_ties.py``, kept equal to ``G_public``'s edges by its tests).

The graph is rebuilt when a fingerprint of the data changes (counts and newest ids or times of
leaders, units, memberships and networks in one statement, mentorships in another), so
inserts, deletes and saves by other apps are noticed without signals (a queryset ``update()``
of a field that is not counted is not). Building takes well under a second for a
municipality; see ``docs/networks.md`` for the figures at 10 000 leaders.
"""

from __future__ import annotations

import gc
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

import networkx as nx
from django.db import connection

from backend.networks import hooks
from backend.networks.models import Membership, Network, NetworkKind
from backend.people.models import Leader, Unit

CLIQUE_LIMIT = 60
#: From this many leaders a new graph is frozen out of the garbage collector's full passes
#: (see :func:`_keep_out_of_collections`).
COLLECT_FROM_LEADERS = 2_000

KIND_WEIGHTS: dict[str, float] = {
    NetworkKind.LEADERSHIP_TEAM: 1.0,
    NetworkKind.INFORMAL: 1.0,
    NetworkKind.LEARNING_NETWORK: 0.8,
    NetworkKind.LEADER_GROUP: 0.6,
    NetworkKind.EXTERNAL: 0.5,
}
MENTORSHIP_WEIGHT = 1.0
PAST_MENTORSHIP_WEIGHT = 0.5
LINE_WEIGHT = 1.0
UNIT_WEIGHT = 1.0
DEPARTMENT_WEIGHT = 0.2


@dataclass(frozen=True, slots=True)
class LeaderInfo:
    """What the graph code needs to know about a leader (no names, nothing private)."""

    id: int
    unit_id: int | None
    department_id: int | None
    administration_id: int | None
    boss_id: int | None
    service_type: str
    is_specialist: bool


@dataclass(slots=True)
class LeaderGraph:
    """The organisation's leader network: all ties, public ties, and who each node is."""

    organisation_id: int
    G: nx.Graph
    G_public: nx.Graph
    leaders: dict[int, LeaderInfo]
    memberships: dict[int, set[int]] = field(default_factory=dict)  # network id -> leader ids
    private_networks: set[int] = field(default_factory=set)
    network_kinds: dict[int, str] = field(default_factory=dict)
    reports: dict[int, set[int]] = field(default_factory=dict)  # boss id -> direct reports
    # Results computed from this graph (HR's insights): they live as long as the graph, which
    # is rebuilt when the data changes, so they are never stale.
    memo: dict[Any, Any] = field(default_factory=dict)

    def line_above(self, leader_id: int) -> list[int]:
        """The leader's bosses, nearest first (cycle-safe)."""
        out: list[int] = []
        seen = {leader_id}
        boss = self.leaders[leader_id].boss_id if leader_id in self.leaders else None
        while boss is not None and boss not in seen and boss in self.leaders:
            out.append(boss)
            seen.add(boss)
            boss = self.leaders[boss].boss_id
        return out

    def line_below(self, leader_id: int) -> set[int]:
        """Every leader below this one in the line, all levels."""
        below: set[int] = set()
        frontier = [leader_id]
        while frontier:
            nxt = []
            for b in frontier:
                for r in self.reports.get(b, ()):
                    if r not in below and r != leader_id:
                        below.add(r)
                        nxt.append(r)
            frontier = nxt
        return below

    def line_of(self, leader_id: int) -> set[int]:
        """Everyone above or below the leader in the line."""
        return set(self.line_above(leader_id)) | self.line_below(leader_id)


_cache: dict[int, tuple[tuple[Any, ...], LeaderGraph]] = {}
_lock = threading.Lock()


def _fingerprint_sql() -> str:
    """One statement: counts and newest times or ids of the organisation's leaders, units,
    memberships and networks (each from its own table and index; no join over leaders)."""
    leader, unit = Leader._meta.db_table, Unit._meta.db_table
    membership, network = Membership._meta.db_table, Network._meta.db_table
    on = "CASE WHEN {} THEN 1 ELSE 0 END"
    return (
        f"SELECT l.n, l.t, l.a, (SELECT MAX(updated_at) FROM {unit} WHERE organisation_id = %s),"
        f" l.d, m.n, m.m, w.n, w.m, w.a, w.p FROM"
        f" (SELECT COUNT(*) AS n, MAX(updated_at) AS t, SUM({on.format('active')}) AS a,"
        f" SUM({on.format('discoverable')}) AS d FROM {leader} WHERE organisation_id = %s) l,"
        f" (SELECT COUNT(*) AS n, MAX(id) AS m FROM {membership} WHERE network_id IN"
        f" (SELECT id FROM {network} WHERE organisation_id = %s)) m,"
        f" (SELECT COUNT(*) AS n, MAX(id) AS m, SUM({on.format('active')}) AS a,"
        f" SUM({on.format('visibility = %s')}) AS p FROM {network} WHERE organisation_id = %s) w"
    )


def graph_fingerprint(*, organisation_id: int) -> tuple[Any, ...]:
    """Return a value that changes whenever the data the graph is built from changes: counts
    and newest times or ids of leaders (active, discoverable), their units, memberships and
    networks (active, open) in one statement, and the mentorships' (``hooks``)."""
    org = organisation_id
    params: list[int | str] = [org, org, org, str(Network.Visibility.OPEN), org]
    with connection.cursor() as cursor:
        cursor.execute(_fingerprint_sql(), params)
        row = cursor.fetchone()
    return (tuple(row), hooks.mentorship_fingerprint(organisation_id=organisation_id))


def leader_graph(*, organisation_id: int) -> LeaderGraph:
    """Return the organisation's leader graph, rebuilt only when the data changed."""
    fingerprint = graph_fingerprint(organisation_id=organisation_id)
    with _lock:
        hit = _cache.get(organisation_id)
        if hit is not None and hit[0] == fingerprint:
            return hit[1]
    graph = leader_graph_build(organisation_id=organisation_id)
    with _lock:
        _cache[organisation_id] = (fingerprint, graph)
    if len(graph.leaders) >= COLLECT_FROM_LEADERS:
        _keep_out_of_collections()
    return graph


def _keep_out_of_collections() -> None:
    """Leave everything alive now (the new graph: hundreds of thousands of objects) out of the
    garbage collector's later full passes.

    Python's collector makes a full pass over every object that has lived long once a quarter
    as many again have piled up, and requests leave some behind: with a 10 000-leader graph in
    memory each pass took 0.35 s (0.6 s under load), about once a minute in each worker, with
    the worker's other requests waiting: the load test's slowest requests. Frozen objects are
    skipped by those passes. The previous graph, if any, is unfrozen and collected first (one
    full pass here, in the request that already pays for the build), so it is freed.
    """
    gc.unfreeze()
    gc.collect()
    gc.freeze()


class _Edges:
    """Edge data gathered before the graph is made: ``(a, b)`` with ``a < b`` -> summed weight
    and the kinds of tie. Filling a dict and adding every edge at once is several times
    faster than ``has_edge``/``add_edge`` per tie (a department is a clique)."""

    def __init__(self) -> None:
        self.data: dict[tuple[int, int], dict[str, Any]] = {}

    def add(self, a: int, b: int, weight: float, tie: str) -> None:
        key = (a, b) if a < b else (b, a)
        data = self.data.get(key)
        if data is None:
            self.data[key] = {"weight": weight, "ties": {tie}}
        else:
            data["weight"] += weight
            data["ties"].add(tie)

    def graph(self, nodes: Iterable[int]) -> nx.Graph:
        G: nx.Graph = nx.Graph()
        G.add_nodes_from(nodes)
        G.add_edges_from((a, b, d) for (a, b), d in self.data.items())
        return G


def _network_ties(
    organisation_id: int,
    leaders: dict[int, LeaderInfo],
    both: Callable[[int, int, float, str, bool], None],
) -> tuple[dict[int, str], set[int], dict[int, set[int]]]:
    """Add the ties of co-membership (two queries); return kinds, private networks, members."""
    networks = Network.objects.filter(organisation_id=organisation_id, active=True).values_list(
        "id", "kind", "visibility"
    )
    kinds: dict[int, str] = {}
    private: set[int] = set()
    for nid, kind, visibility in networks:
        kinds[nid] = kind
        if kind == NetworkKind.INFORMAL or visibility != Network.Visibility.OPEN:
            private.add(nid)
    memberships: dict[int, set[int]] = defaultdict(set)
    for nid, lid in Membership.objects.filter(
        network_id__in=list(kinds), leader__active=True
    ).values_list("network_id", "leader_id"):
        if lid in leaders:
            memberships[nid].add(lid)
    for nid, network_members in memberships.items():
        if len(network_members) > CLIQUE_LIMIT:
            continue
        weight = KIND_WEIGHTS.get(kinds[nid], 0.5)
        tie = f"network:{kinds[nid]}"
        for a, b in combinations(sorted(network_members), 2):
            both(a, b, weight, tie, nid in private)

    return kinds, private, memberships


def leader_graph_build(*, organisation_id: int) -> LeaderGraph:
    """Build the leader graph from the database (five queries)."""
    rows = Leader.objects.filter(organisation_id=organisation_id, active=True).values_list(
        "id",
        "unit_id",
        "unit__department_id",
        "unit__department__administration_id",
        "boss_id",
        "unit__service_type",
        "unit__is_specialist",
    )
    leaders = {
        r[0]: LeaderInfo(
            id=r[0],
            unit_id=r[1],
            department_id=r[2],
            administration_id=r[3],
            boss_id=r[4],
            service_type=r[5] or "",
            is_specialist=bool(r[6]),
        )
        for r in rows
    }
    every, public = _Edges(), _Edges()

    def both(a: int, b: int, w: float, tie: str, private: bool = False) -> None:
        every.add(a, b, w, tie)
        if not private:
            public.add(a, b, w, tie)

    reports: dict[int, set[int]] = defaultdict(set)
    by_unit: dict[int, list[int]] = defaultdict(list)
    by_department: dict[int, list[int]] = defaultdict(list)
    for info in leaders.values():
        if info.boss_id in leaders:
            reports[info.boss_id].add(info.id)
            both(info.id, info.boss_id, LINE_WEIGHT, "line")
        if info.unit_id is not None:
            by_unit[info.unit_id].append(info.id)
        if info.department_id is not None:
            by_department[info.department_id].append(info.id)
    for members in by_unit.values():
        for a, b in combinations(sorted(members), 2):
            both(a, b, UNIT_WEIGHT, "unit")
    for members in by_department.values():
        if len(members) <= CLIQUE_LIMIT:
            for a, b in combinations(sorted(members), 2):
                both(a, b, DEPARTMENT_WEIGHT, "department")

    kinds, private, memberships = _network_ties(organisation_id, leaders, both)

    for pair in hooks.mentorship_ties(organisation_id=organisation_id):
        if pair.mentee_id in leaders and pair.mentor_id in leaders:
            both(
                pair.mentee_id,
                pair.mentor_id,
                MENTORSHIP_WEIGHT if pair.active else PAST_MENTORSHIP_WEIGHT,
                "mentorship" if pair.active else "past_mentorship",
                # HR knows the pairings it made; the boss never sees these graphs at all.
                private=False,
            )
    return LeaderGraph(
        organisation_id=organisation_id,
        G=every.graph(leaders),
        G_public=public.graph(leaders),
        leaders=leaders,
        memberships=dict(memberships),
        private_networks=private,
        network_kinds=kinds,
        reports=dict(reports),
    )


def graph_cache_clear() -> None:
    """Forget every cached graph (tests; a deploy)."""
    with _lock:
        _cache.clear()
