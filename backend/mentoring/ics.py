"""The ICS invitation for a pair's proposed first meeting."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event, vCalAddress, vText

from backend.mentoring.models import Meeting, Proposal
from backend.notifications import links


def proposal_invitation(
    *,
    proposal: Proposal,
    start: dt.datetime | None = None,
    minutes: int = 60,
    location: str = "",
) -> bytes:
    """Return an iCalendar (RFC 5545) request for the proposed first meeting of a proposal.

    ``start`` is the time the pair picked (default: the proposal's first-meeting slot) and
    ``location`` where they meet. Names and e-mail addresses of the two leaders only: nothing
    about why they were paired.
    """
    start = start or proposal.first_meeting_at
    assert start is not None
    mentee, mentor = proposal.enrolment.leader, proposal.offer.leader
    calendar = Calendar()
    calendar.add("prodid", "-//Sparring//Mentoring//DA")
    calendar.add("version", "2.0")
    calendar.add("method", "REQUEST")
    event = Event()
    event.add(
        "uid", f"sparring-proposal-{proposal.id}@{settings.SPARRING_BASE_URL.split('//')[-1]}"
    )
    event.add("dtstamp", timezone.now())
    event.add("dtstart", start)
    event.add("dtend", start + dt.timedelta(minutes=minutes))
    if location:
        event.add("location", location)
    event.add("summary", f"Første mentormøde: {mentee.full_name} og {mentor.full_name}")
    event.add("description", settings.SPARRING_BASE_URL + links.proposal(proposal.id))
    for leader in (mentee, mentor):
        if leader.email:
            attendee = vCalAddress(f"mailto:{leader.email}")
            attendee.params["cn"] = vText(leader.full_name)
            attendee.params["role"] = vText("REQ-PARTICIPANT")
            event.add("attendee", attendee, encode=False)
    calendar.add_component(event)
    return calendar.to_ical()


def meeting_invitation(*, meeting: Meeting) -> bytes:
    """Return an iCalendar (RFC 5545) request for a pair's planned meeting.

    The two leaders' names and addresses, the time and the place: nothing about the pairing's
    reasons or what the pair talks about. A cancelled meeting is sent as ``CANCEL``.
    """
    mentorship = meeting.mentorship
    mentee, mentor = mentorship.mentee, mentorship.mentor
    calendar = Calendar()
    calendar.add("prodid", "-//Sparring//Mentoring//DA")
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if meeting.cancelled_at else "REQUEST")
    event = Event()
    event.add("uid", f"sparring-meeting-{meeting.id}@{settings.SPARRING_BASE_URL.split('//')[-1]}")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", meeting.starts_at)
    event.add("dtend", meeting.starts_at + dt.timedelta(minutes=meeting.minutes))
    if meeting.location:
        event.add("location", meeting.location)
    if meeting.cancelled_at:
        event.add("status", "CANCELLED")
    event.add("summary", f"Mentormøde: {mentee.full_name} og {mentor.full_name}")
    event.add("description", settings.SPARRING_BASE_URL + links.mentorship(mentorship.id))
    for leader in (mentee, mentor):
        if leader.email:
            attendee = vCalAddress(f"mailto:{leader.email}")
            attendee.params["cn"] = vText(leader.full_name)
            attendee.params["role"] = vText("REQ-PARTICIPANT")
            event.add("attendee", attendee, encode=False)
    calendar.add_component(event)
    return calendar.to_ical()
