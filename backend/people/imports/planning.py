"""Planning an HR import: check the typed rows against the database, compute the writes.

``plan_build`` reads the organisation's current rows once (``snapshot_load``, locked for a real
import), then runs the named steps in order, each filling the ``ImportResult`` (counts, actions,
errors) and the ``ImportPlan`` (the writes): the organisation tree (administrations,
departments, units), the leaders, the line of command (unknown bosses, cycles), and leaders
missing from the file. The steps read no database: they work on the snapshot.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

from backend.people.imports.columns import COLUMNS_BY_KEY, LEADER_KEYS
from backend.people.imports.parsing import ParsedRow, ParseResult, RowError
from backend.people.imports.reading import Table
from backend.people.imports.results import ImportResult, RowAction
from backend.people.imports.writes import ImportPlan
from backend.people.models import Administration, Department, Leader, Organisation, Unit

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


@dataclass(slots=True)
class Snapshot:
    """The organisation's tree and leaders as the database holds them, read once.

    ``administrations`` and ``departments`` (by name) also receive the ones the plan creates,
    so later rows of the file find them.
    """

    administrations: dict[str, Administration]
    administrations_by_id: dict[int, Administration]
    departments: dict[tuple[str, str], Department]
    departments_by_id: dict[int, Department]
    units: dict[str, Unit]
    units_by_id: dict[int, Unit]
    leaders: dict[str, Leader]  # by employee number
    number_of_id: dict[int, str]  # leader id -> employee number

    def administration_id_of_unit(self, unit_id: int | None) -> int | None:
        """The administration a unit belongs to (``None`` for no unit)."""
        unit = self.units_by_id.get(unit_id) if unit_id is not None else None
        return self.departments_by_id[unit.department_id].administration_id if unit else None


def snapshot_load(*, organisation: Organisation, lock: bool) -> Snapshot:
    """Read the organisation's administrations, departments, units and leaders.

    With ``lock`` (a real import): serialise imports of one organisation, and lock its leaders
    so that a concurrent boss change (``leader_update`` locks the leader it changes) cannot form
    a cycle with the links this import validated.
    """
    if lock:
        Organisation.objects.select_for_update().filter(pk=organisation.pk).first()
    administrations = {a.name: a for a in Administration.objects.filter(organisation=organisation)}
    administrations_by_id = {a.id: a for a in administrations.values()}
    departments_by_id = {d.id: d for d in Department.objects.filter(organisation=organisation)}
    units = {u.code: u for u in Unit.objects.filter(organisation=organisation)}
    leader_qs = Leader.objects.filter(organisation=organisation)
    if lock:
        leader_qs = leader_qs.select_for_update()
    leaders = {leader.employee_number: leader for leader in leader_qs}
    return Snapshot(
        administrations=administrations,
        administrations_by_id=administrations_by_id,
        departments={
            (administrations_by_id[d.administration_id].name, d.name): d
            for d in departments_by_id.values()
        },
        departments_by_id=departments_by_id,
        units=units,
        units_by_id={u.id: u for u in units.values()},
        leaders=leaders,
        number_of_id={leader.id: number for number, leader in leaders.items()},
    )


@dataclass(slots=True)
class _Context:
    """What every step reads (the file, the snapshot, the scope) and fills (result, plan)."""

    organisation: Organisation
    parsed: ParseResult
    snapshot: Snapshot
    scope: set[int] | None  # the administrations scoped HR may import into; None: all
    result: ImportResult
    plan: ImportPlan
    scope_names: list[str] = field(default_factory=list)
    in_file: set[str] = field(default_factory=set)  # employee numbers
    names_of: dict[str, str] = field(default_factory=dict)  # number -> name, for messages

    def error(self, row: int, key: str, message: str) -> None:
        """Report a problem in ``row`` at the column of ``key`` (as the file names it)."""
        header = self.parsed.headers.get(key, COLUMNS_BY_KEY[key].header)
        self.result.errors.append(RowError(row, header, message))

    def validate(
        self,
        model: type[Leader] | type[Unit],
        values: dict[str, Any],
        *,
        row: int,
        column_of: dict[str, str] | None = None,
    ) -> None:
        """Check ``values`` against the model fields' rules (``_validate``)."""
        _validate(
            model,
            values,
            row=row,
            errors=self.result.errors,
            headers=self.parsed.headers,
            column_of=column_of,
        )

    def out_of_scope(self, unit_id: int | None) -> bool:
        """True for scoped HR when the unit lies outside its administrations."""
        return (
            self.scope is not None
            and self.snapshot.administration_id_of_unit(unit_id) not in self.scope
        )


def plan_build(
    result: ImportResult,
    *,
    organisation: Organisation,
    parsed: ParseResult,
    table: Table,
    scope: set[int] | None,
    deactivate_missing: bool,
    lock: bool,
) -> ImportPlan:
    """Check the parsed rows against the database and compute the writes; fill ``result``."""
    snapshot = snapshot_load(organisation=organisation, lock=lock)
    ctx = _Context(
        organisation=organisation,
        parsed=parsed,
        snapshot=snapshot,
        scope=scope,
        result=result,
        plan=ImportPlan(organisation=organisation, boss_column="boss" in parsed.columns),
        scope_names=(
            sorted(
                snapshot.administrations_by_id[i].name
                for i in scope
                if i in snapshot.administrations_by_id
            )
            if scope is not None
            else []
        ),
        in_file={row.employee_number for row in parsed.rows},
    )
    unit_code_of_row = tree_plan(ctx)
    leaders_plan(ctx, unit_code_of_row=unit_code_of_row)
    if ctx.plan.boss_column:
        line_check(ctx, table=table)
    if deactivate_missing:
        missing_deactivate(ctx)
    return ctx.plan


# --- the organisation tree: administrations, departments, units ----------------------------------


def tree_plan(ctx: _Context) -> dict[int, str]:
    """Plan the administrations, departments and units of the rows; return each row's unit code.

    A unit code's first row decides the unit; later rows with the same code only point at it.
    Rows scoped HR may not import are reported and get no unit (their leader is skipped).
    """
    unit_code_of_row: dict[int, str] = {}
    planned_codes: set[str] = set()
    for row in ctx.parsed.rows:
        name = row.values["administration"]
        if ctx.scope is not None and name not in ctx.scope_names:
            ctx.error(
                row.row,
                "administration",
                _("You may only import leaders of your own administrations (%(names)s).")
                % {"names": ", ".join(ctx.scope_names)},
            )
            continue
        code = row.values["unit_code"]
        if code not in planned_codes:
            if not _unit_plan(ctx, row, code=code, department=_department_plan(ctx, row)):
                continue
            planned_codes.add(code)
        unit_code_of_row[row.row] = code
    ctx.result.administrations_created = len(ctx.plan.new_administrations)
    ctx.result.departments_created = len(ctx.plan.new_departments)
    return unit_code_of_row


def _department_plan(ctx: _Context, row: ParsedRow) -> Department:
    """Return the row's department, planning it (and its administration) when new."""
    values = row.values
    name, department_name = values["administration"], values["department"]
    for key in ("administration", "department"):
        if len(values[key]) > 200:
            ctx.error(row.row, key, _("The name is longer than 200 characters."))
    snapshot, plan = ctx.snapshot, ctx.plan
    administration = snapshot.administrations.get(name)
    if administration is None:
        administration = Administration(organisation=ctx.organisation, name=name)
        snapshot.administrations[name] = administration
        plan.new_administrations.append(administration)
    department = snapshot.departments.get((name, department_name))
    if department is None:
        department = Department(organisation=ctx.organisation, name=department_name)
        snapshot.departments[(name, department_name)] = department
        plan.new_departments.append((department, administration))
    return department


def _unit_plan(ctx: _Context, row: ParsedRow, *, code: str, department: Department) -> bool:
    """Plan the unit of ``code`` (create, update or leave it); False when out of HR's scope."""
    fields = {f: row.values[k] for k, f in _UNIT_FIELDS.items() if k in row.values}
    unit = ctx.snapshot.units.get(code)
    if unit is None:
        ctx.validate(Unit, {"code": code, **fields}, row=row.row, column_of=_UNIT_COLUMN_OF)
        ctx.plan.new_units.append(
            ({"organisation_id": ctx.organisation.pk, "code": code, **fields}, department)
        )
        ctx.result.units_created += 1
        return True
    if ctx.out_of_scope(unit.id):
        ctx.error(
            row.row,
            "unit_code",
            _("Unit %(code)s belongs to an administration outside your scope.") % {"code": code},
        )
        return False
    changed = {f: v for f, v in fields.items() if getattr(unit, f) != v}
    moved = department.pk is None or unit.department_id != department.pk
    if not (changed or moved):
        ctx.result.units_unchanged += 1
        return True
    ctx.validate(Unit, changed, row=row.row, column_of=_UNIT_COLUMN_OF)
    for f, v in changed.items():
        setattr(unit, f, v)
    ctx.plan.changed_units.append((unit, department))
    ctx.plan.unit_update_fields.update([*changed, *(["department"] if moved else [])])
    ctx.result.units_updated += 1
    return True


# --- leaders -------------------------------------------------------------------------------------


def leaders_plan(ctx: _Context, *, unit_code_of_row: dict[int, str]) -> None:
    """Plan each row's leader (create, update or leave them); rows without a unit are skipped."""
    leader_keys = [k for k in LEADER_KEYS if k in ctx.parsed.columns]
    for row in ctx.parsed.rows:
        code = unit_code_of_row.get(row.row)
        if code is None:
            continue
        number = row.employee_number
        values: dict[str, Any] = {k: row.values[k] for k in leader_keys}
        first, last = values.get("first_name", ""), values.get("last_name", "")
        ctx.names_of[number] = f"{first} {last}".strip()
        boss_number = row.values.get("boss")
        leader = ctx.snapshot.leaders.get(number)
        if leader is None:
            _leader_new(ctx, row, values=values, code=code, boss_number=boss_number)
        else:
            _leader_existing(ctx, row, leader, values=values, code=code, boss_number=boss_number)


def _leader_new(
    ctx: _Context, row: ParsedRow, *, values: dict[str, Any], code: str, boss_number: str | None
) -> None:
    """Plan a leader Sparring does not know yet."""
    number = row.employee_number
    ctx.validate(Leader, {"employee_number": number, **values}, row=row.row)
    ctx.plan.new_leaders.append(
        (
            {"organisation_id": ctx.organisation.pk, "employee_number": number, **values},
            code,
            boss_number,
        )
    )
    if values.get("role_start_date") is not None:
        ctx.plan.started_role.append(number)
    ctx.result.actions.append(RowAction(row.row, number, "create"))
    ctx.result.leaders_created += 1


def _leader_existing(
    ctx: _Context,
    row: ParsedRow,
    leader: Leader,
    *,
    values: dict[str, Any],
    code: str,
    boss_number: str | None,
) -> None:
    """Plan the changes to a known leader: fields, unit, boss (the columns named per row)."""
    number, headers, plan = row.employee_number, ctx.parsed.headers, ctx.plan
    if ctx.out_of_scope(leader.unit_id):
        ctx.error(
            row.row,
            "employee_number",
            _("Employee number %(number)s belongs to a leader outside your administrations.")
            % {"number": number},
        )
        return
    changed = {k: v for k, v in values.items() if getattr(leader, k) != v}
    changed_columns = [headers[k] for k in changed]
    current_unit = ctx.snapshot.units_by_id.get(leader.unit_id) if leader.unit_id else None
    moved = False
    if current_unit is None or current_unit.code != code:
        plan.leader_update_fields.add("unit")
        changed_columns.append(headers["unit_code"])
        moved = True
    if plan.boss_column and _boss_changed(leader, boss_number, ctx.snapshot.number_of_id):
        plan.leader_update_fields.add("boss")
        changed_columns.append(headers["boss"])
        moved = True
    if moved:
        plan.line_changed.append(number)
    if changed.get("role_start_date") is not None:
        plan.started_role.append(number)
    if not changed_columns:
        ctx.result.actions.append(RowAction(row.row, number, "unchanged"))
        ctx.result.leaders_unchanged += 1
        return
    ctx.validate(Leader, changed, row=row.row)
    for k, v in changed.items():
        setattr(leader, k, v)
    if not plan.boss_column:
        boss_number = ctx.snapshot.number_of_id.get(leader.boss_id) if leader.boss_id else None
    plan.changed_leaders.append((leader, code, boss_number))
    plan.leader_update_fields.update(changed)
    ctx.result.actions.append(RowAction(row.row, number, "update", tuple(changed_columns)))
    ctx.result.leaders_updated += 1


# --- the line of command, and leaders missing from the file --------------------------------------


def line_check(ctx: _Context, *, table: Table) -> None:
    """Report bosses found neither in the file nor in Sparring, and cycles in the line.

    The line is the database's, with the file's boss links laid over it; a cycle is reported
    on every row of the file that is part of it.
    """
    snapshot = ctx.snapshot
    raw_numbers = _raw_employee_numbers(table, ctx.parsed)
    boss_of = {
        number: (snapshot.number_of_id.get(leader.boss_id) if leader.boss_id else None)
        for number, leader in snapshot.leaders.items()
    }
    rows_by_number = {row.employee_number: row for row in ctx.parsed.rows}
    for row in ctx.parsed.rows:
        boss_number = row.values.get("boss")
        if (
            boss_number is not None
            and boss_number not in ctx.in_file
            and boss_number not in snapshot.leaders
        ):
            if boss_number not in raw_numbers:  # else that row has its own error
                ctx.error(
                    row.row,
                    "boss",
                    _("The boss %(boss)s was found neither in the file nor in Sparring.")
                    % {"boss": boss_number},
                )
            boss_number = None
        boss_of[row.employee_number] = boss_number
    for number, leader in snapshot.leaders.items():
        ctx.names_of.setdefault(number, leader.full_name)
    for cycle in boss_cycles(boss_of):
        for index, number in enumerate(cycle):
            cycle_row = rows_by_number.get(number)
            if cycle_row is None:
                continue  # a cycle through the database alone is reported where it's made
            boss = cycle[(index + 1) % len(cycle)]
            ctx.error(cycle_row.row, "boss", _cycle_message(number, boss, cycle, ctx.names_of))


def missing_deactivate(ctx: _Context) -> None:
    """Plan to deactivate the active leaders in HR's scope that the file leaves out."""
    for number, leader in ctx.snapshot.leaders.items():
        if number in ctx.in_file or not leader.active or ctx.out_of_scope(leader.unit_id):
            continue
        ctx.plan.deactivated.append(leader)
    ctx.result.leaders_deactivated = len(ctx.plan.deactivated)


# --- checks --------------------------------------------------------------------------------------


def _boss_changed(leader: Leader, boss_number: str | None, number_of_id: dict[int, str]) -> bool:
    """True when the file names another boss than the leader has."""
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
    """The message for ``number`` in ``cycle``: who cannot be whose boss, and the line."""

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
