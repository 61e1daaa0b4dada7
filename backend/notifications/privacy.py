"""GDPR contribution of the notifications app: the messages a leader's login received.

Called by ``backend.privacy`` (see ``backend/privacy/registry.py``).
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Q

from backend.notifications.models import EmailPreference, Notification
from backend.people.models import Leader
from backend.people.privacy import ERASED_FIRST_NAME, ERASED_LAST_NAME


def _iso(value: Any) -> Any:
    return value.isoformat() if value is not None and hasattr(value, "isoformat") else value


def export_leader(leader: Leader, *, notes: bool = True) -> dict[str, Any]:
    """Return the notifications sent to the leader's login, and the groups not sent by e-mail."""
    muted = EmailPreference.objects.filter(user__leader=leader).values_list("muted", flat=True)
    return {
        "email_muted_groups": list(muted.first() or []),
        "notifications": [
            {
                "kind": n.kind,
                "subject": n.subject,
                "body": n.body,
                "url": n.url,
                "emailed": n.emailed,
                "created_at": _iso(n.created_at),
                "read_at": _iso(n.read_at),
            }
            for n in Notification.objects.filter(user__leader=leader).order_by("created_at", "id")
        ],
    }


@transaction.atomic
def erase_leader(leader: Leader) -> None:
    """Delete the leader's notifications, and other people's that name the leader."""
    Notification.objects.filter(user__leader=leader).delete()
    EmailPreference.objects.filter(user__leader=leader).delete()
    name = leader.full_name
    erased = (leader.first_name, leader.last_name) == (ERASED_FIRST_NAME, ERASED_LAST_NAME)
    if not erased and len(name) >= 5 and " " in name:
        Notification.objects.filter(Q(subject__contains=name) | Q(body__contains=name)).delete()
