"""Peer finder: leaders with a similar core task whom the caller is not yet connected with.

Two paths rank the same candidates the same way: :func:`peer_list` (the web app's) scores every
candidate at once over the organisation's peer index (``peer_facts.peer_candidates``, numpy,
built once per version of the leader graph) and reads and re-scores only the top one by one (for
the reasons);
:func:`peer_list_exhaustive` scores every candidate one by one, as the finder always did — the
reference the indexed path is tested (``tests/backend/networks/test_peers.py``) and benchmarked
(``bench/peers.py``) against.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
from django.db.models import QuerySet
from django.http import Http404

from backend.networks.access import LEADER_RELATED
from backend.networks.graph import LeaderGraph, leader_graph
from backend.networks.peer_facts import peer_candidates, peer_profile
from backend.networks.reasons import PEER_TEXTS, Reason, render_all
from backend.people.models import Leader, User
from backend.rows import the_row
from matching.peer_index import peer_top
from matching.peers import rank_peers


@dataclass(frozen=True)
class Peer:
    """A leader with a similar core task whom the asker is not yet connected with."""

    leader: Leader
    score: float
    reasons: list[Reason]


@dataclass(frozen=True)
class PeerQuery:
    """The finder's optional filters (``None``: any)."""

    service_type: str | None = None
    specialist: bool | None = None
    round_the_clock: bool | None = None
    administration_id: int | None = None
    other_administration_only: bool = False
    limit: int = 20


@dataclass(frozen=True)
class _Asker:
    leader: Leader
    graph: LeaderGraph
    connected: set[int] = field(default_factory=set)

    @property
    def department_id(self) -> int:
        assert self.leader.unit is not None
        return self.leader.unit.department_id

    @property
    def administration_id(self) -> int:
        assert self.leader.unit is not None
        return self.leader.unit.department.administration_id


def _asker(actor: User) -> _Asker | None:
    """The calling leader with their unit, the graph, and who they are already connected with
    (their line and everyone sharing a network of any kind); ``None`` without a unit."""
    leader_id = actor.leader_id if actor.is_authenticated else None
    if leader_id is None:  # a login without a leader has no peers (404), as elsewhere
        raise Http404
    me = the_row(
        Leader.objects.select_related(*LEADER_RELATED).filter(id=leader_id, unit__isnull=False)
    )
    if me is None or me.unit is None:
        return None
    graph = leader_graph(organisation_id=me.organisation_id)
    connected = graph.line_of(me.id) | {me.id}
    for members in graph.memberships.values():
        if me.id in members:
            connected |= members
    return _Asker(me, graph, connected)


def _candidates(me: _Asker) -> QuerySet[Leader]:
    """Active, discoverable leaders of the organisation with a unit outside the asker's
    department whom the asker is not connected with."""
    return (
        Leader.objects.filter(organisation_id=me.leader.organisation_id, active=True)
        .filter(discoverable=True, unit__isnull=False)
        .exclude(id__in=me.connected)
        .exclude(unit__department_id=me.department_id)
        .select_related(*LEADER_RELATED)
    )


def _ranked(me: _Asker, rows: Iterable[Leader], limit: int) -> list[Peer]:
    """Score ``rows`` one by one (``matching.peers.rank_peers``) and render the reasons."""
    by_id = {str(other.id): other for other in rows}
    ranked = rank_peers(
        peer_profile(me.leader, me.graph),
        [peer_profile(other, me.graph) for other in by_id.values()],
        limit=limit,
    )
    return [
        Peer(leader=by_id[p.profile.id], score=p.score, reasons=render_all(p.reasons, PEER_TEXTS))
        for p in ranked
    ]


def peer_list(
    *,
    actor: User,
    service_type: str | None = None,
    specialist: bool | None = None,
    round_the_clock: bool | None = None,
    administration_id: int | None = None,
    other_administration_only: bool = False,
    limit: int = 20,
) -> list[Peer]:
    """Return ranked peers for the calling leader (the peer finder).

    Candidates are active, discoverable leaders of the organisation with a similar core task in
    another administration or department, not in the caller's line and sharing no network with
    the caller (of any kind). Every candidate is scored and ranked at once over the peer index
    (``matching.peer_index``: the same scores and order as ``matching.peers.rank_peers``); the
    top rows are read and scored one by one for their reasons, so ranking and reasons are those
    of :func:`peer_list_exhaustive`. Constant queries: the graph fingerprint and the top (plus
    one to build the index when the data changed).
    """
    q = PeerQuery(
        service_type,
        specialist,
        round_the_clock,
        administration_id,
        other_administration_only,
        limit,
    )
    me = _asker(actor)
    if me is None:
        return []
    found = peer_candidates(me.graph)
    index = found.index
    allowed = found.departments != me.department_id
    blocked = [found.row_of[i] for i in me.connected if i in found.row_of]
    allowed[blocked] = False
    if q.service_type:
        code = index.service_codes.get(q.service_type, -1)
        allowed &= index.service_type == code
    if q.specialist is not None:
        allowed &= index.specialist == q.specialist
    if q.round_the_clock is not None:
        allowed &= index.round_the_clock == q.round_the_clock
    if q.administration_id is not None:
        allowed &= found.administrations == q.administration_id
    if q.other_administration_only:
        allowed &= found.administrations != me.administration_id
    rows = peer_top(index, peer_profile(me.leader, me.graph), allowed=allowed, limit=q.limit)
    top = _top_rows(me, [int(i) for i in found.ids[np.array(rows, int)]])
    return _ranked(me, top, q.limit)


def _top_rows(me: _Asker, ids: list[int]) -> QuerySet[Leader]:
    """The top candidates' rows, still active, discoverable and outside the asker's department
    (the index left out the leaders the asker is connected with: no list of them here, which
    for a director is the whole organisation)."""
    return (
        Leader.objects.filter(id__in=ids, organisation_id=me.leader.organisation_id, active=True)
        .filter(discoverable=True, unit__isnull=False)
        .exclude(unit__department_id=me.department_id)
        .select_related(*LEADER_RELATED)
    )


def peer_list_exhaustive(*, actor: User, query: PeerQuery) -> list[Peer]:
    """Return what :func:`peer_list` returns for ``query`` by scoring every candidate one by one
    (the reference path; a query for the candidates and a profile object per candidate)."""
    q = query
    me = _asker(actor)
    if me is None:
        return []
    candidates = _candidates(me)
    if q.service_type:
        candidates = candidates.filter(unit__service_type=q.service_type)
    if q.specialist is not None:
        candidates = candidates.filter(unit__is_specialist=q.specialist)
    if q.round_the_clock is not None:
        candidates = candidates.filter(unit__round_the_clock=q.round_the_clock)
    if q.administration_id is not None:
        candidates = candidates.filter(unit__department__administration_id=q.administration_id)
    if q.other_administration_only:
        candidates = candidates.exclude(unit__department__administration_id=me.administration_id)
    return _ranked(me, candidates, q.limit)
