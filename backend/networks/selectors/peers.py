"""Peer finder: leaders with a similar core task whom the caller is not yet connected with."""

from __future__ import annotations

import re
from dataclasses import dataclass

from backend.networks.access import (
    LEADER_RELATED,
    actor_leader_or_404,
)
from backend.networks.graph import LeaderGraph, leader_graph
from backend.networks.reasons import Reason, reason, service_label
from backend.people.models import Leader, User


@dataclass(frozen=True)
class Peer:
    """A leader with a similar core task whom the asker is not yet connected with."""

    leader: Leader
    score: float
    reasons: list[Reason]


_WORD = re.compile(r"[a-zæøå0-9]{4,}")


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


def _solo(leader: Leader, graph: LeaderGraph) -> bool:
    """Leads alone: no other leader in the unit and nobody reporting to them."""
    info = graph.leaders.get(leader.id)
    if info is None:
        return False
    colleagues = [
        other
        for other in graph.G.neighbors(leader.id)
        if "unit" in graph.G[leader.id][other]["ties"]
    ]
    return not colleagues and not graph.reports.get(leader.id)


def peer_score(me: Leader, other: Leader, graph: LeaderGraph) -> tuple[float, list[Reason]]:
    """Score how similar two leaders' core tasks are; the reasons say why (0: not a peer)."""
    mu, ou = me.unit, other.unit
    if mu is None or ou is None:
        return 0.0, []
    score = 0.0
    reasons: list[Reason] = []
    if mu.service_type == ou.service_type and mu.service_type not in ("other", "staff_function"):
        score += 3.0
        reasons.append(
            reason(
                "service_type",
                f"Leder også {service_label(ou.service_type, 'da')}",
                f"Also leads a {service_label(ou.service_type, 'en')} service",
            )
        )
    if mu.is_specialist and ou.is_specialist:
        score += 2.0
        reasons.append(
            reason("specialist", "Leder også et specialtilbud", "Also leads a specialist service")
        )
    mine, theirs = _words(mu.target_group), _words(ou.target_group)
    if mine and theirs:
        jaccard = len(mine & theirs) / len(mine | theirs)
        if jaccard >= 0.2:
            score += 2.0 * jaccard
            reasons.append(
                reason(
                    "target_group",
                    f"Lignende målgruppe: {ou.target_group}",
                    f"Similar target group: {ou.target_group}",
                )
            )
    if mu.round_the_clock and ou.round_the_clock:
        score += 1.0
        reasons.append(
            reason("round_the_clock", "Leder også døgndækkende", "Also leads a 24-hour service")
        )
    core = score
    if core == 0:
        return 0.0, []
    if _solo(me, graph) and _solo(other, graph):
        score += 1.0
        reasons.append(reason("solo", "Er også alene som leder", "Also leads alone"))
    if mu.staff_count and ou.staff_count:
        ratio = min(mu.staff_count, ou.staff_count) / max(mu.staff_count, ou.staff_count)
        if ratio >= 0.6:
            score += 0.5
            reasons.append(
                reason(
                    "span",
                    f"Tilsvarende ledelsesspænd (ca. {ou.staff_count} medarbejdere)",
                    f"Similar span of control (about {ou.staff_count} staff)",
                )
            )
    if mu.sites > 1 and ou.sites > 1:
        score += 0.5
        reasons.append(reason("sites", "Leder også flere matrikler", "Also leads several sites"))
    my_admin = mu.department.administration_id
    if ou.department.administration_id != my_admin:
        score += 1.0
        name = ou.department.administration.name
        reasons.append(
            reason("other_administration", f"I en anden forvaltning: {name}", f"In {name}")
        )
    return round(score, 3), reasons


def peer_list(
    *,
    user: User,
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
    the caller (of any kind). Constant queries: the graph fingerprint, one for candidates.
    """
    me = (
        Leader.objects.select_related(*LEADER_RELATED)
        .filter(id=actor_leader_or_404(user).id, unit__isnull=False)
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
    peers = []
    for other in candidates:
        score, reasons = peer_score(me, other, graph)
        if score > 0:
            peers.append(Peer(leader=other, score=score, reasons=reasons))
    peers.sort(key=lambda p: (-p.score, p.leader.last_name, p.leader.id))
    return peers[: max(1, min(limit, 100))]
