"""The inbox API: a user lists and marks read their own notifications, never anyone else's."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rest_framework.test import APIClient

from backend.people import models as m
from tests import factories as f
from tests.conftest import World

pytestmark = pytest.mark.django_db

Client = Callable[[m.User | None], APIClient]


def test_a_user_lists_only_their_own_notifications_newest_first(
    world: World, client_for: Client
) -> None:
    first = f.NotificationFactory(user=world.new_leader, kind="onboarding.due_soon")
    second = f.NotificationFactory(user=world.new_leader, kind="mentoring.proposal")
    f.NotificationFactory(user=world.boss, kind="onboarding.due_soon", subject="Til Peter")
    client = client_for(world.new_leader)

    listing = client.get("/api/notifications/").json()
    assert [n["id"] for n in listing["results"]] == [second.id, first.id]
    filtered = client.get("/api/notifications/", {"kind": "onboarding.due_soon"}).json()
    assert [n["id"] for n in filtered["results"]] == [first.id]
    assert client_for(world.outsider).get("/api/notifications/").json()["results"] == []


def test_marking_read_is_for_the_owner_and_keeps_the_first_time(
    world: World, client_for: Client
) -> None:
    mine = f.NotificationFactory(user=world.new_leader)
    url = f"/api/notifications/{mine.id}/read/"

    # Someone else's notification does not exist for the caller, and stays unread.
    assert client_for(world.boss).post(url).status_code == 404
    mine.refresh_from_db()
    assert mine.read_at is None

    client = client_for(world.new_leader)
    response = client.post(url)
    assert response.status_code == 200
    read_at = response.json()["read_at"]
    assert read_at is not None
    # Reading again changes nothing: the first time it was read is kept.
    assert client.post(url).json()["read_at"] == read_at
    listed = client.get("/api/notifications/").json()["results"]
    assert [(n["id"], n["read_at"]) for n in listed] == [(mine.id, read_at)]
