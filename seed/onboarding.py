"""Seed step: onboarding templates from the study and plans at different stages.

``seed_onboarding`` loads ``seed.onboarding_content.TEMPLATES`` (and the templates for moves,
``seed.onboarding_moves``) into the organisation, then gives
every leader who started in the last 120 days a plan (through ``onboarding.services``) and plays
their first weeks forward: most items due more than a few days ago are done, some are in
progress, some are left overdue (how diligent each leader is comes from ``rng``), an optional
item or two is marked not applicable with a reason, and one leader says "I need help" on a budget
item, which raises their private support need for the matcher.
"""

from __future__ import annotations

import datetime as dt
import random

from backend.people.models import Leader, Organisation, User
from onboarding.models import Plan, PlanItem
from onboarding.services.items import plan_item_need_help, plan_item_status_set
from onboarding.services.plans import plan_create_for_leader
from onboarding.services.templates import templates_load
from seed.onboarding_content import TEMPLATES
from seed.onboarding_moves import MOVE_TEMPLATES

#: Leaders who started this many days ago or later get a plan in the demo.
NEW_WITHIN_DAYS = 120


def seed_onboarding(*, organisation: Organisation, rng: random.Random, today: dt.date) -> None:
    """Create the templates and the new leaders' plans, at different stages (rerunnable)."""
    templates_load(organisation=organisation, templates=(*TEMPLATES, *MOVE_TEMPLATES))
    leaders = list(
        Leader.objects.filter(
            organisation=organisation,
            active=True,
            role_start_date__gte=today - dt.timedelta(days=NEW_WITHIN_DAYS),
        )
        .select_related("user")
        .order_by("role_start_date", "id")
    )
    hr = User.objects.filter(organisation=organisation, role=User.Role.HR).order_by("id").first()
    helped = False
    for leader in leaders:
        plan = plan_create_for_leader(leader=leader, role_start_date=leader.role_start_date)
        if plan.items.exclude(status=PlanItem.Status.TODO).exists():
            continue  # already played forward by an earlier run
        _play_forward(plan=plan, leader=leader, rng=rng, today=today, hr=hr)
        if not helped and leader.first_leader_job:
            helped = _ask_for_help(plan=plan, leader=leader)


def _actor(leader: Leader, item: PlanItem, hr: User | None) -> User | None:
    owner = item.owner_leader
    if owner is not None and getattr(owner, "user", None) is not None:
        return owner.user
    return getattr(leader, "user", None) or hr


def _play_forward(
    *, plan: Plan, leader: Leader, rng: random.Random, today: dt.date, hr: User | None
) -> None:
    diligence = rng.choice([0.95, 0.85, 0.7, 0.5])  # share of past-due items already done
    items = list(plan.items.select_related("owner_leader__user").order_by("due_date", "id"))
    status = {item.id: item.status for item in items}
    for item in items:
        if item.due_date is None:
            continue
        days_past = (today - item.due_date).days
        actor = _actor(leader, item, hr)
        if days_past >= 3 and rng.random() < diligence:
            if item.depends_on_id is not None and status[item.depends_on_id] not in (
                PlanItem.Status.DONE,
                PlanItem.Status.NOT_APPLICABLE,
            ):
                continue  # still waiting for the item it depends on: left overdue
            plan_item_status_set(item=item, actor=actor, status=PlanItem.Status.DONE)
            status[item.id] = PlanItem.Status.DONE
        elif not item.required and days_past >= 0 and rng.random() < 0.3:
            plan_item_status_set(
                item=item,
                actor=actor,
                status=PlanItem.Status.NOT_APPLICABLE,
                reason="Dækket af introduktionen i forvaltningen",
            )
            status[item.id] = PlanItem.Status.NOT_APPLICABLE
        elif -7 <= days_past < 3 and rng.random() < 0.5:
            plan_item_status_set(item=item, actor=actor, status=PlanItem.Status.IN_PROGRESS)
            status[item.id] = PlanItem.Status.IN_PROGRESS


def _ask_for_help(*, plan: Plan, leader: Leader) -> bool:
    """The first first-time leader asks for help with the carry-over rule (budget)."""
    item = (
        plan.items.filter(topic__slug="budget", status__in=PlanItem.OPEN_STATUSES)
        .order_by("due_date", "id")
        .first()
    )
    if item is None:
        return False
    plan_item_need_help(item=item, actor=getattr(leader, "user", None), weight=3)
    return True
