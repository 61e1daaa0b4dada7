"""Coffee roulette: settings, opt-outs and the rounds that pair members."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Mapping, Sequence

import networkx as nx
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from backend.api.exceptions import ServiceError
from backend.networks.access import (
    actor_leader_or_404,
    network_visible_or_404,
)
from backend.networks.models import (
    Membership,
    RouletteOptOut,
    RoulettePair,
    RouletteRound,
    RouletteSetting,
)
from backend.networks.services.notices import notify_leader
from backend.notifications import links
from backend.notifications.services import lazy_message
from backend.people import access
from backend.people.models import Leader, User


@transaction.atomic
def roulette_setting_set(
    *,
    actor: User,
    network_id: int,
    active: bool = True,
    every_weeks: int = 4,
    cooldown_weeks: int = 12,
    next_run_on: dt.date | None = None,
) -> RouletteSetting:
    """HR or a convener switches roulette on for a network (or changes its rhythm)."""
    network = network_visible_or_404(actor, network_id)
    convener = (
        actor.leader_id is not None
        and network.memberships.filter(
            leader_id=actor.leader_id, role=Membership.Role.CONVENER
        ).exists()
    )
    if not (access.is_hr(actor) or convener):
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
def roulette_opt_out(*, actor: User, network_id: int, round_number: int | None = None) -> int:
    """A member sits out the next round (or a given one); returns the round number."""
    me = actor_leader_or_404(actor)
    network = network_visible_or_404(actor, network_id)
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
            notify_leader(
                lid,
                kind="networks.roulette",
                subject=lazy_message(
                    gettext_lazy("Coffee roulette in %(network)s: meet %(names)s"),
                    network=network.name,
                    names=others,
                ),
                url=links.roulette(),
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
