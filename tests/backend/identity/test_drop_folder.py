"""The nightly drop folder: a good, a changed and a broken export from the HR system."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from backend.identity.tasks import drop_folder_import_task
from backend.notifications.models import Notification
from backend.people.imports.sample import rows_to_csv, sample_rows
from backend.people.models import Leader, Organisation, User
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def org() -> Organisation:
    return f.OrganisationFactory(name="Dropby Kommune", slug="dropby")


@pytest.fixture
def hr(org: Organisation) -> User:
    return f.UserFactory(username="hr-dropby", organisation=org, role=User.Role.HR, language="en")


@pytest.fixture
def folder(settings: Any, tmp_path: Path, org: Organisation) -> Path:
    settings.SPARRING_IMPORT_DROP_FOLDER = str(tmp_path)
    path = tmp_path / org.slug
    path.mkdir()
    return path


def _drop(folder: Path, name: str, content: bytes, *, age_hours: float = 0) -> Path:
    path = folder / name
    path.write_bytes(content)
    stamp = dt.datetime.now().timestamp() - age_hours * 3600
    os.utime(path, (stamp, stamp))
    return path


ROWS = sample_rows(14, departments_per_administration=1)


def _number(row: dict[str, str]) -> str:
    return row["medarbejdernummer"]


def test_a_good_file_is_imported_moved_aside_and_reported(
    org: Organisation, hr: User, folder: Path
) -> None:
    _drop(folder, "old-export.csv", rows_to_csv(ROWS[:3]), age_hours=30)
    _drop(folder, "leaders-2026-12-05.csv", rows_to_csv(ROWS))

    assert drop_folder_import_task() == {"dropby": "imported"}

    assert Leader.objects.filter(organisation=org, active=True).count() == 14
    assert sorted(p.name for p in folder.iterdir()) == ["imported", "superseded"]
    today = timezone.localdate().isoformat()
    imported = [p.name for p in (folder / "imported").iterdir()]
    assert imported == [f"{today}-leaders-2026-12-05.csv"]
    assert [p.name for p in (folder / "superseded").iterdir()] == [f"{today}-old-export.csv"]
    report = Notification.objects.get(user=hr)
    assert report.kind == "identity.drop_folder_report"
    assert report.subject == "Nightly import: 14 changes"
    assert "Joined: " in report.body
    assert report.url == "/hr/import"
    # Run again: nothing is waiting, nothing is sent.
    assert drop_folder_import_task() == {}
    assert Notification.objects.filter(user=hr).count() == 1


def test_a_changed_file_reports_who_joined_left_and_moved_and_closes_the_leaver_s_login(
    org: Organisation, hr: User, folder: Path
) -> None:
    _drop(folder, "night-1.csv", rows_to_csv(ROWS), age_hours=24)
    drop_folder_import_task()
    unit_leaders = [r for r in ROWS if r["stillingsbetegnelse"] not in ("Direktør", "Områdechef")]
    leaver, mover = unit_leaders[0], unit_leaders[1]
    leaver_user = f.UserFactory(
        username="leaver",
        organisation=org,
        leader=Leader.objects.get(organisation=org, employee_number=_number(leaver)),
    )
    newcomer = dict(unit_leaders[2])
    newcomer.update(
        medarbejdernummer="999001",
        fornavn="Nanna",
        efternavn="Ny",
        email="nanna@dropby.dk",
        enhedskode="E999001",
        enhed="Børnehuset Nyt",
    )
    moved = dict(mover)
    moved["enhedskode"], moved["enhed"] = "E999002", "Skolen Ny"
    night_2 = [r for r in ROWS if r not in (leaver, mover)] + [moved, newcomer]
    _drop(folder, "night-2.csv", rows_to_csv(night_2))

    assert drop_folder_import_task() == {"dropby": "imported"}

    report = Notification.objects.filter(user=hr).order_by("id").last()
    assert report is not None
    assert report.subject == "Nightly import: 3 changes"
    lines = report.body.splitlines()
    assert "Joined: Nanna Ny (999001)" in lines
    assert f"Left: {leaver['fornavn']} {leaver['efternavn']} ({_number(leaver)})" in lines
    assert (
        f"Changed unit or boss: {mover['fornavn']} {mover['efternavn']} ({_number(mover)})" in lines
    )
    gone = Leader.objects.get(organisation=org, employee_number=_number(leaver))
    assert gone.active is False and gone.left_on is not None  # the retention clock runs
    leaver_user.refresh_from_db()
    assert leaver_user.is_active is False


def test_a_broken_file_changes_nothing_stays_untouched_and_hr_gets_the_errors(
    org: Organisation, hr: User, folder: Path
) -> None:
    _drop(folder, "night-1.csv", rows_to_csv(ROWS), age_hours=24)
    drop_folder_import_task()
    broken_rows = [dict(r) for r in ROWS]
    broken_rows[3]["chef"] = "424242"  # a boss nobody has heard of
    broken_rows[5]["startdato"] = "31-02-2026"
    broken = rows_to_csv(broken_rows[:-2])  # two leaders missing too: they must not "leave"
    path = _drop(folder, "night-2.csv", broken)
    before = sorted(Leader.objects.filter(organisation=org).values_list("id", "active", "boss_id"))

    assert drop_folder_import_task() == {"dropby": "refused"}

    assert path.read_bytes() == broken and path.parent == folder
    after = sorted(Leader.objects.filter(organisation=org).values_list("id", "active", "boss_id"))
    assert after == before
    report = Notification.objects.filter(user=hr).order_by("id").last()
    assert report is not None
    assert report.kind == "identity.drop_folder_refused"
    assert report.subject == "Nightly import refused: night-2.csv"
    assert "Nothing was changed and the file is still in the drop folder" in report.body
    assert "424242" in report.body


def test_without_a_configured_folder_nothing_runs(settings: Any, org: Organisation) -> None:
    settings.SPARRING_IMPORT_DROP_FOLDER = ""
    assert drop_folder_import_task() == {}
