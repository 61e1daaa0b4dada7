"""HR builds onboarding templates in the web app: templates, their items, and the rules.

Every write checks what the Django admin never did: an item depends only on an item of the same
template and never, through a chain, on itself; a staff-consultant item names its staff
function; rule values are known ones (the API's choice fields) and administrations and topics
are the organisation's own. Errors are field errors (``ServiceError``), nothing half-written.
Running plans keep their snapshot: an edit changes the plans made after it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from backend.api.exceptions import ServiceError
from backend.catalogue.models import Offer
from backend.people import access
from backend.people.models import Administration, Topic, User
from onboarding.models import OwnerRole, Template, TemplateItem

TEMPLATE_FIELDS = (
    "name_da",
    "name_en",
    "description_da",
    "description_en",
    "order",
    "active",
)
ITEM_FIELDS = (
    "title_da",
    "title_en",
    "guidance_da",
    "guidance_en",
    "owner_role",
    "staff_function_kind",
    "due_offset_days",
    "required",
    "order",
)
RULES = (
    "service_types",
    "round_the_clock",
    "shift_work",
    "multi_site",
    "first_leader_job",
    "specialist",
    "staff_above",
    "entry_routes",
)


def _organisation_id(actor: User) -> int:
    return access.organisation_id_of(actor) or 0


def template_of_actor(*, actor: User, template_id: int) -> Template:
    """Return one of the actor's organisation's templates (another's is not found)."""
    return Template.objects.get(id=template_id, organisation_id=_organisation_id(actor))


def template_item_of_actor(*, actor: User, item_id: int) -> TemplateItem:
    """Return an item of one of the actor's organisation's templates (else not found)."""
    return TemplateItem.objects.select_related("template").get(
        id=item_id, template__organisation_id=_organisation_id(actor)
    )


DANISH = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})


def _unique_slug(model: Any, text: str, taken_in: dict[str, Any], field: str) -> str:
    base = slugify(text.translate(DANISH))[:70] or field
    slug, n = base, 1
    while model.objects.filter(**taken_in, **{field: slug}).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def _administrations(organisation_id: int, ids: Sequence[int]) -> list[Administration]:
    rows = list(Administration.objects.filter(organisation_id=organisation_id, id__in=set(ids)))
    if len(rows) != len(set(ids)):
        raise ServiceError(
            _("Choose among your own organisation's administrations."), field="administration_ids"
        )
    return rows


def _apply(row: Any, fields: dict[str, Any], names: Sequence[str]) -> None:
    for name in (*names, *RULES):
        if name in fields:
            setattr(row, name, fields[name])


@transaction.atomic
def template_create_as(*, actor: User, **fields: Any) -> Template:
    """HR adds a template (its key is made from the Danish name)."""
    organisation_id = _organisation_id(actor)
    template = Template(organisation_id=organisation_id)
    template.slug = _unique_slug(
        Template, fields["name_da"], {"organisation_id": organisation_id}, "slug"
    )
    return _template_save(template, fields)


@transaction.atomic
def template_update_as(*, actor: User, template_id: int, **fields: Any) -> Template:
    """HR edits a template: names, descriptions, rules, whether it is in use."""
    return _template_save(template_of_actor(actor=actor, template_id=template_id), fields)


def _template_save(template: Template, fields: dict[str, Any]) -> Template:
    _apply(template, fields, TEMPLATE_FIELDS)
    administrations = (
        _administrations(template.organisation_id, fields["administration_ids"])
        if "administration_ids" in fields
        else None
    )
    template.full_clean(exclude=["organisation"])
    template.save()
    if administrations is not None:
        template.administrations.set(administrations)
    return template


def _check_dependency(item: TemplateItem, depends_on: TemplateItem | None) -> None:
    """Refuse a dependency on another template's item, on itself, or closing a cycle."""
    if depends_on is None:
        return
    if depends_on.template_id != item.template_id:
        raise ServiceError(
            _("An item can only depend on another item of the same template."),
            field="depends_on",
        )
    parents = dict(
        TemplateItem.objects.filter(template_id=item.template_id).values_list("id", "depends_on_id")
    )
    seen: set[int] = set()
    current: int | None = depends_on.pk
    while current is not None and current not in seen:
        if item.pk is not None and current == item.pk:
            raise ServiceError(
                _("This would make the items wait for each other in a circle."),
                field="depends_on",
            )
        seen.add(current)
        current = parents.get(current)


def _item_links(item: TemplateItem, fields: dict[str, Any]) -> None:
    if "depends_on_id" in fields:
        target_id = fields["depends_on_id"]
        target = (
            TemplateItem.objects.filter(
                id=target_id, template__organisation_id=item.template.organisation_id
            ).first()
            if target_id is not None
            else None
        )
        if target_id is not None and target is None:
            raise ServiceError(_("Choose an item of this template."), field="depends_on")
        _check_dependency(item, target)
        item.depends_on = target
    if "topic_id" in fields:
        topic_id = fields["topic_id"]
        topic = (
            Topic.objects.filter(id=topic_id, organisation_id=item.template.organisation_id).first()
            if topic_id is not None
            else None
        )
        if topic_id is not None and topic is None:
            raise ServiceError(_("Choose one of your organisation's topics."), field="topic_id")
        item.topic = topic


def _item_save(item: TemplateItem, fields: dict[str, Any]) -> TemplateItem:
    _apply(item, fields, ITEM_FIELDS)
    _item_links(item, fields)
    if item.owner_role == OwnerRole.STAFF_CONSULTANT and not item.staff_function_kind:
        raise ServiceError(
            _("Choose which staff function's consultant owns the item."),
            field="staff_function_kind",
        )
    if item.owner_role != OwnerRole.STAFF_CONSULTANT:
        item.staff_function_kind = ""
    administrations = (
        _administrations(item.template.organisation_id, fields["administration_ids"])
        if "administration_ids" in fields
        else None
    )
    offers = (
        _offers(item.template.organisation_id, fields["offer_ids"])
        if "offer_ids" in fields
        else None
    )
    item.full_clean(exclude=["template", "depends_on", "topic"])
    item.save()
    if administrations is not None:
        item.administrations.set(administrations)
    if offers is not None:
        item.offers.set(offers)
    return item


def _offers(organisation_id: int, ids: Sequence[int]) -> list[Offer]:
    """The staff functions' offers an item links to: the organisation's own (else a field
    error)."""
    rows = list(Offer.objects.filter(organisation_id=organisation_id, id__in=set(ids)))
    if len(rows) != len(set(ids)):
        raise ServiceError(
            _("Choose among your own organisation's staff offers."), field="offer_ids"
        )
    return rows


@transaction.atomic
def template_item_create_as(*, actor: User, template_id: int, **fields: Any) -> TemplateItem:
    """HR adds an item to a template, at the end (its key is made from the Danish title)."""
    template = template_of_actor(actor=actor, template_id=template_id)
    item = TemplateItem(template=template)
    item.key = _unique_slug(TemplateItem, fields["title_da"], {"template": template}, "key")
    if "order" not in fields:
        last = template.items.order_by("-order").values_list("order", flat=True).first()
        item.order = 0 if last is None else last + 1
    return _item_save(item, fields)


@transaction.atomic
def template_item_update_as(*, actor: User, item_id: int, **fields: Any) -> TemplateItem:
    """HR edits an item: texts, owner, timing, dependency, topic and rules."""
    return _item_save(template_item_of_actor(actor=actor, item_id=item_id), fields)


def template_item_delete_as(*, actor: User, item_id: int) -> None:
    """HR removes an item. Items depending on it no longer wait; running plans keep theirs."""
    template_item_of_actor(actor=actor, item_id=item_id).delete()
