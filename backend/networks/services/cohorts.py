"""Cohort circles: new leaders who started around the same time, formed by HR."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from backend.api.exceptions import ServiceError
from backend.networks.access import (
    organisation_id_or_404,
)
from backend.networks.graph import leader_graph
from backend.networks.models import (
    CohortCircle,
    CohortSetting,
    Membership,
    Network,
    NetworkKind,
)
from backend.networks.selectors.drafts import people_for, ties_among
from backend.networks.selectors.suggestions import cohort_circles
from backend.networks.services.notices import notify_leader
from backend.notifications import links
from backend.notifications.services import lazy_message
from backend.people import access
from backend.people.models import Leader, User
from matching.errors import InputError
from matching.groups.compose import compose_groups, default_rounds
from matching.groups.model import grouping_violations


@transaction.atomic
def cohort_setting_update(
    *,
    actor: User,
    enabled: bool | None = None,
    window_days: int | None = None,
    min_size: int | None = None,
    max_size: int | None = None,
) -> CohortSetting:
    """HR sets how cohort circles are formed."""
    if not access.is_hr(actor):
        raise Http404
    setting, _created = CohortSetting.objects.get_or_create(
        organisation_id=organisation_id_or_404(actor)
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


@dataclass(frozen=True)
class CohortProposal:
    """Circles the composer proposes, for HR to review before they are created."""

    period_start: dt.date
    period_end: dt.date
    groups: list[list[Leader]]


def _candidates(actor: User, today: dt.date) -> tuple[int, CohortSetting, dt.date, list[Leader]]:
    """The new leaders in the period who are in no circle yet, and the settings."""
    if not access.is_hr(actor):
        raise Http404
    organisation_id = access.organisation_id_of(actor)
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
    return organisation_id, setting, start, leaders


def cohort_circles_propose(
    *, actor: User, today: dt.date | None = None, seed: int = 42
) -> CohortProposal:
    """HR's review step: the circles the composer proposes, nothing written.

    Everyone active who started within ``window_days`` before ``today`` and is in no circle is
    split by the group composer into circles within the size bounds that mix administrations
    and never seat a leader with their boss.
    """
    today = today or timezone.localdate()
    organisation_id, setting, start, leaders = _candidates(actor, today)
    graph = leader_graph(organisation_id=organisation_id)
    try:
        grouping = compose_groups(
            people_for(leaders, graph),
            group_size=(setting.min_size, setting.max_size),
            ties=ties_among({x.id for x in leaders}, graph),
            seed=seed,
            # HR waits for this answer: the round budget of before (seconds, reproducible from
            # the seed), not the whole time limit.
            rounds=default_rounds(len(leaders)),
            time_limit_s=5.0,
        )
    except InputError as error:
        raise ServiceError(str(error), field="groups") from error
    by_id = {leader.id: leader for leader in leaders}
    groups = [[by_id[int(x)] for x in group] for group in grouping.groups]
    return CohortProposal(period_start=start, period_end=today, groups=groups)


def _checked_groups(
    actor: User, today: dt.date, groups: list[list[int]]
) -> tuple[int, dt.date, list[Leader], list[list[int]]]:
    """Check groups HR reviewed: the same candidates, each once, sizes and rules kept."""
    organisation_id, setting, start, leaders = _candidates(actor, today)
    ids = [x for group in groups for x in group]
    if len(ids) != len(set(ids)) or not set(ids) <= {leader.id for leader in leaders}:
        raise ServiceError(
            _("The circles name a leader twice or one who is not a new leader without a circle."),
            field="groups",
        )
    graph = leader_graph(organisation_id=organisation_id)
    chosen = [leader for leader in leaders if leader.id in set(ids)]
    broken = grouping_violations(
        people_for(chosen, graph),
        [[str(x) for x in group] for group in groups],
        group_size=(setting.min_size, setting.max_size),
    )
    if broken:
        raise ServiceError(
            _("The circles break %(n)d rule(s); propose them again.") % {"n": len(broken)},
            field="groups",
        )
    return organisation_id, start, leaders, groups


@transaction.atomic
def cohort_circles_form(
    *,
    actor: User,
    today: dt.date | None = None,
    seed: int = 42,
    groups: list[list[int]] | None = None,
) -> list[CohortCircle]:
    """HR creates cohort circles: the reviewed ``groups`` (checked again), or a fresh proposal.

    Running it again finds nobody new and forms nothing.
    """
    today = today or timezone.localdate()
    if groups is None:
        proposal = cohort_circles_propose(actor=actor, today=today, seed=seed)
        organisation_id = access.organisation_id_of(actor) or 0
        start = proposal.period_start
        leaders = [leader for group in proposal.groups for leader in group]
        groups = [[leader.id for leader in group] for group in proposal.groups]
    else:
        organisation_id, start, leaders, groups = _checked_groups(actor, today, groups)
    circles = []
    label = f"{start:%d.%m.%Y}–{today:%d.%m.%Y}"
    for number, group in enumerate(groups, start=1):
        network = Network.objects.create(
            organisation_id=organisation_id,
            name=f"Kohortecirkel {label} ({number})",
            kind=NetworkKind.LEARNING_NETWORK,
            visibility=Network.Visibility.OPEN,
            theme="Det første år som leder",
            description="Nye ledere, der startede i samme periode, på tværs af forvaltninger.",
        )
        Membership.objects.bulk_create(
            [Membership(network=network, leader_id=x, since=today) for x in group]
        )
        circles.append(
            CohortCircle.objects.create(network=network, period_start=start, period_end=today)
        )
        for x in group:
            notify_leader(
                next(leader for leader in leaders if leader.id == x),
                kind="networks.cohort",
                subject=lazy_message(gettext_lazy("You are in %(network)s"), network=network.name),
                url=links.network(network.id),
                dedupe_key=f"cohort:{network.id}:{x}",
            )
    # Read back with their head counts, as HR lists them.
    return list(cohort_circles(actor=actor).filter(id__in=[c.id for c in circles]))
