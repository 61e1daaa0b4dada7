"""The topic list from the shared cache: read once, and changed the moment a topic changes."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
from rest_framework.test import APIClient

from backend.people import models as m
from backend.people.services import topics_ensure_defaults
from tests import factories as f
from tests.conftest import World

pytestmark = pytest.mark.django_db

ClientFor = Callable[[m.User | None], APIClient]


@pytest.fixture(autouse=True)
def _shared_cache() -> Iterator[None]:
    """Run as production does, with a shared cache (here the test process's own)."""
    with override_settings(CACHE_URL="redis://shared-cache-in-tests"):
        cache.clear()
        yield
        cache.clear()


def _labels(client: APIClient) -> dict[str, str]:
    response = client.get("/api/topics/")
    assert response.status_code == 200
    return {row["slug"]: row["label_da"] for row in response.json()["results"]}


def _topic_queries(client: APIClient) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/api/topics/").status_code == 200
    return sum('"people_topic"' in q["sql"] for q in queries.captured_queries)


def test_the_plain_list_is_read_once(world: World, client_for: ClientFor) -> None:
    leader = client_for(world.new_leader)
    assert _topic_queries(leader) >= 1
    assert _topic_queries(leader) == 0
    assert _topic_queries(client_for(world.boss)) == 0  # same organisation, same list
    assert set(_labels(leader)) == {"budget", "roster"}


def test_a_changed_label_is_seen_at_once(world: World, client_for: ClientFor) -> None:
    leader, hr = client_for(world.new_leader), client_for(world.hr)
    assert _labels(leader)["budget"] == world.budget.label_da
    response = hr.patch(f"/api/topics/{world.budget.id}/", {"label_da": "Økonomi og budget"})
    assert response.status_code == 200
    assert _labels(leader)["budget"] == "Økonomi og budget"


def test_a_retired_topic_leaves_the_leaders_list_not_hrs(
    world: World, client_for: ClientFor
) -> None:
    leader, hr = client_for(world.new_leader), client_for(world.hr)
    assert "roster" in _labels(leader) and "roster" in _labels(hr)
    assert hr.delete(f"/api/topics/{world.roster.id}/").status_code == 204
    assert "roster" not in _labels(leader)
    assert "roster" in _labels(hr)


def test_a_new_topic_appears_at_once(world: World, client_for: ClientFor) -> None:
    leader, hr = client_for(world.new_leader), client_for(world.hr)
    assert "volunteers" not in _labels(leader)
    created = hr.post(
        "/api/topics/", {"slug": "volunteers", "label_da": "Frivillige", "label_en": "Volunteers"}
    )
    assert created.status_code == 201
    assert _labels(leader)["volunteers"] == "Frivillige"


def test_defaults_added_in_bulk_appear_at_once(world: World, client_for: ClientFor) -> None:
    leader = client_for(world.new_leader)
    before = set(_labels(leader))
    topics_ensure_defaults(organisation=world.org)
    after = set(_labels(leader))
    assert after > before


def test_each_organisation_reads_its_own_list(world: World, client_for: ClientFor) -> None:
    f.TopicFactory(organisation=world.other_organisation.organisation, slug="andeby-emne")
    assert "andeby-emne" not in _labels(client_for(world.new_leader))
    assert set(_labels(client_for(world.other_organisation))) == {"andeby-emne"}


def test_a_filtered_list_is_read_as_usual(world: World, client_for: ClientFor) -> None:
    leader = client_for(world.new_leader)
    _labels(leader)
    response = leader.get("/api/topics/", {"q": "vagtplan"})
    assert [row["slug"] for row in response.json()["results"]] == ["roster"]
