"""Hostile input: schemathesis fuzzes every API operation as HR and as a leader.

Every operation of the OpenAPI schema (``/api/schema/``) gets generated requests — valid ones
and, as schemathesis' negative mode, invalid ones — sent in-process to the WSGI app with a
token. Two checks only, the ones issue 8 asks for: no response is a server error (5xx), and
every response that the schema documents matches its documented schema. (403/404 not being
listed in the schema is drf-spectacular's habit, not a defect, so ``status_code_conformance``
is not run.)

Path parameters are often replaced by a small integer so that requests reach real rows of the
lived-in ``scene`` (ids start at 1 in the test database), not only 404s.

Excluded, with reason:

- ``POST /api/auth/logout/``: ends the session under test; harmless but it tells nothing.
- ``POST /api/privacy/leaders/{id}/erase/``: erasing the scene's leaders mid-run turns every
  later operation into a 404 fuzz of nothing (erasure has its own tests, tests/backend/privacy).
- ``POST /api/imports/leaders/``: a multipart upload; the import corpus in
  ``test_import_corpus.py`` covers it with crafted hostile files.

Short run (CI): the fuzzing phase only, 2 examples per operation and role (~130 operations x
2 roles ≈ 500 cases). The full run adds schemathesis' examples and coverage phases (boundary
values, every enum, missing and wrong-typed fields) and 40 fuzzed cases per operation and role,
≥ 10 000 cases (docs/robustness.md)::

    SCHEMATHESIS_FULL=1 SCHEMATHESIS_MAX_EXAMPLES=40 CELERY_TASK_ALWAYS_EAGER=1 \\
        python -m pytest tests/trust/test_schemathesis.py -q -p no:randomly
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig
from schemathesis.specs.openapi.checks import response_schema_conformance

from backend.people import models as m
from tests import factories as f
from tests.trust.conftest import SCHEMATHESIS_SENT

MAX_EXAMPLES = int(os.environ.get("SCHEMATHESIS_MAX_EXAMPLES", "2"))
CHECKS = [not_a_server_error, response_schema_conformance]


def _known_ids(draw_real: bool, real: int, generated: Any) -> Any:
    """Replace integer ``*_id`` path parameters with a small id when ``draw_real`` says so."""
    # Negative-mode values come wrapped (``GeneratedValue``): they are left as generated.
    if not draw_real or not isinstance(generated, dict):
        return generated
    return {
        key: (real if key.endswith("_id") and isinstance(value, int) else value)
        for key, value in generated.items()
    }


@pytest.fixture(autouse=True)
def _keep_the_test_connection() -> Iterator[None]:
    """Requests sent straight to the WSGI app keep the test's database connection open.

    Django closes a request's connection when it ends (``close_old_connections``); the test
    runs inside a transaction on that connection, so, as Django's own test client does, the
    closing is switched off while the test sends requests.
    """
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def api_schema(db: None) -> Any:
    """The app's OpenAPI schema, loaded through the WSGI app, with the exclusions above."""
    from backend.wsgi import application

    full = os.environ.get("SCHEMATHESIS_FULL") is not None
    config = SchemathesisConfig.from_dict(
        {"phases": {"examples": {"enabled": full}, "coverage": {"enabled": full}}}
    )
    schema = schemathesis.openapi.from_wsgi("/api/schema/", application, config=config)

    @schema.hook
    def before_generate_path_parameters(context: Any, strategy: st.SearchStrategy) -> Any:
        return st.builds(_known_ids, st.booleans(), st.integers(1, 12), strategy)

    return (
        schema.exclude(path="/api/auth/logout/")
        .exclude(path_regex=r"^/api/privacy/leaders/\{[a-z_]+\}/erase/$")
        .exclude(path="/api/imports/leaders/")
    )


schema = schemathesis.pytest.from_fixture("api_schema")

FUZZ_SETTINGS = settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=os.environ.get("SCHEMATHESIS_RANDOM") is None,
    suppress_health_check=list(HealthCheck),
    database=None,
)


def _token(user: m.User) -> str:
    return Token.objects.get_or_create(user=user)[0].key


def _call(case: Any, user: m.User, role: str) -> None:
    response = case.call_and_validate(
        headers={"Authorization": f"Token {_token(user)}"}, checks=CHECKS
    )
    SCHEMATHESIS_SENT[role][response.status_code] += 1


@pytest.mark.filterwarnings("ignore")
@schema.parametrize()
@FUZZ_SETTINGS
def test_api_as_hr(case: Any, scene: Any) -> None:
    """HR of the organisation: no 5xx, every documented response matches its schema."""
    _call(case, scene.world.hr, "hr")


@pytest.mark.filterwarnings("ignore")
@schema.parametrize()
@FUZZ_SETTINGS
def test_api_as_leader(case: Any, scene: Any) -> None:
    """Mette, the new leader (mentee, member, plan owner): the same two checks."""
    _call(case, scene.world.new_leader, "leader")


# What the first full run (21 000 requests) found, replayed as explicit cases so they stay fixed:
# (role, method, path, path parameters from the scene, body, content type).
FOUND_BY_THE_FULL_RUN: list[tuple[str, str, str, str | None, dict[str, Any] | None, str]] = [
    # 500: an id beyond SQLite's integers in a filter and in a body
    ("leader", "GET", "/api/peers/?administration=47924818955878751809830912", None, None, ""),
    ("hr", "GET", "/api/leaders/?administration=100000000000000000000", None, None, ""),
    # 500: a form field "null" parsed as JSON reached a NOT NULL column
    (
        "hr",
        "POST",
        "/api/programmes/",
        None,
        {"name": "x", "starts_on": "2026-12-01", "policy": "null"},
        "multipart/form-data",
    ),
    # empty 200 body without a content type: a network without a roulette
    ("leader", "GET", "/api/networks/{network_id}/roulette/", "open_network", None, ""),
    # 200 off the schema: a run started by no one (the scheduler); the mentee's own proposal
    ("hr", "GET", "/api/match-runs/{run_id}/", "run", None, ""),
    ("leader", "GET", "/api/proposals/{proposal_id}/", "proposal", None, ""),
    # 400 off the schema: an import without a file
    ("hr", "POST", "/api/imports/leaders/", None, {}, "multipart/form-data"),
]


@pytest.mark.parametrize(
    ("role", "method", "url", "object_name", "body", "media_type"), FOUND_BY_THE_FULL_RUN
)
def test_what_the_full_run_found_stays_fixed(
    scene: Any,
    role: str,
    method: str,
    url: str,
    object_name: str | None,
    body: dict[str, Any] | None,
    media_type: str,
) -> None:
    """No server error, and the response matches its documented schema."""
    from backend.wsgi import application

    schema = schemathesis.openapi.from_wsgi("/api/schema/", application)
    path, _, query = url.partition("?")
    objects = {"run": f.MatchRunFactory(programme=scene.programme, created_by=None)}
    parameters = {}
    if object_name is not None:
        target = objects.get(object_name) or getattr(scene, object_name)
        parameters = {path.split("{")[1].split("}")[0]: target.id}
    operation = schema[path][method]
    kwargs: dict[str, Any] = {"path_parameters": parameters}
    if query:
        key, _, value = query.partition("=")
        kwargs["query"] = {key: value}
    if body is not None:
        kwargs.update(body=body, media_type=media_type)
    case = operation.Case(**kwargs)
    user = scene.world.hr if role == "hr" else scene.world.new_leader
    response = case.call_and_validate(
        headers={"Authorization": f"Token {_token(user)}"}, checks=CHECKS
    )
    assert response.status_code < 500


def test_a_mentor_without_a_unit_matches_the_schema(scene: Any) -> None:
    """Second full run: ``unit`` and ``administration`` of a leader brief may be null."""
    from backend.wsgi import application

    mentor = scene.world.mentor.leader
    mentor.unit = None
    mentor.save(update_fields=["unit"])
    schema = schemathesis.openapi.from_wsgi("/api/schema/", application)
    case = schema["/api/proposals/{proposal_id}/"]["GET"].Case(
        path_parameters={"proposal_id": scene.proposal.id}
    )
    response = case.call_and_validate(
        headers={"Authorization": f"Token {_token(scene.world.hr)}"}, checks=CHECKS
    )
    assert response.json()["mentor"]["unit"] is None
