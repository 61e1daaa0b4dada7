"""Reads on the networks app: peers, suggestions, sign-ups, drafts, requests, insights, maps.

Every read is scoped to the asking user (``backend.people.access``): leaders see themselves and
what they take part in; HR sees its organisation (scoped HR: its administrations); bosses see
nothing here about their reports. Private networks (informal or members-only) show their
members to members only; HR's figures include them only as aggregates over at least
``MIN_AGGREGATE`` people, and per-leader figures use the public graph.

Mentorships are read from ``backend.mentoring.models`` (read-only): ``mentoring.selectors`` has
``mentor_for_leader`` but nothing organisation-wide, which the graph needs.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from backend.mentoring.selectors import mentor_for_leader
from backend.networks.graph import LeaderGraph, leader_graph
from backend.networks.models import (
    CohortCircle,
    CohortSetting,
    GroupDraft,
    IntroductionRequest,
    JoinRequest,
    RequestStatus,
    RoulettePair,
    RouletteSetting,
    SignUp,
    SignUpRegistration,
)
from backend.networks.reasons import MIN_AGGREGATE, Reason, reason, service_label
from backend.people import access
from backend.people.models import (
    Administration,
    Leader,
    Membership,
    Network,
    NetworkKind,
    User,
)

LEADER_RELATED = ("unit__department__administration",)


def _me(user: User) -> Leader:
    leader = access.actor_leader(user)
    if leader is None:
        raise Http404
    return leader


def _hr_or_404(user: User) -> None:
    if not access.is_hr(user):
        raise Http404


def organisation_id_or_404(user: User) -> int:
    """Return the caller's organisation id; a user in no organisation has nothing here (404)."""
    organisation_id = access.organisation_id_of(user)
    if organisation_id is None:
        raise Http404
    return organisation_id


# --------------------------------------------------------------------------- peer finder


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
        .filter(id=_me(user).id, unit__isnull=False)
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


# --------------------------------------------------------------------------- requests


def introductions_of(*, user: User) -> QuerySet[IntroductionRequest]:
    """Return the introduction requests the calling leader sent or received."""
    me = _me(user)
    return (
        IntroductionRequest.objects.filter(Q(from_leader=me) | Q(to_leader=me))
        .select_related(
            "from_leader__unit__department__administration",
            "to_leader__unit__department__administration",
        )
        .order_by("-created_at", "-id")
    )


def introduction_of_or_404(*, user: User, introduction_id: int) -> IntroductionRequest:
    """Return one introduction request the caller is part of, else 404."""
    found = introductions_of(user=user).filter(id=introduction_id).first()
    if found is None:
        raise Http404
    return found


def join_requests_for(*, user: User) -> QuerySet[JoinRequest]:
    """Return the caller's own join requests and those to networks the caller is a member of."""
    me = _me(user)
    my_networks = Membership.objects.filter(leader=me).values("network_id")
    return (
        JoinRequest.objects.filter(Q(leader=me) | Q(network_id__in=my_networks))
        .select_related("network", "leader__unit__department__administration")
        .order_by("-created_at", "-id")
    )


# --------------------------------------------------------------------------- suggestions


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
    me = Leader.objects.select_related(*LEADER_RELATED).filter(id=_me(user).id).first()
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


# --------------------------------------------------------------------------- sign-ups


def signups_visible_to(*, user: User) -> QuerySet[SignUp]:
    """HR: the organisation's sign-ups (scoped HR: those within its administrations).

    Leaders: the sign-ups they are eligible for or registered to.
    """
    organisation_id = access.organisation_id_of(user)
    if organisation_id is None:
        return SignUp.objects.none()
    qs = SignUp.objects.filter(organisation_id=organisation_id)
    if access.is_hr(user):
        scope = access.hr_administration_ids(user)
        if scope:
            outside = Administration.objects.filter(organisation_id=organisation_id).exclude(
                id__in=scope
            )
            qs = qs.exclude(eligible_administrations__isnull=True).exclude(
                eligible_administrations__in=outside
            )
    else:
        me = _me(user)
        admin_id = (
            Leader.objects.filter(id=me.id)
            .values_list("unit__department__administration_id", flat=True)
            .first()
        )
        qs = qs.filter(
            Q(eligible_administrations__isnull=True)
            | Q(eligible_administrations=admin_id)
            | Q(registrations__leader=me)
        )
    ids = qs.values("id")
    return (
        SignUp.objects.filter(id__in=ids)
        .annotate(registration_count=Count("registrations", distinct=True))
        .prefetch_related("eligible_administrations")
        .order_by("-deadline", "-id")
    )


def signup_visible_or_404(*, user: User, signup_id: int) -> SignUp:
    """Return a sign-up the caller may see, else 404."""
    found = signups_visible_to(user=user).filter(id=signup_id).first()
    if found is None:
        raise Http404
    return found


def signup_for_hr_or_404(*, user: User, signup_id: int) -> SignUp:
    """Return a sign-up HR in scope may manage, else 404."""
    _hr_or_404(user)
    return signup_visible_or_404(user=user, signup_id=signup_id)


def signup_registrations(*, user: User, signup_id: int) -> QuerySet[SignUpRegistration]:
    """Return who signed up (HR in scope only)."""
    signup = signup_for_hr_or_404(user=user, signup_id=signup_id)
    return signup.registrations.select_related("leader__unit__department__administration").order_by(
        "leader__last_name", "leader__id"
    )


def is_registered(*, user: User, signup: SignUp) -> bool:
    """True when the caller's leader signed up."""
    return bool(user.leader_id and signup.registrations.filter(leader_id=user.leader_id).exists())


def signup_current_draft_id(*, user: User, signup: SignUp) -> int | None:
    """HR: the id of the sign-up's newest draft that is not discarded, so HR can come back to it.

    ``None`` for everyone else (leaders never see drafts) and before the first compose.
    """
    if not access.is_hr(user):
        return None
    return (
        GroupDraft.objects.filter(signup=signup)
        .exclude(status=GroupDraft.Status.DISCARDED)
        .order_by("-created_at", "-id")
        .values_list("id", flat=True)
        .first()
    )


def draft_for_hr_or_404(*, user: User, draft_id: int) -> GroupDraft:
    """Return a group draft of a sign-up HR in scope manages, else 404."""
    _hr_or_404(user)
    draft = GroupDraft.objects.select_related("signup").filter(id=draft_id).first()
    if draft is None:
        raise Http404
    signup_visible_or_404(user=user, signup_id=draft.signup_id)
    return draft


def draft_leaders(*, draft: GroupDraft) -> dict[int, Leader]:
    """Return the leaders of a draft, by id (one query)."""
    ids = [lid for group in draft.groups for lid in group]
    return {
        leader.id: leader
        for leader in Leader.objects.filter(id__in=ids).select_related(*LEADER_RELATED)
    }


# --------------------------------------------------------------------------- roulette


def roulette_pairs_of(*, user: User) -> QuerySet[RoulettePair]:
    """Return the caller's roulette pairs, newest first (only the pair sees a pair)."""
    me = _me(user)
    return (
        RoulettePair.objects.filter(leaders=me)
        .select_related("round__network")
        .prefetch_related(
            Prefetch("leaders", queryset=Leader.objects.select_related(*LEADER_RELATED))
        )
        .order_by("-round__run_on", "-id")
    )


def roulette_setting_or_404(*, user: User, network_id: int) -> RouletteSetting | None:
    """Return a network's roulette settings for HR or a member (None if not set up)."""
    network = access.network_visible_or_404(user, network_id)
    if not (access.is_hr(user) or access.can_see_members(user, network)):
        raise Http404
    return RouletteSetting.objects.filter(network=network).first()


# --------------------------------------------------------------------------- insights (HR)


def _scope_leader_ids(user: User, graph: LeaderGraph) -> set[int]:
    scope = set(access.hr_administration_ids(user))
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


def _leader_rows(ids: list[int]) -> dict[int, Leader]:
    return {
        leader.id: leader
        for leader in Leader.objects.filter(id__in=ids).select_related(*LEADER_RELATED)
    }


def _leader_brief(leader: Leader) -> dict[str, Any]:
    unit = leader.unit
    return {
        "id": leader.id,
        "name": leader.full_name,
        "role_title": leader.role_title,
        "unit": unit.name if unit else None,
        "administration": unit.department.administration.name if unit else None,
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


def network_insights(*, user: User, seed: int = 42) -> dict[str, Any]:
    """Return HR's figures on the leader network (HR only; scoped HR: its administrations).

    Per-leader lists (isolated, solo, brokers, bridges, specialists without peers, communities)
    use the public graph: informal and members-only networks never decide who is listed. They
    enter only as aggregates: per administration, the number of leaders in private networks and
    how many isolated leaders do have a private sparring network, each shown when >= 5.
    """
    _hr_or_404(user)
    organisation_id = access.organisation_id_of(user)
    assert organisation_id is not None
    graph = leader_graph(organisation_id=organisation_id)
    scope = _scope_leader_ids(user, graph)
    P = graph.G_public
    isolated = _isolated(graph, scope, public_only=True)
    isolated_all = _isolated(graph, scope, public_only=False)
    solo = {
        lid
        for lid in scope
        if not graph.reports.get(lid)
        and not any("unit" in P[lid][n]["ties"] for n in P.neighbors(lid))
    }
    brokers, bridges, communities = _structure(graph, scope, seed=seed)
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
    rows = _leader_rows(sorted(wanted))
    administrations = Administration.objects.filter(organisation_id=organisation_id)
    if access.hr_administration_ids(user):
        administrations = administrations.filter(id__in=access.hr_administration_ids(user))
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
    rescued = len(isolated - isolated_all)
    return {
        "leaders": len(scope),
        "isolated": [
            _leader_brief(rows[i]) for i in sorted(isolated, key=lambda i: (rows[i].last_name, i))
        ],
        "isolated_with_private_network": rescued if rescued >= MIN_AGGREGATE else None,
        "solo": [
            _leader_brief(rows[i]) for i in sorted(solo, key=lambda i: (rows[i].last_name, i))
        ],
        "administrations": per_admin,
        "brokers": [
            {**_leader_brief(rows[b]), "betweenness": round(v, 4)} for b, v in brokers if v > 0
        ],
        "bridges": [[_leader_brief(rows[a]), _leader_brief(rows[b])] for a, b in bridges],
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
            _leader_brief(rows[i])
            for i in sorted(lonely_specialists, key=lambda i: (rows[i].last_name, i))
        ],
        "min_aggregate": MIN_AGGREGATE,
        "seed": seed,
    }


# --------------------------------------------------------------------------- maps


def network_map_hr(*, user: User) -> dict[str, Any]:
    """Return the leader network aggregated by administration (HR only).

    Nodes: administrations with their leader counts. Edges: public ties between (and within)
    administrations. Private ties are added per edge only as a count over >= 5 distinct people,
    otherwise suppressed (``null``).
    """
    _hr_or_404(user)
    organisation_id = access.organisation_id_of(user)
    assert organisation_id is not None
    graph = leader_graph(organisation_id=organisation_id)
    scope_admins = set(access.hr_administration_ids(user))
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


def network_map_ego(*, user: User) -> dict[str, Any]:
    """Return the caller's own network: their ties, each with its kinds (leaders only)."""
    me = _me(user)
    graph = leader_graph(organisation_id=me.organisation_id)
    G = graph.G
    if me.id not in G:
        return {"me": me.id, "nodes": [], "edges": []}
    neighbours = sorted(G.neighbors(me.id))
    rows = _leader_rows([me.id, *neighbours])
    return {
        "me": me.id,
        "nodes": [_leader_brief(rows[n]) for n in [me.id, *neighbours] if n in rows],
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


def cohort_circles(*, user: User) -> QuerySet[CohortCircle]:
    """Return the organisation's cohort circles (HR)."""
    _hr_or_404(user)
    return (
        CohortCircle.objects.filter(network__organisation_id=organisation_id_or_404(user))
        .select_related("network")
        .annotate(member_count=Count("network__memberships"))
        .order_by("-period_start", "id")
    )


def requests_pending_count(*, leader_id: int) -> int:
    """Pending join requests to networks the leader is a member of (for a badge)."""
    return JoinRequest.objects.filter(
        status=RequestStatus.PENDING,
        network__memberships__leader_id=leader_id,
    ).count()
