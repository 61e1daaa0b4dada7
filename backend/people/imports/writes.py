"""The writes a valid import file leads to, and applying them in a fixed number of statements."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, cast

from django.db import models
from django.utils import timezone

from backend.people import hooks
from backend.people.imports.bulk import rows_insert, rows_update
from backend.people.models import Administration, Department, Leader, Organisation, Unit


@dataclass(slots=True)
class ImportPlan:
    """The writes a valid file leads to, computed before any of them is made.

    New units and leaders are plain dicts (field attname -> value), inserted with
    ``rows_insert``; changed ones are the loaded model instances, with their new values set.
    """

    organisation: Organisation
    boss_column: bool
    new_administrations: list[Administration] = field(default_factory=list)
    new_departments: list[tuple[Department, Administration]] = field(default_factory=list)
    new_units: list[tuple[dict[str, Any], Department]] = field(default_factory=list)
    changed_units: list[tuple[Unit, Department]] = field(default_factory=list)
    unit_update_fields: set[str] = field(default_factory=set)
    new_leaders: list[tuple[dict[str, Any], str, str | None]] = field(default_factory=list)
    changed_leaders: list[tuple[Leader, str, str | None]] = field(default_factory=list)
    leader_update_fields: set[str] = field(default_factory=set)
    deactivated: list[Leader] = field(default_factory=list)
    started_role: list[str] = field(default_factory=list)  # employee numbers
    line_changed: list[str] = field(default_factory=list)

    def apply(self) -> None:
        """Write the plan: a fixed number of statements, whatever the number of rows."""
        organisation = self.organisation
        Administration.objects.bulk_create(self.new_administrations)
        for department, administration in self.new_departments:
            department.administration = administration
        Department.objects.bulk_create([d for d, _ in self.new_departments])

        for values, department in self.new_units:
            values["department_id"] = department.pk
        rows_insert(Unit, [values for values, _ in self.new_units])
        unit_fields = sorted(self.unit_update_fields)
        for unit, department in self.changed_units:
            unit.department_id = department.pk
        rows_update(
            Unit,
            unit_fields,
            [
                (unit.pk, [getattr(unit, _attname(Unit, f)) for f in unit_fields])
                for unit, _ in self.changed_units
            ],
        )
        unit_id = dict(Unit.objects.filter(organisation=organisation).values_list("code", "id"))

        # New leaders go in without a boss: the boss may be another new leader, without an id
        # until the insert. The boss links are set once every leader has one.
        for values, code, _boss in self.new_leaders:
            values["unit_id"] = unit_id[code]
        rows_insert(Leader, [values for values, _, _ in self.new_leaders])
        leader_id = dict(
            Leader.objects.filter(organisation=organisation).values_list("employee_number", "id")
        )
        if self.boss_column:
            rows_update(
                Leader,
                ["boss"],
                [
                    (leader_id[values["employee_number"]], [leader_id[boss]])
                    for values, _, boss in self.new_leaders
                    if boss
                ],
            )
        now = timezone.now()
        leader_fields = sorted(self.leader_update_fields | {"updated_at"})
        for leader, code, boss in self.changed_leaders:
            leader.unit_id = unit_id[code]
            leader.boss_id = leader_id[boss] if boss else None
            leader.updated_at = now
        rows_update(
            Leader,
            leader_fields,
            [
                (leader.pk, [getattr(leader, _attname(Leader, f)) for f in leader_fields])
                for leader, _, _ in self.changed_leaders
            ],
        )
        if self.deactivated:
            Leader.objects.filter(id__in=[leader.id for leader in self.deactivated]).update(
                active=False, updated_at=now
            )
        # What leader_create/leader_update report, for the whole file at once: onboarding and
        # mentoring queue their work on commit, so a rolled-back import triggers nothing.
        hooks.leaders_changed(
            organisation_id=organisation.pk,
            started_role=[leader_id[n] for n in self.started_role],
            line_changed=[leader_id[n] for n in self.line_changed],
        )


def _attname(model: type[models.Model], name: str) -> str:
    """The attribute holding a field's raw value (``boss`` -> ``boss_id``)."""
    return cast("models.Field[Any, Any]", model._meta.get_field(name)).attname
