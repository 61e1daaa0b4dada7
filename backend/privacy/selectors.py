"""Reads of the privacy app."""

from __future__ import annotations

from django.db.models import QuerySet

from backend.people.models import User
from backend.privacy.models import AccessLogEntry


def access_log_for_self(*, user: User) -> QuerySet[AccessLogEntry]:
    """Return who read the user's own private data, newest first (none for users not leaders)."""
    if user.leader_id is None:
        return AccessLogEntry.objects.none()
    return AccessLogEntry.objects.filter(subject_id=user.leader_id)
