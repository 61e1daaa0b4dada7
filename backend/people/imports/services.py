"""The HR import of leaders and units: validate everything, then write all of it or nothing.

``leaders_import`` reads a file (``reading``), types its rows (``parsing``), then checks what
needs the database against the organisation's current rows, loaded once: bosses that exist
neither in the file nor in Sparring, boss cycles in the file's graph combined with the
database's, and, for HR scoped to some administrations, rows outside that scope. Only a file
without a single error is written, in one transaction, with bulk inserts and updates: the number
of queries does not grow with the number of rows.

The rules are the people services' (``leader_create``/``leader_update``/``unit_upsert``,
``leader_check_boss``), applied in bulk: model field validation per row, a boss in the same
organisation, nobody their own boss, no cycle in the line of command.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import IO, Any, cast

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.people import hooks
from backend.people.imports.bulk import rows_insert, rows_update
from backend.people.imports.parsing import (
    COLUMNS_BY_KEY,
    LEADER_KEYS,
    ParseResult,
    RowError,
    table_parse,
)
from backend.people.imports.reading import MAX_FILE_BYTES, FileRejected, Table, table_read
from backend.people.models import Administration, Department, Leader, Organisation, Unit, User

logger = logging.getLogger(__name__)

#: The most errors a result lists; the count says how many there were in all.
MAX_ERRORS_LISTED = 500

_UNIT_FIELDS = {  # import key -> Unit field
    "unit_name": "name",
    "service_type": "service_type",
    "target_group": "target_group",
    "is_specialist": "is_specialist",
    "round_the_clock": "round_the_clock",
    "sites": "sites",
    "staff_count": "staff_count",
}
_UNIT_COLUMN_OF = {v: k for k, v in _UNIT_FIELDS.items()} | {"code": "unit_code"}


@dataclass(frozen=True, slots=True)
class RowAction:
    """What the import does (or would do) with one row: create, update or leave unchanged."""

    row: int
    employee_number: str
    action: str
    changed: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """Return the action as the API shows it."""
        return {
            "row": self.row,
            "employee_number": self.employee_number,
            "action": self.action,
            "changed": list(self.changed),
        }


@dataclass(slots=True)
class ImportResult:
    """The outcome of an import or a dry run: counts, per-row actions and errors."""

    dry_run: bool
    filename: str
    format: str = ""
    encoding: str = ""
    delimiter: str = ""
    rows: int = 0
    leaders_created: int = 0
    leaders_updated: int = 0
    leaders_unchanged: int = 0
    leaders_deactivated: int = 0
    units_created: int = 0
    units_updated: int = 0
    units_unchanged: int = 0
    administrations_created: int = 0
    departments_created: int = 0
    seconds: float = 0.0
    errors: list[RowError] = field(default_factory=list)
    actions: list[RowAction] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when the file had no error (and, unless a dry run, was written)."""
        return not self.errors

    @property
    def written(self) -> bool:
        """True when the import changed the database."""
        return self.ok and not self.dry_run

    def summary(self) -> dict[str, Any]:
        """Return the counts (no row contents: safe to log)."""
        return {
            "dry_run": self.dry_run,
            "ok": self.ok,
            "format": self.format,
            "encoding": self.encoding,
            "rows": self.rows,
            "leaders_created": self.leaders_created,
            "leaders_updated": self.leaders_updated,
            "leaders_unchanged": self.leaders_unchanged,
            "leaders_deactivated": self.leaders_deactivated,
            "units_created": self.units_created,
            "units_updated": self.units_updated,
            "units_unchanged": self.units_unchanged,
            "administrations_created": self.administrations_created,
            "departments_created": self.departments_created,
            "errors_total": len(self.errors),
            "seconds": round(self.seconds, 3),
        }

    def as_dict(self, *, with_actions: bool = True) -> dict[str, Any]:
        """Return the result as the API shows it (errors capped at ``MAX_ERRORS_LISTED``)."""
        body = {"filename": self.filename, "delimiter": self.delimiter, **self.summary()}
        body["errors"] = [e.as_dict() for e in self.errors[:MAX_ERRORS_LISTED]]
        if with_actions:
            body["actions"] = [a.as_dict() for a in self.actions]
        return body


class _Invalid(Exception):
    """Planning found errors; nothing may be written."""


def leaders_import(
    *,
    organisation: Organisation,
    file: IO[bytes] | bytes,
    filename: str,
    dry_run: bool,
    actor: User | None,
    deactivate_missing: bool = False,
) -> ImportResult:
    """Import leaders and units from an HR-system export (CSV or XLSX) into ``organisation``.

    Validates the whole file first; with any error nothing is written and the result lists
    the errors per row and column. Otherwise (and unless ``dry_run``) writes everything in one
    transaction: administrations and departments get-or-created by name, units upserted by
    unit code, leaders upserted by employee number, boss links set. Leaders missing from the
    file are left alone, or set inactive with ``deactivate_missing``.

    ``actor`` is the HR user (``None`` from the management command, which runs with the whole
    organisation in scope); an HR user scoped to administrations may only import rows within
    them.
    """
    started = time.perf_counter()
    result = ImportResult(dry_run=dry_run, filename=filename)
    try:
        content = file if isinstance(file, bytes) else file.read(MAX_FILE_BYTES + 1)
        table = table_read(content=content, filename=filename)
    except FileRejected as exc:
        result.errors.append(RowError(None, None, exc.message))
        return _finish(result, organisation=organisation, actor=actor, started=started)
    result.format, result.encoding, result.delimiter = table.format, table.encoding, table.delimiter
    result.rows = len(table.rows)
    parsed = table_parse(table)
    result.errors.extend(parsed.errors)
    if parsed.errors and not parsed.rows and not table.rows:
        return _finish(result, organisation=organisation, actor=actor, started=started)
    if any(e.row == 1 for e in parsed.errors):  # the header is wrong: rows mean nothing
        return _finish(result, organisation=organisation, actor=actor, started=started)

    scope = _scope_administration_ids(actor)
    try:
        if dry_run:
            _plan(
                result,
                organisation=organisation,
                parsed=parsed,
                table=table,
                scope=scope,
                deactivate_missing=deactivate_missing,
                lock=False,
            )
        else:
            with transaction.atomic():
                plan = _plan(
                    result,
                    organisation=organisation,
                    parsed=parsed,
                    table=table,
                    scope=scope,
                    deactivate_missing=deactivate_missing,
                    lock=True,
                )
                if result.errors:
                    raise _Invalid
                plan.apply()
    except _Invalid:
        pass
    except IntegrityError:
        # Another import or an edit changed the same rows between our read and our write.
        logger.warning("leaders import conflict organisation=%s", organisation.pk)
        result.errors.append(
            RowError(
                None,
                None,
                _(
                    "The data changed while the file was being imported, so nothing was imported. "
                    "Please try again."
                ),
            )
        )
    result.errors.sort(key=lambda e: (e.row or 0, e.column or ""))
    return _finish(result, organisation=organisation, actor=actor, started=started)


def _finish(
    result: ImportResult, *, organisation: Organisation, actor: User | None, started: float
) -> ImportResult:
    result.seconds = time.perf_counter() - started
    if result.errors:
        result.leaders_created = result.leaders_updated = result.leaders_unchanged = 0
        result.leaders_deactivated = result.units_created = result.units_updated = 0
        result.units_unchanged = result.administrations_created = result.departments_created = 0
        result.actions = []
    # Counts only: row contents (names, numbers) never reach the log.
    logger.info(
        "leaders import organisation=%s actor=%s %s",
        organisation.pk,
        actor.pk if actor is not None else "command",
        " ".join(f"{k}={v}" for k, v in result.summary().items()),
    )
    return result


def _scope_administration_ids(actor: User | None) -> set[int] | None:
    """Return the administrations a scoped HR user may import into; ``None`` = all of them."""
    if actor is None:
        return None
    ids = set(actor.hr_administrations.values_list("id", flat=True))
    return ids or None


@dataclass(slots=True)
class _Plan:
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


def _plan(
    result: ImportResult,
    *,
    organisation: Organisation,
    parsed: ParseResult,
    table: Table,
    scope: set[int] | None,
    deactivate_missing: bool,
    lock: bool,
) -> _Plan:
    """Check the parsed rows against the database and compute the writes; fill ``result``."""
    headers = parsed.headers
    errors = result.errors
    plan = _Plan(organisation=organisation, boss_column="boss" in parsed.columns)

    if lock:
        # Serialise imports of one organisation, and lock its leaders so that a concurrent
        # boss change (leader_update locks the leader it changes) cannot form a cycle with the
        # links this import validated.
        Organisation.objects.select_for_update().filter(pk=organisation.pk).first()
    administrations = {a.name: a for a in Administration.objects.filter(organisation=organisation)}
    administrations_by_id = {a.id: a for a in administrations.values()}
    departments_by_id = {d.id: d for d in Department.objects.filter(organisation=organisation)}
    departments = {
        (administrations_by_id[d.administration_id].name, d.name): d
        for d in departments_by_id.values()
    }
    units = {u.code: u for u in Unit.objects.filter(organisation=organisation)}
    units_by_id = {u.id: u for u in units.values()}
    leader_qs = Leader.objects.filter(organisation=organisation)
    if lock:
        leader_qs = leader_qs.select_for_update()
    existing = {leader.employee_number: leader for leader in leader_qs}
    number_of_id = {leader.id: number for number, leader in existing.items()}
    names_of: dict[str, str] = {}  # employee number -> full name, for cycle messages

    def administration_id_of_unit(unit_id: int | None) -> int | None:
        unit = units_by_id.get(unit_id) if unit_id is not None else None
        return departments_by_id[unit.department_id].administration_id if unit else None

    scope_names = (
        sorted(administrations_by_id[i].name for i in scope if i in administrations_by_id)
        if scope is not None
        else []
    )

    def error(row: int, key: str, message: str) -> None:
        errors.append(RowError(row, headers.get(key, COLUMNS_BY_KEY[key].header), message))

    # --- the organisation tree: administrations, departments, units -------------------------
    unit_code_of_row: dict[int, str] = {}
    planned_codes: set[str] = set()
    for row in parsed.rows:
        values = row.values
        name, department_name = values["administration"], values["department"]
        if scope is not None and name not in scope_names:
            error(
                row.row,
                "administration",
                _("You may only import leaders of your own administrations (%(names)s).")
                % {"names": ", ".join(scope_names)},
            )
            continue
        code = values["unit_code"]
        if code in planned_codes:
            unit_code_of_row[row.row] = code
            continue
        for key in ("administration", "department"):
            if len(values[key]) > 200:
                error(row.row, key, _("The name is longer than 200 characters."))
        administration = administrations.get(name)
        if administration is None:
            administration = Administration(organisation=organisation, name=name)
            administrations[name] = administration
            plan.new_administrations.append(administration)
        department = departments.get((name, department_name))
        if department is None:
            department = Department(organisation=organisation, name=department_name)
            departments[(name, department_name)] = department
            plan.new_departments.append((department, administration))
        unit = units.get(code)
        fields = {f: values[k] for k, f in _UNIT_FIELDS.items() if k in values}
        if unit is None:
            _validate(
                Unit,
                {"code": code, **fields},
                row=row.row,
                errors=errors,
                headers=headers,
                column_of=_UNIT_COLUMN_OF,
            )
            plan.new_units.append(
                ({"organisation_id": organisation.pk, "code": code, **fields}, department)
            )
            result.units_created += 1
        else:
            if scope is not None and administration_id_of_unit(unit.id) not in scope:
                error(
                    row.row,
                    "unit_code",
                    _("Unit %(code)s belongs to an administration outside your scope.")
                    % {"code": code},
                )
                continue
            changed = {f: v for f, v in fields.items() if getattr(unit, f) != v}
            moved = department.pk is None or unit.department_id != department.pk
            if changed or moved:
                _validate(
                    Unit,
                    changed,
                    row=row.row,
                    errors=errors,
                    headers=headers,
                    column_of=_UNIT_COLUMN_OF,
                )
                for f, v in changed.items():
                    setattr(unit, f, v)
                plan.changed_units.append((unit, department))
                plan.unit_update_fields.update([*changed, *(["department"] if moved else [])])
                result.units_updated += 1
            else:
                result.units_unchanged += 1
        planned_codes.add(code)
        unit_code_of_row[row.row] = code
    result.administrations_created = len(plan.new_administrations)
    result.departments_created = len(plan.new_departments)

    # --- leaders ------------------------------------------------------------------------------
    in_file = {row.employee_number for row in parsed.rows}
    leader_keys = [k for k in LEADER_KEYS if k in parsed.columns]
    unit_column = headers["unit_code"]
    for row in parsed.rows:
        code = unit_code_of_row.get(row.row)
        if code is None:
            continue
        number = row.employee_number
        values = {k: row.values[k] for k in leader_keys}
        names_of[number] = f"{values.get('first_name', '')} {values.get('last_name', '')}".strip()
        boss_number = row.values.get("boss")
        leader = existing.get(number)
        if leader is None:
            _validate(
                Leader,
                {"employee_number": number, **values},
                row=row.row,
                errors=errors,
                headers=headers,
            )
            plan.new_leaders.append(
                (
                    {"organisation_id": organisation.pk, "employee_number": number, **values},
                    code,
                    boss_number,
                )
            )
            if values.get("role_start_date") is not None:
                plan.started_role.append(number)
            result.actions.append(RowAction(row.row, number, "create"))
            result.leaders_created += 1
            continue
        if scope is not None and administration_id_of_unit(leader.unit_id) not in scope:
            error(
                row.row,
                "employee_number",
                _("Employee number %(number)s belongs to a leader outside your administrations.")
                % {"number": number},
            )
            continue
        changed = {k: v for k, v in values.items() if getattr(leader, k) != v}
        changed_columns = [headers[k] for k in changed]
        current_unit = units_by_id.get(leader.unit_id) if leader.unit_id else None
        moved = False
        if current_unit is None or current_unit.code != code:
            plan.leader_update_fields.add("unit")
            changed_columns.append(unit_column)
            moved = True
        if plan.boss_column and _boss_changed(leader, boss_number, number_of_id):
            plan.leader_update_fields.add("boss")
            changed_columns.append(headers["boss"])
            moved = True
        if moved:
            plan.line_changed.append(number)
        if changed.get("role_start_date") is not None:
            plan.started_role.append(number)
        if not changed_columns:
            result.actions.append(RowAction(row.row, number, "unchanged"))
            result.leaders_unchanged += 1
            continue
        _validate(Leader, changed, row=row.row, errors=errors, headers=headers)
        for k, v in changed.items():
            setattr(leader, k, v)
        if not plan.boss_column:
            boss_number = number_of_id.get(leader.boss_id) if leader.boss_id else None
        plan.changed_leaders.append((leader, code, boss_number))
        plan.leader_update_fields.update(changed)
        result.actions.append(RowAction(row.row, number, "update", tuple(changed_columns)))
        result.leaders_updated += 1

    # --- the line of command ------------------------------------------------------------------
    if plan.boss_column:
        raw_numbers = _raw_employee_numbers(table, parsed)
        boss_of = {
            number: (number_of_id.get(leader.boss_id) if leader.boss_id else None)
            for number, leader in existing.items()
        }
        rows_by_number = {row.employee_number: row for row in parsed.rows}
        for row in parsed.rows:
            boss_number = row.values.get("boss")
            if (
                boss_number is not None
                and boss_number not in in_file
                and boss_number not in existing
            ):
                if boss_number not in raw_numbers:  # else that row has its own error
                    error(
                        row.row,
                        "boss",
                        _("The boss %(boss)s was found neither in the file nor in Sparring.")
                        % {"boss": boss_number},
                    )
                boss_number = None
            boss_of[row.employee_number] = boss_number
        for number, leader in existing.items():
            names_of.setdefault(number, leader.full_name)
        for cycle in boss_cycles(boss_of):
            for index, number in enumerate(cycle):
                cycle_row = rows_by_number.get(number)
                if cycle_row is None:
                    continue  # a cycle through the database alone is reported where it's made
                boss = cycle[(index + 1) % len(cycle)]
                error(cycle_row.row, "boss", _cycle_message(number, boss, cycle, names_of))

    # --- leaders missing from the file ----------------------------------------------------------
    if deactivate_missing:
        for number, leader in existing.items():
            if number in in_file or not leader.active:
                continue
            if scope is not None and administration_id_of_unit(leader.unit_id) not in scope:
                continue
            plan.deactivated.append(leader)
        result.leaders_deactivated = len(plan.deactivated)
    return plan


def _boss_changed(leader: Leader, boss_number: str | None, number_of_id: dict[int, str]) -> bool:
    current = number_of_id.get(leader.boss_id) if leader.boss_id else None
    return current != boss_number


def _raw_employee_numbers(table: Table, parsed: ParseResult) -> set[str]:
    """Every employee number written in the file, also in rows with errors."""
    header = parsed.headers["employee_number"]
    index = [h.replace("\ufeff", "").strip() for h in table.header].index(header)
    return {cells[index].strip() for cells in table.rows if index < len(cells)}


def boss_cycles(boss_of: dict[str, str | None]) -> list[list[str]]:
    """Return the cycles of a boss graph (each node has at most one boss), in one pass.

    Each node is walked at most once: a walk stops at a node already finished, or at a node on
    the current walk, which closes a cycle. Linear in the number of nodes. Self-links are
    cycles of one.

    >>> boss_cycles({"a": "b", "b": "c", "c": "a", "d": "a", "e": None})
    [['a', 'b', 'c']]
    """
    state: dict[str, int] = {}  # 1 = on the current walk, 2 = finished
    cycles: list[list[str]] = []
    for start in sorted(boss_of):
        if start in state:
            continue
        walk: list[str] = []
        node: str | None = start
        while node is not None and node not in state:
            state[node] = 1
            walk.append(node)
            node = boss_of.get(node)
        if node is not None and state[node] == 1:
            cycles.append(walk[walk.index(node) :])
        for visited in walk:
            state[visited] = 2
    return cycles


def _cycle_message(number: str, boss: str, cycle: list[str], names_of: dict[str, str]) -> str:
    def who(n: str) -> str:
        name = names_of.get(n)
        return f"{name} ({n})" if name else n

    line = " → ".join(who(n) for n in [*cycle, cycle[0]])
    if number == boss:
        return _("%(leader)s cannot be their own boss.") % {"leader": who(number)}
    return _(
        "%(boss)s cannot be the boss of %(leader)s: %(leader)s is already in %(boss)s's line "
        "of command (%(line)s)."
    ) % {"boss": who(boss), "leader": who(number), "line": line}


def _validate(
    model: type[Leader] | type[Unit],
    values: dict[str, Any],
    *,
    row: int,
    errors: list[RowError],
    headers: dict[str, str],
    column_of: dict[str, str] | None = None,
) -> None:
    """Check text values against the model fields' rules (length, e-mail), as ``full_clean``.

    Only text can break a model rule the parser has not checked (types and ranges are the
    parser's); running the fields' own validators keeps Django's (translated) messages.
    """
    meta = model._meta
    for name, value in values.items():
        if not isinstance(value, str) or not value:
            continue
        model_field = meta.get_field(name)
        max_length = getattr(model_field, "max_length", None)
        if not isinstance(model_field, models.EmailField) and (
            max_length is None or len(value) <= max_length
        ):
            continue
        try:
            model_field.run_validators(value)  # type: ignore[union-attr]
        except ValidationError as exc:
            key = (column_of or {}).get(name, name)
            column = headers.get(key, COLUMNS_BY_KEY[key].header if key in COLUMNS_BY_KEY else name)
            errors.extend(RowError(row, column, message) for message in exc.messages)
