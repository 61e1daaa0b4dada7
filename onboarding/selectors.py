"""Reads on onboarding: who may see which plan, progress, dashboards, an item's history.

Who sees what (brief, privacy rules; decided here, enforced by every read):

- the leader (``SELF``) sees their whole plan, including their own "need help" flags;
- HR in scope (``HR``) sees every plan of its leaders, with help flags and mentor status;
- anyone above the leader in the line (``BOSS``) sees the plan and its progress but never the
  help flags, the help events, nor any mentor-owned item (a boss never learns that a pairing
  exists), and progress for a boss is computed without those items;
- the owner of an item (a mentor, a boss for a boss item) sees the items they own
  (``items_owned_by``), nothing else of the plan;
- everyone else, and other organisations, get 404.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Exists, Min, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework.exceptions import PermissionDenied

from backend.catalogue.models import Offer
from backend.people import access, visibility
from backend.people.models import Leader, User
from backend.rows import the_row
from onboarding.models import (
    OnboardingSettings,
    OwnerRole,
    Plan,
    PlanItem,
    PlanItemEvent,
    Template,
    TemplateItem,
)
from onboarding.owners import owner_label, owner_name, render_title

FIRST_DAYS = 90


class Viewer(enum.StrEnum):
    """How the caller relates to a plan; decides which fields they get."""

    SELF = "self"
    HR = "hr"
    BOSS = "boss"
    OWNER = "owner"

    @property
    def sees_private(self) -> bool:
        """Help flags and mentor items: whom the visibility rules let see help requests.

        The leader and HR (``backend.people.visibility``: the same rule the web app words).
        """
        seen = visibility.sees(visibility.Kind.HELP_REQUEST, _AUDIENCE[self])
        return seen is not visibility.Sees.NOTHING


_AUDIENCE = {
    Viewer.SELF: visibility.Audience.SELF,
    Viewer.HR: visibility.Audience.HR,
    Viewer.BOSS: visibility.Audience.LINE,
    Viewer.OWNER: visibility.Audience.MENTOR,  # a mentor, or a boss, owning an item of the plan
}


# --- item presentation -------------------------------------------------------------------------


def item_owner_name(item: PlanItem) -> str:
    """The owner's name ("" for HR)."""
    return owner_name(owner_leader=item.owner_leader, owner_staff_contact=item.owner_staff_contact)


def item_owner_label(item: PlanItem) -> str:
    """ "Hanne Sørensen (Finance)", "HR", or "HR (no finance known yet)"."""
    return owner_label(
        owner_role=item.owner_role,
        staff_function_kind=item.staff_function_kind,
        name=item_owner_name(item),
        fallback=item.owner_fallback,
    )


def item_title(item: PlanItem, *, language: str) -> str:
    """The item's title in ``language`` (Danish when no English), with the owner's name."""
    text = item.title_en if language.startswith("en") and item.title_en else item.title_da
    return render_title(text, name=item_owner_name(item))


def item_guidance(item: PlanItem, *, language: str) -> str:
    """The item's markdown guidance in ``language`` (Danish when no English)."""
    return item.guidance_en if language.startswith("en") and item.guidance_en else item.guidance_da


def item_is_overdue(item: PlanItem, *, today: dt.date) -> bool:
    """Open and past its due date."""
    return (
        item.status in PlanItem.OPEN_STATUSES
        and item.due_date is not None
        and item.due_date < today
    )


def item_is_blocked(item: PlanItem) -> bool:
    """Waiting for an unfinished item it depends on (shown as "blocked"; done is refused)."""
    dependency = item.depends_on
    return (
        dependency is not None
        and dependency.dropped_at is None
        and dependency.status not in (PlanItem.Status.DONE, PlanItem.Status.NOT_APPLICABLE)
    )


# --- who sees a plan ---------------------------------------------------------------------------


def plan_viewer(user: User, plan: Plan) -> Viewer | None:
    """How ``user`` relates to ``plan``'s leader, or None when the plan is out of scope."""
    leader = plan.leader
    if access.is_self(user, leader):
        return Viewer.SELF
    if access.is_hr_for(user, leader):
        return Viewer.HR
    if access.is_above_in_line(user, leader):
        return Viewer.BOSS
    return None


def _plans() -> QuerySet[Plan]:
    return Plan.objects.select_related("leader__unit__department__administration", "leader__boss")


def plan_for_user_or_404(*, actor: User, plan_id: int) -> tuple[Plan, Viewer]:
    """Return the plan and how the user sees it; 404 when out of scope (or unknown)."""
    plan = the_row(_plans().filter(id=plan_id))
    viewer = plan_viewer(actor, plan) if plan is not None else None
    if plan is None or viewer is None:
        raise Http404
    return plan, viewer


def plan_items_for(*, plan: Plan, viewer: Viewer) -> list[PlanItem]:
    """The plan's items the viewer may see (dropped ones left out), in due order."""
    items = (
        plan.items.filter(dropped_at__isnull=True)
        .select_related(
            "topic", "owner_leader", "owner_staff_contact", "depends_on", "completed_by"
        )
        .order_by("due_date", "order", "id")
    )
    if not viewer.sees_private:
        items = items.exclude(owner_role=OwnerRole.MENTOR)
    return attach_offers(list(items))


def attach_offers(items: list[PlanItem]) -> list[PlanItem]:
    """Set ``offer_rows`` on each item: the active staff offers its template item links to
    (one query for the lot, none when no item comes from a template)."""
    template_item_ids = {item.template_item_id for item in items if item.template_item_id}
    by_item: dict[int, list[Offer]] = {}
    if template_item_ids:
        links = (
            TemplateItem.offers.through.objects.filter(
                templateitem_id__in=template_item_ids, offer__active=True
            )
            .select_related("offer__staff_function")
            .order_by("offer__title_da", "offer_id")
        )
        for link in links:
            by_item.setdefault(link.templateitem_id, []).append(link.offer)
    for item in items:
        item.offer_rows = by_item.get(item.template_item_id or 0, [])  # type: ignore[attr-defined]
    return items


def item_for_user_or_404(*, actor: User, item_id: int) -> tuple[PlanItem, Viewer]:
    """Return a plan item and how the user sees it: via the plan, or as the item's owner."""
    found = PlanItem.objects.select_related(
        "plan__leader__unit__department__administration",
        "depends_on",
        "topic",
        "owner_leader",
        "owner_staff_contact",
        "completed_by",
    ).filter(id=item_id, dropped_at__isnull=True)
    item = the_row(found)
    if item is None:
        raise Http404
    viewer = plan_viewer(actor, item.plan)
    if viewer is Viewer.BOSS and item.owner_role == OwnerRole.MENTOR:
        viewer = None  # a boss never sees the mentor's items
    if viewer is None and actor.leader_id is not None and item.owner_leader_id == actor.leader_id:
        viewer = Viewer.OWNER
    if viewer is None:
        raise Http404
    attach_offers([item])
    return item, viewer


@dataclass(frozen=True, slots=True)
class PlanDetail:
    """A plan as one viewer sees it: the plan's fields, how they see it, progress and items."""

    id: int
    leader: Leader
    role_start_date: dt.date
    status: str
    viewer: Viewer
    progress: Progress
    items: list[PlanItem]


def plan_detail(*, actor: User, plan_id: int) -> PlanDetail:
    """One plan with progress and items as ``actor`` may see it; 404 when out of scope."""
    plan, viewer = plan_for_user_or_404(actor=actor, plan_id=plan_id)
    items = plan_items_for(plan=plan, viewer=viewer)
    return PlanDetail(
        id=plan.id,
        leader=plan.leader,
        role_start_date=plan.role_start_date,
        status=plan.status,
        viewer=viewer,
        progress=plan_progress(plan=plan, viewer=viewer),
        items=items,
    )


def item_history(*, actor: User, item_id: int) -> list[PlanItemEvent]:
    """The history of an item ``actor`` sees (help requests only for the leader and HR)."""
    item, viewer = item_for_user_or_404(actor=actor, item_id=item_id)
    return item_events_for(item=item, viewer=viewer)


def item_events_for(*, item: PlanItem, viewer: Viewer) -> list[PlanItemEvent]:
    """The item's history; help requests are left out for everyone but the leader and HR."""
    events = item.events.select_related("actor").order_by("at", "id")
    if not viewer.sees_private:
        events = events.exclude(kind__in=PlanItemEvent.PRIVATE_KINDS)
    return list(events)


def items_owned_by(user: User) -> QuerySet[PlanItem]:
    """Open items of active plans that the user's leader owns (as mentor, boss or leader)."""
    if user.leader_id is None:
        return PlanItem.objects.none()
    return (
        PlanItem.objects.filter(
            owner_leader_id=user.leader_id,
            dropped_at__isnull=True,
            plan__status=Plan.Status.ACTIVE,
        )
        .select_related(
            "topic", "owner_leader", "owner_staff_contact", "depends_on", "completed_by"
        )
        # Only what an item row shows: a query over six tables is otherwise mostly columns
        # nobody reads, and building it costs more than running it.
        .only(*_ITEM_ROW_FIELDS)
        .order_by("due_date", "id")
    )


def items_owned_in_others_plans(*, actor: User) -> QuerySet[PlanItem]:
    """Open items ``actor`` owns in other leaders' plans (as mentor or boss), not their own."""
    return items_owned_by(actor).exclude(plan__leader_id=actor.leader_id or 0)


_ITEM_ROW_FIELDS = (
    "plan",
    "topic__slug",
    "topic__label_da",
    "topic__label_en",
    "title_da",
    "title_en",
    "guidance_da",
    "guidance_en",
    "owner_role",
    "staff_function_kind",
    "owner_leader__first_name",
    "owner_leader__last_name",
    "owner_leader__email",
    "owner_staff_contact__name",
    "owner_staff_contact__email",
    "owner_fallback",
    "due_date",
    "depends_on__status",
    "depends_on__dropped_at",
    "required",
    "personal",
    "status",
    "not_applicable_reason",
    "completed_by__first_name",
    "completed_by__last_name",
    "completed_by__username",
    "completed_at",
    "need_help",
    "dropped_at",
)


# --- progress and dashboards -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Progress:
    """Done / total over applicable items, overdue count and the next due date."""

    done: int
    total: int
    overdue: int
    next_due: dt.date | None

    @property
    def percent(self) -> int:
        """Whole percent done (100 for a plan with nothing applicable)."""
        return round(100 * self.done / self.total) if self.total else 100


def progress_annotations(
    *, today: dt.date, private: bool, own_leader_id: int | None = None
) -> dict[str, object]:
    """The one rule for a plan's progress, as annotations on a ``Plan`` query.

    Every figure the product shows (the plan, the plan list, the boss's and HR's dashboards)
    comes from here, so they cannot disagree. Counted: the plan's items that are not dropped and
    not "not applicable". Mentor items count for whoever sees them: HR (``private``) and the
    leader on their own plan (``own_leader_id``); the boss line never learns a pairing exists,
    so for them progress is over the items they see.
    """
    counted = Q(items__dropped_at__isnull=True) & ~Q(items__status=PlanItem.Status.NOT_APPLICABLE)
    if not private:
        sees_mentor_items = ~Q(items__owner_role=OwnerRole.MENTOR)
        if own_leader_id is not None:
            sees_mentor_items |= Q(leader_id=own_leader_id)
        counted &= sees_mentor_items
    open_ = counted & Q(items__status__in=PlanItem.OPEN_STATUSES)
    return {
        "items_total": Count("items", filter=counted),
        "items_done": Count("items", filter=counted & Q(items__status=PlanItem.Status.DONE)),
        "items_overdue": Count("items", filter=open_ & Q(items__due_date__lt=today)),
        "next_due": Min("items__due_date", filter=open_ & Q(items__due_date__gte=today)),
    }


def progress_from_row(plan: Any) -> Progress:
    """The :class:`Progress` of a plan row annotated by :func:`progress_annotations`."""
    return Progress(
        done=plan.items_done,
        total=plan.items_total,
        overdue=plan.items_overdue,
        next_due=plan.next_due,
    )


def plan_progress(*, plan: Plan, viewer: Viewer, today: dt.date | None = None) -> Progress:
    """Progress of one plan as ``viewer`` sees it (the same rule as every list and dashboard)."""
    today = today or timezone.localdate()
    row = Plan.objects.filter(id=plan.id).annotate(
        **progress_annotations(
            today=today,
            private=viewer is Viewer.HR,
            own_leader_id=plan.leader_id if viewer is Viewer.SELF else None,
        )
    )
    return progress_from_row(row.get())


def _private_annotations() -> dict[str, object]:
    """HR's extra columns: how many items ask for help, and whether a mentor is matched."""
    counted = Q(items__dropped_at__isnull=True) & ~Q(items__status=PlanItem.Status.NOT_APPLICABLE)
    return {
        "need_help_count": Count("items", filter=counted & Q(items__need_help=True)),
        "mentor_matched": Exists(
            PlanItem.objects.filter(
                plan=OuterRef("pk"), owner_role=OwnerRole.MENTOR, owner_leader__isnull=False
            )
        ),
    }


def first_days_q(*, today: dt.date | None = None) -> Q:
    """Plans of leaders in their first ``FIRST_DAYS`` days in the role."""
    today = today or timezone.localdate()
    return Q(role_start_date__gte=today - dt.timedelta(days=FIRST_DAYS))


def plans_visible_to(
    *,
    actor: User,
    today: dt.date | None = None,
    first_days_only: bool = False,
) -> tuple[QuerySet[Plan], bool]:
    """Plans the user may see, each annotated with progress; and whether private fields apply.

    HR gets its scope's plans with help counts and mentor status (``private`` True). A leader
    gets their own plan and those of every leader below them in the line, without private
    fields (for a leader's own plan the detail endpoint shows them); progress follows
    :func:`progress_annotations`, so their own row counts what their own plan shows. Queries:
    constant.
    """
    today = today or timezone.localdate()
    if not actor.is_authenticated:
        return Plan.objects.none(), False
    private = access.is_hr(actor)
    # The columns a dashboard row shows: the grouped query is otherwise built over every
    # column of five tables.
    rows = Plan.objects.select_related("leader__unit__department__administration").only(
        "role_start_date",
        "status",
        "leader__first_name",
        "leader__last_name",
        "leader__role_title",
        "leader__unit__name",
        "leader__unit__department__administration__name",
    )
    if private:
        plans = rows.filter(access.hr_scope_q(actor, prefix="leader__"))
    else:
        plans = rows.filter(access.self_and_reports_q(actor, field="leader_id"))
    if first_days_only:
        plans = plans.filter(first_days_q(today=today))
    plans = plans.annotate(
        **progress_annotations(today=today, private=private, own_leader_id=actor.leader_id),
        **(_private_annotations() if private else {}),
    )
    return plans.order_by("-role_start_date", "id"), private


# --- templates and settings ----------------------------------------------------------------------


def template_list(*, actor: User) -> QuerySet[Template]:
    """The templates of ``actor``'s organisation, with their items and rules."""
    return Template.objects.filter(organisation_id=actor.organisation_id or 0).prefetch_related(
        "administrations", "items__topic", "items__administrations", "items__offers"
    )


def onboarding_settings_of(*, actor: User) -> OnboardingSettings:
    """The reminder settings of ``actor``'s organisation (defaults, unsaved, when HR set none)."""
    organisation_id = actor.organisation_id
    if organisation_id is None:  # HR always has one; this guards the data, not the role
        raise PermissionDenied(_("Only HR may do this."))
    found = OnboardingSettings.objects.filter(organisation_id=organisation_id).first()
    return found or OnboardingSettings(organisation_id=organisation_id)
