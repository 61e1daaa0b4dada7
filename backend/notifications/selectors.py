"""Reads of the notifications app."""

from __future__ import annotations

from django.db.models import QuerySet

from backend.notifications.models import Notification
from backend.people.models import User


def notification_list(*, actor: User) -> QuerySet[Notification]:
    """Return the actor's own notifications (the model orders them newest first)."""
    return Notification.objects.filter(user=actor)
