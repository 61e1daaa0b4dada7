"""HR's preview of the plan a leader would get from today's templates (nothing is written).

The items are chosen as plan creation chooses them (``selection.items_for_leader``) and their
owners resolved by the same ``OwnerResolver``, so the preview is the plan, minus the writing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from backend.people import access
from backend.people.models import Leader, User
from onboarding.models import Template, TemplateItem
from onboarding.owners import OwnerResolver, owner_label, owner_name, render_title
from onboarding.selection import items_for_leader


@dataclass(frozen=True)
class PreviewItem:
    """One item of the previewed plan."""

    template_item: TemplateItem
    template: Template
    title_da: str
    title_en: str
    owner: str
    owner_fallback: bool
    due_date: dt.date
    depends_on: int | None


@dataclass(frozen=True)
class PlanPreview:
    """The plan a leader would get: templates used and left out, and the items in order."""

    leader: Leader
    role_start_date: dt.date
    templates: list[Template]
    templates_left_out: list[Template]
    items: list[PreviewItem]


def plan_preview(*, actor: User, leader_id: int, role_start_date: dt.date | None) -> PlanPreview:
    """Return the plan ``leader_id`` would get (HR in scope; any other leader is not found)."""
    leader = access.leader_visible_or_404(actor, leader_id)
    start = role_start_date or leader.role_start_date or timezone.localdate()
    selection = items_for_leader(leader)
    resolver = OwnerResolver(leader)
    by_template = {t.id: t for t in selection.applicable}
    chosen_ids = {item.id for item in selection.items}
    rows = []
    for item in selection.items:
        owner = resolver.resolve(
            owner_role=item.owner_role, staff_function_kind=item.staff_function_kind
        )
        name = owner_name(owner_leader=owner.leader, owner_staff_contact=owner.staff_contact)
        rows.append(
            PreviewItem(
                template_item=item,
                template=by_template[item.template_id],
                title_da=render_title(item.title_da, name=name),
                title_en=render_title(item.title_en or item.title_da, name=name),
                owner=owner_label(
                    owner_role=item.owner_role,
                    staff_function_kind=item.staff_function_kind,
                    name=name,
                    fallback=owner.fallback,
                ),
                owner_fallback=owner.fallback,
                due_date=start + dt.timedelta(days=item.due_offset_days),
                # An item depended on that this leader does not get simply does not block.
                depends_on=item.depends_on_id if item.depends_on_id in chosen_ids else None,
            )
        )
    rows.sort(key=lambda r: (r.due_date, r.template.order, r.template_item.order))
    return PlanPreview(
        leader=leader,
        role_start_date=start,
        templates=selection.applicable,
        templates_left_out=selection.not_applicable,
        items=rows,
    )
