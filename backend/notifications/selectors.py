"""Reads of the notifications app."""

from __future__ import annotations

from django.db.models import QuerySet

from backend.notifications.models import EmailPreference, Notification
from backend.people.models import User


def notification_list(*, actor: User) -> QuerySet[Notification]:
    """Return the actor's own notifications (the model orders them newest first)."""
    return Notification.objects.filter(user=actor)


def notification_unread_count(*, actor: User) -> int:
    """How many of the actor's notifications are unread (the header's badge)."""
    return Notification.objects.filter(user=actor, read_at__isnull=True).count()


def email_preference_for(*, actor: User) -> dict[str, bool]:
    """Group → whether the actor takes that group's notifications by e-mail too."""
    muted = EmailPreference.objects.filter(user=actor).values_list("muted", flat=True).first()
    return {group: group not in (muted or []) for group in EmailPreference.Group.values}
