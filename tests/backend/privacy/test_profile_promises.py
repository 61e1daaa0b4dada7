"""What the profile screen promises a leader about the peer finder is what the API does.

The profile (``frontend/src/screens/me/Profile.tsx``, keys ``lself.finder.*``) tells a leader
that other leaders see, in the peer finder, her name, role title, unit, administration and kind
of service and the topics they share, never her e-mail or phone, and that she is only there once
she says yes.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from rest_framework.test import APIClient

from backend.people import models as m
from tests import factories as f
from tests.conftest import World

pytestmark = pytest.mark.django_db

Client = Callable[[m.User | None], APIClient]
ROOT = Path(__file__).resolve().parents[3]
#: Exactly the fields the profile's sentence names (name, title, unit, kind of service, admin).
FINDER_SHOWS = {
    "id",
    "name",
    "role_title",
    "unit",
    "service_type",
    "is_specialist",
    "administration",
}


def _specialist(world: World, first_name: str, service: str, *, discoverable: bool) -> m.Leader:
    department = f.DepartmentFactory(administration=world.social, name=f"{first_name}s område")
    unit = f.UnitFactory(department=department, service_type=service, is_specialist=True)
    return f.LeaderFactory(
        unit=unit,
        first_name=first_name,
        discoverable=discoverable,
        email=f"{first_name.lower()}@testrup.dk",
        phone="+45 11 22 33 44",
        bio="Privat præsentation",
    )


def test_the_peer_finder_shows_only_what_the_profile_says_and_only_after_yes(
    world: World, client_for: Client
) -> None:
    asker = _specialist(world, "Lone", "nutrition", discoverable=False)
    user = f.UserFactory(username="lone", organisation=world.org, leader=asker)
    tove = _specialist(world, "Tove", "treatment", discoverable=False)
    client = client_for(user)

    assert tove.id not in [p["leader"]["id"] for p in client.get("/api/peers/").json()["results"]]
    tove.discoverable = True
    tove.save(update_fields=["discoverable"])
    results = client.get("/api/peers/").json()["results"]
    [card] = [p for p in results if p["leader"]["id"] == tove.id]
    assert set(card["leader"]) == FINDER_SHOWS
    text = json.dumps(card, ensure_ascii=False)
    for private in ("tove@testrup.dk", "+45 11 22 33 44", "Privat præsentation"):
        assert private not in text


def test_the_profile_sentence_names_what_the_finder_shows() -> None:
    for language, words in {
        "da": ("navn", "stillingsbetegnelse", "tilbud", "forvaltning", "e-mail", "telefon"),
        "en": ("name", "role title", "unit", "administration", "e-mail", "phone"),
    }.items():
        catalogue = ROOT / "frontend/src/i18n/areas" / f"leader_self.{language}.json"
        sentence = json.loads(catalogue.read_text(encoding="utf-8"))["lself.finder.sees"]
        assert all(word in sentence for word in words), (language, sentence)
