"""GDPR contribution of the catalogue: the leader's requests for the staff functions' offers.

Called by ``backend.privacy`` (see ``backend/privacy/registry.py``). The offers are the
organisation's, not the leader's, and stay.
"""

from __future__ import annotations

from typing import Any

from backend.catalogue.models import OfferRequest
from backend.people.models import Leader


def export_leader(leader: Leader, *, notes: bool = True) -> dict[str, Any]:
    """Return the leader's requests: the offer, their message and timing, and where it stands.

    A request's message is the leader's own words, like a note: left out of HR's export.
    """
    rows = OfferRequest.objects.filter(leader=leader).select_related("offer").order_by("id")
    return {
        "requests": [
            {
                "offer": row.offer.title_da,
                "message": row.message if notes else None,
                "desired_timing": row.desired_timing,
                "status": row.status,
                "scheduled_for": row.scheduled_for.isoformat() if row.scheduled_for else None,
                "reply": row.reply,
                "decline_reason": row.decline_reason,
                "created_at": row.created_at.isoformat(),
            }
            for row in rows
        ]
    }


def erase_leader(leader: Leader) -> None:
    """Delete the leader's requests (idempotent)."""
    OfferRequest.objects.filter(leader=leader).delete()
