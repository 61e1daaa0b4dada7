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
from typing import IO

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from rest_framework.exceptions import PermissionDenied

from backend.people.imports.parsing import ParseResult, RowError, table_parse
from backend.people.imports.planning import plan_build
from backend.people.imports.reading import MAX_FILE_BYTES, FileRejected, Table, table_read
from backend.people.imports.results import ImportResult
from backend.people.models import Organisation, User

logger = logging.getLogger(__name__)


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
        table = table_read(content=content, filename=filename, size=getattr(file, "size", None))
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
    if not table.rows:  # a heading and nothing below it is a mistake, not an empty success
        result.errors.append(
            RowError(None, None, _("The file has no rows below the heading; nothing to import."))
        )
        return _finish(result, organisation=organisation, actor=actor, started=started)

    _plan_and_write(
        result,
        organisation=organisation,
        parsed=parsed,
        table=table,
        scope=_scope_administration_ids(actor),
        deactivate_missing=deactivate_missing,
    )
    result.errors.sort(key=lambda e: (e.row or 0, e.column or ""))
    return _finish(result, organisation=organisation, actor=actor, started=started)


def _plan_and_write(
    result: ImportResult,
    *,
    organisation: Organisation,
    parsed: ParseResult,
    table: Table,
    scope: set[int] | None,
    deactivate_missing: bool,
) -> None:
    """Plan the import (``planning.plan_build``); unless a dry run or in error, write it all.

    A real import plans and writes in one transaction, with the organisation's rows locked; a
    conflict with a concurrent change is reported as an error and nothing is written.
    """
    dry_run = result.dry_run
    try:
        if dry_run:
            plan_build(
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
                plan = plan_build(
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


def _finish(
    result: ImportResult, *, organisation: Organisation, actor: User | None, started: float
) -> ImportResult:
    """Time the result, zero its counts when in error (nothing was written), log the counts."""
    result.seconds = round(time.perf_counter() - started, 3)
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


def leaders_import_as(
    *,
    actor: User,
    file: IO[bytes] | bytes,
    filename: str,
    dry_run: bool,
    deactivate_missing: bool = False,
) -> ImportResult:
    """``leaders_import`` into the HR actor's own organisation (HR: the API's permission)."""
    organisation = actor.organisation
    if organisation is None:  # HR always has one; this guards the data, not the role
        raise PermissionDenied
    return leaders_import(
        organisation=organisation,
        file=file,
        filename=filename,
        dry_run=dry_run,
        actor=actor,
        deactivate_missing=deactivate_missing,
    )
