"""The nightly drop folder: the HR system's export, imported without anyone pressing a button.

For municipalities without SCIM, the HR system drops its nightly export of leaders in a folder
(``settings.SPARRING_IMPORT_DROP_FOLDER``, one sub-folder per organisation, named by its slug).
Each night ``drop_folder_import`` takes the **newest** file there and imports it with the HR
import (``services.leaders_import``): all of it or nothing, leaders missing from the file set
inactive, as a full export means. It returns what changed for HR: who joined, who left, who
changed unit or boss.

Nothing is lost on a bad file: a file with any error is left exactly where it is, untouched,
and nothing is written; the errors go to HR. A good file is moved to ``imported/`` beside it
(with the date), and older files still waiting are moved to ``superseded/``: once a newer
export is in, an older one must never become "the newest" and turn the clock back.
"""

from __future__ import annotations

import datetime as dt
import logging
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from backend.people.imports.parsing import RowError
from backend.people.imports.services import leaders_import
from backend.people.models import Leader, Organisation

logger = logging.getLogger(__name__)

SUFFIXES = (".csv", ".xlsx")
IMPORTED = "imported"
SUPERSEDED = "superseded"


@dataclass(frozen=True, slots=True)
class LeaderRef:
    """A leader named in the change report (names only: nothing private)."""

    id: int
    employee_number: str
    name: str


@dataclass(slots=True)
class DropFolderRun:
    """What one night's import did for one organisation."""

    organisation_id: int
    filename: str = ""
    ok: bool = False
    errors: list[RowError] = field(default_factory=list)
    joined: list[LeaderRef] = field(default_factory=list)
    left: list[LeaderRef] = field(default_factory=list)
    moved: list[LeaderRef] = field(default_factory=list)  # changed unit or boss

    @property
    def changed(self) -> bool:
        """Whether anyone joined, left or moved."""
        return bool(self.joined or self.left or self.moved)


def drop_folder_of(organisation: Organisation) -> Path | None:
    """The organisation's drop folder, or ``None`` when no drop folder is configured."""
    root: str = settings.SPARRING_IMPORT_DROP_FOLDER
    return Path(root) / organisation.slug if root else None


def newest_export(folder: Path) -> Path | None:
    """The newest CSV or XLSX file waiting in the folder (by modification time, then name)."""
    if not folder.is_dir():
        return None
    files = [p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in SUFFIXES]
    return max(files, key=lambda p: (p.stat().st_mtime, p.name), default=None)


_State = dict[str, tuple[int, bool, int | None, int | None, str]]


def _state(organisation: Organisation) -> _State:
    rows = Leader.objects.filter(organisation=organisation).values_list(
        "employee_number", "id", "active", "unit_id", "boss_id", "first_name", "last_name"
    )
    return {
        number: (pk, active, unit, boss, f"{first} {last}".strip())
        for number, pk, active, unit, boss, first, last in rows
    }


def _changes(run: DropFolderRun, before: _State, after: _State) -> None:
    for number, (pk, active, unit, boss, name) in sorted(after.items(), key=lambda kv: kv[1][4]):
        ref = LeaderRef(id=pk, employee_number=number, name=name)
        old = before.get(number)
        was_active = old is not None and old[1]
        if active and not was_active:
            run.joined.append(ref)
        elif was_active and not active:
            run.left.append(ref)
        elif active and old is not None and (old[2], old[3]) != (unit, boss):
            run.moved.append(ref)


def _move(path: Path, into: str, today: dt.date) -> None:
    target = path.parent / into
    target.mkdir(exist_ok=True)
    shutil.move(str(path), str(target / f"{today.isoformat()}-{path.name}"))


def drop_folder_import(
    *, organisation: Organisation, today: dt.date | None = None
) -> DropFolderRun | None:
    """Import the newest export waiting in the organisation's drop folder (``None``: no file).

    Leaders who left (inactive after the import) get ``left_on`` today unless HR set a date,
    which starts their retention clock (``backend.privacy``).
    """
    folder = drop_folder_of(organisation)
    path = newest_export(folder) if folder is not None else None
    if path is None:
        return None
    today = today or timezone.localdate()
    run = DropFolderRun(organisation_id=organisation.pk, filename=path.name)
    before = _state(organisation)
    result = leaders_import(
        organisation=organisation,
        file=path.read_bytes(),
        filename=path.name,
        dry_run=False,
        actor=None,
        deactivate_missing=True,
    )
    if not result.ok:
        run.errors = result.errors_listed
        logger.warning(
            "drop folder import refused organisation=%s errors=%s",
            organisation.pk,
            result.errors_total,
        )
        return run  # the file stays where it is, untouched
    run.ok = True
    _changes(run, before, _state(organisation))
    Leader.objects.filter(id__in=[r.id for r in run.left], left_on__isnull=True).update(
        left_on=today
    )
    Leader.objects.filter(id__in=[r.id for r in run.joined]).update(left_on=None)
    _move(path, IMPORTED, today)
    for older in sorted(p for p in path.parent.iterdir() if p.is_file()):
        if older.suffix.lower() in SUFFIXES:
            _move(older, SUPERSEDED, today)
    return run
