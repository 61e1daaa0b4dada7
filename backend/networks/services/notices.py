"""Notifications to leaders (names and links only, never anything private)."""

from __future__ import annotations

from typing import Any

from backend.notifications.services import notify
from backend.people.models import Leader, User


def notify_leader(leader: Leader | int, **kwargs: Any) -> None:
    leader_id = leader if isinstance(leader, int) else leader.id
    user = User.objects.filter(leader_id=leader_id, is_active=True).first()
    if user is not None:
        notify(user=user, **kwargs)
