"""Hostile JSON bodies: nesting that would exhaust the stack is a 400, never a 500."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rest_framework.test import APIClient

from backend.api.parsers import MAX_DEPTH
from backend.people import models as m
from tests.conftest import World

pytestmark = pytest.mark.django_db


def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


@pytest.mark.parametrize("depth", [1_000, 100_000, MAX_DEPTH + 1])
def test_a_body_nested_too_deeply_is_refused_with_a_message(
    world: World, client_for: Callable[[m.User | None], APIClient], depth: int
) -> None:
    client = client_for(world.new_leader)
    before = client.get("/api/me/").json()
    body = '{"language": "en", "x": ' + _nested(depth - 1) + "}"
    response = client.patch(
        "/api/me/", data=body, content_type="application/json", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert f"at most {MAX_DEPTH} levels" in response.json()["detail"]
    assert client.get("/api/me/").json() == before  # nothing changed


def test_a_body_within_the_limit_is_read_as_before(
    world: World, client_for: Callable[[m.User | None], APIClient]
) -> None:
    client = client_for(world.new_leader)
    response = client.patch(
        "/api/me/", data={"language": "da"}, format="json", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 200
    assert response.json()["language"] == "da"


def test_every_write_endpoint_refuses_deep_nesting_before_it_looks_at_the_body(
    world: World, client_for: Callable[[m.User | None], APIClient]
) -> None:
    hr, leader = client_for(world.hr), client_for(world.new_leader)
    for client, path in (
        (hr, "/api/topics/"),
        (hr, "/api/programmes/"),
        (hr, "/api/onboarding/plans/create/"),
        (leader, "/api/peers/introductions/"),
        (leader, "/api/me/support-needs/"),
    ):
        response = client.post(
            path, data=_nested(1_000), content_type="application/json", HTTP_ACCEPT_LANGUAGE="en"
        )
        assert response.status_code == 400, path
        assert "nested too deeply" in response.json()["detail"], path


def test_the_message_is_in_the_callers_language(
    world: World, client_for: Callable[[m.User | None], APIClient]
) -> None:
    client = client_for(world.new_leader)
    response = client.patch(
        "/api/me/", data=_nested(1_000), content_type="application/json", HTTP_ACCEPT_LANGUAGE="da"
    )
    assert response.status_code == 400
    assert (
        response.json()["detail"]
        == f"JSON-indholdet er indlejret for dybt (højst {MAX_DEPTH} niveauer)."
    )
