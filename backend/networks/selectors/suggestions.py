"""Networks (and cohort circles) suggested to a leader; HR's cohort circles."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import networkx as nx
from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from backend.mentoring.selectors import mentor_for_leader
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
from backend.networks.reasons import MIN_AGGREGATE, Reason, reason, service_label
from backend.people.models import Leader, User


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


def network_suggestions(*, user: User, today: dt.date | None = None) -> list[Suggestion]:
    """Return networks to join for the calling leader, best first, each with reasons.

    Open leader groups and learning networks, private networks that welcome newcomers, and the
    leader's cohort circle (formed by HR, or to be formed). Ranked by profile fit plus link
    prediction (resource allocation index, networkx) between the leader and each network's
    members over the leader graph, which includes the leader's ties and mentor. A private
    network's members are never shown; facts about them appear only over >= 5 members.
    """
    today = today or timezone.localdate()
    me = (
        Leader.objects.select_related(*LEADER_RELATED)
        .filter(id=actor_leader_or_404(user).id)
        .first()
    )
    if me is None:
        raise Http404
    graph = leader_graph(organisation_id=me.organisation_id)
    mine = {nid for nid, members in graph.memberships.items() if me.id in members}
    mentor = mentor_for_leader(leader_id=me.id)
    networks = list(
        Network.objects.filter(organisation_id=me.organisation_id, active=True)
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
    member_ids = {m for n in networks for m in graph.memberships.get(n.id, ())}
    facts = {
        lid: (st, admin, dept)
        for lid, st, admin, dept in Leader.objects.filter(id__in=member_ids).values_list(
            "id",
            "unit__service_type",
            "unit__department__administration_id",
            "unit__department_id",
        )
    }
    unit = me.unit
    new = me.role_start_date is not None and (today - me.role_start_date).days <= 365
    out: list[Suggestion] = []
    G = graph.G
    for network in networks:
        members = sorted(graph.memberships.get(network.id, set()) - {me.id})
        private = network.is_private
        reasons: list[Reason] = []
        score = 0.0
        if me.id in G and members:
            ra = sum(
                p for _u, _v, p in nx.resource_allocation_index(G, [(me.id, m) for m in members])
            )
        else:
            ra = 0.0
        if ra > 0:
            score += min(3.0, 6.0 * ra)
            if private:
                reasons.append(
                    reason(
                        "close",
                        "Tæt på dit eget netværk",
                        "Close to your own network",
                    )
                )
            else:
                known = sum(1 for m in members if G.has_edge(me.id, m))
                if known:
                    reasons.append(
                        reason(
                            "known",
                            f"{known} du kender i forvaltning eller ledergruppe er med",
                            f"{known} people you know are members",
                        )
                    )
                else:
                    reasons.append(
                        reason("close", "Tæt på dit eget netværk", "Close to your own network")
                    )
        if mentor is not None and mentor.id in members and not private:
            score += 1.0
            reasons.append(reason("mentor", "Din mentor er med", "Your mentor is a member"))
        share_fact = not private or len(members) >= MIN_AGGREGATE
        if unit is not None and members and share_fact:
            same = sum(1 for m in members if facts.get(m, ("",))[0] == unit.service_type)
            if same:
                score += 2.0 * same / len(members)
                reasons.append(
                    reason(
                        "service_type",
                        f"Medlemmer leder også {service_label(unit.service_type, 'da')}",
                        f"Members also lead {service_label(unit.service_type, 'en')}",
                    )
                )
            admins = {facts.get(m, ("", None))[1] for m in members} - {None}
            if len(admins) >= 2:
                score += 0.5
                reasons.append(
                    reason(
                        "across",
                        f"På tværs af {len(admins)} forvaltninger",
                        f"Across {len(admins)} administrations",
                    )
                )
        if (
            network.kind == NetworkKind.LEADER_GROUP
            and unit is not None
            and members
            and not private
            and any(facts.get(m, ("", None, None))[2] == unit.department_id for m in members)
        ):
            score += 2.0
            reasons.append(
                reason(
                    "department", "Ledergruppe i din afdeling", "Leader group of your department"
                )
            )
        if network.welcomes_newcomers:
            score += 1.5 if new else 0.5
            reasons.append(reason("welcomes", "Byder nye ledere velkommen", "Welcomes new leaders"))
        if getattr(network, "cohort", None) is not None:
            score += 2.0
            reasons.append(
                reason("cohort", "Din årgang af nye ledere", "Your cohort of new leaders")
            )
        if network.theme:
            reasons.append(reason("theme", f"Tema: {network.theme}", f"Theme: {network.theme}"))
        out.append(
            Suggestion(
                kind="cohort" if getattr(network, "cohort", None) is not None else network.kind,
                network=network,
                score=round(score, 3),
                reasons=reasons,
                is_private=private,
                join="request" if private else "join",
                member_count=len(members)
                + (0 if me.id not in graph.memberships.get(network.id, ()) else 1)
                if (not private or len(members) >= MIN_AGGREGATE)
                else None,
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
        setting = _cohort_setting(me.organisation_id)
        if setting.enabled:
            peers = cohort_peers(leader=me, setting=setting, graph=graph)
            if len(peers) + 1 >= setting.min_size:
                cohort_admins: set[int] = {
                    p.unit.department.administration_id for p in peers if p.unit
                } | ({unit.department.administration_id} if unit else set())
                reasons = [
                    reason(
                        "cohort",
                        f"{len(peers)} andre ledere startede omkring samme tid som dig",
                        f"{len(peers)} other leaders started around the same time as you",
                    ),
                    reason(
                        "across",
                        f"På tværs af {len(cohort_admins)} forvaltninger",
                        f"Across {len(cohort_admins)} administrations",
                    ),
                    reason(
                        "ask_hr",
                        "HR Udvikling samler kohortecirklen",
                        "HR development forms the cohort circle",
                    ),
                ]
                out.append(
                    Suggestion(
                        kind="cohort",
                        network=None,
                        score=4.0 + 0.5 * min(len(cohort_admins), 4),
                        reasons=reasons,
                        join="ask_hr",
                        member_count=len(peers) + 1,
                        cohort={
                            "leaders": len(peers) + 1,
                            "administrations": len(cohort_admins),
                            "window_days": setting.window_days,
                        },
                    )
                )
    out.sort(key=lambda s: (-s.score, s.network.name if s.network else ""))
    return out


def cohort_circles(*, user: User) -> QuerySet[CohortCircle]:
    """Return the organisation's cohort circles (HR)."""
    hr_or_404(user)
    return (
        CohortCircle.objects.filter(network__organisation_id=organisation_id_or_404(user))
        .select_related("network")
        .annotate(member_count=Count("network__memberships"))
        .order_by("-period_start", "id")
    )
