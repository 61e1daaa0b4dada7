"""Check-ins: a member of a pair logs a meeting."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import Case, F, Q, Value, When
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.api.exceptions import ServiceError
from backend.mentoring.models import (
    CheckIn,
    Flag,
    Mentorship,
)
from backend.people.models import Leader, User


def check_in_log(
    *,
    mentorship: Mentorship,
    author: Leader,
    met_on: dt.date,
    minutes: int,
    note: str = "",
    note_shared: bool = False,
) -> CheckIn:
    """Log a meeting of the pair; the note stays the writer's unless shared with the pair."""
    if author.id not in (mentorship.mentee_id, mentorship.mentor_id):
        raise ServiceError(_("Only the pair can log their meetings."), field="mentorship")
    if met_on > timezone.localdate():
        raise ServiceError(_("A meeting cannot be logged ahead of time."), field="met_on")
    if met_on < mentorship.started_on - dt.timedelta(days=30):
        raise ServiceError(_("The date lies before the mentorship."), field="met_on")
    if not 1 <= minutes <= 24 * 60:
        raise ServiceError(_("Minutes must be between 1 and 1440."), field="minutes")
    with transaction.atomic():
        check_in = CheckIn.objects.create(
            mentorship=mentorship,
            author=author,
            met_on=met_on,
            minutes=minutes,
            note=note,
            note_shared=note_shared,
        )
        on = Value(met_on)  # the pair's first and last meeting, in one statement
        Mentorship.objects.filter(id=mentorship.id).update(
            first_met_on=Case(
                When(Q(first_met_on__isnull=True) | Q(first_met_on__gt=on), then=on),
                default=F("first_met_on"),
            ),
            last_met_on=Case(
                When(Q(last_met_on__isnull=True) | Q(last_met_on__lt=on), then=on),
                default=F("last_met_on"),
            ),
        )
        Flag.objects.filter(
            mentorship=mentorship,
            resolved_at__isnull=True,
            kind__in=[Flag.Kind.INACTIVE, Flag.Kind.NO_FIRST_MEETING],
        ).update(resolved_at=timezone.now())
    return check_in


def check_in_log_as(*, actor: User, mentorship_id: int, **fields: Any) -> CheckIn:
    """A member of the pair logs a meeting (HR and everyone else: 404)."""
    me = actor.leader_id
    # Only the pair: no joins (HR, who sees the pair elsewhere, gets 404 here too).
    mentorship = (
        Mentorship.objects.filter(Q(mentee_id=me) | Q(mentor_id=me), id=mentorship_id).first()
        if me is not None
        else None
    )
    if mentorship is None or actor.leader is None:
        raise Http404
    return check_in_log(mentorship=mentorship, author=actor.leader, **fields)
