"""Benchmark of the HR import (not a test): 10 000 leaders from CSV and XLSX, target < 10 s.

Usage::

    python bench/import_leaders.py                 # fresh SQLite file in a temporary directory
    DATABASE_URL=postgres://... python bench/import_leaders.py   # a fresh PostgreSQL test db
    python bench/import_leaders.py --rows 2000 --baseline-rows 200   # a quicker run

Generates the files with ``backend.people.imports.sample`` (five administrations, 55
departments, one unit per leader, bosses often after their reports), then times in one run:

* ``csv dry run``: parse, validate and plan 10 000 new leaders, writing nothing;
* ``csv import``: the same, written (all-or-nothing, one transaction);
* ``csv re-import, unchanged`` and ``csv re-import, all changed`` (every row updated);
* ``xlsx import``: the XLSX file into another organisation;
* ``baseline``: the naive way, one ``leader_create``/``unit_upsert``/... per row through the
  people services (then one ``leader_update`` per boss link), on ``--baseline-rows`` rows
  and extrapolated linearly to the full size.

With ``DATABASE_URL`` set, Django's test-database machinery creates ``test_<name>`` and drops
it afterwards; your database is not touched.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
if not os.environ.get("DATABASE_URL"):
    os.environ["SPARRING_VAR_DIR"] = tempfile.mkdtemp(prefix="sparring-bench-")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backend.settings")
os.environ.setdefault("LOG_LEVEL", "WARNING")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from backend.people import hooks  # noqa: E402
from backend.people import services as people  # noqa: E402
from backend.people.imports.parsing import table_parse  # noqa: E402
from backend.people.imports.reading import table_read  # noqa: E402
from backend.people.imports.sample import rows_to_csv, rows_to_xlsx, sample_rows  # noqa: E402
from backend.people.imports.services import ImportResult, leaders_import  # noqa: E402
from backend.people.models import Leader, Organisation  # noqa: E402


def timed(
    label: str, organisation: Organisation, content: bytes, filename: str, *, dry_run: bool = False
) -> ImportResult:
    started, cpu = time.perf_counter(), time.process_time()
    result = leaders_import(
        organisation=organisation, file=content, filename=filename, dry_run=dry_run, actor=None
    )
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    assert result.ok, result.errors[:5]
    print(
        f"  {label:<28} {seconds:7.2f} s  (cpu {cpu:6.2f} s)   created "
        f"{result.leaders_created:>6}  updated {result.leaders_updated:>6}  "
        f"unchanged {result.leaders_unchanged:>6}"
    )
    return result


def naive_import(organisation: Organisation, content: bytes) -> tuple[float, float]:
    """Import through the per-row people services; return the wall and CPU seconds taken."""
    started, cpu = time.perf_counter(), time.process_time()
    parsed = table_parse(table_read(content=content, filename="naive.csv"))
    with transaction.atomic():
        by_number: dict[str, Leader] = {}
        for row in parsed.rows:
            v = row.values
            administration = people.administration_get_or_create(
                organisation=organisation, name=v["administration"]
            )
            department = people.department_get_or_create(
                administration=administration, name=v["department"]
            )
            unit = people.unit_upsert(
                organisation=organisation,
                code=v["unit_code"],
                department=department,
                name=v["unit_name"],
                service_type=v["service_type"],
                is_specialist=v["is_specialist"],
                round_the_clock=v["round_the_clock"],
                sites=v["sites"],
                staff_count=v["staff_count"],
            )
            by_number[row.employee_number] = people.leader_create(
                organisation=organisation,
                employee_number=row.employee_number,
                first_name=v["first_name"],
                last_name=v["last_name"],
                role_title=v["role_title"],
                unit=unit,
                email=v["email"],
                phone=v["phone"],
                role_start_date=v["role_start_date"],
                first_leader_job=v["first_leader_job"],
                years_as_leader=v["years_as_leader"],
                leadership_education=v["leadership_education"],
                languages=v["languages"],
                active=v["active"],
            )
        for row in parsed.rows:
            boss = row.values.get("boss")
            if boss and boss in by_number:
                people.leader_update(leader=by_number[row.employee_number], boss=by_number[boss])
    return time.perf_counter() - started, time.process_time() - cpu


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _load() -> str:
    return ", ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--baseline-rows", type=int, default=1_000)
    args = parser.parse_args()

    # Time the import alone: other apps' reactions to new leaders (onboarding plans, mentoring
    # enrolment, queued after commit) are theirs to benchmark, for both ways of importing.
    hooks._leaders_changed_receivers.clear()
    postgres = connection.vendor == "postgresql"
    if postgres:
        connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    else:
        call_command("migrate", verbosity=0)
    try:
        run(args.rows, args.baseline_rows)
    finally:
        if postgres:
            connection.creation.destroy_test_db(connection.settings_dict["NAME"], verbosity=0)


def run(n: int, baseline_n: int) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "select version()" if connection.vendor == "postgresql" else "select sqlite_version()"
        )
        version = cursor.fetchone()[0]
    print(
        f"machine: {platform.platform()}, {_cpu_model()}, {os.cpu_count()} CPUs, "
        f"load average {_load()} (wall times grow with load; cpu = this process)"
    )
    print(
        f"python {platform.python_version()}, django {django.get_version()}, "
        f"database {connection.vendor} {str(version).split(' on ')[0]}"
    )

    started = time.perf_counter()
    rows = sample_rows(n, seed=42)
    changed = sample_rows(n, seed=43)  # same people and units, other names/values
    csv_bytes, changed_bytes, xlsx_bytes = (
        rows_to_csv(rows),
        rows_to_csv(changed),
        rows_to_xlsx(rows),
    )
    print(
        f"files: {n} rows, CSV {len(csv_bytes) / 1e6:.1f} MB, XLSX {len(xlsx_bytes) / 1e6:.1f}"
        f" MB (generated in {time.perf_counter() - started:.1f} s)"
    )

    organisation = Organisation.objects.create(name="Benchrup Kommune", slug="benchrup")
    timed("csv dry run (all new)", organisation, csv_bytes, "ledere.csv", dry_run=True)
    timed("csv import", organisation, csv_bytes, "ledere.csv")
    timed("csv re-import, unchanged", organisation, csv_bytes, "ledere.csv")
    timed("csv re-import, all changed", organisation, changed_bytes, "ledere.csv")
    other = Organisation.objects.create(name="Xlsxrup Kommune", slug="xlsxrup")
    timed("xlsx import", other, xlsx_bytes, "ledere.xlsx")
    print(f"  load average now {_load()}")

    baseline = Organisation.objects.create(name="Naivrup Kommune", slug="naivrup")
    seconds, cpu = naive_import(baseline, rows_to_csv(sample_rows(baseline_n, seed=42)))
    print(
        f"  {'baseline, per-row services':<28} {seconds:7.2f} s  (cpu {cpu:6.2f} s)   for "
        f"{baseline_n} rows -> about {seconds * n / baseline_n:.0f} s (cpu "
        f"{cpu * n / baseline_n:.0f} s) for {n} (extrapolated)"
    )


if __name__ == "__main__":
    main()
