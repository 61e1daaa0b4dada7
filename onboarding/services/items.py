"""Plan items: add, drop, reschedule, set a status, "I need help" — each with its history."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework.exceptions import PermissionDenied

from backend.api.exceptions import ServiceError
from backend.people.models import Leader, SupportNeed, Topic, User
from backend.people.services import support_need_raise
from onboarding import selectors
from onboarding.models import OwnerRole, Plan, PlanItem, PlanItemEvent
from onboarding.owners import OwnerResolver
from onboarding.selectors import Viewer
from onboarding.services.plans import Actor, leader_for_plan, plan_item_event, plan_status_refresh

#: Who may add, drop and reschedule items; the item's owner may also set its status.
EDITORS = (Viewer.SELF, Viewer.HR, Viewer.BOSS)


def _lock(item: PlanItem) -> PlanItem:
    return PlanItem.objects.select_for_update().select_related("plan").get(pk=item.pk)


@transaction.atomic
def plan_item_add(
    *,
    plan: Plan,
    actor: Actor,
    title_da: str,
    due_date: dt.date,
    title_en: str = "",
    guidance_da: str = "",
    guidance_en: str = "",
    topic: Topic | None = None,
    owner_role: str = OwnerRole.NEW_LEADER,
    staff_function_kind: str = "",
    required: bool = False,
    depends_on: PlanItem | None = None,
) -> PlanItem:
    """Add a personal item to a plan, its owner resolved like a template item's."""
    if topic is not None and topic.organisation_id != plan.organisation_id:
        raise ServiceError(_("The topic belongs to another organisation."), field="topic")
    if depends_on is not None and (depends_on.plan_id != plan.id or depends_on.dropped_at):
        raise ServiceError(_("The item depended on must be in the same plan."), field="depends_on")
    if owner_role == OwnerRole.STAFF_CONSULTANT and not staff_function_kind:
        raise ServiceError(
            _("Say which staff function's consultant owns the item."), field="staff_function_kind"
        )
    owner = OwnerResolver(leader_for_plan(plan.leader_id)).resolve(
        owner_role=owner_role, staff_function_kind=staff_function_kind
    )
    item = PlanItem.objects.create(
        plan=plan,
        title_da=title_da,
        title_en=title_en,
        guidance_da=guidance_da,
        guidance_en=guidance_en,
        topic=topic,
        owner_role=owner_role,
        staff_function_kind=staff_function_kind,
        owner_leader=owner.leader,
        owner_staff_contact=owner.staff_contact,
        owner_fallback=owner.fallback,
        due_date=due_date,
        required=required,
        personal=True,
        depends_on=depends_on,
        order=plan.items.count(),
    )
    plan_item_event(item, actor, PlanItemEvent.Kind.ADDED, new=due_date)
    plan_status_refresh(plan)
    return item


@transaction.atomic
def plan_item_drop(*, item: PlanItem, actor: Actor, reason: str = "") -> PlanItem:
    """Drop an item from the plan (kept, with its history, but no longer shown or counted)."""
    item = _lock(item)
    if item.dropped_at is None:
        item.dropped_at = timezone.now()
        item.save(update_fields=["dropped_at"])
        plan_item_event(item, actor, PlanItemEvent.Kind.DROPPED, reason=reason)
        plan_status_refresh(item.plan)
    return item


@transaction.atomic
def plan_item_reschedule(
    *, item: PlanItem, actor: Actor, due_date: dt.date, reason: str = ""
) -> PlanItem:
    """Move an item's due date (reminders re-arm for the new date)."""
    item = _lock(item)
    _refuse_dropped(item)
    if item.due_date != due_date:
        old = item.due_date
        item.due_date = due_date
        item.save(update_fields=["due_date"])
        plan_item_event(
            item, actor, PlanItemEvent.Kind.RESCHEDULED, old=old, new=due_date, reason=reason
        )
    return item


def item_blocked_by(item: PlanItem) -> PlanItem | None:
    """Return the unfinished item this one waits for, if any (done, N/A or dropped unblock)."""
    dependency = item.depends_on
    if dependency is None or dependency.dropped_at is not None:
        return None
    if dependency.status in (PlanItem.Status.DONE, PlanItem.Status.NOT_APPLICABLE):
        return None
    return dependency


@transaction.atomic
def plan_item_status_set(
    *, item: PlanItem, actor: Actor, status: str, reason: str = ""
) -> PlanItem:
    """Set an item's status; ``done`` waits for the item it depends on; N/A needs a reason."""
    # Lock the item row only: FOR UPDATE may not reach the nullable side of the depends_on join.
    item = (
        PlanItem.objects.select_for_update(of=("self",))
        .select_related("plan", "depends_on")
        .get(pk=item.pk)
    )
    _refuse_dropped(item)
    if status not in PlanItem.Status.values:
        raise ServiceError(_("Unknown status."), field="status")
    if status == PlanItem.Status.DONE and (blocker := item_blocked_by(item)) is not None:
        raise ServiceError(
            _("Finish “%(title)s” first: this item depends on it.") % {"title": blocker.title_da},
            field="status",
            code="blocked",
        )
    reason = reason.strip()
    if status == PlanItem.Status.NOT_APPLICABLE and not reason:
        raise ServiceError(_("Say why the item does not apply."), field="reason")
    if status == item.status and status != PlanItem.Status.NOT_APPLICABLE:
        return item
    old = item.status
    item.status = status
    item.not_applicable_reason = reason if status == PlanItem.Status.NOT_APPLICABLE else ""
    if status == PlanItem.Status.DONE:
        item.completed_by = actor if actor is not None and actor.is_authenticated else None
        item.completed_at = timezone.now()
    else:
        item.completed_by = None
        item.completed_at = None
    item.save(update_fields=["status", "not_applicable_reason", "completed_by", "completed_at"])
    plan_item_event(
        item, actor, PlanItemEvent.Kind.STATUS_CHANGED, old=old, new=status, reason=reason
    )
    plan_status_refresh(item.plan)
    return item


def _refuse_dropped(item: PlanItem) -> None:
    if item.dropped_at is not None:
        raise ServiceError(_("The item has been dropped from the plan."), code="dropped")


@transaction.atomic
def plan_item_need_help(
    *, item: PlanItem, actor: Actor, weight: int = SupportNeed.Weight.SOME
) -> SupportNeed:
    """The leader says "I need help with this": raise their private support need for the topic.

    The support need (source ``onboarding``) is what mentor matching reads; when the leader
    already has a need of the item's topic, that need rises a step instead. The item's
    ``need_help`` flag is private to the leader and HR; the event is hidden from the boss.
    """
    item = _lock(item)
    _refuse_dropped(item)
    if item.topic_id is None:
        raise ServiceError(_("This item has no topic to ask for help with."), field="topic")
    if weight not in SupportNeed.Weight.values:
        raise ServiceError(_("Weight must be 1, 2 or 3."), field="weight")
    leader = Leader.objects.get(id=item.plan.leader_id)
    # The topic's one need rises (a need the leader stated, or one from another item of the
    # topic); asking again on an item already flagged changes nothing.
    need = support_need_raise(
        leader=leader,
        topic=Topic.objects.get(id=item.topic_id),
        weight=weight,
        source=SupportNeed.Source.ONBOARDING,
        step_up=not item.need_help,
    )
    if not item.need_help:
        item.need_help = True
        item.save(update_fields=["need_help"])
        plan_item_event(item, actor, PlanItemEvent.Kind.NEED_HELP)
    return need


# --- as the API's caller: find the item in the actor's sight, check the actor may do this ------


def _require(viewer: Viewer, allowed: tuple[Viewer, ...]) -> None:
    """Refuse (403) a viewer who sees the item but may not change it."""
    if viewer not in allowed:
        raise PermissionDenied(_("You may not change this item."))


def plan_item_add_as(
    *,
    actor: User,
    plan_id: int,
    topic: str | None = None,
    depends_on: int | None = None,
    owner_role: str = OwnerRole.NEW_LEADER,
    **fields: Any,
) -> tuple[PlanItem, Viewer]:
    """Add a personal item to a plan the actor edits (the leader, HR, the boss line).

    ``topic`` is a topic key of the plan's organisation, ``depends_on`` an item of the same
    plan (either unknown: 404). A boss may not add items for the mentor (a boss never learns
    of a pairing). Returns the new item and how the actor sees it.
    """
    plan, viewer = selectors.plan_for_user_or_404(actor=actor, plan_id=plan_id)
    _require(viewer, EDITORS)
    if viewer is Viewer.BOSS and owner_role == OwnerRole.MENTOR:
        raise PermissionDenied(_("Only the leader and HR can add items for the mentor."))
    item = plan_item_add(
        plan=plan,
        actor=actor,
        owner_role=owner_role,
        topic=Topic.objects.get(organisation_id=plan.organisation_id, slug=topic)
        if topic
        else None,
        depends_on=PlanItem.objects.get(id=depends_on, plan=plan) if depends_on else None,
        **fields,
    )
    return selectors.item_for_user_or_404(actor=actor, item_id=item.id)


def plan_item_change_as(
    *,
    actor: User,
    item_id: int,
    status: str | None = None,
    due_date: dt.date | None = None,
    reason: str = "",
) -> tuple[PlanItem, Viewer]:
    """Reschedule an item (editors) and/or set its status (editors and the item's owner)."""
    item, viewer = selectors.item_for_user_or_404(actor=actor, item_id=item_id)
    if due_date is not None:
        _require(viewer, EDITORS)
        plan_item_reschedule(item=item, actor=actor, due_date=due_date, reason=reason)
    if status is not None:
        _require(viewer, (*EDITORS, Viewer.OWNER))
        changed = plan_item_status_set(item=item, actor=actor, status=status, reason=reason)
        if due_date is None:  # the item as read, with what the status change wrote on its copy
            if changed.completed_by_id != item.completed_by_id:
                item.completed_by = changed.completed_by  # the actor, or None
            item.status = changed.status
            item.not_applicable_reason = changed.not_applicable_reason
            item.completed_at = changed.completed_at
            return item, viewer
    return selectors.item_for_user_or_404(actor=actor, item_id=item_id)


def plan_item_drop_as(*, actor: User, item_id: int, reason: str = "") -> PlanItem:
    """Drop an item from a plan the actor edits (kept in the history)."""
    item, viewer = selectors.item_for_user_or_404(actor=actor, item_id=item_id)
    _require(viewer, EDITORS)
    return plan_item_drop(item=item, actor=actor, reason=reason)


def plan_item_need_help_as(*, actor: User, item_id: int, weight: int) -> tuple[PlanItem, Viewer]:
    """The leader's "I need help with this"; for anyone else the item is not found (404)."""
    item, viewer = selectors.item_for_user_or_404(actor=actor, item_id=item_id)
    if viewer is not Viewer.SELF:
        raise Http404
    plan_item_need_help(item=item, actor=actor, weight=weight)
    return selectors.item_for_user_or_404(actor=actor, item_id=item_id)
