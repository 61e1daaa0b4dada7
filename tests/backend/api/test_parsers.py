"""Hostile JSON bodies: nesting that would exhaust the stack is a 400, never a 500."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from rest_framework.test import APIClient

from backend.api.parsers import MAX_DEPTH, text_nesting_exceeds
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


# --- Every write endpoint in the schema -----------------------------------------------------


def _write_operations() -> list[tuple[str, str]]:
    """Every (method, path) of a write in the OpenAPI schema, ids filled in with 1."""
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    operations = []
    for path, item in schema["paths"].items():
        for method in item:
            if method not in ("post", "put", "patch", "delete"):
                continue
            operations.append((method, re.sub(r"\{[^}]+\}", "1", path)))
    return operations


def test_every_write_endpoint_in_the_schema_refuses_a_2000_level_body(
    world: World, client_for: Callable[[m.User | None], APIClient]
) -> None:
    """Walks the schema, skipping nothing: each write answers 400 naming the nesting.

    Also those that never read a body (log out, mark as read) and the multipart import: the
    check is ``JsonBodyLimitsMiddleware``'s, before any view. Should a role check ever come
    first (a 403), the next persona is tried, so each operation meets one with the role.
    """
    personas = [world.hr, world.new_leader, world.mentor, world.boss]
    clients = [client_for(user) for user in personas]
    body = _nested(2_000)
    operations = _write_operations()
    assert len(operations) > 60
    refused: list[str] = []
    for method, path in operations:
        statuses = []
        for client in clients:
            response = getattr(client, method)(
                path, data=body, content_type="application/json", HTTP_ACCEPT_LANGUAGE="en"
            )
            statuses.append(response.status_code)
            assert response["Content-Type"].startswith("application/json"), (method, path)
            if response.status_code != 403:
                break
        if statuses[-1] != 400 or "nested too deeply" not in response.json().get("detail", ""):
            refused.append(f"{method.upper()} {path}: {statuses} {response.content[:120]!r}")
    assert not refused, "\n".join(refused)


def test_a_json_body_over_the_size_limit_is_a_413_in_json(
    world: World, client_for: Callable[[m.User | None], APIClient], settings: Any
) -> None:
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
    client = client_for(world.new_leader)
    body = '{"language": "en", "padding": "' + "x" * (1024 * 1024) + '"}'
    response = client.patch(
        "/api/me/", data=body, content_type="application/json", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 413
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["detail"] == "The request body is too large; the limit is 1 MB."
    assert client.get("/api/me/").json()["language"] != "en"


def test_the_default_size_limit_is_5_mb() -> None:
    from django.conf import settings

    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE == 5 * 1024 * 1024


@pytest.mark.parametrize(
    ("text", "deep"),
    [
        (b'{"a": "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}', False),
        (b'{"a": "\\"[[[["}', False),
        (b"[" * MAX_DEPTH + b"]" * MAX_DEPTH, False),
        (b"[" * (MAX_DEPTH + 1) + b"]" * (MAX_DEPTH + 1), True),
        (b"[" * 2_000, True),
        (b"[1, 2, {}]" * 1_000, False),
    ],
)
def test_the_depth_of_a_json_text_is_read_without_decoding_it(text: bytes, deep: bool) -> None:
    assert text_nesting_exceeds(text) is deep


def test_a_form_body_over_the_size_limit_is_a_413_in_json_too(
    world: World, client_for: Callable[[m.User | None], APIClient], settings: Any
) -> None:
    """A form body reaches DRF's form parser, where Django refuses it; the exception handler
    answers in JSON (it was Django's HTML "Bad Request (400)")."""
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
    response = client_for(world.new_leader).patch(
        "/api/me/",
        data="language=en&padding=" + "x" * (1024 * 1024),
        content_type="application/x-www-form-urlencoded",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 413
    assert response.json()["detail"] == "The request body is too large; the limit is 1 MB."
