"""Peer finder: leaders with a similar core task whom the caller is not yet connected with."""

from __future__ import annotations

from dataclasses import dataclass

from backend.networks.access import (
    LEADER_RELATED,
    actor_leader_or_404,
)
from backend.networks.graph import leader_graph
from backend.networks.peer_facts import peer_profile
from backend.networks.reasons import PEER_TEXTS, Reason, render_all
from backend.people.models import Leader, User
from matching.peers import rank_peers


@dataclass(frozen=True)
class Peer:
    """A leader with a similar core task whom the asker is not yet connected with."""

    leader: Leader
    score: float
    reasons: list[Reason]


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
    the caller (of any kind). Scored by ``matching.peers.rank_peers`` on the facts
    ``peer_facts.peer_profile`` maps. Constant queries: the graph fingerprint, one for
    candidates.
    """
    me = (
        Leader.objects.select_related(*LEADER_RELATED)
        .filter(id=actor_leader_or_404(actor).id, unit__isnull=False)
        .first()
    )
    if me is None or me.unit is None:
        return []
    graph = leader_graph(organisation_id=me.organisation_id)
    connected = graph.line_of(me.id) | {me.id}
    for members in graph.memberships.values():
        if me.id in members:
            connected |= members
    my_department = me.unit.department_id
    candidates = (
        Leader.objects.filter(organisation_id=me.organisation_id, active=True, discoverable=True)
        .exclude(id__in=connected)
        .exclude(unit__department_id=my_department)
        .filter(unit__isnull=False)
        .select_related(*LEADER_RELATED)
    )
    if service_type:
        candidates = candidates.filter(unit__service_type=service_type)
    if specialist is not None:
        candidates = candidates.filter(unit__is_specialist=specialist)
    if round_the_clock is not None:
        candidates = candidates.filter(unit__round_the_clock=round_the_clock)
    if administration_id is not None:
        candidates = candidates.filter(unit__department__administration_id=administration_id)
    if other_administration_only:
        candidates = candidates.exclude(
            unit__department__administration_id=me.unit.department.administration_id
        )
    rows = {str(other.id): other for other in candidates}
    ranked = rank_peers(
        peer_profile(me, graph),
        [peer_profile(other, graph) for other in rows.values()],
        limit=limit,
    )
    return [
        Peer(
            leader=rows[p.profile.id],
            score=p.score,
            reasons=render_all(p.reasons, PEER_TEXTS),
        )
        for p in ranked
    ]
