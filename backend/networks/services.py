"""Writes on the networks app: introductions, joining, sign-ups, group drafts, cohorts, roulette.

Every service takes the acting user, checks scope (out of scope: ``Http404``), and raises
``ServiceError`` / ``Conflict`` for business rules, so the API answers 4xx with field errors.
Notifications carry names and links only, never anything private.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

import networkx as nx
from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.api.exceptions import Conflict, ServiceError
from backend.networks import selectors
from backend.networks.graph import LeaderGraph, leader_graph
from backend.networks.models import (
    CohortCircle,
    CohortSetting,
    GroupDraft,
    IntroductionRequest,
    JoinRequest,
    RequestStatus,
    RouletteOptOut,
    RoulettePair,
    RouletteRound,
    RouletteSetting,
    SignUp,
    SignUpRegistration,
)
from backend.notifications.services import notify
from backend.people import access
from backend.people.models import (
    Administration,
    Leader,
    Membership,
    Network,
    NetworkKind,
    User,
)
from matching.errors import InputError
from matching.groups.compose import compose_groups
from matching.groups.model import Person, grouping_objective, grouping_violations


def _me(user: User) -> Leader:
    leader = access.actor_leader(user)
    if leader is None:
        raise Http404
    return leader


def _notify_leader(leader: Leader | int, **kwargs: Any) -> None:
    leader_id = leader if isinstance(leader, int) else leader.id
    user = User.objects.filter(leader_id=leader_id, is_active=True).first()
    if user is not None:
        notify(user=user, **kwargs)


# --------------------------------------------------------------------------- introductions


@transaction.atomic
def introduction_request(
    *, user: User, to_leader_id: int, message: str = ""
) -> IntroductionRequest:
    """Ask a discoverable peer of the same organisation for an introduction."""
    me = _me(user)
    other = Leader.objects.filter(
        id=to_leader_id, organisation_id=me.organisation_id, active=True, discoverable=True
    ).first()
    if other is None:
        raise Http404
    if other.id == me.id:
        raise ServiceError(_("You cannot ask yourself."), field="to_leader")
    if IntroductionRequest.objects.filter(
        from_leader=me,
        to_leader=other,
        status__in=[RequestStatus.PENDING, RequestStatus.ACCEPTED],
    ).exists():
        raise Conflict(_("You have already asked this leader."), field="to_leader")
    try:
        with transaction.atomic():
            intro = IntroductionRequest.objects.create(
                organisation_id=me.organisation_id, from_leader=me, to_leader=other, message=message
            )
    except IntegrityError as error:  # a concurrent double click
        raise Conflict(_("You have already asked this leader."), field="to_leader") from error
    _notify_leader(
        other,
        kind="networks.introduction",
        subject=_("%(name)s would like to meet you") % {"name": me.full_name},
        url="/peers/introductions",
        dedupe_key=f"introduction:{intro.id}",
    )
    return intro


@transaction.atomic
def introduction_decide(*, user: User, introduction_id: int, accept: bool) -> IntroductionRequest:
    """The asked leader accepts (contact details are then shared both ways) or declines."""
    me = _me(user)
    intro = (
        IntroductionRequest.objects.select_for_update()
        .filter(id=introduction_id, to_leader=me)
        .first()
    )
    if intro is None:
        raise Http404
    if intro.status != RequestStatus.PENDING:
        raise Conflict(_("This request has already been answered."))
    intro.status = RequestStatus.ACCEPTED if accept else RequestStatus.DECLINED
    intro.decided_at = timezone.now()
    intro.save(update_fields=["status", "decided_at"])
    if accept:
        _notify_leader(
            intro.from_leader,
            kind="networks.introduction_accepted",
            subject=_("%(name)s accepted your request") % {"name": me.full_name},
            url="/peers/introductions",
            dedupe_key=f"introduction-accepted:{intro.id}",
        )
    return intro


@transaction.atomic
def introduction_withdraw(*, user: User, introduction_id: int) -> IntroductionRequest:
    """The asking leader withdraws a pending request."""
    me = _me(user)
    intro = (
        IntroductionRequest.objects.select_for_update()
        .filter(id=introduction_id, from_leader=me)
        .first()
    )
    if intro is None:
        raise Http404
    if intro.status != RequestStatus.PENDING:
        raise Conflict(_("This request has already been answered."))
    intro.status = RequestStatus.WITHDRAWN
    intro.decided_at = timezone.now()
    intro.save(update_fields=["status", "decided_at"])
    return intro


# --------------------------------------------------------------------------- joining


@transaction.atomic
def network_join(*, user: User, network_id: int, message: str = "") -> Membership | JoinRequest:
    """Join an open network at once; ask to join a private one that welcomes newcomers.

    A private network (informal or members-only) is joined when one of its members accepts the
    request; until then the asker sees neither its members nor its head count below five.
    """
    me = _me(user)
    network = Network.objects.filter(
        id=network_id, organisation_id=me.organisation_id, active=True
    ).first()
    if network is None:
        raise Http404
    # A private network that does not welcome newcomers is not shown to non-members at all.
    if (
        network.is_private
        and not network.welcomes_newcomers
        and not network.memberships.filter(leader=me).exists()
    ):
        raise Http404
    if network.memberships.filter(leader=me).exists():
        raise Conflict(_("You are already a member."))
    if not network.is_private:
        return Membership.objects.create(network=network, leader=me, since=timezone.localdate())
    if JoinRequest.objects.filter(
        network=network, leader=me, status=RequestStatus.PENDING
    ).exists():
        raise Conflict(_("You have already asked to join."))
    request = JoinRequest.objects.create(network=network, leader=me, message=message)
    for member in Leader.objects.filter(memberships__network=network):
        _notify_leader(
            member,
            kind="networks.join_request",
            subject=_("A leader asks to join %(network)s") % {"network": network.name},
            url="/networks/requests",
            dedupe_key=f"join-request:{request.id}",
        )
    return request


@transaction.atomic
def join_request_decide(*, user: User, request_id: int, accept: bool) -> JoinRequest:
    """A member of the network accepts or declines a pending join request."""
    me = _me(user)
    request = (
        JoinRequest.objects.select_for_update()
        .select_related("network", "leader")
        .filter(id=request_id, network__memberships__leader=me)
        .first()
    )
    if request is None:
        raise Http404
    if request.status != RequestStatus.PENDING:
        raise Conflict(_("This request has already been answered."))
    request.status = RequestStatus.ACCEPTED if accept else RequestStatus.DECLINED
    request.decided_by = me
    request.decided_at = timezone.now()
    request.save(update_fields=["status", "decided_by", "decided_at"])
    if accept:
        Membership.objects.get_or_create(
            network=request.network,
            leader=request.leader,
            defaults={"since": timezone.localdate()},
        )
        _notify_leader(
            request.leader,
            kind="networks.join_accepted",
            subject=_("Welcome to %(network)s") % {"network": request.network.name},
            url=f"/networks/{request.network_id}",
            dedupe_key=f"join-accepted:{request.id}",
        )
    return request


# --------------------------------------------------------------------------- sign-ups


def _hr_administrations(user: User, ids: Sequence[int]) -> list[Administration]:
    organisation_id = selectors.organisation_id_or_404(user)
    found = list(Administration.objects.filter(organisation_id=organisation_id, id__in=ids))
    if len(found) != len(set(ids)):
        raise ServiceError(_("Unknown administration."), field="eligible_administrations")
    scope = set(access.hr_administration_ids(user))
    if scope:
        if not found:
            raise ServiceError(
                _("Choose the administrations in your scope."), field="eligible_administrations"
            )
        if any(a.id not in scope for a in found):
            raise ServiceError(_("Unknown administration."), field="eligible_administrations")
    return found


@transaction.atomic
def signup_create(
    *,
    user: User,
    theme: str,
    deadline: dt.date,
    min_size: int = 5,
    max_size: int = 7,
    description: str = "",
    eligible_administration_ids: Sequence[int] = (),
) -> SignUp:
    """HR opens a sign-up for a learning network."""
    if not access.is_hr(user):
        raise Http404
    if not theme.strip():
        raise ServiceError(_("Give the learning network a theme."), field="theme")
    if min_size < 2:
        raise ServiceError(_("Groups need at least two people."), field="min_size")
    if max_size < min_size:
        raise ServiceError(_("The largest group is smaller than the smallest."), field="max_size")
    administrations = _hr_administrations(user, eligible_administration_ids)
    signup = SignUp.objects.create(
        organisation_id=selectors.organisation_id_or_404(user),
        theme=theme.strip(),
        description=description,
        min_size=min_size,
        max_size=max_size,
        deadline=deadline,
        created_by=user,
    )
    signup.eligible_administrations.set(administrations)
    return signup


@transaction.atomic
def signup_register(
    *, user: User, signup_id: int, today: dt.date | None = None
) -> SignUpRegistration:
    """A leader signs up (eligible administration, before the deadline)."""
    today = today or timezone.localdate()
    me = _me(user)
    signup = (
        SignUp.objects.select_for_update()
        .filter(id=signup_id, organisation_id=me.organisation_id)
        .first()
    )
    if signup is None:
        raise Http404
    eligible = set(signup.eligible_administrations.values_list("id", flat=True))
    admin_id = (
        Leader.objects.filter(id=me.id)
        .values_list("unit__department__administration_id", flat=True)
        .first()
    )
    if eligible and admin_id not in eligible:
        raise Http404
    if signup.status != SignUp.Status.OPEN or signup.deadline < today:
        raise Conflict(_("The sign-up is closed."))
    registration, created = SignUpRegistration.objects.get_or_create(signup=signup, leader=me)
    if not created:
        raise Conflict(_("You have already signed up."))
    return registration


@transaction.atomic
def signup_withdraw(*, user: User, signup_id: int, today: dt.date | None = None) -> None:
    """A leader withdraws before the groups are drafted."""
    today = today or timezone.localdate()
    me = _me(user)
    registration = (
        SignUpRegistration.objects.select_related("signup")
        .filter(signup_id=signup_id, leader=me)
        .first()
    )
    if registration is None:
        raise Http404
    if registration.signup.status != SignUp.Status.OPEN:
        raise Conflict(_("The groups are already composed; ask HR."))
    registration.delete()


def _people_for(leaders: Sequence[Leader], graph: LeaderGraph) -> list[Person]:
    people = []
    for leader in leaders:
        info = graph.leaders.get(leader.id)
        people.append(
            Person(
                id=str(leader.id),
                administration=str(info.administration_id)
                if info and info.administration_id
                else None,
                unit=str(info.unit_id) if info and info.unit_id else None,
                line=tuple(str(b) for b in graph.line_above(leader.id)),
                attributes={
                    "experience_years": float(leader.years_as_leader),
                    "service_type": info.service_type if info else None,
                },
            )
        )
    return people


def _ties_among(ids: set[int], graph: LeaderGraph) -> list[tuple[str, str]]:
    """Existing ties between the people (line and department ties aside: the rules cover them)."""
    out = []
    for u, v, data in graph.G.subgraph(ids).edges(data=True):
        if data["ties"] - {"department", "line"}:
            out.append((str(min(u, v)), str(max(u, v))))
    return sorted(out)


def signup_problem(*, signup: SignUp) -> tuple[list[Person], list[tuple[str, str]]]:
    """Map a sign-up's registrations to the composer's people and ties (plain data)."""
    leaders = list(
        Leader.objects.filter(network_registrations__signup=signup, active=True).order_by("id")
    )
    graph = leader_graph(organisation_id=signup.organisation_id)
    return _people_for(leaders, graph), _ties_among({x.id for x in leaders}, graph)


@transaction.atomic
def signup_compose(
    *,
    user: User,
    signup_id: int,
    seed: int = 42,
    today: dt.date | None = None,
    time_limit_s: float = 10.0,
) -> GroupDraft:
    """HR runs the composer once the deadline has passed; returns a new draft."""
    today = today or timezone.localdate()
    signup = selectors.signup_for_hr_or_404(user=user, signup_id=signup_id)
    signup = SignUp.objects.select_for_update().get(id=signup.id)
    if signup.status == SignUp.Status.PUBLISHED:
        raise Conflict(_("The learning networks are already published."))
    if signup.deadline >= today:
        raise ServiceError(_("The deadline has not passed yet."), field="deadline")
    people, ties = signup_problem(signup=signup)
    if len(people) < signup.min_size:
        raise ServiceError(_("Too few leaders signed up for one group."), field="min_size")
    try:
        grouping = compose_groups(
            people,
            group_size=(signup.min_size, signup.max_size),
            ties=ties,
            seed=seed,
            time_limit_s=time_limit_s,
        )
    except InputError as error:
        raise ServiceError(str(error), field="groups") from error
    GroupDraft.objects.filter(signup=signup, status=GroupDraft.Status.DRAFT).update(
        status=GroupDraft.Status.DISCARDED
    )
    draft = GroupDraft.objects.create(
        signup=signup,
        groups=[[int(x) for x in group] for group in grouping.groups],
        objective=grouping.objective,
        composer_objective=grouping.objective,
        seed=grouping.seed,
        seconds=grouping.seconds,
    )
    signup.status = SignUp.Status.DRAFTED
    signup.save(update_fields=["status"])
    return draft


def draft_evaluate(*, draft: GroupDraft) -> dict[str, Any]:
    """Return a draft's objective and the hard rules it breaks (after HR's moves)."""
    people, ties = signup_problem(signup=draft.signup)
    ids = {p.id for p in people}
    groups = [[str(x) for x in group if str(x) in ids] for group in draft.groups]
    groups = [g for g in groups if g]
    objective = grouping_objective(people, groups, ties=ties)
    violations = grouping_violations(
        people, groups, group_size=(draft.signup.min_size, draft.signup.max_size)
    )
    return {
        "objective": objective,
        "violations": [{"rule": v.rule, "leaders": [int(x) for x in v.people]} for v in violations],
    }


@transaction.atomic
def draft_move(*, user: User, draft_id: int, leader_id: int, to_group: int) -> GroupDraft:
    """HR moves a leader to another group (``to_group == len(groups)`` opens a new group)."""
    draft = selectors.draft_for_hr_or_404(user=user, draft_id=draft_id)
    draft = GroupDraft.objects.select_for_update().select_related("signup").get(id=draft.id)
    if draft.status != GroupDraft.Status.DRAFT:
        raise Conflict(_("The draft is no longer editable."))
    groups = [list(g) for g in draft.groups]
    source = next((g for g in groups if leader_id in g), None)
    if source is None:
        raise ServiceError(_("The leader is not in this draft."), field="leader")
    if not 0 <= to_group <= len(groups):
        raise ServiceError(_("No such group."), field="to_group")
    if to_group == len(groups):
        groups.append([])
    source.remove(leader_id)
    groups[to_group].append(leader_id)
    draft.groups = [sorted(g) for g in groups if g]
    draft.objective = draft_evaluate(draft=draft)["objective"]
    draft.save(update_fields=["groups", "objective"])
    return draft


@transaction.atomic
def draft_publish(*, user: User, draft_id: int) -> GroupDraft:
    """HR publishes: one learning network per group, memberships, members notified.

    Refused while the draft breaks a hard rule. Publishing twice changes nothing.
    """
    draft = selectors.draft_for_hr_or_404(user=user, draft_id=draft_id)
    draft = GroupDraft.objects.select_for_update().select_related("signup").get(id=draft.id)
    if draft.status == GroupDraft.Status.PUBLISHED:
        return draft
    if draft.status != GroupDraft.Status.DRAFT:
        raise Conflict(_("The draft was replaced by a newer one."))
    evaluation = draft_evaluate(draft=draft)
    if evaluation["violations"]:
        raise ServiceError(
            _("The groups break %(n)d rule(s); move people first.")
            % {"n": len(evaluation["violations"])},
            field="groups",
        )
    signup = draft.signup
    today = timezone.localdate()
    leaders = selectors.draft_leaders(draft=draft)
    networks = []
    for number, group in enumerate(draft.groups, start=1):
        network = Network.objects.create(
            organisation_id=signup.organisation_id,
            name=f"Læringsnetværk: {signup.theme} ({number})",
            kind=NetworkKind.LEARNING_NETWORK,
            visibility=Network.Visibility.OPEN,
            theme=signup.theme,
            description=signup.description,
        )
        Membership.objects.bulk_create(
            [Membership(network=network, leader_id=lid, since=today) for lid in group]
        )
        networks.append(network)
        for lid in group:
            _notify_leader(
                leaders[lid],
                kind="networks.learning_network",
                subject=_("You are in %(network)s") % {"network": network.name},
                url=f"/networks/{network.id}",
                dedupe_key=f"learning-network:{draft.id}:{lid}",
            )
    draft.networks.set(networks)
    draft.status = GroupDraft.Status.PUBLISHED
    draft.published_at = timezone.now()
    draft.save(update_fields=["status", "published_at"])
    signup.status = SignUp.Status.PUBLISHED
    signup.save(update_fields=["status"])
    return draft


# --------------------------------------------------------------------------- cohort circles


@transaction.atomic
def cohort_setting_update(
    *,
    user: User,
    enabled: bool | None = None,
    window_days: int | None = None,
    min_size: int | None = None,
    max_size: int | None = None,
) -> CohortSetting:
    """HR sets how cohort circles are formed."""
    if not access.is_hr(user):
        raise Http404
    setting, _created = CohortSetting.objects.get_or_create(
        organisation_id=selectors.organisation_id_or_404(user)
    )
    for name, value in (
        ("enabled", enabled),
        ("window_days", window_days),
        ("min_size", min_size),
        ("max_size", max_size),
    ):
        if value is not None:
            setattr(setting, name, value)
    if setting.window_days < 14:
        raise ServiceError(_("Use a period of at least 14 days."), field="window_days")
    if setting.min_size < 2:
        raise ServiceError(_("Circles need at least two people."), field="min_size")
    if setting.max_size < setting.min_size:
        raise ServiceError(_("The largest circle is smaller than the smallest."), field="max_size")
    setting.save()
    return setting


@transaction.atomic
def cohort_circles_form(
    *, user: User, today: dt.date | None = None, seed: int = 42
) -> list[CohortCircle]:
    """HR forms cohort circles in one step from leaders who started in the last period.

    Everyone active who started within ``window_days`` before ``today`` and is in no circle is
    split by the group composer into circles within the size bounds that mix administrations and
    never seat a leader with their boss. Running it again finds nobody new and forms nothing.
    """
    if not access.is_hr(user):
        raise Http404
    today = today or timezone.localdate()
    organisation_id = access.organisation_id_of(user)
    assert organisation_id is not None
    setting = CohortSetting.objects.filter(organisation_id=organisation_id).first() or (
        CohortSetting(organisation_id=organisation_id)
    )
    start = today - dt.timedelta(days=setting.window_days)
    in_circle = Membership.objects.filter(network__cohort__isnull=False).values("leader_id")
    leaders = list(
        Leader.objects.filter(
            organisation_id=organisation_id,
            active=True,
            role_start_date__gte=start,
            role_start_date__lte=today,
        )
        .exclude(id__in=in_circle)
        .order_by("id")
    )
    if len(leaders) < setting.min_size:
        raise ServiceError(
            _("Fewer than %(n)d new leaders without a circle.") % {"n": setting.min_size},
            field="min_size",
        )
    graph = leader_graph(organisation_id=organisation_id)
    people = _people_for(leaders, graph)
    try:
        grouping = compose_groups(
            people,
            group_size=(setting.min_size, setting.max_size),
            ties=_ties_among({x.id for x in leaders}, graph),
            seed=seed,
            time_limit_s=5.0,
        )
    except InputError as error:
        raise ServiceError(str(error), field="groups") from error
    circles = []
    label = f"{start:%d.%m.%Y}–{today:%d.%m.%Y}"
    for number, group in enumerate(grouping.groups, start=1):
        network = Network.objects.create(
            organisation_id=organisation_id,
            name=f"Kohortecirkel {label} ({number})",
            kind=NetworkKind.LEARNING_NETWORK,
            visibility=Network.Visibility.OPEN,
            theme="Det første år som leder",
            description="Nye ledere, der startede i samme periode, på tværs af forvaltninger.",
        )
        Membership.objects.bulk_create(
            [Membership(network=network, leader_id=int(x), since=today) for x in group]
        )
        circles.append(
            CohortCircle.objects.create(network=network, period_start=start, period_end=today)
        )
        for x in group:
            _notify_leader(
                next(leader for leader in leaders if leader.id == int(x)),
                kind="networks.cohort",
                subject=_("You are in %(network)s") % {"network": network.name},
                url=f"/networks/{network.id}",
                dedupe_key=f"cohort:{network.id}:{x}",
            )
    return circles


# --------------------------------------------------------------------------- roulette


@transaction.atomic
def roulette_setting_set(
    *,
    user: User,
    network_id: int,
    active: bool = True,
    every_weeks: int = 4,
    cooldown_weeks: int = 12,
    next_run_on: dt.date | None = None,
) -> RouletteSetting:
    """HR or a convener switches roulette on for a network (or changes its rhythm)."""
    network = access.network_visible_or_404(user, network_id)
    convener = (
        user.leader_id is not None
        and network.memberships.filter(
            leader_id=user.leader_id, role=Membership.Role.CONVENER
        ).exists()
    )
    if not (access.is_hr(user) or convener):
        raise Http404
    if not 1 <= every_weeks <= 52:
        raise ServiceError(_("Choose between 1 and 52 weeks."), field="every_weeks")
    if cooldown_weeks < 0:
        raise ServiceError(_("The cooldown cannot be negative."), field="cooldown_weeks")
    setting, _created = RouletteSetting.objects.update_or_create(
        network=network,
        defaults={
            "active": active,
            "every_weeks": every_weeks,
            "cooldown_weeks": cooldown_weeks,
            "next_run_on": next_run_on or timezone.localdate(),
        },
    )
    return setting


def _next_round_number(network_id: int) -> int:
    last = RouletteRound.objects.filter(network_id=network_id).order_by("-number").first()
    return (last.number + 1) if last else 1


@transaction.atomic
def roulette_opt_out(*, user: User, network_id: int, round_number: int | None = None) -> int:
    """A member sits out the next round (or a given one); returns the round number."""
    me = _me(user)
    network = access.network_visible_or_404(user, network_id)
    if not network.memberships.filter(leader=me).exists():
        raise Http404
    if not RouletteSetting.objects.filter(network=network).exists():
        raise Http404
    number = round_number or _next_round_number(network.id)
    RouletteOptOut.objects.get_or_create(network=network, leader=me, round_number=number)
    return number


def roulette_pairs_compose(
    *,
    members: Sequence[int],
    administration: Mapping[int, int | None],
    recent: set[frozenset[int]],
    seed: int,
) -> list[tuple[int, ...]]:
    """Pair members: no recent pair, cross-administration preferred; odd count → one trio.

    A maximum-weight matching (networkx, Edmonds' blossom algorithm) over the allowed pairs, with
    weight 2 for a cross-administration pair, 1 otherwise, and a seeded jitter < 0.5 that breaks
    ties differently each round. It is also a maximum-cardinality matching, so the fewest sit
    out. A leftover member joins the pair where they repeat nobody recent, making a trio; a
    member who cannot be placed without a repeat sits the round out.
    """
    rng = random.Random(seed)
    ordered = sorted(members)
    weight: dict[tuple[int, int], float] = {}
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            if frozenset((a, b)) in recent:
                continue
            cross = administration.get(a) != administration.get(b)
            weight[(a, b)] = (2.0 if cross else 1.0) + rng.random() * 0.49

    def pairs_of(people: set[int]) -> list[tuple[int, ...]]:
        G = nx.Graph()
        G.add_nodes_from(people)
        G.add_weighted_edges_from(
            (a, b, w) for (a, b), w in weight.items() if a in people and b in people
        )
        return sorted(tuple(sorted(p)) for p in nx.max_weight_matching(G, maxcardinality=True))

    def fits(person: int, group: tuple[int, ...]) -> bool:
        return all(frozenset((person, m)) not in recent for m in group)

    everyone = set(members)
    groups = pairs_of(everyone)
    left = sorted(everyone - {m for pair in groups for m in pair})
    if len(left) == 1:
        # Odd count: one trio. If the one left over has met both people of every pair recently,
        # try leaving out someone else instead (in the seeded order), so nobody sits out.
        candidates = [left[0]] + [m for m in rng.sample(ordered, len(ordered)) if m != left[0]]
        for person in candidates:
            rest = pairs_of(everyone - {person})
            if 2 * len(rest) != len(everyone) - 1:
                continue
            for k, group in enumerate(rest):
                if fits(person, group):
                    rest[k] = tuple(sorted((*group, person)))
                    return sorted(rest)
        return groups  # a repeat blocks every trio: the one left over sits this round out
    # Several left over only when repeats block pairs; they sit out (no second trio).
    for person in left[:1]:
        for k, group in enumerate(groups):
            if len(group) == 2 and fits(person, group):
                groups[k] = tuple(sorted((*group, person)))
                break
    return sorted(groups)


@transaction.atomic
def roulette_round_run(*, network_id: int, today: dt.date | None = None) -> RouletteRound | None:
    """Run the network's due roulette round; harmless to call twice (one round per due date).

    Returns the round, or ``None`` when none is due. The round number is unique per network and
    the setting's ``next_run_on`` moves on in the same transaction, so a retried task finds no
    round due.
    """
    today = today or timezone.localdate()
    setting = (
        RouletteSetting.objects.select_for_update()
        .select_related("network")
        .filter(network_id=network_id)
        .first()
    )
    if setting is None or not setting.active or setting.next_run_on > today:
        return None
    network = setting.network
    number = _next_round_number(network.id)
    run_on = setting.next_run_on
    opted_out = set(
        RouletteOptOut.objects.filter(network=network, round_number=number).values_list(
            "leader_id", flat=True
        )
    )
    rows = list(
        Leader.objects.filter(memberships__network=network, active=True).values_list(
            "id", "unit__department__administration_id"
        )
    )
    members = [lid for lid, _a in rows if lid not in opted_out]
    administration = dict(rows)
    since = run_on - dt.timedelta(weeks=setting.cooldown_weeks)
    recent: set[frozenset[int]] = set()
    for pair in RoulettePair.objects.filter(
        round__network=network, round__run_on__gt=since
    ).prefetch_related("leaders"):
        ids = [leader.id for leader in pair.leaders.all()]
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                recent.add(frozenset((a, b)))
    round_ = RouletteRound.objects.create(network=network, number=number, run_on=run_on)
    groups = roulette_pairs_compose(
        members=members,
        administration=administration,
        recent=recent,
        seed=network.id * 100_003 + number,
    )
    names = dict(Leader.objects.filter(id__in=members).values_list("id", "first_name"))
    for group in groups:
        pair = RoulettePair.objects.create(round=round_)
        pair.leaders.set(group)
        for lid in group:
            others = ", ".join(names.get(o, "") for o in group if o != lid)
            _notify_leader(
                lid,
                kind="networks.roulette",
                subject=_("Coffee roulette in %(network)s: meet %(names)s")
                % {"network": network.name, "names": others},
                url="/networks/roulette",
                dedupe_key=f"roulette:{round_.id}:{lid}",
            )
    setting.next_run_on = run_on + dt.timedelta(weeks=setting.every_weeks)
    setting.save(update_fields=["next_run_on"])
    return round_


def roulette_due_run(*, today: dt.date | None = None) -> int:
    """Run every network's due round (the periodic task); returns how many rounds ran."""
    today = today or timezone.localdate()
    ran = 0
    for network_id in RouletteSetting.objects.filter(
        active=True, next_run_on__lte=today
    ).values_list("network_id", flat=True):
        # One transaction per network: one failing network does not hold back the others.
        while roulette_round_run(network_id=network_id, today=today) is not None:
            ran += 1
    return ran


def administration_spread(
    groups: Sequence[Sequence[int]], admin_of: dict[int, int]
) -> dict[int, int]:
    """Largest number of one administration's leaders in any group, per administration."""
    worst: dict[int, int] = {}
    for group in groups:
        for admin, count in Counter(admin_of[x] for x in group).items():
            worst[admin] = max(worst.get(admin, 0), count)
    return worst
