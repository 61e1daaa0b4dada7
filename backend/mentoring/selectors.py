"""Reads on the mentoring app: what a caller may see, with related rows loaded up front."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q

from backend.mentoring.models import Mentorship
from backend.people.models import Leader


@dataclass(frozen=True)
class Meeting:
    """A mentoring meeting for a leader's calendar: a logged check-in or a planned first meeting.

    ``kind`` is ``"first_meeting"`` (planned; ``at`` may be ``None`` when only the deadline is
    known, then ``date`` is the deadline) or ``"check_in"`` (a meeting that took place).
    """

    mentorship_id: int
    kind: str
    date: dt.date
    at: dt.datetime | None
    minutes: int | None
    with_name: str


def mentor_for_leader(*, leader_id: int) -> Leader | None:
    """Return the mentor of the leader's active mentorship (the newest if several), else None."""
    mentorship = (
        Mentorship.objects.filter(mentee_id=leader_id, status=Mentorship.Status.ACTIVE)
        .select_related("mentor__unit__department__administration")
        .order_by("-started_on", "-id")
        .first()
    )
    return mentorship.mentor if mentorship is not None else None


def meetings_for_leader(*, leader_id: int) -> list[Meeting]:
    """Return the leader's mentoring meetings (as mentee or mentor), oldest first.

    Planned first meetings of active pairs that have not met yet, and every logged check-in of
    the leader's pairs. No notes: the calendar shows that a meeting is, not what was said.
    """
    mentorships = list(
        Mentorship.objects.filter(Q(mentee_id=leader_id) | Q(mentor_id=leader_id))
        .select_related("mentee", "mentor")
        .prefetch_related("check_ins")
    )
    meetings: list[Meeting] = []
    for mentorship in mentorships:
        other = mentorship.mentor if mentorship.mentee_id == leader_id else mentorship.mentee
        if (
            mentorship.status == Mentorship.Status.ACTIVE
            and mentorship.first_met_on is None
            and (mentorship.first_meeting_at or mentorship.first_meeting_due)
        ):
            at = mentorship.first_meeting_at
            date = at.date() if at is not None else mentorship.first_meeting_due
            assert date is not None
            meetings.append(
                Meeting(mentorship.id, "first_meeting", date, at, None, other.full_name)
            )
        seen: set[dt.date] = set()
        for check_in in mentorship.check_ins.all():
            # Both may log the same meeting; the calendar shows it once.
            if check_in.met_on in seen:
                continue
            seen.add(check_in.met_on)
            meetings.append(
                Meeting(
                    mentorship.id,
                    "check_in",
                    check_in.met_on,
                    None,
                    check_in.minutes,
                    other.full_name,
                )
            )
    meetings.sort(key=lambda m: (m.date, m.mentorship_id, m.kind))
    return meetings
