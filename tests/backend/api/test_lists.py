"""List reads: a query with only paging passes the filters by; a filter still filters; the
first page counts without a query only when it holds the whole list."""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable

import pytest
from django.core.paginator import UnorderedObjectListWarning
from rest_framework.test import APIClient

from backend.people import models as m
from tests.conftest import World

pytestmark = pytest.mark.django_db


def _names(response: object) -> list[str]:
    return [row["full_name"] for row in response.json()["results"]]  # type: ignore[attr-defined]


def test_paging_alone_lists_everyone_in_scope(
    world: World, client_for: Callable[[m.User | None], APIClient]
) -> None:
    client = client_for(world.hr)
    everyone = m.Leader.objects.filter(organisation=world.org).count()
    response = client.get("/api/leaders/?page=1&page_size=500&ordering=last_name")
    assert response.status_code == 200
    assert response.json()["count"] == everyone
    assert _names(response) == [
        leader.full_name
        for leader in m.Leader.objects.filter(organisation=world.org).order_by("last_name", "id")
    ]


def test_a_filter_in_the_query_still_filters(
    world: World, client_for: Callable[[m.User | None], APIClient]
) -> None:
    client = client_for(world.hr)
    leader = world.new_leader.leader
    assert leader is not None and leader.unit is not None
    response = client.get(f"/api/leaders/?page=1&unit={leader.unit_id}")
    assert response.status_code == 200
    expected = m.Leader.objects.filter(unit_id=leader.unit_id).count()
    assert response.json()["count"] == expected < m.Leader.objects.count()
    assert leader.full_name in _names(response)


def test_a_bad_filter_value_is_still_a_400_naming_the_field(
    world: World, client_for: Callable[[m.User | None], APIClient]
) -> None:
    response = client_for(world.hr).get("/api/leaders/?page=1&unit=not-a-number")
    assert response.status_code == 400
    assert "unit" in response.json()


def test_a_full_first_page_still_counts_the_whole_list(
    world: World, client_for: Callable[[m.User | None], APIClient]
) -> None:
    everyone = m.Leader.objects.filter(organisation=world.org).count()
    assert everyone > 2
    client = client_for(world.hr)
    first = client.get("/api/leaders/?page_size=2").json()
    assert first["count"] == everyone
    assert len(first["results"]) == 2
    assert first["next"] is not None
    whole = client.get("/api/leaders/?page_size=500").json()
    assert whole["count"] == len(whole["results"]) == everyone
    assert whole["next"] is None
    last = client.get(f"/api/leaders/?page_size=2&page={-(-everyone // 2)}").json()
    assert last["count"] == everyone
    assert last["next"] is None


# --- Every paginated list is ordered --------------------------------------------------------


def _paginated_lists() -> list[str]:
    """The path of every paginated list in the OpenAPI schema, ids filled in with 1."""
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    paths = []
    for path, item in schema["paths"].items():
        get = item.get("get")
        if get is None:
            continue
        names = {parameter["name"] for parameter in get.get("parameters", [])}
        if {"page", "page_size"} <= names:
            paths.append(re.sub(r"\{[^}]+\}", "1", path))
    return paths


def test_every_paginated_list_in_the_schema_is_ordered(
    world: World, client_for: Callable[[m.User | None], APIClient]
) -> None:
    """No page of any list can repeat or skip rows: Django warns of an unordered page
    (``UnorderedObjectListWarning``), and here that warning is an error.

    Each list is read by HR, a leader and a mentor, on a first and a later page (the first
    page is read before the count, a later one after it).
    """
    paths = _paginated_lists()
    assert len(paths) > 25
    answered = 0
    for user in (world.hr, world.new_leader, world.mentor):
        client = client_for(user)
        for path in paths:
            for query in ("?page=1&page_size=2", "?page=2&page_size=1&purpose=check"):
                with warnings.catch_warnings():
                    warnings.simplefilter("error", UnorderedObjectListWarning)
                    response = client.get(path + query)
                assert response.status_code < 500, (path, response.status_code)
                answered += response.status_code == 200
    assert answered > 40
