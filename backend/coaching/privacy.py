"""GDPR contribution of the coaching app: the leader's requests for a coach, and coach roles.

Called by ``backend.privacy`` (see ``backend/privacy/registry.py``). The leader's own export
holds the requests in full; HR's export (``notes=False``) leaves out the words the leader wrote.
Erasure deletes the leader's requests and their place in the coach pool.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from backend.coaching.models import Coach, CoachRequest
from backend.people.models import Leader


def _iso(value: Any) -> Any:
    return value.isoformat() if value is not None and hasattr(value, "isoformat") else value


def export_leader(leader: Leader, *, notes: bool = True) -> dict[str, Any]:
    """The leader's requests for a coach and, if they coach, their coach profile."""
    requests = CoachRequest.objects.filter(leader=leader).select_related("coach__leader")
    return {
        "coach_requests": [
            {
                "text": r.text if notes else None,
                "topics": sorted(t.slug for t in r.topics.all()),
                "preference": r.preference,
                "language": r.language,
                "status": r.status,
                "coach": r.coach.display_name if r.coach else None,
                "created_at": _iso(r.created_at),
                "assigned_at": _iso(r.assigned_at),
                "ended_at": _iso(r.ended_at),
            }
            for r in requests
        ],
        "coach_profile": [
            {
                "capacity": c.capacity,
                "topics": sorted(t.slug for t in c.topics.all()),
                "specialities": c.specialities,
                "status": c.status,
            }
            for c in Coach.objects.filter(leader=leader)
        ],
    }


@transaction.atomic
def erase_leader(leader: Leader) -> None:
    """Delete the leader's requests and coach role (the requests they coach lose the coach)."""
    CoachRequest.objects.filter(leader=leader).delete()
    Coach.objects.filter(leader=leader).delete()
