"""The leader's secret calendar-feed URL: created on first use, rotated on request."""

from __future__ import annotations

from django.http import Http404

from backend.people import access
from backend.people.models import User
from onboarding.models import CalendarFeed


def calendar_feed_get_or_create(*, actor: User) -> CalendarFeed:
    """Return the actor's own calendar feed, creating its secret token on first use.

    Only leaders have a feed (the API's permission class); anyone else's is not found.
    """
    leader = access.actor_leader(actor)
    if leader is None:
        raise Http404
    feed, _created = CalendarFeed.objects.get_or_create(leader=leader)
    return feed


def calendar_feed_rotate(*, actor: User) -> CalendarFeed:
    """Give the actor (a leader) a new secret feed URL; the old one stops working at once."""
    feed = calendar_feed_get_or_create(actor=actor)
    feed.token = CalendarFeed._meta.get_field("token").get_default()
    feed.save(update_fields=["token", "rotated_at"])
    return feed
