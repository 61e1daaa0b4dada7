"""The machinery of the role × endpoint × object matrix (the table is in ``test_matrix.py``).

Kept apart from the table so the table reads as a document: one line per endpoint, method and
object, one expected status per persona.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from rest_framework.test import APIClient

from backend.people import models as m
from tests.trust.scene import Scene

PERSONAS = (
    "hr",
    "hr_scoped",
    "leader",
    "boss",
    "grand_boss",
    "mentor",
    "peer",
    "outsider",
    "other_org",
    "anon",
)
METHODS = ("get", "post", "put", "patch", "delete")


@dataclass(frozen=True)
class Case:
    """One line of the matrix: an endpoint, a method, an object, and each persona's status."""

    route: str
    method: str
    target: str  # "-" (no object), "own" (Mette's), "open" (her open network), "andeby"
    expect: dict[str, int]


def parse(table: str) -> list[Case]:
    """Parse the whitespace-separated matrix (``#`` starts a comment)."""
    cases = []
    for raw in table.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        route, method, target, *statuses = line.split()
        assert len(statuses) == len(PERSONAS), f"{route} {method}: {len(statuses)} statuses"
        cases.append(
            Case(
                route, method.upper(), target, dict(zip(PERSONAS, map(int, statuses), strict=True))
            )
        )
    return cases


def api_patterns() -> Iterator[tuple[str, str, list[str]]]:
    """Yield (route, name, methods) of every URL pattern under ``/api/``."""

    def walk(patterns: list[Any], prefix: str) -> Iterator[tuple[str, URLPattern]]:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            else:
                yield prefix + str(pattern.pattern), pattern

    for route, pattern in walk(get_resolver().url_patterns, ""):
        if not route.startswith("api/"):
            continue
        view = getattr(pattern.callback, "view_class", None)
        # A plain function view (the calendar feed) answers GET.
        methods = ["GET"] if view is None else [m.upper() for m in METHODS if hasattr(view, m)]
        yield route, str(pattern.name), methods


KWARG = re.compile(r"<(?:\w+:)?(\w+)>")
_kwargs_cache: dict[str, list[str]] = {}


def _kwargs_of() -> dict[str, list[str]]:
    if not _kwargs_cache:
        for api_route, name, _methods in api_patterns():
            _kwargs_cache[name] = KWARG.findall(api_route)
    return _kwargs_cache


def url_for(scene: Scene, route: str, target: str) -> str:
    """Return the URL of a route for the target's object (ids from ``scene.ids``)."""
    kwargs = _kwargs_of().get(route)
    if kwargs is None:
        raise KeyError(route)
    if not kwargs:
        return reverse(route)
    ids = scene.ids[target]
    values = {}
    for kwarg in kwargs:
        key = "template_item_id" if route == "onboarding-template-item" else kwarg
        values[kwarg] = ids[key]
    return reverse(route, kwargs=values)


def user_of(scene: Scene, persona: str) -> m.User | None:
    """Return the login of a persona (``None`` for anonymous)."""
    world = scene.world
    return {
        "hr": world.hr,
        "hr_scoped": world.hr_scoped,
        "leader": world.new_leader,
        "boss": world.boss,
        "grand_boss": world.grand_boss,
        "mentor": world.mentor,
        "peer": world.outsider,
        "outsider": scene.unrelated,
        "other_org": world.other_organisation,
        "anon": None,
    }[persona]


def call(
    scene: Scene,
    client_for: Callable[[m.User | None], APIClient],
    case: Case,
    persona: str,
    body: dict[str, Any],
) -> tuple[int, bytes]:
    """Make the case's request as the persona, rolled back afterwards so cases do not interact."""
    cache.clear()  # login throttling counts per client address
    # One logged-in client per persona; the auth routes (logout ends the session) get a fresh one.
    clients = scene.clients
    if case.route.startswith("auth-") or persona not in clients:
        clients[persona] = client_for(user_of(scene, persona))
    client = clients[persona]
    url = url_for(scene, case.route, case.target)
    with transaction.atomic():
        response = getattr(client, case.method.lower())(url, body, format="json")
        transaction.set_rollback(True)
    content = b"" if getattr(response, "streaming", False) else response.content
    return response.status_code, content
