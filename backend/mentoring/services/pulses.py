"""Pulses: after a meeting each member of the pair may rate it 1-5, with an optional comment.

A pulse is read by nobody but its writer (their own scores) and, in aggregate, the programme's
coordinator (HR): never the other member of the pair, never the boss line. Comments reach HR
without names (``backend/mentoring/quality.py``).
"""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.api.exceptions import Conflict, ServiceError
from backend.mentoring.models import Pulse
from backend.mentoring.services.meetings import pair_mentorship_or_404
from backend.people.models import User


def pulse_give_as(
    *, actor: User, mentorship_id: int, met_on: dt.date, score: int, comment: str = ""
) -> Pulse:
    """A member of the pair rates a meeting (one pulse per member and meeting date)."""
    mentorship, leader_id = pair_mentorship_or_404(actor=actor, mentorship_id=mentorship_id)
    if not 1 <= score <= 5:
        raise ServiceError(_("Give a score from 1 to 5."), field="score")
    if met_on > timezone.localdate():
        raise ServiceError(_("Rate a meeting after it has taken place."), field="met_on")
    if met_on < mentorship.started_on - dt.timedelta(days=30):
        raise ServiceError(_("The date lies before the mentorship."), field="met_on")
    try:
        with transaction.atomic():
            return Pulse.objects.create(
                mentorship=mentorship,
                leader_id=leader_id,
                met_on=met_on,
                score=score,
                comment=comment.strip()[:1000],
            )
    except IntegrityError:
        raise Conflict(_("You have already rated this meeting."), code="duplicate") from None


def pulses_mine(*, actor: User, mentorship_id: int) -> list[Pulse]:
    """The caller's own pulses on one of their pairs (never the other member's)."""
    mentorship, leader_id = pair_mentorship_or_404(actor=actor, mentorship_id=mentorship_id)
    return list(mentorship.pulses.filter(leader_id=leader_id).order_by("-met_on", "-id"))
