"""Reasons shown with peers and network suggestions: codes from ``matching.peers``, words here.

``matching.peers`` says *why* with a code and parameters (``Reason("span", {"staff_count":
25})``); this module renders a reason at the edge as ``{"code", "da", "en"}`` so the client shows
the reader's language and tests assert on codes. Service types are named by their display label
in each language (``ServiceType`` and the translation catalogue), never by their key. Reasons
never carry private facts: no support needs, no pairing, and nothing about a private network's
members unless aggregated over at least ``MIN_AGGREGATE`` people.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import TypedDict

from django.utils import translation

from backend.people.models import ServiceType
from matching.peers import DEFAULT_SUGGESTION_WEIGHTS
from matching.peers import Reason as ReasonCode

MIN_AGGREGATE = DEFAULT_SUGGESTION_WEIGHTS.min_aggregate

Params = Mapping[str, str | int | float]


class Reason(TypedDict):
    """One reason, in both languages."""

    code: str
    da: str
    en: str


def service_label(value: str, language: str) -> str:
    """Return a service type's display label in ``language``, starting in lower case.

    Only the first letter is lowered, so abbreviations keep their case ("(PPR)"). An unknown
    value (a retired type) is shown as it is.
    """
    if value not in _SERVICE_TYPES:
        return value
    return _label(value, language)


_SERVICE_TYPES = frozenset(ServiceType.values)  # ``.values`` builds a list on every call


@functools.cache
def _label(value: str, language: str) -> str:
    """:func:`service_label` of a known type (the catalogue is fixed while the process runs;
    switching the active language per call cost a third of a peer list's reasons)."""
    with translation.override(language):
        label = str(ServiceType(value).label)
    return label[:1].lower() + label[1:]


def _service(p: Params, language: str) -> str:
    return service_label(str(p["service_type"]), language)


Text = Callable[[Params], tuple[str, str]]

#: How a peer's reasons read, by code: (Danish, English).
PEER_TEXTS: dict[str, Text] = {
    "service_type": lambda p: (
        f"Leder også {_service(p, 'da')}",
        f"Also leads a {_service(p, 'en')} service",
    ),
    "specialist": lambda p: ("Leder også et specialtilbud", "Also leads a specialist service"),
    "target_group": lambda p: (
        f"Lignende målgruppe: {p['target_group']}",
        f"Similar target group: {p['target_group']}",
    ),
    "round_the_clock": lambda p: ("Leder også døgndækkende", "Also leads a 24-hour service"),
    "solo": lambda p: ("Er også alene som leder", "Also leads alone"),
    "span": lambda p: (
        f"Tilsvarende ledelsesspænd (ca. {p['staff_count']} medarbejdere)",
        f"Similar span of control (about {p['staff_count']} staff)",
    ),
    "sites": lambda p: ("Leder også flere matrikler", "Also leads several sites"),
    "other_administration": lambda p: (f"I en anden forvaltning: {p['name']}", f"In {p['name']}"),
}


def _cohort(p: Params) -> tuple[str, str]:
    if "count" in p:
        return (
            f"{p['count']} andre ledere startede omkring samme tid som dig",
            f"{p['count']} other leaders started around the same time as you",
        )
    return ("Din årgang af nye ledere", "Your cohort of new leaders")


#: How a network suggestion's reasons read, by code: (Danish, English).
SUGGESTION_TEXTS: dict[str, Text] = {
    "close": lambda p: ("Tæt på dit eget netværk", "Close to your own network"),
    "known": lambda p: (
        f"{p['count']} du kender i forvaltning eller ledergruppe er med",
        f"{p['count']} people you know are members",
    ),
    "mentor": lambda p: ("Din mentor er med", "Your mentor is a member"),
    "service_type": lambda p: (
        f"Medlemmer leder også {_service(p, 'da')}",
        f"Members also lead {_service(p, 'en')}",
    ),
    "across": lambda p: (
        f"På tværs af {p['count']} forvaltninger",
        f"Across {p['count']} administrations",
    ),
    "department": lambda p: ("Ledergruppe i din afdeling", "Leader group of your department"),
    "welcomes": lambda p: ("Byder nye ledere velkommen", "Welcomes new leaders"),
    "cohort": _cohort,
    "theme": lambda p: (f"Tema: {p['theme']}", f"Theme: {p['theme']}"),
    "ask_hr": lambda p: (
        "HR Udvikling samler kohortecirklen",
        "HR development forms the cohort circle",
    ),
}


def render(reason: ReasonCode, texts: Mapping[str, Text]) -> Reason:
    """Render a reason code in Danish and English with ``texts`` (``PEER_TEXTS`` or
    ``SUGGESTION_TEXTS``)."""
    da, en = texts[reason.code](reason.params)
    return {"code": reason.code, "da": da, "en": en}


def render_all(reasons: tuple[ReasonCode, ...], texts: Mapping[str, Text]) -> list[Reason]:
    """Render every reason, in order."""
    return [render(r, texts) for r in reasons]
