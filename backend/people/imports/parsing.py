"""The import's rows: a ``Table`` of text in, typed rows and errors out.

Pure: no database access. Everything a single file can get wrong is found here (a missing or
unknown column, a bad date, a bad yes/no, a duplicate employee number, two rows disagreeing
about one unit, a formula); what needs the database (bosses, cycles, scope) is the planning's
(``planning.py``). The columns are in ``columns.py``, the cell values in ``values.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from backend.people.imports.columns import (
    COLUMNS,
    COLUMNS_BY_KEY,
    HEADER_INDEX,
    UNIT_KEYS,
    header_normalise,
)
from backend.people.imports.reading import MAX_CELL_CHARS, Table
from backend.people.imports.values import (
    CPR_KEY_COLUMNS,
    CellError,
    converters,
    looks_like_cpr,
    looks_like_formula,
)


@dataclass(frozen=True, slots=True)
class RowError:
    """One problem, located as the user sees it: row (header = 1) and column header."""

    row: int | None
    column: str | None
    message: str

    def as_dict(self) -> dict[str, Any]:
        """Return the error as the API and the command show it."""
        return {"row": self.row, "column": self.column, "message": self.message}


@dataclass(slots=True)
class ParsedRow:
    """One data row, typed: ``values`` holds an entry per column present in the file."""

    row: int
    values: dict[str, Any] = field(default_factory=dict)

    @property
    def employee_number(self) -> str:
        """The row's key."""
        return str(self.values["employee_number"])


@dataclass(slots=True)
class ParseResult:
    """The typed rows, the errors found, and which column keys the file has (and their header)."""

    rows: list[ParsedRow]
    errors: list[RowError]
    headers: dict[str, str]

    @property
    def columns(self) -> frozenset[str]:
        """The keys of the columns present in the file."""
        return frozenset(self.headers)


@dataclass(slots=True)
class _Header:
    """The header row read: each known column's position and header as written, the
    positions of blank headers, and the errors (unknown, repeated or missing columns)."""

    positions: dict[str, int] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    ignored: list[int] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


#: One column to read from each row: key, position, header, converter, value required.
_Spec = tuple[str, int, str, Callable[[str], Any] | None, bool]


def table_parse(table: Table) -> ParseResult:
    """Map a ``Table`` to typed rows; collect every error rather than stop at the first."""
    header = _header_read(table)
    if header.errors:
        return ParseResult(rows=[], errors=header.errors, headers=header.headers)
    convert = converters()
    specs: list[_Spec] = [
        (
            key,
            index,
            header.headers[key],
            convert[COLUMNS_BY_KEY[key].kind],
            COLUMNS_BY_KEY[key].value_required,
        )
        for key, index in header.positions.items()
    ]
    errors: list[RowError] = []
    width = len(table.header)
    rows: list[ParsedRow] = []
    first_row_of: dict[str, int] = {}
    unit_rows: dict[str, tuple[int, tuple[Any, ...]]] = {}
    unit_keys: list[str] = [k for k in UNIT_KEYS if k in header.positions]
    for number, cells in zip(table.row_numbers, table.rows, strict=True):
        if len(cells) < width:
            cells = cells + ("",) * (width - len(cells))
        parsed = _row_convert(number, cells, specs=specs, ignored=header.ignored, errors=errors)
        if parsed is None:
            continue
        conflict = _row_conflict(
            parsed,
            headers=header.headers,
            first_row_of=first_row_of,
            unit_rows=unit_rows,
            unit_keys=unit_keys,
        )
        if conflict is not None:
            errors.append(conflict)
            continue
        rows.append(parsed)
    return ParseResult(rows=rows, errors=errors, headers=header.headers)


def _header_read(table: Table) -> _Header:
    """Match the header row's names to the columns; report unknown, repeated, missing ones."""
    header = _Header()
    for index, raw in enumerate(table.header):
        name = raw.replace("\ufeff", "").strip()
        if not name:
            header.ignored.append(index)
            continue
        key = HEADER_INDEX.get(header_normalise(name))
        if key is None:
            message = _(
                "Unknown column “%(column)s”. The known columns are listed in the import "
                "guide; remove the column or rename it."
            ) % {"column": name}
            header.errors.append(RowError(1, name, message))
        elif key in header.positions:
            message = _("The column “%(column)s” appears twice (also as “%(first)s”).") % {
                "column": name,
                "first": header.headers[key],
            }
            header.errors.append(RowError(1, name, message))
        else:
            header.positions[key] = index
            header.headers[key] = name
    for column in COLUMNS:
        if column.required and column.key not in header.positions:
            message = _("The required column “%(column)s” is missing.") % {"column": column.header}
            header.errors.append(RowError(1, column.header, message))
    return header


def _row_convert(
    number: int,
    cells: tuple[str, ...],
    *,
    specs: list[_Spec],
    ignored: list[int],
    errors: list[RowError],
) -> ParsedRow | None:
    """Type one row's cells; ``None`` (and its errors reported) when any cell is wrong."""
    parsed = ParsedRow(row=number)
    ok = True
    for index in ignored:
        if cells[index].strip():
            message = _("Column %(position)s has a value but no heading.") % {"position": index + 1}
            errors.append(RowError(number, None, message))
            ok = False
    for key, index, header, convert, value_required in specs:
        try:
            parsed.values[key] = _cell_value(
                cells[index].strip(), key=key, convert=convert, value_required=value_required
            )
        except CellError as exc:
            errors.append(RowError(number, header, str(exc)))
            ok = False
    return parsed if ok else None


def _cell_value(
    text: str, *, key: str, convert: Callable[[str], Any] | None, value_required: bool
) -> Any:
    """One cell's typed value; ``CellError`` for a formula, a CPR number or a bad value."""
    if text:
        if len(text) > MAX_CELL_CHARS:
            raise CellError(
                _("The value is too long (%(length)s characters; at most %(limit)s).")
                % {"length": len(text), "limit": MAX_CELL_CHARS}
            )
        if text[0] in "=@+-" and looks_like_formula(text):
            raise CellError(
                _("The value looks like a spreadsheet formula; formulas are not imported.")
            )
        if looks_like_cpr(text, key_column=key in CPR_KEY_COLUMNS):
            raise CellError(
                _(
                    "The value looks like a CPR number; CPR numbers must not be "
                    "stored in Sparring. Remove it from the file."
                )
            )
    elif value_required:
        raise CellError(_("A value is required."))
    return text if convert is None else convert(text)


def _row_conflict(
    parsed: ParsedRow,
    *,
    headers: dict[str, str],
    first_row_of: dict[str, int],
    unit_rows: dict[str, tuple[int, tuple[Any, ...]]],
    unit_keys: list[str],
) -> RowError | None:
    """The error when a typed row repeats an employee number or describes its unit otherwise
    than an earlier row; else record the row's number and unit and return ``None``."""
    number = parsed.row
    number_key = parsed.employee_number
    if number_key in first_row_of:
        return RowError(
            number,
            headers["employee_number"],
            _("The employee number %(number)s also appears in row %(row)s.")
            % {"number": number_key, "row": first_row_of[number_key]},
        )
    first_row_of[number_key] = number
    unit_signature = tuple(parsed.values[k] for k in unit_keys)
    code = parsed.values["unit_code"]
    if code in unit_rows and unit_rows[code][1] != unit_signature:
        differing = next(
            k
            for k, a, b in zip(unit_keys, unit_rows[code][1], unit_signature, strict=True)
            if a != b
        )
        return RowError(
            number,
            headers[differing],
            _(
                "Unit %(code)s is described differently in row %(row)s; "
                "rows of one unit must agree on its details."
            )
            % {"code": code, "row": unit_rows[code][0]},
        )
    unit_rows.setdefault(code, (number, unit_signature))
    return None
