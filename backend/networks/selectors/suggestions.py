"""Networks (and cohort circles) suggested to a leader; HR's cohort circles."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from backend.networks import hooks
from backend.networks.access import (
    LEADER_RELATED,
    actor_leader_or_404,
    hr_or_404,
    organisation_id_or_404,
)
from backend.networks.graph import LeaderGraph, leader_graph
from backend.networks.models import (
    CohortCircle,
    CohortSetting,
    Membership,
    Network,
    NetworkKind,
)
from backend.networks.peer_facts import MemberFacts, network_facts, suggestion_asker
from backend.networks.reasons import MIN_AGGREGATE, SUGGESTION_TEXTS, Reason, render_all
from backend.people.models import Leader, User
from matching.peers import cohort_score, suggestion_score


@dataclass
class Suggestion:
    """A network (or a cohort circle to be formed) suggested to a leader."""

    kind: str  # network kind, or "cohort"
    network: Network | None
    score: float
    reasons: list[Reason]
    is_private: bool = False
    join: str = "join"  # "join" (open) | "request" (members accept) | "ask_hr" (not formed)
    member_count: int | None = None
    cohort: dict[str, Any] | None = None


def _cohort_setting(organisation_id: int) -> CohortSetting:
    setting = CohortSetting.objects.filter(organisation_id=organisation_id).first()
    return setting or CohortSetting(organisation_id=organisation_id)


def cohort_peers(*, leader: Leader, setting: CohortSetting, graph: LeaderGraph) -> list[Leader]:
    """Return leaders who started within ``window_days`` of the leader and are in no circle."""
    if leader.role_start_date is None:
        return []
    half = dt.timedelta(days=setting.window_days // 2)
    in_circle = Membership.objects.filter(network__cohort__isnull=False).values("leader_id")
    return list(
        Leader.objects.filter(
            organisation_id=leader.organisation_id,
            active=True,
            role_start_date__gte=leader.role_start_date - half,
            role_start_date__lte=leader.role_start_date + half,
        )
        .exclude(id=leader.id)
        .exclude(id__in=in_circle)
        .select_related(*LEADER_RELATED)
    )


def _candidate_networks(leader: Leader, mine: set[int]) -> list[Network]:
    """Open leader groups and learning networks, and private networks that welcome newcomers,
    that the leader is not in."""
    return list(
        Network.objects.filter(organisation_id=leader.organisation_id, active=True)
        .exclude(id__in=mine)
        .filter(
            Q(
                kind__in=[NetworkKind.LEADER_GROUP, NetworkKind.LEARNING_NETWORK],
                visibility=Network.Visibility.OPEN,
            )
            | Q(welcomes_newcomers=True)
        )
        .select_related("cohort")
    )


def _private_may_be_suggested(network: Network, *, head_count: int) -> bool:
    """Whether an informal or members-only network may be shown to a leader outside it.

    Only one that welcomes newcomers and has at least ``MIN_AGGREGATE`` (5) members: that it
    exists at all is otherwise news to the asker, and with fewer members, a hint about who is
    in it (a boss was shown a members-only network of his reports, "close to your own
    network"). Its score and reasons leave out the asker's own ties (``matching.peers``).
    """
    return network.welcomes_newcomers and head_count >= MIN_AGGREGATE


def _member_facts(member_ids: set[int]) -> dict[int, MemberFacts]:
    """Service type, administration and department of each member (one query)."""
    return {
        lid: (st, admin, dept)
        for lid, st, admin, dept in Leader.objects.filter(id__in=member_ids).values_list(
            "id",
            "unit__service_type",
            "unit__department__administration_id",
            "unit__department_id",
        )
    }


def _cohort_to_form(leader: Leader, graph: LeaderGraph) -> Suggestion | None:
    """The cohort circle HR could form for a new leader, if enough peers started with them."""
    setting = _cohort_setting(leader.organisation_id)
    if not setting.enabled:
        return None
    peers = cohort_peers(leader=leader, setting=setting, graph=graph)
    if len(peers) + 1 < setting.min_size:
        return None
    unit = leader.unit
    administrations: set[int] = {p.unit.department.administration_id for p in peers if p.unit} | (
        {unit.department.administration_id} if unit else set()
    )
    scored = cohort_score(peers=len(peers), administrations=len(administrations))
    return Suggestion(
        kind="cohort",
        network=None,
        score=scored.score,
        reasons=render_all(scored.reasons, SUGGESTION_TEXTS),
        join="ask_hr",
        member_count=len(peers) + 1,
        cohort={
            "leaders": len(peers) + 1,
            "administrations": len(administrations),
            "window_days": setting.window_days,
        },
    )


def network_suggestions(*, actor: User, today: dt.date | None = None) -> list[Suggestion]:
    """Return networks to join for the calling leader, best first, each with reasons.

    Open leader groups and learning networks, private networks that welcome newcomers, and the
    leader's cohort circle (formed by HR, or to be formed). Ranked by profile fit plus link
    prediction (resource allocation index, networkx) between the leader and each network's
    members over the leader graph, which includes the leader's ties and mentor
    (``matching.peers.suggestion_score`` on the facts ``peer_facts.network_facts`` maps). A
    private network's members are never shown; facts about them appear only over >= 5 members.
    """
    today = today or timezone.localdate()
    me = (
        Leader.objects.select_related(*LEADER_RELATED)
        .filter(id=actor_leader_or_404(actor).id)
        .first()
    )
    if me is None:
        raise Http404
    graph = leader_graph(organisation_id=me.organisation_id)
    mine = {nid for nid, members in graph.memberships.items() if me.id in members}
    mentor_id = hooks.mentor_of(leader_id=me.id)
    networks = _candidate_networks(me, mine)
    facts = _member_facts({m for n in networks for m in graph.memberships.get(n.id, ())})
    new = me.role_start_date is not None and (today - me.role_start_date).days <= 365
    asker = suggestion_asker(me, is_new=new)
    out: list[Suggestion] = []
    for network in networks:
        members = sorted(graph.memberships.get(network.id, set()) - {me.id})
        private = network.is_private
        if private and not _private_may_be_suggested(network, head_count=len(members)):
            continue
        scored = suggestion_score(
            asker,
            network_facts(
                network,
                leader=me,
                members=members,
                graph=graph,
                member_facts=facts,
                mentor_id=mentor_id,
            ),
        )
        is_cohort = getattr(network, "cohort", None) is not None
        out.append(
            Suggestion(
                kind="cohort" if is_cohort else network.kind,
                network=network,
                score=scored.score,
                reasons=render_all(scored.reasons, SUGGESTION_TEXTS),
                is_private=private,
                join="request" if private else "join",
                member_count=len(members),
            )
        )
    if (
        new
        and not any(s.kind == "cohort" for s in out)
        and not any(
            getattr(n, "cohort", None) is not None
            for n in Network.objects.filter(id__in=mine).select_related("cohort")
        )
    ):
        circle = _cohort_to_form(me, graph)
        if circle is not None:
            out.append(circle)
    out.sort(key=lambda s: (-s.score, s.network.name if s.network else ""))
    return out


def cohort_circles(*, actor: User) -> QuerySet[CohortCircle]:
    """Return the organisation's cohort circles (HR)."""
    hr_or_404(actor)
    return (
        CohortCircle.objects.filter(network__organisation_id=organisation_id_or_404(actor))
        .select_related("network")
        .annotate(member_count=Count("network__memberships"))
        .order_by("-period_start", "id")
    )
