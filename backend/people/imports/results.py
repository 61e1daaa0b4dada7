"""What an HR import did, or would do: counts, per-row actions and errors."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from backend.people.imports.parsing import RowError

#: The most errors a result lists; the count says how many there were in all.
MAX_ERRORS_LISTED = 500


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

    @property
    def errors_total(self) -> int:
        """How many errors the file had (the result lists at most ``MAX_ERRORS_LISTED``)."""
        return len(self.errors)

    @property
    def errors_listed(self) -> list[RowError]:
        """The errors the result shows: the first ``MAX_ERRORS_LISTED``."""
        return self.errors[:MAX_ERRORS_LISTED]

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
            "errors_total": self.errors_total,
            "seconds": round(self.seconds, 3),
        }

    def as_dict(self, *, with_actions: bool = True) -> dict[str, Any]:
        """Return the result as the API shows it (errors capped at ``MAX_ERRORS_LISTED``)."""
        body = {"filename": self.filename, "delimiter": self.delimiter, **self.summary()}
        body["errors"] = [e.as_dict() for e in self.errors_listed]
        if with_actions:
            body["actions"] = [a.as_dict() for a in self.actions]
        return body
