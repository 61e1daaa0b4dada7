"""No response a boss, an outsider or anyone but the leader can get carries a support-need note.

Every GET route of the people app is called, with the ids of Mette's own rows (her profile, her
need, her unit, her networks), by every persona but Mette herself.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.urls import URLPattern
from rest_framework.test import APIClient

from backend.people.models import SupportNeed, User
from backend.people.urls import urlpatterns
from tests.backend.people.conftest import Extras
from tests.conftest import CANARY, World

ClientFor = Callable[[User | None], APIClient]


def _get_urls(world: World, extras: Extras) -> list[str]:
    mette = world.new_leader.leader
    assert mette is not None
    need = SupportNeed.objects.get(leader=mette)
    ids = {
        "leader_id": mette.id,
        "need_id": need.id,
        "unit_id": mette.unit_id,
        "organisation_id": world.org.id,
        "administration_id": world.children.id,
        "department_id": mette.unit.department_id,
        "contact_id": extras.unit_contact.id,
        "function_id": extras.finance.id,
        "topic_id": world.budget.id,
        "network_id": extras.informal.id,
    }
    urls = []
    for pattern in urlpatterns:
        assert isinstance(pattern, URLPattern)
        view = pattern.callback.view_class  # type: ignore[attr-defined]
        if not hasattr(view, "get") or pattern.name in ("auth-csrf",):
            continue
        route = str(pattern.pattern)
        for name, value in ids.items():
            route = route.replace(f"<int:{name}>", str(value))
        assert "<" not in route, f"no id for {route}"
        urls.append(f"/api/{route}")
    return urls


@pytest.mark.django_db
def test_every_get_route_is_covered(world: World, extras: Extras) -> None:
    urls = _get_urls(world, extras)
    assert "/api/support-needs/" in urls
    assert any(url.startswith("/api/me/support-needs/") and url[-2].isdigit() for url in urls)
    assert len(urls) >= 20


@pytest.mark.django_db
@pytest.mark.parametrize(
    "persona", ["boss", "grand_boss", "outsider", "mentor", "hr", "hr_scoped", "other_organisation"]
)
def test_no_response_carries_the_note(
    world: World, extras: Extras, client_for: ClientFor, persona: str
) -> None:
    client = client_for(getattr(world, persona))
    for url in _get_urls(world, extras):
        for params in ({}, {"purpose": "matching"}, {"q": "budget"}):
            response = client.get(url, params)
            assert response.status_code < 500, url
            assert CANARY not in response.content.decode(), (persona, url)
            assert "bange for budgettet" not in response.content.decode(), (persona, url)


@pytest.mark.django_db
def test_the_leader_herself_reads_the_note_in_one_place_only(
    world: World, extras: Extras, client_for: ClientFor
) -> None:
    client = client_for(world.new_leader)
    carrying = [
        url for url in _get_urls(world, extras) if CANARY in client.get(url).content.decode()
    ]
    need = SupportNeed.objects.get(leader=world.new_leader.leader)
    assert carrying == [f"/api/me/support-needs/{need.id}/"]


@pytest.mark.django_db
def test_a_boss_never_learns_of_the_need_at_all(
    world: World, extras: Extras, client_for: ClientFor
) -> None:
    """Not the note, not the topic of the need, not that a need exists."""
    client = client_for(world.boss)
    for url in _get_urls(world, extras):
        body = client.get(url).content.decode()
        assert "has_note" not in body, url
        assert '"weight"' not in body, url
