"""Writes on onboarding: templates, plans created from them, and changes to plan items.

Every change to a plan item writes a ``PlanItemEvent`` in the same transaction, so the history
is complete. Callers (APIs, tasks, the seed) check who may act with ``onboarding.permissions``;
the services check what the data allows (dependencies, same plan, same organisation).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.api.exceptions import ServiceError
from backend.people.models import Leader, Organisation, SupportNeed, Topic, User
from backend.people.services import support_need_raise, topics_ensure_defaults
from onboarding.models import (
    CalendarFeed,
    OnboardingSettings,
    OwnerRole,
    Plan,
    PlanItem,
    PlanItemEvent,
    Template,
    TemplateItem,
)
from onboarding.owners import Owner, OwnerResolver
from onboarding.rules import LeaderFacts, rules_hold

RULE_FIELDS = (
    "service_types",
    "round_the_clock",
    "shift_work",
    "multi_site",
    "first_leader_job",
    "specialist",
    "staff_above",
)
Actor = User | None


# --- templates ---------------------------------------------------------------------------------


@transaction.atomic
def templates_load(
    *, organisation: Organisation, templates: Sequence[Mapping[str, Any]]
) -> list[Template]:
    """Create the templates and items of ``templates`` that the organisation lacks. Idempotent.

    Existing templates and items (matched by slug and key) are left alone, so HR's edits
    survive a rerun of the seed. Topic slugs are resolved in the organisation's taxonomy.
    """
    topics = {t.slug: t for t in topics_ensure_defaults(organisation=organisation)}
    result = []
    for order, spec in enumerate(templates):
        template, _created = Template.objects.get_or_create(
            organisation=organisation,
            slug=spec["slug"],
            defaults={
                "name_da": spec["name_da"],
                "name_en": spec.get("name_en", ""),
                "description_da": spec.get("description_da", ""),
                "description_en": spec.get("description_en", ""),
                "order": order,
                **_rules(spec.get("rules", {})),
            },
        )
        existing = {i.key: i for i in template.items.all()}
        for item_order, item_spec in enumerate(spec["items"]):
            if item_spec["key"] in existing:
                continue
            slug = item_spec.get("topic")
            existing[item_spec["key"]] = TemplateItem.objects.create(
                template=template,
                key=item_spec["key"],
                topic=topics.get(slug) if slug else None,
                title_da=item_spec["title_da"],
                title_en=item_spec.get("title_en", ""),
                guidance_da=item_spec.get("guidance_da", ""),
                guidance_en=item_spec.get("guidance_en", ""),
                owner_role=item_spec.get("owner_role", OwnerRole.NEW_LEADER),
                staff_function_kind=item_spec.get("staff_function_kind", ""),
                due_offset_days=item_spec.get("due_offset_days", 0),
                required=item_spec.get("required", True),
                order=item_order,
                **_rules(item_spec.get("rules", {})),
            )
        for item_spec in spec["items"]:
            if item_spec.get("depends_on"):
                item = existing[item_spec["key"]]
                if item.depends_on_id is None:
                    item.depends_on = existing[item_spec["depends_on"]]
                    item.save(update_fields=["depends_on"])
        result.append(template)
    return result


def _rules(rules: Mapping[str, Any]) -> dict[str, Any]:
    unknown = set(rules) - set(RULE_FIELDS)
    if unknown:
        raise ServiceError(
            _("Unknown rule: %(rules)s.") % {"rules": ", ".join(sorted(unknown))}, field="rules"
        )
    return dict(rules)


@transaction.atomic
def template_item_update(*, item: TemplateItem, **fields: Any) -> TemplateItem:
    """Update a template item. Running plans keep their snapshot and are not touched."""
    depends_on = fields.get("depends_on", item.depends_on)
    if depends_on is not None and (
        depends_on.template_id != item.template_id or depends_on.pk == item.pk
    ):
        raise ServiceError(
            _("An item can only depend on another item of the same template."),
            field="depends_on",
        )
    topic = fields.get("topic")
    if topic is not None and topic.organisation_id != item.template.organisation_id:
        raise ServiceError(_("The topic belongs to another organisation."), field="topic")
    for name, value in fields.items():
        setattr(item, name, value)
    item.full_clean(exclude=["template"])
    item.save()
    return item


# --- plans -------------------------------------------------------------------------------------


def _leader_for_plan(leader_id: int) -> Leader:
    return Leader.objects.select_related("unit__department", "boss").get(id=leader_id)


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
            return _plan_build(leader=_leader_for_plan(leader.id), start=start, actor=actor)
    except IntegrityError:  # a concurrent call created the plan for this role start first
        return Plan.objects.get(leader_id=leader.id, role_start_date=start)


def _plan_build(*, leader: Leader, start: dt.date, actor: Actor) -> Plan:
    facts = LeaderFacts.of(leader)
    templates = list(
        Template.objects.filter(
            organisation_id=leader.organisation_id, active=True
        ).prefetch_related("administrations", "items__administrations")
    )
    applicable = [
        t
        for t in templates
        if rules_hold(t, facts, administration_ids=[a.id for a in t.administrations.all()])
    ]
    Plan.objects.filter(leader_id=leader.id, status=Plan.Status.ACTIVE).update(
        status=Plan.Status.ARCHIVED
    )
    plan = Plan.objects.create(
        organisation_id=leader.organisation_id,
        leader=leader,
        role_start_date=start,
        created_by=actor,
    )
    plan.templates.set(applicable)
    resolver = OwnerResolver(leader)
    chosen: list[TemplateItem] = [
        item
        for template in applicable
        for item in template.items.all()
        if rules_hold(item, facts, administration_ids=[a.id for a in item.administrations.all()])
    ]
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


def _plan_refresh_status(plan: Plan) -> None:
    """Complete the plan when nothing is left open; reopen it when something is."""
    open_left = plan.items.filter(
        dropped_at__isnull=True, status__in=PlanItem.OPEN_STATUSES
    ).exists()
    wanted = Plan.Status.ACTIVE if open_left else Plan.Status.COMPLETED
    if plan.status != Plan.Status.ARCHIVED and plan.status != wanted:
        plan.status = wanted
        plan.save(update_fields=["status"])


# --- plan items --------------------------------------------------------------------------------


def _event(
    item: PlanItem, actor: Actor, kind: str, old: object = "", new: object = "", reason: str = ""
) -> PlanItemEvent:
    return PlanItemEvent.objects.create(
        item=item,
        actor=actor if actor is not None and actor.is_authenticated else None,
        kind=kind,
        old_value=str(old or ""),
        new_value=str(new or ""),
        reason=reason[:500],
    )


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
    owner = OwnerResolver(_leader_for_plan(plan.leader_id)).resolve(
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
    _event(item, actor, PlanItemEvent.Kind.ADDED, new=due_date)
    _plan_refresh_status(plan)
    return item


@transaction.atomic
def plan_item_drop(*, item: PlanItem, actor: Actor, reason: str = "") -> PlanItem:
    """Drop an item from the plan (kept, with its history, but no longer shown or counted)."""
    item = _lock(item)
    if item.dropped_at is None:
        item.dropped_at = timezone.now()
        item.save(update_fields=["dropped_at"])
        _event(item, actor, PlanItemEvent.Kind.DROPPED, reason=reason)
        _plan_refresh_status(item.plan)
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
        _event(item, actor, PlanItemEvent.Kind.RESCHEDULED, old=old, new=due_date, reason=reason)
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
    _event(item, actor, PlanItemEvent.Kind.STATUS_CHANGED, old=old, new=status, reason=reason)
    _plan_refresh_status(item.plan)
    return item


def _refuse_dropped(item: PlanItem) -> None:
    if item.dropped_at is not None:
        raise ServiceError(_("The item has been dropped from the plan."), code="dropped")


@transaction.atomic
def plan_item_need_help(
    *, item: PlanItem, actor: Actor, weight: int = SupportNeed.Weight.SOME
) -> SupportNeed:
    """The leader says "I need help with this": raise their private support need for the topic.

    The support need (source ``onboarding``) is what mentor matching reads. The item's
    ``need_help`` flag is private to the leader and HR; the event is hidden from the boss.
    """
    item = _lock(item)
    _refuse_dropped(item)
    if item.topic_id is None:
        raise ServiceError(_("This item has no topic to ask for help with."), field="topic")
    if weight not in SupportNeed.Weight.values:
        raise ServiceError(_("Weight must be 1, 2 or 3."), field="weight")
    leader = Leader.objects.get(id=item.plan.leader_id)
    need = support_need_raise(
        leader=leader,
        topic=Topic.objects.get(id=item.topic_id),
        weight=weight,
        source=SupportNeed.Source.ONBOARDING,
    )
    if not item.need_help:
        item.need_help = True
        item.save(update_fields=["need_help"])
        _event(item, actor, PlanItemEvent.Kind.NEED_HELP)
    return need


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
    resolver = OwnerResolver(_leader_for_plan(plan.leader_id))
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
            _event(item, None, PlanItemEvent.Kind.OWNER_CHANGED)
            changed += 1
    return changed


def plan_mentor_refresh(*, leader_id: int) -> int:
    """Hook for mentoring: the leader's mentor changed; re-resolve their active plan's owners."""
    plans = Plan.objects.filter(leader_id=leader_id, status=Plan.Status.ACTIVE)
    return sum(plan_owners_refresh(plan=plan) for plan in plans)


# --- settings and calendar ---------------------------------------------------------------------


def onboarding_settings_for(*, organisation_id: int) -> OnboardingSettings:
    """Return the organisation's reminder settings (defaults when HR has set none; unsaved)."""
    found = OnboardingSettings.objects.filter(organisation_id=organisation_id).first()
    return found or OnboardingSettings(organisation_id=organisation_id)


def onboarding_settings_update(*, organisation: Organisation, **fields: Any) -> OnboardingSettings:
    """Create or update the organisation's reminder settings."""
    settings, _created = OnboardingSettings.objects.get_or_create(organisation=organisation)
    for name, value in fields.items():
        setattr(settings, name, value)
    settings.full_clean()
    settings.save()
    return settings


def calendar_feed_get_or_create(*, leader: Leader) -> CalendarFeed:
    """Return the leader's calendar feed, creating its secret token on first use."""
    feed, _created = CalendarFeed.objects.get_or_create(leader=leader)
    return feed


def calendar_feed_rotate(*, leader: Leader) -> CalendarFeed:
    """Give the leader a new secret feed URL; the old one stops working at once."""
    feed = calendar_feed_get_or_create(leader=leader)
    feed.token = CalendarFeed._meta.get_field("token").get_default()
    feed.save(update_fields=["token", "rotated_at"])
    return feed
