"""The import's columns and their values: a ``Table`` of text in, typed rows and errors out.

Pure: no database access. Everything a single file can get wrong is found here (a missing or
unknown column, a bad date, a bad yes/no, a duplicate employee number, two rows disagreeing
about one unit, a formula); what needs the database (bosses, cycles, scope) is the service's.

Column headers are matched case-insensitively, ignoring surrounding spaces, ``_`` and spaces
around ``/``; each column has its Danish header (as the HR system writes it) and English
aliases. ``docs/import.md`` documents ``COLUMNS`` as a table; a test keeps the two in step.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any, Final

from django.utils import translation
from django.utils.translation import gettext as _

from backend.people.imports.reading import MAX_CELL_CHARS, Table
from backend.people.models import LeadershipEducation, ServiceType


@dataclass(frozen=True, slots=True)
class RowError:
    """One problem, located as the user sees it: row (header = 1) and column header."""

    row: int | None
    column: str | None
    message: str

    def as_dict(self) -> dict[str, Any]:
        """Return the error as the API and the command show it."""
        return {"row": self.row, "column": self.column, "message": self.message}


@dataclass(frozen=True, slots=True)
class Column:
    """A column of the import: its key, Danish header, English aliases and kind of value."""

    key: str
    header: str
    aliases: tuple[str, ...]
    kind: str
    required: bool = False
    value_required: bool = False
    description: str = ""


# Order = the order of the documented table and of the sample file.
COLUMNS: Final[tuple[Column, ...]] = (
    Column(
        "employee_number",
        "medarbejdernummer",
        (
            "medarbejdernr",
            "medarbejder nr",
            "medarbejder id",
            "employee number",
            "employee no",
            "employee id",
        ),
        "text",
        required=True,
        value_required=True,
        description="The leader's id in the HR system; the key of a re-import.",
    ),
    Column(
        "first_name",
        "fornavn",
        ("first name", "given name"),
        "text",
        required=True,
        value_required=True,
    ),
    Column(
        "last_name",
        "efternavn",
        ("last name", "surname", "family name"),
        "text",
        required=True,
        value_required=True,
    ),
    Column("email", "email", ("e-mail", "mail", "e-mailadresse", "email address"), "text"),
    Column("phone", "telefon", ("tlf", "telefonnummer", "mobil", "phone", "phone number"), "text"),
    Column(
        "role_title",
        "stillingsbetegnelse",
        ("stilling", "titel", "role title", "job title", "title"),
        "text",
        required=True,
        value_required=True,
    ),
    Column(
        "administration",
        "forvaltning",
        ("direktørområde", "administration"),
        "text",
        required=True,
        value_required=True,
    ),
    Column(
        "department",
        "center/område",
        ("center", "område", "department"),
        "text",
        required=True,
        value_required=True,
    ),
    Column(
        "unit_code",
        "enhedskode",
        ("enhedsnummer", "enhed kode", "unit code", "unit id"),
        "text",
        required=True,
        value_required=True,
        description="The unit's id in the HR system; units are updated by this code.",
    ),
    Column(
        "unit_name",
        "enhed",
        ("enhedsnavn", "arbejdssted", "unit", "unit name"),
        "text",
        required=True,
        value_required=True,
    ),
    Column("service_type", "tilbudstype", ("type", "service type"), "service_type"),
    Column("target_group", "målgruppe", ("target group",), "text"),
    Column("is_specialist", "specialtilbud", ("specialist", "specialist service"), "yesno"),
    Column(
        "round_the_clock",
        "døgndækkende",
        ("døgntilbud", "24-hour", "24 hour", "round the clock"),
        "yesno",
    ),
    Column("sites", "matrikler", ("antal matrikler", "sites", "number of sites"), "sites"),
    Column(
        "staff_count",
        "antal medarbejdere",
        ("medarbejdere", "ledelsesspænd", "staff count", "staff"),
        "count",
    ),
    Column(
        "boss",
        "chef",
        ("nærmeste leder", "chefens medarbejdernummer", "boss", "boss employee number", "manager"),
        "boss",
        description="The boss's employee number (in the file or already in Sparring).",
    ),
    Column("role_start_date", "startdato", ("start dato", "tiltrådt", "start date"), "date"),
    Column(
        "first_leader_job", "første lederjob", ("første lederstilling", "first leader job"), "yesno"
    ),
    Column("years_as_leader", "år som leder", ("lederår", "years as leader"), "years"),
    Column("leadership_education", "lederuddannelse", ("leadership education",), "education"),
    Column("languages", "sprog", ("languages",), "languages"),
    Column("active", "aktiv", ("active",), "active"),
)

COLUMNS_BY_KEY: Final = {c.key: c for c in COLUMNS}
UNIT_KEYS: Final = (
    "administration",
    "department",
    "unit_name",
    "service_type",
    "target_group",
    "is_specialist",
    "round_the_clock",
    "sites",
    "staff_count",
)
LEADER_KEYS: Final = (
    "first_name",
    "last_name",
    "email",
    "phone",
    "role_title",
    "role_start_date",
    "first_leader_job",
    "years_as_leader",
    "leadership_education",
    "languages",
    "active",
)


def header_normalise(text: str) -> str:
    """Return a header in the form headers are compared in."""
    text = text.replace("\ufeff", "").replace("_", " ").strip().lower()
    text = re.sub(r"\s*/\s*", "/", text)
    return " ".join(text.split())


_HEADER_INDEX: Final = {
    header_normalise(name): column.key
    for column in COLUMNS
    for name in (column.header, column.key, *column.aliases)
}


def _words(text: str) -> str:
    return " ".join(re.sub(r"[^0-9a-zæøåéü]+", " ", text.lower()).split())


_SERVICE_TYPE_WORDS: Final[Mapping[str, str]] = {
    "skole": "school",
    "folkeskole": "school",
    "specialskole": "school",
    "dagtilbud": "daycare",
    "daginstitution": "daycare",
    "børnehave": "daycare",
    "vuggestue": "daycare",
    "integreret institution": "daycare",
    "dagpleje": "daycare",
    "landsbyordning": "village_scheme",
    "klub": "youth_club",
    "fritidsklub": "youth_club",
    "ungdomsklub": "youth_club",
    "fritidstilbud": "youth_club",
    "fritid": "youth_club",
    "pædagogisk psykologisk rådgivning": "ppr",
    "familie": "family",
    "børn og familie": "family",
    "familiecenter": "family",
    "familieafdeling": "family",
    "plejecenter": "care_home",
    "plejehjem": "care_home",
    "hjemmepleje": "home_care",
    "botilbud": "residential",
    "bosted": "residential",
    "døgntilbud": "residential",
    "forsorgshjem": "shelter",
    "herberg": "shelter",
    "krisecenter": "shelter",
    "akutfunktion": "acute",
    "akut": "acute",
    "akutteam": "acute",
    "behandling": "treatment",
    "behandlingstilbud": "treatment",
    "misbrugsbehandling": "treatment",
    "social café": "social_cafe",
    "socialcafé": "social_cafe",
    "social cafe": "social_cafe",
    "værested": "social_cafe",
    "ernæring": "nutrition",
    "ernæringsenhed": "nutrition",
    "madservice": "nutrition",
    "centralkøkken": "nutrition",
    "køkken": "nutrition",
    "sundhed": "health",
    "genoptræning": "health",
    "sundhed og genoptræning": "health",
    "rehabilitering": "health",
    "jobcenter": "job_centre",
    "borgerservice": "citizen_service",
    "kultur": "culture",
    "bibliotek": "culture",
    "kultur og fritid": "culture",
    "teknik": "technical",
    "teknik og miljø": "technical",
    "vej og park": "technical",
    "miljø": "technical",
    "stab": "staff_function",
    "stabsfunktion": "staff_function",
    "andet": "other",
    "øvrige": "other",
    "anden": "other",
}

_EDUCATION_WORDS: Final[Mapping[str, str]] = {
    "ingen": "none",
    "nej": "none",
    "none": "none",
    "no": "none",
    "i gang": "in_progress",
    "igang": "in_progress",
    "under uddannelse": "in_progress",
    "påbegyndt": "in_progress",
    "in progress": "in_progress",
    "diplom i gang": "in_progress",
    "diplom": "diploma",
    "diplomuddannelse": "diploma",
    "diplom i ledelse": "diploma",
    "diploma": "diploma",
    "diploma in leadership": "diploma",
    "master": "master",
    "mpa": "master",
    "empa": "master",
    "master i ledelse": "master",
}

_LANGUAGE_WORDS: Final[Mapping[str, str]] = {
    "dansk": "da",
    "danish": "da",
    "engelsk": "en",
    "english": "en",
    "tysk": "de",
    "german": "de",
    "svensk": "sv",
    "swedish": "sv",
    "norsk": "no",
    "norwegian": "no",
    "fransk": "fr",
    "french": "fr",
    "spansk": "es",
    "spanish": "es",
    "italiensk": "it",
    "italian": "it",
    "polsk": "pl",
    "polish": "pl",
    "arabisk": "ar",
    "arabic": "ar",
    "tyrkisk": "tr",
    "turkish": "tr",
    "somali": "so",
    "somalisk": "so",
    "urdu": "ur",
    "persisk": "fa",
    "farsi": "fa",
    "persian": "fa",
    "kurdisk": "ku",
    "kurdish": "ku",
    "bosnisk": "bs",
    "bosnian": "bs",
    "serbisk": "sr",
    "serbian": "sr",
    "kroatisk": "hr",
    "croatian": "hr",
    "ukrainsk": "uk",
    "ukrainian": "uk",
    "russisk": "ru",
    "russian": "ru",
    "rumænsk": "ro",
    "romanian": "ro",
    "litauisk": "lt",
    "lithuanian": "lt",
    "færøsk": "fo",
    "faroese": "fo",
    "grønlandsk": "kl",
    "greenlandic": "kl",
    "tegnsprog": "dsl",
    "dansk tegnsprog": "dsl",
    "sign language": "dsl",
}

_YES: Final = frozenset({"ja", "j", "yes", "y", "true", "sand", "1", "x"})
_NO: Final = frozenset({"nej", "n", "no", "false", "falsk", "0"})
# dd-mm-yyyy, dd.mm.yyyy, dd/mm/yyyy (Danish, one separator throughout) and ISO yyyy-mm-dd.
_DANISH_DATE: Final = re.compile(r"^(\d{1,2})([-./])(\d{1,2})\2(\d{4})$")
_ISO_DATE: Final = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?$")
_SAFE_SIGNED: Final = re.compile(r"^[+-][\d\s().,/-]*$")
# A CPR number: ddmmyy-xxxx as usually written (also with a space), or ten digits in a row.
_CPR: Final = re.compile(r"(?<!\d)(\d{2})(\d{2})\d{2}(?:[-\s]?)\d{4}(?!\d)")
_CPR_SEPARATED: Final = re.compile(r"(?<!\d)\d{6}[-\s]\d{4}(?!\d)")
#: Key columns may legitimately hold ten digits in a row; there only ``ddmmyy-xxxx`` counts.
_CPR_KEY_COLUMNS: Final = frozenset({"employee_number", "unit_code", "boss", "phone"})


def _choice_index(
    choices: type[ServiceType] | type[LeadershipEducation], extra: Mapping[str, str]
) -> dict[str, str]:
    index = {_words(word): value for word, value in extra.items()}
    for value, label in choices.choices:
        index.setdefault(_words(value.replace("_", " ")), value)
        with translation.override("en"):
            index.setdefault(_words(str(label)), value)
        index.setdefault(_words(str(label)), value)
    return index


def looks_like_formula(text: str) -> bool:
    """True for text a spreadsheet would run as a formula (``=cmd|' /C calc'!A0``, ``@SUM``).

    ``+`` and ``-`` start formulas too, but also phone numbers (``+45 12 34 56 78``) and a
    lone ``-``: those are let through when the rest is digits and punctuation only.
    """
    if not text:
        return False
    if text[0] in "=@":
        return True
    return text[0] in "+-" and not _SAFE_SIGNED.match(text)


def looks_like_cpr(text: str, *, key_column: bool = False) -> bool:
    """True for text holding a CPR-like number (``010190-1234``) with a real day and month.

    CPR numbers must never be stored in Sparring, and a free-text column is where one slips
    in (``Vikar for 010190-1234``). In key columns (employee number, unit code, boss, phone)
    ten plain digits are a normal key, so only the separated form counts there.
    """
    for match in _CPR.finditer(text):
        if key_column and not _CPR_SEPARATED.fullmatch(match.group(0)):
            continue
        day, month = int(match.group(1)), int(match.group(2))
        if 1 <= day <= 31 and 1 <= month <= 12:
            return True
    return False


@dataclass(slots=True)
class ParsedRow:
    """One data row, typed: ``values`` holds an entry per column present in the file."""

    row: int
    values: dict[str, Any] = field(default_factory=dict)

    @property
    def employee_number(self) -> str:
        """The row's key."""
        return str(self.values["employee_number"])


@dataclass(slots=True)
class ParseResult:
    """The typed rows, the errors found, and which column keys the file has (and their header)."""

    rows: list[ParsedRow]
    errors: list[RowError]
    headers: dict[str, str]

    @property
    def columns(self) -> frozenset[str]:
        """The keys of the columns present in the file."""
        return frozenset(self.headers)


class _CellError(Exception):
    pass


def table_parse(table: Table) -> ParseResult:
    """Map a ``Table`` to typed rows; collect every error rather than stop at the first."""
    errors: list[RowError] = []
    positions: dict[str, int] = {}
    headers: dict[str, str] = {}
    ignored: list[int] = []
    for index, raw in enumerate(table.header):
        name = raw.replace("\ufeff", "").strip()
        if not name:
            ignored.append(index)
            continue
        key = _HEADER_INDEX.get(header_normalise(name))
        if key is None:
            errors.append(
                RowError(
                    1,
                    name,
                    _(
                        "Unknown column “%(column)s”. The known columns are listed in the import "
                        "guide; remove the column or rename it."
                    )
                    % {"column": name},
                )
            )
        elif key in positions:
            errors.append(
                RowError(
                    1,
                    name,
                    _("The column “%(column)s” appears twice (also as “%(first)s”).")
                    % {"column": name, "first": headers[key]},
                )
            )
        else:
            positions[key] = index
            headers[key] = name
    for column in COLUMNS:
        if column.required and column.key not in positions:
            errors.append(
                RowError(
                    1,
                    column.header,
                    _("The required column “%(column)s” is missing.") % {"column": column.header},
                )
            )
    if errors:
        return ParseResult(rows=[], errors=errors, headers=headers)

    converters = _converters()
    specs = [
        (
            key,
            index,
            headers[key],
            converters[COLUMNS_BY_KEY[key].kind],
            COLUMNS_BY_KEY[key].value_required,
        )
        for key, index in positions.items()
    ]
    width = len(table.header)
    rows: list[ParsedRow] = []
    first_row_of: dict[str, int] = {}
    unit_rows: dict[str, tuple[int, tuple[Any, ...]]] = {}
    unit_keys = [k for k in UNIT_KEYS if k in positions]
    for number, cells in zip(table.row_numbers, table.rows, strict=True):
        if len(cells) < width:
            cells = cells + ("",) * (width - len(cells))
        parsed = ParsedRow(row=number)
        values = parsed.values
        ok = True
        for index in ignored:
            if cells[index].strip():
                errors.append(
                    RowError(
                        number,
                        None,
                        _("Column %(position)s has a value but no heading.")
                        % {"position": index + 1},
                    )
                )
                ok = False
        for key, index, header, convert, value_required in specs:
            text = cells[index].strip()
            try:
                if text:
                    if len(text) > MAX_CELL_CHARS:
                        raise _CellError(_("The value is too long."))
                    if text[0] in "=@+-" and looks_like_formula(text):
                        raise _CellError(
                            _(
                                "The value looks like a spreadsheet formula; formulas are not "
                                "imported."
                            )
                        )
                    if looks_like_cpr(text, key_column=key in _CPR_KEY_COLUMNS):
                        raise _CellError(
                            _(
                                "The value looks like a CPR number; CPR numbers must not be "
                                "stored in Sparring. Remove it from the file."
                            )
                        )
                elif value_required:
                    raise _CellError(_("A value is required."))
                values[key] = text if convert is None else convert(text)
            except _CellError as exc:
                errors.append(RowError(number, header, str(exc)))
                ok = False
        if not ok:
            continue
        number_key = parsed.employee_number
        if number_key in first_row_of:
            errors.append(
                RowError(
                    number,
                    headers["employee_number"],
                    _("The employee number %(number)s also appears in row %(row)s.")
                    % {"number": number_key, "row": first_row_of[number_key]},
                )
            )
            continue
        first_row_of[number_key] = number
        unit_signature = tuple(parsed.values[k] for k in unit_keys)
        code = parsed.values["unit_code"]
        if code in unit_rows and unit_rows[code][1] != unit_signature:
            differing = next(
                k
                for k, a, b in zip(unit_keys, unit_rows[code][1], unit_signature, strict=True)
                if a != b
            )
            errors.append(
                RowError(
                    number,
                    headers[differing],
                    _(
                        "Unit %(code)s is described differently in row %(row)s; "
                        "rows of one unit must agree on its details."
                    )
                    % {"code": code, "row": unit_rows[code][0]},
                )
            )
            continue
        unit_rows.setdefault(code, (number, unit_signature))
        rows.append(parsed)
    return ParseResult(rows=rows, errors=errors, headers=headers)


def _converters() -> dict[str, Callable[[str], Any] | None]:
    service_types = _choice_index(ServiceType, _SERVICE_TYPE_WORDS)
    educations = _choice_index(LeadershipEducation, _EDUCATION_WORDS)

    def yesno(value: str, default: bool = False) -> bool:
        if not value:
            return default
        word = value.lower().rstrip(".")
        if word in _YES:
            return True
        if word in _NO:
            return False
        raise _CellError(
            _("“%(value)s” is not a yes/no value; write ja or nej.") % {"value": value}
        )

    def active(value: str) -> bool:
        return yesno(value, default=True)

    def date(value: str) -> dt.date | None:
        if not value:
            return None
        match = _DANISH_DATE.match(value)
        if match:
            day, _separator, month, year = match.groups()
        else:
            match = _ISO_DATE.match(value)
            if match:
                year, month, day = match.groups()
        if match:
            try:
                parsed = dt.date(int(year), int(month), int(day))
            except ValueError:
                parsed = None
            if parsed is not None and 1900 <= parsed.year <= 2200:
                return parsed
        raise _CellError(
            _("“%(value)s” is not a date; write it as dd-mm-yyyy (e.g. 01-08-2024).")
            % {"value": value}
        )

    def integer(value: str, *, default: int, minimum: int, maximum: int) -> int:
        if not value:
            return default
        digits = value.replace(" ", "")
        if re.fullmatch(r"\d{1,3}(\.\d{3})+", digits):  # Danish thousands: 1.200
            digits = digits.replace(".", "")
        if not re.fullmatch(r"-?\d+", digits):
            raise _CellError(_("“%(value)s” is not a whole number.") % {"value": value})
        number = int(digits)
        if not minimum <= number <= maximum:
            raise _CellError(
                _("%(value)s must be between %(min)s and %(max)s.")
                % {"value": number, "min": minimum, "max": maximum}
            )
        return number

    def sites(value: str) -> int:
        return integer(value, default=1, minimum=1, maximum=1000)

    def count(value: str) -> int:
        return integer(value, default=0, minimum=0, maximum=100_000)

    def years(value: str) -> Decimal:
        if not value:
            return Decimal("0.0")
        try:
            number = Decimal(value.replace(" ", "").replace(",", "."))
        except InvalidOperation:
            number = Decimal("NaN")
        if not number.is_finite():
            raise _CellError(
                _("“%(value)s” is not a number of years (e.g. 2,5).") % {"value": value}
            )
        if not 0 <= number <= 60:
            raise _CellError(_("Years as leader must be between 0 and 60."))
        return number.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)

    def choice(index: dict[str, str], default: str, message: str) -> Callable[[str], str]:
        seen: dict[str, str] = {}  # a file repeats a handful of values thousands of times

        def convert(value: str) -> str:
            if not value:
                return default
            found = seen.get(value) or index.get(_words(value))
            if found is None:
                raise _CellError(message % {"value": value})
            seen[value] = found
            return found

        return convert

    def languages(value: str) -> list[str]:
        codes: list[str] = []
        for word in re.split(r"[,;/+]|\bog\b|\band\b", value):
            word = _words(word)
            if not word:
                continue
            code = _LANGUAGE_WORDS.get(word)
            if code is None and re.fullmatch(r"[a-z]{2,3}", word):
                code = word
            if code is None:
                raise _CellError(
                    _("“%(value)s” is not a language we know; write e.g. dansk, engelsk.")
                    % {"value": word}
                )
            if code not in codes:
                codes.append(code)
        return codes

    def boss(value: str) -> str | None:
        return value or None

    return {
        "text": None,  # taken as is
        "yesno": yesno,
        "active": active,
        "date": date,
        "sites": sites,
        "count": count,
        "years": years,
        "service_type": choice(
            service_types,
            ServiceType.OTHER.value,
            _(
                "Unknown service type “%(value)s”; see the import guide for the accepted types "
                "(e.g. skole, dagtilbud, plejecenter, botilbud, jobcenter, andet)."
            ),
        ),
        "education": choice(
            educations,
            LeadershipEducation.NONE.value,
            _("Unknown leadership education “%(value)s”; write ingen, i gang, diplom or master."),
        ),
        "languages": languages,
        "boss": boss,
    }
