"""Planned meetings: after the first meeting a pair plans the next ones, each with an invitation.

Only the pair plans, cancels and reads its meetings; for everyone else (HR included: the pair's
calendar is theirs) a pair's meeting is not found.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from backend.api.exceptions import Conflict, ServiceError
from backend.mentoring.models import Meeting, Mentorship
from backend.mentoring.services.notices import notify_leader
from backend.notifications import links
from backend.people.models import User


def pair_mentorship_or_404(*, actor: User, mentorship_id: int) -> tuple[Mentorship, int]:
    """The mentorship and the actor's leader id if they are one of the pair, else 404."""
    leader_id = actor.leader_id
    mentorship = (
        Mentorship.objects.select_related("programme", "mentee", "mentor")
        .filter(id=mentorship_id)
        .first()
    )
    if (
        mentorship is None
        or leader_id is None
        or leader_id not in (mentorship.mentee_id, mentorship.mentor_id)
    ):
        raise Http404
    return mentorship, leader_id


def meeting_of_pair_or_404(*, actor: User, meeting_id: int) -> Meeting:
    """A planned meeting of one of ``actor``'s pairs, else 404."""
    meeting = (
        Meeting.objects.select_related("mentorship__mentee", "mentorship__mentor")
        .filter(id=meeting_id)
        .first()
    )
    if meeting is None or actor.leader_id not in (
        meeting.mentorship.mentee_id,
        meeting.mentorship.mentor_id,
    ):
        raise Http404
    return meeting


def meeting_plan(
    *,
    mentorship: Mentorship,
    planned_by_id: int,
    starts_at: dt.datetime,
    minutes: int,
    location: str,
) -> Meeting:
    """Plan a meeting of an active pair and tell the other member (with a link to the pair)."""
    if mentorship.status != Mentorship.Status.ACTIVE:
        raise Conflict(_("The mentorship has ended."), code="state")
    if starts_at < timezone.now() - dt.timedelta(hours=1):
        raise ServiceError(_("Pick a time ahead, not in the past."), field="starts_at")
    if not 15 <= minutes <= 480:
        raise ServiceError(_("A meeting lasts 15 to 480 minutes."), field="minutes")
    with transaction.atomic():
        meeting = Meeting.objects.create(
            mentorship=mentorship,
            planned_by_id=planned_by_id,
            starts_at=starts_at,
            minutes=minutes,
            location=location.strip()[:200],
        )
    other = mentorship.mentor_id if planned_by_id == mentorship.mentee_id else mentorship.mentee_id
    notify_leader(
        leader_id=other,
        kind="mentoring.meeting_planned",
        subject=gettext_lazy("A mentoring meeting is planned"),
        body=gettext_lazy("Open the pair in Sparring to add the meeting to your calendar."),
        url=links.mentorship(mentorship.id),
        dedupe_key=f"mentoring.meeting_planned.{meeting.id}",
    )
    return meeting


def meeting_plan_as(
    *, actor: User, mentorship_id: int, starts_at: dt.datetime, minutes: int, location: str = ""
) -> Meeting:
    """A member of the pair plans the next meeting (anyone else: 404)."""
    mentorship, leader_id = pair_mentorship_or_404(actor=actor, mentorship_id=mentorship_id)
    return meeting_plan(
        mentorship=mentorship,
        planned_by_id=leader_id,
        starts_at=starts_at,
        minutes=minutes,
        location=location,
    )


def meeting_cancel_as(*, actor: User, meeting_id: int) -> Meeting:
    """A member of the pair cancels a planned meeting (idempotent; anyone else: 404)."""
    meeting = meeting_of_pair_or_404(actor=actor, meeting_id=meeting_id)
    if meeting.cancelled_at is None:
        meeting.cancelled_at = timezone.now()
        meeting.save(update_fields=["cancelled_at"])
    return meeting


def meetings_of_pair(*, actor: User, mentorship_id: int) -> list[Meeting]:
    """The pair's planned meetings, upcoming and past, cancelled ones left out (pair only)."""
    mentorship, _leader_id = pair_mentorship_or_404(actor=actor, mentorship_id=mentorship_id)
    return list(mentorship.meetings.filter(cancelled_at__isnull=True).order_by("starts_at", "id"))
