"""The HR import of leaders and units: files as the HR system writes them, all-or-nothing."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from rest_framework.test import APIClient

from backend.people import models as m
from backend.people.imports.columns import COLUMNS
from backend.people.imports.planning import boss_cycles
from backend.people.imports.results import ImportResult
from backend.people.imports.sample import HEADERS, rows_to_csv, rows_to_xlsx, sample_rows
from backend.people.imports.services import leaders_import
from backend.people.services import BossCycleError, leader_check_boss
from tests import factories as f
from tests.conftest import World

URL = "/api/imports/leaders/"


def row(number: str, **values: str) -> dict[str, str]:
    """A complete row for a day-care leader; keyword arguments override columns by key."""
    base = {
        "medarbejdernummer": number,
        "fornavn": "Hanne",
        "efternavn": "Sørensen",
        "email": f"{number}@testrup.dk",
        "telefon": "+45 20 30 40 50",
        "stillingsbetegnelse": "Dagtilbudsleder",
        "forvaltning": "Børn og Unge",
        "center/område": "Dagtilbud",
        "enhedskode": f"U-{number}",
        "enhed": f"Børnehuset Æblehaven {number}",
        "tilbudstype": "dagtilbud",
        "målgruppe": "børn 0-6 år",
        "specialtilbud": "nej",
        "døgndækkende": "nej",
        "matrikler": "1",
        "antal medarbejdere": "24",
        "chef": "",
        "startdato": "01-08-2024",
        "første lederjob": "ja",
        "vej til stillingen": "første lederjob",
        "tidligere stilling": "Pædagog",
        "år som leder": "0,5",
        "lederuddannelse": "i gang",
        "sprog": "dansk, engelsk",
        "aktiv": "ja",
    }
    keys = {c.key: c.header for c in COLUMNS}
    for key, value in values.items():
        base[keys.get(key, key)] = value
    return base


def run(
    org: m.Organisation,
    content: bytes,
    *,
    filename: str = "ledere.csv",
    dry_run: bool = False,
    actor: m.User | None = None,
    **kwargs: Any,
) -> ImportResult:
    return leaders_import(
        organisation=org, file=content, filename=filename, dry_run=dry_run, actor=actor, **kwargs
    )


def errors_of(result: ImportResult) -> list[tuple[int | None, str | None]]:
    return [(e.row, e.column) for e in result.errors]


@pytest.fixture
def org(db: None) -> m.Organisation:
    return f.OrganisationFactory(name="Importrup Kommune", slug="importrup")


# --- encodings, delimiters, dates ---------------------------------------------------------------


@pytest.mark.django_db
def test_utf8_with_bom_reads_the_first_header_and_keeps_æøå(org: m.Organisation) -> None:
    content = rows_to_csv([row("1001", fornavn="Åse", efternavn="Ærø-Østergaard")], bom=True)
    assert content.startswith(b"\xef\xbb\xbf")

    result = run(org, content)

    assert result.ok, result.errors
    assert result.encoding == "utf-8-sig"
    leader = m.Leader.objects.get(organisation=org, employee_number="1001")
    assert leader.full_name == "Åse Ærø-Østergaard"


@pytest.mark.django_db
def test_windows_1252_file_keeps_æøå_intact(org: m.Organisation) -> None:
    content = rows_to_csv(
        [
            row(
                "1002",
                fornavn="Søren",
                efternavn="Bæk",
                enhed="Plejecenter Åbrinken",
                forvaltning="Social og Sundhed",
                **{"department": "Ældre og Sundhed"},
            )
        ],
        encoding="cp1252",
    )
    assert "æ".encode("cp1252") in content  # really a single-byte file

    result = run(org, content)

    assert result.ok, result.errors
    assert result.encoding == "cp1252"
    leader = m.Leader.objects.select_related("unit__department__administration").get(
        employee_number="1002"
    )
    assert (leader.first_name, leader.last_name) == ("Søren", "Bæk")
    assert leader.unit.name == "Plejecenter Åbrinken"
    assert leader.unit.department.name == "Ældre og Sundhed"
    # The header "center/område" itself has an å: matched in cp1252 too.


@pytest.mark.django_db
def test_semicolons_and_danish_dates(org: m.Organisation) -> None:
    rows = [
        row("1003", startdato="01-08-2024"),
        row("1004", startdato="15.03.2023"),
        row("1005", startdato="2022-01-31"),
        row("1006", startdato="7/9/2021"),
    ]
    content = rows_to_csv(rows, delimiter=";")

    result = run(org, content)

    assert result.ok, result.errors
    assert result.delimiter == ";"
    dates = dict(m.Leader.objects.values_list("employee_number", "role_start_date"))
    assert dates == {
        "1003": dt.date(2024, 8, 1),
        "1004": dt.date(2023, 3, 15),
        "1005": dt.date(2022, 1, 31),
        "1006": dt.date(2021, 9, 7),
    }


@pytest.mark.django_db
def test_commas_are_sniffed_and_values_typed(org: m.Organisation) -> None:
    content = rows_to_csv(
        [
            row(
                "1007",
                **{
                    "years_as_leader": "12,5",
                    "staff_count": "1.200",
                    "round_the_clock": "ja",
                    "sites": "3",
                    "leadership_education": "diplom",
                    "service_type": "Plejecenter",
                    "languages": "dansk, engelsk, tysk",
                },
            )
        ],
        delimiter=",",
    )

    result = run(org, content)

    assert result.ok, result.errors
    assert result.delimiter == ","
    leader = m.Leader.objects.select_related("unit").get(employee_number="1007")
    assert leader.years_as_leader == Decimal("12.5")
    assert leader.leadership_education == m.LeadershipEducation.DIPLOMA
    assert leader.languages == ["da", "en", "de"]
    assert leader.first_leader_job is True
    assert (leader.unit.staff_count, leader.unit.sites, leader.unit.round_the_clock) == (
        1200,
        3,
        True,
    )
    assert leader.unit.service_type == m.ServiceType.CARE_HOME


@pytest.mark.django_db
def test_english_headers_are_accepted(org: m.Organisation) -> None:
    english = {c.header: c.aliases[-1] if c.aliases else c.key for c in COLUMNS}
    data = row("1008")
    content = rows_to_csv([{english[k]: v for k, v in data.items()}])

    result = run(org, content)

    assert result.ok, result.errors
    assert m.Leader.objects.filter(employee_number="1008").exists()


# --- errors: nothing written, each named by row and column ---------------------------------------


@pytest.mark.django_db
def test_missing_required_column_is_named_and_nothing_written(org: m.Organisation) -> None:
    rows = [row("2001"), row("2002")]
    for r in rows:
        del r["efternavn"]

    result = run(org, rows_to_csv(rows))

    assert errors_of(result) == [(1, "efternavn")]
    assert "efternavn" in result.errors[0].message
    assert not m.Leader.objects.filter(organisation=org).exists()


@pytest.mark.django_db
def test_unknown_column_is_named(org: m.Organisation) -> None:
    rows = [{**row("2003"), "cpr-nummer": "010101-1234"}]

    result = run(org, rows_to_csv(rows))

    assert errors_of(result) == [(1, "cpr-nummer")]
    assert not m.Leader.objects.filter(organisation=org).exists()


@pytest.mark.django_db
def test_bad_values_are_listed_per_row_and_column(org: m.Organisation) -> None:
    rows = [
        row("2004"),
        row("2005", role_start_date="31-02-2024"),
        row("2006", is_specialist="måske"),
        row("2007", service_type="rumstation"),
        row("2008", email="ikke-en-mail"),
        row("2009", first_name=""),
    ]

    with translation.override("en"):
        result = run(org, rows_to_csv(rows))

    assert errors_of(result) == [
        (3, "startdato"),
        (4, "specialtilbud"),
        (5, "tilbudstype"),
        (6, "email"),
        (7, "fornavn"),
    ]
    assert "31-02-2024" in result.errors[0].message
    assert "ja or nej" in result.errors[1].message
    assert "rumstation" in result.errors[2].message
    assert not m.Leader.objects.filter(organisation=org).exists()
    assert not m.Unit.objects.filter(organisation=org).exists()


@pytest.mark.django_db
def test_duplicate_employee_number_names_both_rows(org: m.Organisation) -> None:
    rows = [row("3001"), row("3002"), row("3001", first_name="Dobbelt")]

    result = run(org, rows_to_csv(rows))

    assert errors_of(result) == [(4, "medarbejdernummer")]
    assert "row 2" in result.errors[0].message or "række 2" in result.errors[0].message
    assert not m.Leader.objects.filter(organisation=org).exists()


@pytest.mark.django_db
def test_boss_cycle_within_the_file_is_refused_on_each_row(org: m.Organisation) -> None:
    rows = [
        row("4001", boss="4003"),
        row("4002", boss="4001"),
        row("4003", boss="4002"),
        row("4004", boss="4004"),
        row("4005", boss="4001"),
    ]

    result = run(org, rows_to_csv(rows))

    assert errors_of(result) == [(2, "chef"), (3, "chef"), (4, "chef"), (5, "chef")]
    assert "4002" in result.errors[0].message
    assert not m.Leader.objects.filter(organisation=org).exists()


@pytest.mark.django_db
def test_boss_cycle_through_the_database_is_refused_like_leader_check_boss(world: World) -> None:
    karen, mette = world.grand_boss.leader, world.new_leader.leader
    # The people service refuses the same change: Mette is below Karen (via Peter).
    with pytest.raises(BossCycleError):
        leader_check_boss(leader=karen, boss=mette)
    karen_row = row(
        karen.employee_number, first_name="Karen", last_name="Lund", boss=mette.employee_number
    )

    result = run(world.org, rows_to_csv([karen_row]))

    assert errors_of(result) == [(2, "chef")]
    message = result.errors[0].message
    assert mette.employee_number in message and world.boss.leader.employee_number in message
    karen.refresh_from_db()
    assert karen.boss_id is None
    assert not m.Unit.objects.filter(code=karen_row["enhedskode"]).exists()


@pytest.mark.django_db
def test_boss_found_in_the_database_or_the_file_else_named(world: World) -> None:
    boss_number = world.boss.leader.employee_number
    rows = [row("5001", boss=boss_number), row("5002", boss="5001"), row("5003", boss="9999")]

    result = run(world.org, rows_to_csv(rows))

    assert errors_of(result) == [(4, "chef")]
    assert "9999" in result.errors[0].message

    result = run(world.org, rows_to_csv(rows[:2]))

    assert result.ok, result.errors
    bosses = dict(
        m.Leader.objects.filter(employee_number__in=["5001", "5002"]).values_list(
            "employee_number", "boss__employee_number"
        )
    )
    assert bosses == {"5001": boss_number, "5002": "5001"}


@pytest.mark.django_db
def test_one_bad_row_at_line_5000_of_10000_imports_nothing(org: m.Organisation) -> None:
    rows = sample_rows(10_000, seed=5)
    rows[4998]["startdato"] = "32-13-2024"  # data row 4 999 = row 5 000 in the file
    content = rows_to_csv(rows)

    result = run(org, content)

    assert errors_of(result) == [(5000, "startdato")]
    assert result.leaders_created == 0 and result.actions == []
    assert m.Leader.objects.filter(organisation=org).count() == 0
    assert m.Unit.objects.filter(organisation=org).count() == 0
    assert m.Administration.objects.filter(organisation=org).count() == 0

    rows[4998]["startdato"] = "01-02-2024"
    result = run(org, rows_to_csv(rows))

    assert result.ok, result.errors[:3]
    assert m.Leader.objects.filter(organisation=org).count() == 10_000
    assert m.Leader.objects.filter(organisation=org, boss__isnull=True).count() == 5


@pytest.mark.django_db
def test_formulas_are_rejected_phone_numbers_are_not(org: m.Organisation) -> None:
    rows = [
        row("6001", first_name="=cmd|' /C calc'!A0"),
        row("6002", role_title="@SUM(A1:A9)"),
        row("6003", last_name='+HYPERLINK("http://x")'),
        row("6004", phone="+45 12 34 56 78"),
        row("6005", first_name="-2+3"),
    ]

    result = run(org, rows_to_csv(rows))

    assert errors_of(result) == [
        (2, "fornavn"),
        (3, "stillingsbetegnelse"),
        (4, "efternavn"),
        (6, "fornavn"),
    ]
    assert not m.Leader.objects.filter(organisation=org).exists()
    assert run(org, rows_to_csv([rows[3]])).ok
    assert m.Leader.objects.get(employee_number="6004").phone == "+45 12 34 56 78"


@pytest.mark.django_db
def test_rows_of_one_unit_must_agree(org: m.Organisation) -> None:
    rows = [
        row("6101", unit_code="U-1", unit_name="Fælles", staff_count="20"),
        row("6102", unit_code="U-1", unit_name="Fælles", staff_count="25"),
    ]

    result = run(org, rows_to_csv(rows))

    assert errors_of(result) == [(3, "antal medarbejdere")]
    rows[1]["antal medarbejdere"] = "20"
    shared = run(org, rows_to_csv(rows))
    assert (shared.units_created, shared.leaders_created) == (1, 2)


# --- re-import, dry run, deactivation -----------------------------------------------------------


@pytest.mark.django_db
def test_reimport_updates_by_employee_number_instead_of_duplicating(org: m.Organisation) -> None:
    rows = [row("7001"), row("7002", boss="7001"), row("7003", boss="7001")]
    first = run(org, rows_to_csv(rows))
    assert (first.leaders_created, first.units_created) == (3, 3)
    ids = dict(m.Leader.objects.values_list("employee_number", "id"))

    rows[1]["efternavn"] = "Nygift-Holm"
    rows[2]["chef"] = "7002"
    rows[2]["antal medarbejdere"] = "31"
    rows[2]["center/område"] = "Dagtilbud Syd"
    second = run(org, rows_to_csv(rows))

    assert second.ok, second.errors
    assert (second.leaders_created, second.leaders_updated, second.leaders_unchanged) == (0, 2, 1)
    assert (second.units_created, second.units_updated, second.units_unchanged) == (0, 1, 2)
    assert second.departments_created == 1
    actions = {a.employee_number: a for a in second.actions}
    assert actions["7001"].action == "unchanged"
    assert actions["7002"].changed == ("efternavn",)
    assert set(actions["7003"].changed) == {"chef"}
    assert dict(m.Leader.objects.values_list("employee_number", "id")) == ids
    assert m.Leader.objects.get(employee_number="7002").last_name == "Nygift-Holm"
    third = m.Leader.objects.select_related("boss", "unit__department").get(employee_number="7003")
    assert third.boss.employee_number == "7002"
    assert (third.unit.staff_count, third.unit.department.name) == (31, "Dagtilbud Syd")
    assert m.Unit.objects.filter(organisation=org).count() == 3


@pytest.mark.django_db
def test_reimport_without_the_boss_column_keeps_bosses(org: m.Organisation) -> None:
    run(org, rows_to_csv([row("7101"), row("7102", boss="7101")]))
    rows = [row("7101"), row("7102", first_name="Birte")]
    for r in rows:
        del r["chef"]

    result = run(org, rows_to_csv(rows))

    assert result.ok, result.errors
    leader = m.Leader.objects.get(employee_number="7102")
    assert (leader.first_name, leader.boss.employee_number) == ("Birte", "7101")


@pytest.mark.django_db(transaction=True)
def test_other_apps_hear_of_new_roles_and_line_changes_once_committed(
    org: m.Organisation, monkeypatch: pytest.MonkeyPatch
) -> None:
    from django.db import transaction

    from backend.people import hooks

    calls: list[dict[str, Any]] = []
    committed: list[str] = []

    def receiver(**kwargs: Any) -> None:
        calls.append(kwargs)
        transaction.on_commit(lambda: committed.append("yes"))

    monkeypatch.setattr(hooks, "_leaders_changed_receivers", [receiver])
    run(org, rows_to_csv([row("H1"), row("H2", boss="H1", role_start_date="")]))
    assert len(calls) == 1 and committed == ["yes"]
    ids = dict(m.Leader.objects.values_list("employee_number", "id"))
    assert calls[0]["started_role"] == [ids["H1"]] and calls[0]["line_changed"] == []

    run(
        org,
        rows_to_csv(
            [row("H1", role_start_date="01-01-2025"), row("H2", boss="", role_start_date="")]
        ),
    )
    assert calls[1]["started_role"] == [ids["H1"]] and calls[1]["line_changed"] == [ids["H2"]]

    run(org, rows_to_csv([row("H1"), row("H2", boss="H3")]))  # an error: nothing, nobody told
    assert len(calls) == 2 and committed == ["yes", "yes"]


@pytest.mark.django_db
def test_dry_run_previews_and_writes_nothing(world: World) -> None:
    mette = world.new_leader.leader
    before = (m.Leader.objects.count(), m.Unit.objects.count(), m.Department.objects.count())
    rows = [
        row("8001"),
        row(
            mette.employee_number,
            first_name="Mette",
            last_name="Kjær-Due",
            boss=world.boss.leader.employee_number,
        ),
    ]

    result = run(world.org, rows_to_csv(rows), dry_run=True)

    assert result.ok and result.dry_run and not result.written
    assert (result.leaders_created, result.leaders_updated) == (1, 1)
    assert [(a.row, a.action) for a in result.actions] == [(2, "create"), (3, "update")]
    assert (
        m.Leader.objects.count(),
        m.Unit.objects.count(),
        m.Department.objects.count(),
    ) == before
    mette.refresh_from_db()
    assert mette.last_name == "Kjær"


@pytest.mark.django_db
def test_deactivate_missing_sets_inactive_and_never_deletes(org: m.Organisation) -> None:
    run(org, rows_to_csv([row("9001"), row("9002"), row("9003")]))

    kept = run(org, rows_to_csv([row("9001")]))
    assert kept.leaders_deactivated == 0
    assert m.Leader.objects.filter(organisation=org, active=True).count() == 3

    result = run(org, rows_to_csv([row("9001")]), deactivate_missing=True)

    assert result.leaders_deactivated == 2
    assert dict(
        m.Leader.objects.filter(organisation=org).values_list("employee_number", "active")
    ) == {"9001": True, "9002": False, "9003": False}


# --- XLSX and hostile files ---------------------------------------------------------------------


@pytest.mark.django_db
def test_xlsx_with_typed_cells(org: m.Organisation) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(HEADERS))
    values = row("0")
    values.update(
        {
            "medarbejdernummer": 10042,
            "startdato": dt.datetime(2024, 8, 1),
            "antal medarbejdere": 17,
            "år som leder": 2.5,
            "specialtilbud": True,
            "fornavn": "Ærlige Åse",
        }
    )
    sheet.append([values[h] for h in HEADERS])
    buffer = io.BytesIO()
    workbook.save(buffer)

    result = run(org, buffer.getvalue(), filename="ledere.xlsx")

    assert result.ok, result.errors
    assert result.format == "xlsx"
    leader = m.Leader.objects.select_related("unit").get(employee_number="10042")
    assert leader.first_name == "Ærlige Åse"
    assert leader.role_start_date == dt.date(2024, 8, 1)
    assert leader.years_as_leader == Decimal("2.5")
    assert (leader.unit.staff_count, leader.unit.is_specialist) == (17, True)


@pytest.mark.django_db
def test_xlsx_sample_imports_like_the_csv(org: m.Organisation) -> None:
    rows = sample_rows(300, seed=3)

    result = run(org, rows_to_xlsx(rows), filename="ledere.xlsx")

    assert result.ok, result.errors[:3]
    assert result.leaders_created == 300
    again = run(org, rows_to_csv(rows))
    assert (again.leaders_unchanged, again.units_unchanged) == (300, 300)


@pytest.mark.django_db
def test_zip_bomb_is_refused_before_inflating(org: m.Organisation) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (30 * 1024 * 1024))

    result = run(org, buffer.getvalue(), filename="bombe.xlsx")

    assert errors_of(result) == [(None, None)]
    assert not m.Leader.objects.filter(organisation=org).exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "filename"),
    [
        (b"PK\x03\x04 not really a zip", "ledere.xlsx"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 old excel", "ledere.xls"),
        (b"", "tom.csv"),
        (b"medarbejdernummer;fornavn\n", "kun-overskrift.csv"),
    ],
)
def test_unreadable_files_give_a_message_not_a_crash(
    org: m.Organisation, content: bytes, filename: str
) -> None:
    result = run(org, content, filename=filename)

    assert not result.ok
    assert all(e.message for e in result.errors)


@pytest.mark.django_db
def test_queries_do_not_grow_with_rows(org: m.Organisation) -> None:
    def count(n: int, seed: int) -> int:
        other = f.OrganisationFactory(slug=f"q-{n}-{seed}")
        run(other, rows_to_csv(sample_rows(n, seed=seed)))  # existing rows to update
        with CaptureQueriesContext(connection) as queries:
            result = run(other, rows_to_csv(sample_rows(n, seed=seed + 1)))
        assert result.ok and result.leaders_updated == n
        return len(queries)

    assert count(20, 1) == count(400, 1)


@pytest.mark.django_db
def test_queries_for_new_rows_are_bounded(org: m.Organisation) -> None:
    def count(n: int) -> int:
        other = f.OrganisationFactory(slug=f"n-{n}")
        with CaptureQueriesContext(connection) as queries:
            result = run(other, rows_to_csv(sample_rows(n, seed=n)))
        assert result.ok and result.leaders_created == n
        return len(queries)

    few, many = count(20), count(400)
    # Inserts go in full batches plus one shorter statement: at most one more per table.
    assert few <= many <= few + 2


def test_boss_cycles_finds_every_cycle_once() -> None:
    graph = {"a": "b", "b": "a", "c": "c", "d": "a", "e": None, "f": "g", "g": "h", "h": "f"}

    assert sorted(sorted(c) for c in boss_cycles(graph)) == [["a", "b"], ["c"], ["f", "g", "h"]]


# --- the API, per role ----------------------------------------------------------------------------


def upload(client: APIClient, content: bytes, *, name: str = "ledere.csv", **data: Any) -> Any:
    return client.post(URL, {"file": SimpleUploadedFile(name, content), **data}, format="multipart")


@pytest.mark.django_db
def test_api_hr_imports_into_its_organisation(
    world: World, client_for: Callable[[m.User | None], APIClient]
) -> None:
    content = rows_to_csv([row("A1"), row("A2", boss="A1")])

    preview = upload(client_for(world.hr), content, dry_run="true")
    assert preview.status_code == 200, preview.json()
    assert preview.json()["leaders_created"] == 2
    assert not m.Leader.objects.filter(employee_number="A1").exists()

    response = upload(client_for(world.hr), content)

    assert response.status_code == 200, response.json()
    body = response.json()
    assert (body["ok"], body["dry_run"], body["leaders_created"]) == (True, False, 2)
    assert m.Leader.objects.get(employee_number="A2").organisation == world.org


@pytest.mark.django_db
def test_api_errors_are_400_with_row_and_column(
    world: World, client_for: Callable[[m.User | None], APIClient]
) -> None:
    content = rows_to_csv([row("B1"), row("B2", role_start_date="i går")])

    response = upload(client_for(world.hr), content)

    assert response.status_code == 400
    assert [(e["row"], e["column"]) for e in response.json()["errors"]] == [(3, "startdato")]
    assert not m.Leader.objects.filter(employee_number="B1").exists()


@pytest.mark.django_db
def test_api_without_a_file_is_400(
    world: World, client_for: Callable[[m.User | None], APIClient]
) -> None:
    response = client_for(world.hr).post(URL, {"dry_run": "true"}, format="multipart")

    assert response.status_code == 400
    assert response.json()["errors"][0]["column"] == "file"


@pytest.mark.django_db
def test_api_scoped_hr_only_within_its_administrations(
    world: World, client_for: Callable[[m.User | None], APIClient]
) -> None:
    social = row("C1", administration="Social og Sundhed", department="Ældre og Sundhed")
    children = row("C2")  # Børn og Unge
    mette = world.new_leader.leader
    moved = row(
        mette.employee_number,
        first_name="Mette",
        last_name="Kjær",
        administration="Social og Sundhed",
        department="Ældre og Sundhed",
    )

    refused = upload(client_for(world.hr_scoped), rows_to_csv([social, children, moved]))

    assert refused.status_code == 400
    assert [(e["row"], e["column"]) for e in refused.json()["errors"]] == [
        (3, "forvaltning"),
        (4, "medarbejdernummer"),
    ]
    assert not m.Leader.objects.filter(employee_number__in=["C1", "C2"]).exists()

    accepted = upload(client_for(world.hr_scoped), rows_to_csv([social]))

    assert accepted.status_code == 200, accepted.json()
    assert m.Leader.objects.get(employee_number="C1").unit.department.administration == world.social


@pytest.mark.django_db
def test_api_scoped_hr_deactivates_only_within_scope(
    world: World, client_for: Callable[[m.User | None], APIClient]
) -> None:
    social = row("C3", administration="Social og Sundhed", department="Ældre og Sundhed")

    response = upload(client_for(world.hr_scoped), rows_to_csv([social]), deactivate_missing="true")

    assert response.status_code == 200, response.json()
    assert response.json()["leaders_deactivated"] == 1  # Jens, the only other social leader
    assert not m.Leader.objects.get(pk=world.mentor.leader.pk).active
    assert m.Leader.objects.get(pk=world.new_leader.leader.pk).active


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["new_leader", "boss", "mentor", "outsider"])
def test_api_leaders_are_refused(
    world: World, persona: str, client_for: Callable[[m.User | None], APIClient]
) -> None:
    response = upload(client_for(getattr(world, persona)), rows_to_csv([row("D1")]))

    assert response.status_code == 403
    assert not m.Leader.objects.filter(employee_number="D1").exists()


@pytest.mark.django_db
def test_api_anonymous_is_refused(
    world: World, client_for: Callable[[m.User | None], APIClient]
) -> None:
    response = upload(client_for(None), rows_to_csv([row("D2")]))

    assert response.status_code in (401, 403)
    assert not m.Leader.objects.filter(employee_number="D2").exists()


@pytest.mark.django_db
def test_api_other_organisation_cannot_touch_this_one(
    world: World, client_for: Callable[[m.User | None], APIClient]
) -> None:
    mette = world.new_leader.leader
    # Another municipality's HR uploads a row with Mette's employee number and our boss's.
    rows = [
        row(mette.employee_number, first_name="Fremmed"),
        row("E1", boss=world.boss.leader.employee_number),
    ]

    response = upload(client_for(world.other_organisation), rows_to_csv(rows))

    assert response.status_code == 400
    assert [(e["row"], e["column"]) for e in response.json()["errors"]] == [(3, "chef")]
    response = upload(client_for(world.other_organisation), rows_to_csv(rows[:1]))
    assert response.status_code == 200
    assert response.json()["leaders_created"] == 1
    mette.refresh_from_db()
    assert mette.first_name == "Mette"
    assert m.Leader.objects.filter(employee_number=mette.employee_number).count() == 2


# --- the management command -----------------------------------------------------------------------


@pytest.mark.django_db
def test_command_imports_and_fails_with_row_errors(
    org: m.Organisation, tmp_path: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "ledere.csv"
    good.write_bytes(rows_to_csv([row("F1"), row("F2", boss="F1")]))
    bad = tmp_path / "fejl.csv"
    bad.write_bytes(rows_to_csv([row("F3", boss="F3")]))

    call_command("import_leaders", str(good), "--organisation", org.slug, "--dry-run")
    assert not m.Leader.objects.filter(organisation=org).exists()
    call_command("import_leaders", str(good), "--organisation", org.slug)
    assert m.Leader.objects.filter(organisation=org).count() == 2

    with pytest.raises(CommandError):
        call_command("import_leaders", str(bad), "--organisation", org.slug, "--language", "en")
    assert "row 2, column chef" in capsys.readouterr().err
    assert not m.Leader.objects.filter(employee_number="F3").exists()


# --- documentation, logs, forged workbooks -------------------------------------------------------


def test_docs_list_every_column_and_alias() -> None:
    from pathlib import Path

    docs = (Path(__file__).resolve().parents[3] / "docs" / "import.md").read_text()

    for column in COLUMNS:
        for name in (column.header, *column.aliases):
            assert f"`{name}`" in docs, name


@pytest.mark.django_db
def test_log_line_has_counts_never_row_contents(
    org: m.Organisation, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("INFO", logger="backend.people.imports")

    run(org, rows_to_csv([row("L1", first_name="Hemmelig-Navn", boss="L404")]))

    assert "rows=1" in caplog.text and "errors_total=1" in caplog.text
    assert "Hemmelig-Navn" not in caplog.text and "L404" not in caplog.text


@pytest.mark.django_db
def test_xlsx_claiming_a_huge_sheet_is_read_at_the_header_width(org: m.Organisation) -> None:
    import re

    original = rows_to_xlsx([row("X1"), row("X2", boss="X1")])
    forged = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(original)) as source,
        zipfile.ZipFile(forged, "w", compression=zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                data, count = re.subn(
                    rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', data
                )
                assert count == 1
            target.writestr(item, data)

    result = run(org, forged.getvalue(), filename="ledere.xlsx")

    assert result.ok, result.errors
    assert result.leaders_created == 2


def test_fast_xlsx_reader_gives_what_openpyxl_gives() -> None:
    from openpyxl import Workbook, load_workbook

    from backend.people.imports import reading

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["medarbejdernummer", "tal", "dato", "sandt", "tekst", "formel", None, "sidst"])
    sheet.append([10042, 2.5, dt.datetime(2024, 8, 1), True, "Ærø", "=1+1", None, "x"])
    sheet.append([])
    sheet.append([7, 1e-7, dt.date(1999, 12, 31), False, "  mellemrum ", None, "udenfor", None])
    sheet["B5"] = 3
    buffer = io.BytesIO()
    workbook.save(buffer)
    content = buffer.getvalue()

    fast = reading.table_read(content=content, filename="a.xlsx")
    opened = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    slow = reading._table_from_cells(reading._sheet_cells_openpyxl(opened.worksheets[0]))

    assert fast == slow
    assert fast.header == (
        "medarbejdernummer",
        "tal",
        "dato",
        "sandt",
        "tekst",
        "formel",
        "",
        "sidst",
    )
    assert fast.rows[0] == ("10042", "2.5", "2024-08-01", "ja", "Ærø", "", "", "x")
    assert fast.row_numbers == (2, 4, 5)


@pytest.mark.django_db
def test_xlsx_with_entity_declarations_is_refused(org: m.Organisation) -> None:
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
    )
    original = rows_to_xlsx([row("Y1")])
    forged = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(original)) as source,
        zipfile.ZipFile(forged, "w", compression=zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                data = laughs + data.split(b"?>", 1)[-1].replace(b"X1", b"&lol2;")
            target.writestr(item, data)

    result = run(org, forged.getvalue(), filename="ledere.xlsx")

    assert errors_of(result) == [(None, None)]
    assert not m.Leader.objects.filter(organisation=org).exists()


# --- the messages of a refused file (issue 15) ----------------------------------------------


@pytest.mark.django_db
def test_a_21_mb_upload_is_refused_with_its_true_size(
    world: World, client_for: Callable[[m.User | None], APIClient]
) -> None:
    """The service reads at most 20 MB + 1 byte; the message still gives the file's own size."""
    content = b"medarbejdernummer;fornavn\n" + b"x" * (21 * 1024 * 1024 - 26)
    client = client_for(world.hr)
    world.hr.language = "en"
    world.hr.save(update_fields=["language"])

    response = upload(client, content)

    assert response.status_code == 400
    messages = [e["message"] for e in response.json()["errors"]]
    assert messages == ["The file is too large (21.0 MB); the limit is 20 MB."]


@pytest.mark.django_db
def test_a_file_neither_utf8_nor_windows_1252_is_refused_for_its_encoding(
    org: m.Organisation,
) -> None:
    """0x81 is not a character in Windows-1252; reading such a file as Latin-1 used to end in
    an "unknown column center/omrÃ¥de" instead."""
    content = rows_to_csv([row("E1")], encoding="cp1252").replace(b"Hanne", b"Ha\x81ne")

    with translation.override("en"):
        result = run(org, content)

    assert not result.ok
    assert [(e.row, e.column) for e in result.errors] == [(None, None)]
    message = result.errors[0].message
    assert "neither UTF-8 nor Windows-1252" in message
    assert "0x81" in message
    assert "column" not in message


@pytest.mark.django_db
def test_a_file_with_only_the_heading_is_refused_as_having_no_rows(
    world: World, client_for: Callable[[m.User | None], APIClient]
) -> None:
    header = rows_to_csv([row("H1")]).split(b"\n", 1)[0] + b"\n\n;;\n"
    world.hr.language = "en"
    world.hr.save(update_fields=["language"])

    response = upload(client_for(world.hr), header)

    assert response.status_code == 400
    body = response.json()
    assert body["ok"] is False
    assert [e["message"] for e in body["errors"]] == [
        "The file has no rows below the heading; nothing to import."
    ]


@pytest.mark.django_db
def test_a_value_too_long_names_the_limit(org: m.Organisation) -> None:
    content = rows_to_csv([row("L1", fornavn="x" * 4_001)])

    with translation.override("en"):
        result = run(org, content)

    assert not result.ok
    assert "at most 4000" in " ".join(e.message for e in result.errors)
