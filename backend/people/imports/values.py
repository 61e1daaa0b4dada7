"""The import's cell values: text in, typed values out, or a ``CellError`` saying why not.

Pure: no database access. Also the checks every cell passes first: no spreadsheet formula and
no CPR number.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any, Final

from django.utils import translation
from django.utils.translation import gettext as _

from backend.people.models import EntryRoute, LeadershipEducation, ServiceType


class CellError(Exception):
    """A cell's value cannot be imported; the message says why (shown at its row and column)."""


def _words(text: str) -> str:
    """The text's words, lower case, without punctuation (how choices are compared)."""
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
CPR_KEY_COLUMNS: Final = frozenset({"employee_number", "unit_code", "boss", "phone"})


_ENTRY_ROUTE_WORDS: Final[Mapping[str, str]] = {
    "første lederjob": "first_job",
    "første lederstilling": "first_job",
    "ny leder": "first_job",
    "forfremmet": "promoted",
    "forfremmelse": "promoted",
    "nyt ledelsesniveau": "promoted",
    "op et niveau": "promoted",
    "nyt fagområde": "new_area",
    "nyt område": "new_area",
    "andet fagområde": "new_area",
    "fra andet fagområde": "new_area",
    "talentforløb": "talent",
    "talentprogram": "talent",
    "morgendagens ledere": "talent",
    "talent": "talent",
    "ukendt": "",
}


def _choice_index(
    choices: type[ServiceType] | type[LeadershipEducation] | type[EntryRoute],
    extra: Mapping[str, str],
) -> dict[str, str]:
    """Words → choice value: ``extra``'s words, the values, and the labels in English and in
    the active language."""
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


def yesno(value: str, default: bool = False) -> bool:
    """A yes/no cell (ja/nej, yes/no, 1/0, x); ``default`` when empty."""
    if not value:
        return default
    word = value.lower().rstrip(".")
    if word in _YES:
        return True
    if word in _NO:
        return False
    raise CellError(_("“%(value)s” is not a yes/no value; write ja or nej.") % {"value": value})


def active(value: str) -> bool:
    """A yes/no value that is yes when left empty."""
    return yesno(value, default=True)


def date(value: str) -> dt.date | None:
    """A date as dd-mm-yyyy (also . or /) or ISO yyyy-mm-dd; ``None`` when empty."""
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
    raise CellError(
        _("“%(value)s” is not a date; write it as dd-mm-yyyy (e.g. 01-08-2024).") % {"value": value}
    )


def integer(value: str, *, default: int, minimum: int, maximum: int) -> int:
    """A whole number in a range (Danish thousands ``1.200`` allowed); ``default`` when empty."""
    if not value:
        return default
    digits = value.replace(" ", "")
    if re.fullmatch(r"\d{1,3}(\.\d{3})+", digits):  # Danish thousands: 1.200
        digits = digits.replace(".", "")
    if not re.fullmatch(r"-?\d+", digits):
        raise CellError(_("“%(value)s” is not a whole number.") % {"value": value})
    number = int(digits)
    if not minimum <= number <= maximum:
        raise CellError(
            _("%(value)s must be between %(min)s and %(max)s.")
            % {"value": number, "min": minimum, "max": maximum}
        )
    return number


def sites(value: str) -> int:
    """The number of sites of a unit (1 when empty)."""
    return integer(value, default=1, minimum=1, maximum=1000)


def count(value: str) -> int:
    """A head count (0 when empty)."""
    return integer(value, default=0, minimum=0, maximum=100_000)


def years(value: str) -> Decimal:
    """Years as leader, one decimal (``2,5``); 0 when empty."""
    if not value:
        return Decimal("0.0")
    try:
        number = Decimal(value.replace(" ", "").replace(",", "."))
    except InvalidOperation:
        number = Decimal("NaN")
    if not number.is_finite():
        raise CellError(_("“%(value)s” is not a number of years (e.g. 2,5).") % {"value": value})
    if not 0 <= number <= 60:
        raise CellError(_("Years as leader must be between 0 and 60."))
    return number.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def choice(index: dict[str, str], default: str, message: str) -> Callable[[str], str]:
    """A converter to the choice ``index`` names (by its words); ``default`` when empty."""
    seen: dict[str, str] = {}  # a file repeats a handful of values thousands of times

    def convert(value: str) -> str:
        if not value:
            return default
        found = seen.get(value) or index.get(_words(value))
        if found is None:
            raise CellError(message % {"value": value})
        seen[value] = found
        return found

    return convert


def languages(value: str) -> list[str]:
    """Languages by name or code, separated by , ; / + og and; codes in order, once each."""
    codes: list[str] = []
    for word in re.split(r"[,;/+]|\bog\b|\band\b", value):
        word = _words(word)
        if not word:
            continue
        code = _LANGUAGE_WORDS.get(word)
        if code is None and re.fullmatch(r"[a-z]{2,3}", word):
            code = word
        if code is None:
            raise CellError(
                _("“%(value)s” is not a language we know; write e.g. dansk, engelsk.")
                % {"value": word}
            )
        if code not in codes:
            codes.append(code)
    return codes


def boss(value: str) -> str | None:
    """The boss's employee number, or ``None`` when empty."""
    return value or None


def converters() -> dict[str, Callable[[str], Any] | None]:
    """Column kind → the converter of its cells (``None``: the text as is)."""
    service_types = _choice_index(ServiceType, _SERVICE_TYPE_WORDS)
    educations = _choice_index(LeadershipEducation, _EDUCATION_WORDS)
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
        "entry_route": choice(
            _choice_index(EntryRoute, _ENTRY_ROUTE_WORDS),
            EntryRoute.UNKNOWN.value,
            _(
                "Unknown entry route “%(value)s”; write første lederjob, forfremmet, "
                "nyt fagområde or talentforløb."
            ),
        ),
        "languages": languages,
        "boss": boss,
    }
