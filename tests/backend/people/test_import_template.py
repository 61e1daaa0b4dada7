"""The import template and column guide: HR downloads a file the import itself accepts."""

from __future__ import annotations

import io
from collections.abc import Callable

from openpyxl import load_workbook
from rest_framework.test import APIClient

from backend.people.imports.columns import COLUMNS
from backend.people.models import User
from tests.conftest import World

ClientFor = Callable[[User | None], APIClient]
HEADINGS = [c.header for c in COLUMNS]


def test_csv_template_is_excels_danish_csv_with_every_heading(
    world: World, client_for: ClientFor
) -> None:
    response = client_for(world.hr).get("/api/imports/leaders/template.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="sparring-ledere-skabelon.csv"' in response["Content-Disposition"]
    body = response.content
    assert body.startswith(b"\xef\xbb\xbf")
    assert body[3:].decode("utf-8").strip().split(";") == HEADINGS


def test_xlsx_template_has_headings_and_a_guide_sheet(world: World, client_for: ClientFor) -> None:
    response = client_for(world.hr).get("/api/imports/leaders/template.xlsx")
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Ledere", "Vejledning"]
    assert [c.value for c in workbook["Ledere"][1]] == HEADINGS
    assert workbook["Ledere"].max_row == 1
    guide = list(workbook["Vejledning"].iter_rows(values_only=True))
    assert [r[0] for r in guide[1:]] == HEADINGS
    assert dict((r[0], r[1]) for r in guide[1:])["medarbejdernummer"] == "ja"


def test_templates_filled_in_import_cleanly(world: World, client_for: ClientFor) -> None:
    """The template plus one row, uploaded as it is, is a valid import (dry run)."""
    client = client_for(world.hr)
    columns = client.get("/api/imports/leaders/columns/").json()
    row = [c["example"] for c in columns]
    row[[c["key"] for c in columns].index("boss")] = ""
    template = client.get("/api/imports/leaders/template.csv").content
    body = template + (";".join(row) + "\r\n").encode("utf-8")
    upload = io.BytesIO(body)
    upload.name = "ledere.csv"
    result = client.post(
        "/api/imports/leaders/", {"file": upload, "dry_run": "true"}, format="multipart"
    )
    assert result.status_code == 200, result.json()["errors"]
    assert result.json()["leaders_created"] == 1
    workbook = load_workbook(io.BytesIO(client.get("/api/imports/leaders/template.xlsx").content))
    workbook["Ledere"].append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    buffer.name = "ledere.xlsx"
    result = client.post(
        "/api/imports/leaders/", {"file": buffer, "dry_run": "true"}, format="multipart"
    )
    assert result.status_code == 200, result.json()["errors"]
    assert result.json()["leaders_created"] == 1


def test_columns_guide_lists_every_column_in_order(world: World, client_for: ClientFor) -> None:
    columns = client_for(world.hr).get("/api/imports/leaders/columns/").json()
    assert [c["header"] for c in columns] == HEADINGS
    first = columns[0]
    assert first["key"] == "employee_number" and first["required"] and first["value_required"]
    assert "employee number" in first["aliases"]


def test_template_and_guide_are_hrs(world: World, client_for: ClientFor) -> None:
    for url in (
        "/api/imports/leaders/template.csv",
        "/api/imports/leaders/template.xlsx",
        "/api/imports/leaders/columns/",
    ):
        for persona in (world.new_leader, world.boss, None):
            assert client_for(persona).get(url).status_code == 403, (url, persona)
