"""Onboarding templates: loading them (the seed) and HR's edits to their items."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from backend.api.exceptions import ServiceError
from backend.people.models import Organisation, User
from backend.people.services import topics_ensure_defaults
from onboarding.models import OwnerRole, Template, TemplateItem

RULE_FIELDS = (
    "service_types",
    "round_the_clock",
    "shift_work",
    "multi_site",
    "first_leader_job",
    "specialist",
    "staff_above",
    "entry_routes",
)
Actor = User | None


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
