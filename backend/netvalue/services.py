"""Writes: open a round (HR or the quarterly beat) and notify the members; a member answers."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from backend.api.exceptions import ServiceError
from backend.netvalue.models import ValueAnswer, ValueRound
from backend.netvalue.selectors import ASKED_KINDS, open_round, round_networks
from backend.networks.models import Membership, Network
from backend.networks.services.notices import notify_leader
from backend.notifications import links
from backend.notifications.services import lazy_message
from backend.people.access import actor_leader, organisation_id_of
from backend.people.models import Organisation, User

EVERY_DAYS = 91  # about three months
OPEN_DAYS = 21


@transaction.atomic
def value_round_open(*, organisation_id: int, today: dt.date | None = None) -> ValueRound:
    """Open a round and send each member of a leader group or learning network the question."""
    today = today or timezone.localdate()
    current = open_round(organisation_id=organisation_id, today=today)
    if current is not None:
        return current
    value_round = ValueRound.objects.create(
        organisation_id=organisation_id, opened_on=today, closes_on=today + dt.timedelta(OPEN_DAYS)
    )
    leader_ids = set(
        Membership.objects.filter(
            network__in=round_networks(organisation_id=organisation_id), leader__active=True
        ).values_list("leader_id", flat=True)
    )
    for leader_id in sorted(leader_ids):
        notify_leader(
            leader_id,
            kind="netvalue.question",
            subject=gettext_lazy("Was your network worth your time?"),
            body=lazy_message(
                gettext_lazy(
                    "Two minutes: how much did your leader group or learning network give you in "
                    "the last three months? Answer by %(date)s."
                ),
                date=f"{value_round.closes_on:%d.%m.%Y}",
            ),
            url=links.network_value(),
            dedupe_key=f"netvalue-round-{value_round.id}",
        )
    return value_round


def value_round_open_as(*, actor: User, today: dt.date | None = None) -> ValueRound:
    """Organisation-wide HR asks the question now (the beat asks every three months)."""
    organisation_id = organisation_id_of(actor)
    if organisation_id is None:
        raise Http404
    return value_round_open(organisation_id=organisation_id, today=today)


def value_rounds_due_open(*, today: dt.date | None = None) -> int:
    """Open a round in every organisation whose latest round is ``EVERY_DAYS`` old (beat)."""
    today = today or timezone.localdate()
    opened = 0
    for organisation_id in Organisation.objects.values_list("id", flat=True):
        if not Network.objects.filter(
            organisation_id=organisation_id, kind__in=ASKED_KINDS, active=True
        ).exists():
            continue
        last = ValueRound.objects.filter(organisation_id=organisation_id).first()
        if last is None or (today - last.opened_on).days >= EVERY_DAYS:
            value_round_open(organisation_id=organisation_id, today=today)
            opened += 1
    return opened


@transaction.atomic
def value_answer(
    *,
    actor: User,
    network_id: int,
    score: int,
    wish: str,
    comment: str = "",
    today: dt.date | None = None,
) -> ValueAnswer:
    """The member answers for one of their networks in the open round (again: replaces it)."""
    today = today or timezone.localdate()
    leader = actor_leader(actor)
    if leader is None:
        raise Http404
    value_round = open_round(organisation_id=leader.organisation_id, today=today)
    if value_round is None:
        raise ServiceError(_("The question is not open just now."), field="network")
    network = (
        round_networks(organisation_id=leader.organisation_id)
        .filter(id=network_id, memberships__leader=leader)
        .first()
    )
    if network is None:
        raise Http404
    answer, _created = ValueAnswer.objects.update_or_create(
        round=value_round,
        network=network,
        leader=leader,
        defaults={"score": score, "wish": wish, "comment": comment.strip()},
    )
    return answer
