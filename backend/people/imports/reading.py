"""Read an HR-system export (CSV or XLSX) into a plain table of strings. No database here.

The HR system writes CSV in UTF-8 (with or without a byte-order mark) or Windows-1252, with
``;`` or ``,`` (sometimes tab) between fields, or XLSX. This module only turns bytes into a
header and rows of text; what the columns mean is ``parsing``'s business.

Defences against hostile files, applied before any parsing:

- a cap on the file size (``MAX_FILE_BYTES``) and on the number of data rows (``MAX_ROWS``);
- XLSX: a cap on the number of zip members, on the total *uncompressed* size and on the
  compression ratio of each member (zip bombs), read from the zip directory before openpyxl
  inflates anything; openpyxl reads in read-only mode, and with defusedxml installed it refuses
  XML entity tricks (billion laughs, external entities).
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Final

from django.utils.translation import gettext as _

MAX_FILE_BYTES: Final = 20 * 1024 * 1024
MAX_ROWS: Final = 50_000
MAX_COLUMNS: Final = 200
MAX_CELL_CHARS: Final = 4_000
XLSX_MAX_MEMBERS: Final = 1_000
XLSX_MAX_UNCOMPRESSED_BYTES: Final = 200 * 1024 * 1024
XLSX_MAX_RATIO: Final = 200
_XLSX_MAX_BLANK_ROWS: Final = 10_000

_XLSX_MAGIC: Final = b"PK\x03\x04"


class FileRejected(Exception):
    """The file cannot be read at all (format, size, encoding); no row-level detail applies."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True, slots=True)
class Table:
    """A file's header and data rows as text; ``row_numbers`` are as the user sees them.

    The header is row 1, so the first data row is row 2. Blank rows are skipped but counted, so
    a row number always points at the right line in the user's spreadsheet.
    """

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    row_numbers: tuple[int, ...]
    format: str
    encoding: str = ""
    delimiter: str = ""
    notes: tuple[str, ...] = field(default=())


def table_read(*, content: bytes, filename: str) -> Table:
    """Read ``content`` (CSV or XLSX) into a ``Table``; raise ``FileRejected`` if unreadable."""
    if len(content) > MAX_FILE_BYTES:
        raise FileRejected(
            _("The file is too large (%(size)s MB); the limit is %(limit)s MB.")
            % {"size": round(len(content) / 1024 / 1024, 1),
               "limit": MAX_FILE_BYTES // 1024 // 1024}
        )
    if not content.strip():
        raise FileRejected(_("The file is empty."))
    name = filename.lower()
    if content.startswith(_XLSX_MAGIC) or name.endswith((".xlsx", ".xlsm")):
        if not content.startswith(_XLSX_MAGIC):
            raise FileRejected(_("The file is named .xlsx but is not an Excel workbook."))
        return _xlsx_read(content)
    if name.endswith(".xls") or content.startswith(b"\xd0\xcf\x11\xe0"):
        raise FileRejected(
            _("Old Excel files (.xls) are not supported; save the file as .xlsx or CSV.")
        )
    return _csv_read(content)


# --- CSV ------------------------------------------------------------------------------------


def text_decode(content: bytes) -> tuple[str, str]:
    """Return the text of ``content`` and the encoding it was read with.

    A byte-order mark decides (UTF-8, UTF-16); otherwise strict UTF-8, which almost never
    decodes Windows-1252 text with æøå by accident (``æ`` is a lone ``0xE6`` there, an invalid
    UTF-8 sequence); otherwise Windows-1252, and Latin-1 for the five bytes cp1252 leaves out.
    """
    if content.startswith(codecs.BOM_UTF8):
        return content[len(codecs.BOM_UTF8):].decode("utf-8", errors="strict"), "utf-8-sig"
    if content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return content.decode("utf-16"), "utf-16"
    try:
        return content.decode("utf-8", errors="strict"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return content.decode("cp1252", errors="strict"), "cp1252"
    except UnicodeDecodeError:
        return content.decode("latin-1"), "latin-1"


def delimiter_guess(first_line: str) -> str:
    """Return the delimiter of a header line: the most frequent of ``;``, tab and ``,``.

    Counted outside double quotes. Ties favour ``;`` (what Danish Excel writes), then tab.
    """
    counts = {";": 0, "\t": 0, ",": 0}
    quoted = False
    for char in first_line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ";"


def _csv_read(content: bytes) -> Table:
    try:
        text, encoding = text_decode(content)
    except UnicodeDecodeError as exc:
        raise FileRejected(_("The file's text encoding could not be read.")) from exc
    if "\x00" in text:
        raise FileRejected(_("The file is not a text (CSV) file or an Excel workbook (.xlsx)."))
    first_line = text.split("\n", 1)[0]
    delimiter = delimiter_guess(first_line)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"',
                        strict=False)
    header: tuple[str, ...] | None = None
    rows: list[tuple[str, ...]] = []
    numbers: list[int] = []
    try:
        for number, record in enumerate(reader, start=1):
            if header is None:
                header = tuple(record)
                _check_width(header)
                continue
            if not any(cell.strip() for cell in record):
                continue
            if len(rows) >= MAX_ROWS:
                raise FileRejected(_too_many_rows())
            rows.append(tuple(record))  # csv caps a field at 128 kB; parsing checks length
            numbers.append(number)
    except csv.Error as exc:
        raise FileRejected(_("The CSV file could not be read: %(error)s") % {"error": exc}) from exc
    if header is None:
        raise FileRejected(_("The file is empty."))
    return Table(header=header, rows=tuple(rows), row_numbers=tuple(numbers), format="csv",
                 encoding=encoding, delimiter=delimiter)


def _check_width(header: tuple[str, ...]) -> None:
    if len(header) > MAX_COLUMNS:
        raise FileRejected(
            _("The file has %(count)s columns; at most %(limit)s are allowed.")
            % {"count": len(header), "limit": MAX_COLUMNS}
        )


def _too_many_rows() -> str:
    return _("The file has more than %(limit)s rows; split it into smaller files.") % {
        "limit": MAX_ROWS
    }


# --- XLSX -----------------------------------------------------------------------------------


def xlsx_check_archive(content: bytes) -> None:
    """Reject a workbook whose zip directory announces a bomb, before anything is inflated.

    The sizes come from the zip's central directory; a member that lies about its size is cut
    off by ``zipfile`` when it inflates more than announced, so the announced sizes bound the
    work openpyxl can be made to do.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
    except zipfile.BadZipFile as exc:
        raise FileRejected(_("The Excel file is damaged or not an .xlsx file.")) from exc
    with archive:
        members = archive.infolist()
        if len(members) > XLSX_MAX_MEMBERS:
            raise FileRejected(_("The Excel file has too many parts to be a plain workbook."))
        total = 0
        for member in members:
            total += member.file_size
            ratio = member.file_size / max(member.compress_size, 1)
            if member.file_size > 1024 * 1024 and ratio > XLSX_MAX_RATIO:
                raise FileRejected(
                    _("The Excel file is compressed suspiciously hard and was not opened.")
                )
        if total > XLSX_MAX_UNCOMPRESSED_BYTES:
            raise FileRejected(_("The Excel file unpacks to more than the allowed size."))


def cell_text(value: object) -> str:
    """Return an XLSX cell value as the text a CSV export would hold.

    Whole numbers lose their ``.0`` (employee numbers are often stored as numbers), dates
    become ISO dates, booleans ``ja``/``nej``.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return format(Decimal(repr(value)).normalize(), "f")
    return str(value)


def _xlsx_read(content: bytes) -> Table:
    xlsx_check_archive(content)
    from openpyxl import load_workbook  # imported here: only XLSX uploads pay for it

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a broken workbook
        raise FileRejected(_("The Excel file could not be read.")) from exc
    try:
        sheet = workbook.worksheets[0] if workbook.worksheets else None
        if sheet is None:
            raise FileRejected(_("The Excel file has no sheets."))
        # The header first, to learn the width: every later row is read at that width only,
        # whatever <dimension> the sheet declares (a forged A1:XFD1048576 would otherwise make
        # openpyxl pad each row to 16 384 cells).
        first = next(sheet.iter_rows(min_row=1, max_row=1, max_col=MAX_COLUMNS + 1,
                                     values_only=True), None)
        header = tuple(cell_text(v).strip() for v in first or ())
        # Excel pads a sheet's header with empty cells up to its used width.
        while header and not header[-1]:
            header = header[:-1]
        if not header:
            raise FileRejected(_("The file is empty."))
        _check_width(header)
        rows: list[tuple[str, ...]] = []
        numbers: list[int] = []
        last_row = MAX_ROWS + _XLSX_MAX_BLANK_ROWS + 1
        for number, values in enumerate(
            sheet.iter_rows(min_row=2, max_row=last_row + 1, max_col=len(header),
                            values_only=True),
            start=2,
        ):
            if number > last_row:
                raise FileRejected(_too_many_rows())
            if all(v is None or v == "" for v in values):
                continue
            if len(rows) >= MAX_ROWS:
                raise FileRejected(_too_many_rows())
            rows.append(tuple(cell_text(v).strip() for v in values))
            numbers.append(number)
    except FileRejected:
        raise
    except Exception as exc:  # a malformed sheet part (bad XML, forbidden entity)
        raise FileRejected(_("The Excel file could not be read.")) from exc
    finally:
        workbook.close()
    return Table(header=header, rows=tuple(rows), row_numbers=tuple(numbers), format="xlsx")
