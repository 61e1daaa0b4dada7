"""The import's columns: key, Danish header, English aliases, kind of value; header matching.

Column headers are matched case-insensitively, ignoring surrounding spaces, ``_`` and spaces
around ``/``; each column has its Danish header (as the HR system writes it) and English
aliases. ``docs/import.md`` documents ``COLUMNS`` as a table; a test keeps the two in step.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final


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
    Column(
        "entry_route",
        "vej til stillingen",
        ("indgang", "baggrund for stillingen", "entry route"),
        "entry_route",
        description="How the leader came into the role: første lederjob, forfremmet, "
        "nyt fagområde, talentforløb; decides the onboarding for moves.",
    ),
    Column(
        "previous_role_title",
        "tidligere stilling",
        ("forrige stilling", "previous position", "previous role"),
        "text",
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
    "entry_route",
    "previous_role_title",
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


HEADER_INDEX: Final = {
    header_normalise(name): column.key
    for column in COLUMNS
    for name in (column.header, column.key, *column.aliases)
}
