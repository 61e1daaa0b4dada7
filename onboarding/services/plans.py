"""Onboarding plans: created from the applicable templates, kept complete, owners refreshed."""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import Http404
from django.utils import timezone

from backend.people import access
from backend.people.models import Leader, Organisation, User
from onboarding import selectors
from onboarding.models import OwnerRole, Plan, PlanItem, PlanItemEvent, TemplateItem
from onboarding.owners import Owner, OwnerResolver
from onboarding.selection import items_for_leader

Actor = User | None


def leader_for_plan(leader_id: int) -> Leader:
    return Leader.objects.select_related("unit__department", "boss").get(id=leader_id)


def plan_item_event(
    item: PlanItem, actor: Actor, kind: str, old: object = "", new: object = "", reason: str = ""
) -> PlanItemEvent:
    """Write one line of an item's history (an anonymous actor is kept as nobody)."""
    return PlanItemEvent.objects.create(
        item=item,
        actor=actor if actor is not None and actor.is_authenticated else None,
        kind=kind,
        old_value=str(old or ""),
        new_value=str(new or ""),
        reason=reason[:500],
    )


def plan_create_for_leader(
    *, leader: Leader, actor: Actor = None, role_start_date: dt.date | None = None
) -> Plan:
    """Create the leader's plan for their current role start from every applicable template.

    Idempotent: one plan per leader and role start date; a second call returns the first plan.
    Earlier active plans of the same leader (a previous role) are archived.
    """
    start = role_start_date or leader.role_start_date or timezone.localdate()
    existing = Plan.objects.filter(leader_id=leader.id, role_start_date=start).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return _plan_build(leader=leader_for_plan(leader.id), start=start, actor=actor)
    except IntegrityError:  # a concurrent call created the plan for this role start first
        return Plan.objects.get(leader_id=leader.id, role_start_date=start)


def _plan_build(*, leader: Leader, start: dt.date, actor: Actor) -> Plan:
    selection = items_for_leader(leader)
    Plan.objects.filter(leader_id=leader.id, status=Plan.Status.ACTIVE).update(
        status=Plan.Status.ARCHIVED
    )
    plan = Plan.objects.create(
        organisation_id=leader.organisation_id,
        leader=leader,
        role_start_date=start,
        created_by=actor,
    )
    plan.templates.set(selection.applicable)
    resolver = OwnerResolver(leader)
    chosen: list[TemplateItem] = selection.items
    rows = []
    for order, item in enumerate(chosen):
        owner = resolver.resolve(
            owner_role=item.owner_role, staff_function_kind=item.staff_function_kind
        )
        rows.append(
            PlanItem(
                plan=plan,
                template_item=item,
                topic_id=item.topic_id,
                title_da=item.title_da,
                title_en=item.title_en,
                guidance_da=item.guidance_da,
                guidance_en=item.guidance_en,
                owner_role=item.owner_role,
                staff_function_kind=item.staff_function_kind,
                owner_leader=owner.leader,
                owner_staff_contact=owner.staff_contact,
                owner_fallback=owner.fallback,
                required=item.required,
                order=order,
                due_date=start + dt.timedelta(days=item.due_offset_days),
            )
        )
    PlanItem.objects.bulk_create(rows)
    # Dependencies point at the snapshot of the item depended on; one left out by the rules
    # (not applicable to this leader) simply does not block.
    by_template_item = {row.template_item_id: row for row in rows}
    linked = []
    for row, item in zip(rows, chosen, strict=True):
        target = by_template_item.get(item.depends_on_id) if item.depends_on_id else None
        if target is not None:
            row.depends_on = target
            linked.append(row)
    PlanItem.objects.bulk_update(linked, ["depends_on"])
    PlanItemEvent.objects.bulk_create(
        [PlanItemEvent(item=row, actor=actor, kind=PlanItemEvent.Kind.CREATED) for row in rows]
    )
    return plan


def plan_ensure_for_new_leaders(*, organisation: Organisation, since: dt.date) -> list[Plan]:
    """Create plans for the organisation's active leaders whose role started on or after
    ``since`` (or starts later) and who have no plan for that start yet. Idempotent.

    This is the hook for "a leader starts a new role": the people import and leader creation
    call it (or ``plan_create_for_leader``) after commit; the reminders job also sweeps it.
    """
    leaders = (
        Leader.objects.filter(organisation=organisation, active=True, role_start_date__gte=since)
        .exclude(onboarding_plans__role_start_date=F("role_start_date"))
        .order_by("id")
    )
    return [plan_create_for_leader(leader=leader) for leader in leaders]


def plan_status_refresh(plan: Plan) -> None:
    """Complete the plan when nothing is left open; reopen it when something is."""
    open_left = plan.items.filter(
        dropped_at__isnull=True, status__in=PlanItem.OPEN_STATUSES
    ).exists()
    wanted = Plan.Status.ACTIVE if open_left else Plan.Status.COMPLETED
    if plan.status != Plan.Status.ARCHIVED and plan.status != wanted:
        plan.status = wanted
        plan.save(update_fields=["status"])


def plan_owners_refresh(*, plan: Plan) -> int:
    """Re-resolve owners of the plan's open boss, mentor and consultant items.

    Called when a mentor is matched (mentoring's accept can call ``plan_mentor_refresh``) and by
    the hourly reminders job. Returns how many items changed owner.
    """
    items = list(
        plan.items.filter(dropped_at__isnull=True, status__in=PlanItem.OPEN_STATUSES).exclude(
            owner_role__in=[OwnerRole.NEW_LEADER, OwnerRole.HR]
        )
    )
    if not items:
        return 0
    resolver = OwnerResolver(leader_for_plan(plan.leader_id))
    changed = 0
    with transaction.atomic():
        for item in items:
            owner: Owner = resolver.resolve(
                owner_role=item.owner_role, staff_function_kind=item.staff_function_kind
            )
            new = (
                owner.leader.id if owner.leader else None,
                owner.staff_contact.id if owner.staff_contact else None,
                owner.fallback,
            )
            old = (item.owner_leader_id, item.owner_staff_contact_id, item.owner_fallback)
            if new == old:
                continue
            item.owner_leader = owner.leader
            item.owner_staff_contact = owner.staff_contact
            item.owner_fallback = owner.fallback
            item.save(update_fields=["owner_leader", "owner_staff_contact", "owner_fallback"])
            # No names in the event: a mentor change must not leak through the history.
            plan_item_event(item, None, PlanItemEvent.Kind.OWNER_CHANGED)
            changed += 1
    return changed


def plan_mentor_refresh(*, leader_id: int) -> int:
    """Hook for mentoring: the leader's mentor changed; re-resolve their active plan's owners."""
    plans = Plan.objects.filter(leader_id=leader_id, status=Plan.Status.ACTIVE)
    return sum(plan_owners_refresh(plan=plan) for plan in plans)


def plan_create_on_request(*, actor: User, leader_id: int) -> tuple[Plan, bool]:
    """HR creates a leader's plan on demand; return the plan and whether it is new.

    Idempotent: a second call returns the existing plan. The leader must be in the HR user's
    scope; anyone else's leader is not found (404), a leader HR sees only otherwise as well.
    """
    leader = access.leader_visible_or_404(actor, leader_id)
    if not access.is_hr_for(actor, leader):
        raise Http404
    existed = (
        Plan.objects.filter(leader=leader, role_start_date=leader.role_start_date).exists()
        if leader.role_start_date
        else False
    )
    plan = plan_create_for_leader(leader=leader, actor=actor)
    plan, _viewer = selectors.plan_for_user_or_404(actor=actor, plan_id=plan.id)
    return plan, not existed
