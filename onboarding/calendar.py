"""The leader's calendar feed (ICS): their open plan items and their mentoring meetings.

Items become all-day events on their due date. The feed is reachable by a secret URL, so it
carries nothing private: no help flags, no support needs, no notes; mentoring meetings show
only that a meeting is, with whom and when (as ``meetings_for_leader`` returns them).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.utils import timezone
from icalendar import Calendar, Event

from backend.notifications import links
from backend.people.models import Leader

if TYPE_CHECKING:
    from backend.mentoring.selectors import Meeting
from onboarding.models import CalendarFeed, Plan, PlanItem
from onboarding.selectors import item_owner_label, item_title


def _meetings(leader_id: int) -> list[Meeting]:
    from backend.mentoring.selectors import meetings_for_leader

    return list(meetings_for_leader(leader_id=leader_id))


def leader_calendar_ics(*, leader: Leader) -> bytes:
    """Return the leader's feed: items of their active plan (with a due date) and meetings."""
    language = "da"
    cal = Calendar()
    cal.add("prodid", "-//Sparring//onboarding//DA")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"Sparring: {leader.full_name}")
    now = timezone.now()
    host = settings.SPARRING_BASE_URL.split("://")[-1].split("/")[0] or "sparring"
    items = (
        PlanItem.objects.filter(
            plan__leader=leader,
            plan__status=Plan.Status.ACTIVE,
            dropped_at__isnull=True,
            due_date__isnull=False,
        )
        .exclude(status=PlanItem.Status.NOT_APPLICABLE)
        .select_related("owner_leader", "owner_staff_contact")
        .order_by("due_date", "id")
    )
    for item in items:
        assert item.due_date is not None  # filtered above
        event = Event()
        event.add("uid", f"onboarding-item-{item.id}@{host}")
        event.add("dtstamp", now)
        event.add("dtstart", item.due_date)
        event.add("dtend", item.due_date + dt.timedelta(days=1))
        done = item.status == PlanItem.Status.DONE
        event.add("summary", ("✓ " if done else "") + item_title(item, language=language))
        event.add("description", f"Ansvarlig: {item_owner_label(item)}")
        event.add("url", settings.SPARRING_BASE_URL + links.plan_item(item.plan_id, item.id))
        event.add("status", "CONFIRMED")
        cal.add_component(event)
    for meeting in _meetings(leader.id):
        event = Event()
        kind = meeting.kind
        event.add("uid", f"mentoring-{meeting.mentorship_id}-{kind}-{meeting.date}@{host}")
        event.add("dtstamp", now)
        if meeting.at is not None:
            event.add("dtstart", meeting.at)
            event.add("dtend", meeting.at + dt.timedelta(minutes=meeting.minutes or 60))
        else:
            event.add("dtstart", meeting.date)
            event.add("dtend", meeting.date + dt.timedelta(days=1))
        title = "Første mentormøde" if kind == "first_meeting" else "Mentormøde"
        event.add("summary", f"{title} med {meeting.with_name}")
        cal.add_component(event)
    return cal.to_ical()


def calendar_ics_for_token(*, token: str) -> bytes:
    """Return the feed behind a secret token; an unknown or rotated token is not found (404).

    The token is the credential: whoever holds the URL reads the feed, which is why it carries
    nothing private.
    """
    # Http404, not DoesNotExist: the feed is a plain Django view, outside DRF's handler.
    feed = get_object_or_404(CalendarFeed.objects.select_related("leader"), token=token)
    return leader_calendar_ics(leader=feed.leader)
