"""Sample HR exports: deterministic files of any size, for the tests, the benchmark and HR.

``sample_rows(n)`` builds a municipality's worth of leaders as the HR system writes them
(Danish headers and values, ``dd-mm-yyyy`` dates, ``ja``/``nej``): five administrations, a
director at the top of each, department heads below, and unit leaders below them. Rows are
shuffled with a seed, so bosses often come after their reports, as in a real export.
``rows_to_csv`` and ``rows_to_xlsx`` write them as files.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
from collections.abc import Sequence

from backend.people.imports.parsing import COLUMNS

HEADERS: tuple[str, ...] = tuple(c.header for c in COLUMNS)

_ADMINISTRATIONS = (
    "Børn og Unge",
    "Social og Sundhed",
    "Arbejdsmarked",
    "Kultur og Teknik",
    "Centrale stabe",
)
_UNIT_KINDS = {
    "Børn og Unge": [
        ("Skole", "skole", "Skoleleder"),
        ("Børnehuset", "dagtilbud", "Dagtilbudsleder"),
    ],
    "Social og Sundhed": [
        ("Plejecenter", "plejecenter", "Centerleder"),
        ("Botilbud", "botilbud", "Forstander"),
        ("Hjemmeplejen", "hjemmepleje", "Områdeleder"),
    ],
    "Arbejdsmarked": [("Jobcenter", "jobcenter", "Afdelingsleder")],
    "Kultur og Teknik": [
        ("Bibliotek", "bibliotek", "Biblioteksleder"),
        ("Vej og Park", "teknik", "Driftsleder"),
    ],
    "Centrale stabe": [("Løn og Personale", "stab", "Teamleder")],
}
_FIRST = (
    "Mette",
    "Lars",
    "Hanne",
    "Søren",
    "Birgitte",
    "Jens",
    "Anne",
    "Morten",
    "Lone",
    "Ole",
    "Kirsten",
    "Niels",
    "Pia",
    "Henrik",
    "Susanne",
    "Bjørn",
    "Åse",
    "Æbbe",
)
_LAST = (
    "Jensen",
    "Nielsen",
    "Hansen",
    "Pedersen",
    "Sørensen",
    "Møller",
    "Kjær",
    "Holm",
    "Lund",
    "Dahl",
    "Bak",
    "Østergaard",
    "Fæster",
    "Ågaard",
)
_PLACES = (
    "Nord",
    "Syd",
    "Øst",
    "Vest",
    "Midt",
    "Søndermark",
    "Højvang",
    "Ærtebjerg",
    "Skovly",
    "Engen",
)
_EDUCATION = ("ingen", "i gang", "diplom", "master")


def sample_rows(
    n: int, *, seed: int = 42, departments_per_administration: int = 10, first_number: int = 100000
) -> list[dict[str, str]]:
    """Return ``n`` rows (header -> text) of a consistent line of command, shuffled."""
    rng = random.Random(seed)
    rows: list[dict[str, str]] = []
    chiefs: list[tuple[str, str, str]] = []  # (employee number, administration, department)

    def row(
        i: int,
        administration: str,
        department: str,
        unit: tuple[str, str, str],
        boss: str,
        title: str | None = None,
    ) -> dict[str, str]:
        prefix, service, default_title = unit
        start = dt.date(2000, 1, 1) + dt.timedelta(days=rng.randrange(9000))
        return {
            "medarbejdernummer": str(first_number + i),
            "fornavn": rng.choice(_FIRST),
            "efternavn": rng.choice(_LAST),
            "email": f"l{first_number + i}@testrup.dk",
            "telefon": f"+45 {rng.randrange(20000000, 99999999)}",
            "stillingsbetegnelse": title or default_title,
            "forvaltning": administration,
            "center/område": department,
            "enhedskode": f"E{i:06d}",
            "enhed": f"{prefix} {rng.choice(_PLACES)} {i}",
            "tilbudstype": service,
            "målgruppe": "",
            "specialtilbud": rng.choice(("ja", "nej", "nej", "nej")),
            "døgndækkende": "ja" if service in ("plejecenter", "botilbud") else "nej",
            "matrikler": str(rng.choice((1, 1, 1, 2, 3))),
            "antal medarbejdere": str(rng.randrange(3, 120)),
            "chef": boss,
            "startdato": start.strftime("%d-%m-%Y"),
            "første lederjob": rng.choice(("ja", "nej", "nej")),
            **dict.fromkeys(("vej til stillingen", "tidligere stilling"), ""),  # not from rng
            "år som leder": f"{rng.randrange(0, 300) / 10:.1f}".replace(".", ","),
            "lederuddannelse": rng.choice(_EDUCATION),
            "sprog": rng.choice(("dansk", "dansk, engelsk", "dansk, engelsk, tysk")),
            "aktiv": "ja",
        }

    i = 0
    for administration in _ADMINISTRATIONS:
        if i >= n:
            break
        director = str(first_number + i)
        rows.append(
            row(
                i,
                administration,
                "Direktion",
                ("Direktionen", "stab", "Direktør"),
                "",
                title="Direktør",
            )
        )
        i += 1
        for d in range(departments_per_administration):
            if i >= n:
                break
            department = f"{administration} område {d + 1}"
            chiefs.append((str(first_number + i), administration, department))
            rows.append(
                row(
                    i,
                    administration,
                    department,
                    ("Områdeledelse", "stab", ""),
                    director,
                    title="Områdechef",
                )
            )
            i += 1
    while i < n:
        boss, administration, department = chiefs[i % len(chiefs)]
        unit = rng.choice(_UNIT_KINDS[administration])
        rows.append(row(i, administration, department, unit, boss))
        i += 1
    rng.shuffle(rows)
    return rows


def rows_to_csv(
    rows: Sequence[dict[str, str]],
    *,
    delimiter: str = ";",
    encoding: str = "utf-8",
    bom: bool = False,
) -> bytes:
    """Return the rows as CSV bytes, headers first (Excel's ``;`` by default)."""
    headers = list(rows[0]) if rows else list(HEADERS)
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=headers, delimiter=delimiter, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    data = buffer.getvalue().encode(encoding)
    return (b"\xef\xbb\xbf" + data) if bom else data


def rows_to_xlsx(rows: Sequence[dict[str, str]]) -> bytes:
    """Return the rows as an XLSX workbook (one sheet, headers in row 1).

    Written like Excel writes it (shared strings, a ``<dimension>``), not in openpyxl's
    write-only mode, whose inline strings and missing dimension make reading far slower than
    any real export.
    """
    from openpyxl import Workbook

    headers = list(rows[0]) if rows else list(HEADERS)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Ledere"
    sheet.append(headers)
    for row in rows:
        sheet.append([row.get(h, "") for h in headers])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
