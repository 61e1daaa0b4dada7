"""GDPR contribution of the onboarding app: plans, items, their history and the calendar feed.

Called by ``backend.privacy`` (see ``backend/privacy/registry.py``).
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from backend.people.models import Leader
from onboarding.models import CalendarFeed, Plan, PlanItem, PlanItemEvent


def _iso(value: Any) -> Any:
    return value.isoformat() if value is not None and hasattr(value, "isoformat") else value


def export_leader(leader: Leader, *, notes: bool = True) -> dict[str, Any]:
    """Return the leader's plans with every item and each item's history.

    The calendar feed's token is a credential, so the export says only whether a feed exists.
    """
    plans = (
        Plan.objects.filter(leader=leader)
        .prefetch_related("templates", "items__events")
        .order_by("role_start_date", "id")
    )
    return {
        "plans": [
            {
                "role_start_date": _iso(plan.role_start_date),
                "status": plan.status,
                "templates": [t.name_da for t in plan.templates.all()],
                "created_at": _iso(plan.created_at),
                "items": [
                    {
                        "title": item.title_da,
                        "title_en": item.title_en,
                        "owner_role": item.owner_role,
                        "due_date": _iso(item.due_date),
                        "status": item.status,
                        "not_applicable_reason": item.not_applicable_reason,
                        "need_help": item.need_help,
                        "completed_at": _iso(item.completed_at),
                        "dropped_at": _iso(item.dropped_at),
                        "history": [
                            {
                                "kind": event.kind,
                                "old_value": event.old_value,
                                "new_value": event.new_value,
                                "reason": event.reason,
                                "at": _iso(event.at),
                            }
                            for event in item.events.all()
                        ],
                    }
                    for item in plan.items.all()
                ],
            }
            for plan in plans
        ],
        "calendar_feed": CalendarFeed.objects.filter(leader=leader).exists(),
    }


@transaction.atomic
def erase_leader(leader: Leader) -> None:
    """Delete the leader's plans (items and history go with them) and calendar feed.

    Items the leader owned in other leaders' plans fall back to HR, visibly, as when no owner is
    found; events naming the leader as an owner lose their values.
    """
    Plan.objects.filter(leader=leader).delete()
    CalendarFeed.objects.filter(leader=leader).delete()
    owned = PlanItem.objects.filter(owner_leader=leader)
    PlanItemEvent.objects.filter(item__in=owned, kind=PlanItemEvent.Kind.OWNER_CHANGED).update(
        old_value="", new_value=""
    )
    owned.update(owner_leader=None, owner_fallback=True)
