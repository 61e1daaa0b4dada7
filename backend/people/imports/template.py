"""The import template HR downloads: the columns' headings, as CSV or as an XLSX workbook.

The CSV is what Danish Excel opens directly (UTF-8 with a byte-order mark, ``;``), headings
only, so nothing in it is ever imported by mistake. The workbook's first sheet (the one the
import reads) holds the headings, with the key columns formatted as text so Excel keeps leading
zeros; a second sheet, *Vejledning*, lists each column: required or not, an example and the
other headings accepted. Both are built from ``COLUMNS``, so they can never disagree with the
parser.
"""

from __future__ import annotations

import io
from typing import Final

from backend.people.imports.columns import COLUMNS
from backend.people.imports.sample import rows_to_csv

# One example value per column, as the HR system writes it (shown in the guide sheet only).
EXAMPLES: Final[dict[str, str]] = {
    "employee_number": "001234",
    "first_name": "Mette",
    "last_name": "Jensen",
    "email": "mette.jensen@kommune.dk",
    "phone": "+45 12 34 56 78",
    "role_title": "Skoleleder",
    "administration": "Børn og Unge",
    "department": "Skoler",
    "unit_code": "BU-0101",
    "unit_name": "Østerbro Skole",
    "service_type": "skole",
    "target_group": "0.-9. klasse",
    "is_specialist": "nej",
    "round_the_clock": "nej",
    "sites": "1",
    "staff_count": "45",
    "boss": "000042",
    "role_start_date": "01-08-2024",
    "first_leader_job": "ja",
    "entry_route": "første lederjob",
    "previous_role_title": "Pædagogisk afdelingsleder",
    "years_as_leader": "0,5",
    "leadership_education": "i gang",
    "languages": "dansk, engelsk",
    "active": "ja",
}
TEXT_KEYS: Final = frozenset({"employee_number", "unit_code", "boss", "phone"})
FORMATS: Final = ("csv", "xlsx")
CONTENT_TYPES: Final[dict[str, str]] = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def template_filename(kind: str) -> str:
    """Return the file name the template is downloaded as."""
    return f"sparring-ledere-skabelon.{kind}"


def template_csv() -> bytes:
    """Return the CSV template: the Danish headings, UTF-8 with a BOM, ``;``-separated."""
    return rows_to_csv([], delimiter=";", bom=True)


def template_xlsx() -> bytes:
    """Return the XLSX template: a *Ledere* sheet with the headings, and a *Vejledning* sheet."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Ledere"
    sheet.append([c.header for c in COLUMNS])
    bold = Font(bold=True)
    for index, column in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=1, column=index)
        cell.font = bold
        letter = cell.column_letter
        sheet.column_dimensions[letter].width = max(14, len(column.header) + 4)
        if column.key in TEXT_KEYS:
            # Text format for the whole column, so Excel keeps "001234" as typed.
            sheet.column_dimensions[letter].number_format = "@"
    sheet.freeze_panes = "A2"
    guide = workbook.create_sheet("Vejledning")
    guide.append(["kolonne", "påkrævet", "eksempel", "andre overskrifter, der accepteres"])
    for cell in guide[1]:
        cell.font = bold
    for column in COLUMNS:
        guide.append(
            [
                column.header,
                "ja" if column.required else "nej",
                EXAMPLES.get(column.key, ""),
                ", ".join(column.aliases),
            ]
        )
    for letter, width in zip("ABCD", (24, 10, 26, 70), strict=True):
        guide.column_dimensions[letter].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def template_file(kind: str) -> bytes:
    """Return the template in ``kind`` (``csv`` or ``xlsx``)."""
    return template_xlsx() if kind == "xlsx" else template_csv()
