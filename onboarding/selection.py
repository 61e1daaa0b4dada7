"""Which templates and template items a leader gets: the rules applied, nothing written.

Plan creation (``services.plans``) and HR's preview of a leader's plan (``preview``) both choose
through ``items_for_leader``, so the preview shows exactly the plan the leader would get.
"""

from __future__ import annotations

from dataclasses import dataclass

from backend.people.models import Leader
from onboarding.models import Template, TemplateItem
from onboarding.rules import LeaderFacts, rules_hold


@dataclass(frozen=True)
class Selection:
    """The organisation's active templates split by whether they apply, and the chosen items."""

    applicable: list[Template]
    not_applicable: list[Template]
    items: list[TemplateItem]


def items_for_leader(leader: Leader) -> Selection:
    """Return the templates that apply to ``leader`` (with ``unit__department`` loaded) and, in
    template then item order, the items of those templates whose own rules hold."""
    facts = LeaderFacts.of(leader)
    templates = list(
        Template.objects.filter(
            organisation_id=leader.organisation_id, active=True
        ).prefetch_related("administrations", "items__administrations")
    )
    applicable: list[Template] = []
    not_applicable: list[Template] = []
    for template in templates:
        ids = [a.id for a in template.administrations.all()]
        holds = rules_hold(template, facts, administration_ids=ids)
        (applicable if holds else not_applicable).append(template)
    items = [
        item
        for template in applicable
        for item in template.items.all()
        if rules_hold(item, facts, administration_ids=[a.id for a in item.administrations.all()])
    ]
    return Selection(applicable=applicable, not_applicable=not_applicable, items=items)
