"""Reasons shown with peers and network suggestions, in Danish and English side by side.

A reason is a plain dict ``{"code": str, "da": str, "en": str}`` so the client can show the
user's language and tests can assert on codes. Reasons never carry private facts: no support
needs, no pairing, and nothing about a private network's members unless aggregated over at least
``MIN_AGGREGATE`` people.
"""

from __future__ import annotations

from typing import TypedDict

from django.utils import translation

from backend.people.models import ServiceType

MIN_AGGREGATE = 5


class Reason(TypedDict):
    """One reason, in both languages."""

    code: str
    da: str
    en: str


#: Danish labels of the service types (the UI's catalogue may not be compiled in every run).
SERVICE_DA: dict[str, str] = {
    "school": "skole",
    "daycare": "dagtilbud",
    "village_scheme": "landsbyordning",
    "youth_club": "klub og fritid",
    "ppr": "PPR",
    "family": "familie og børneværn",
    "care_home": "plejecenter",
    "home_care": "hjemmepleje",
    "residential": "botilbud",
    "shelter": "forsorgshjem",
    "acute": "akutfunktion",
    "treatment": "behandlingstilbud",
    "social_cafe": "social café",
    "nutrition": "kostenhed",
    "health": "sundhed og rehabilitering",
    "job_centre": "jobcenter",
    "citizen_service": "borgerservice",
    "culture": "kultur og biblioteker",
    "technical": "teknik og miljø",
    "staff_function": "stabsfunktion",
    "other": "andet",
}


def service_label(value: str, language: str) -> str:
    """Return a service type's label in the given language, lower case."""
    if language == "da":
        return SERVICE_DA.get(value, value)
    with translation.override("en"):
        return str(ServiceType(value).label).lower() if value in ServiceType.values else value


def reason(code: str, da: str, en: str) -> Reason:
    """Build a reason."""
    return {"code": code, "da": da, "en": en}
