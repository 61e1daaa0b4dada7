"""Celery tasks of onboarding: reminders (beat) and plan creation for a leader's new role."""

from __future__ import annotations

import datetime as dt

from celery import shared_task

from backend.people.models import Leader, Organisation
from onboarding.reminders import reminders_send
from onboarding.services.plans import plan_create_for_leader, plan_ensure_for_new_leaders


@shared_task(name="onboarding.reminders_send", acks_late=True)
def reminders_send_task() -> dict[str, int]:
    """Hourly: plans for new leaders, owners refreshed, reminders and escalations (idempotent)."""
    report = reminders_send()
    return {
        "due_soon": report.due_soon,
        "overdue": report.overdue,
        "escalated": report.escalated,
        "plans_created": report.plans_created,
    }


@shared_task(name="onboarding.plan_create_for_leader", acks_late=True, max_retries=3)
def plan_create_for_leader_task(leader_id: int) -> int | None:
    """Create the leader's plan for their current role start (idempotent). Returns the plan id."""
    leader = Leader.objects.filter(id=leader_id, active=True).first()
    if leader is None:
        return None
    return plan_create_for_leader(leader=leader).id


@shared_task(name="onboarding.plans_ensure", acks_late=True)
def plans_ensure_task(organisation_id: int, since: str) -> int:
    """Create plans for the organisation's leaders who started on or after ``since`` (ISO)."""
    organisation = Organisation.objects.get(id=organisation_id)
    return len(
        plan_ensure_for_new_leaders(organisation=organisation, since=dt.date.fromisoformat(since))
    )
