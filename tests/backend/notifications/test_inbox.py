"""The inbox's unread count and "mark all as read", and the user's choice of e-mails."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from rest_framework.test import APIClient

from backend.notifications.models import EmailPreference, Notification
from backend.notifications.privacy import erase_leader, export_leader
from backend.notifications.services import notify
from backend.people import models as m
from tests import factories as f
from tests.conftest import World

pytestmark = pytest.mark.django_db

Client = Callable[[m.User | None], APIClient]


def test_the_unread_count_is_the_callers_own(world: World, client_for: Client) -> None:
    f.NotificationFactory(user=world.new_leader)
    f.NotificationFactory(user=world.new_leader)
    read = f.NotificationFactory(user=world.new_leader)
    f.NotificationFactory(user=world.boss)
    client = client_for(world.new_leader)
    client.post(f"/api/notifications/{read.id}/read/")

    assert client.get("/api/notifications/unread-count/").json() == {"unread": 2}
    assert client_for(world.outsider).get("/api/notifications/unread-count/").json() == {
        "unread": 0
    }
    unread = client.get("/api/notifications/", {"unread": "true"}).json()["results"]
    assert len(unread) == 2 and all(n["read_at"] is None for n in unread)
    assert [
        n["id"] for n in client.get("/api/notifications/", {"unread": "false"}).json()["results"]
    ] == [read.id]


def test_mark_all_read_touches_only_the_callers_unread_ones(
    world: World, client_for: Client
) -> None:
    mine = [f.NotificationFactory(user=world.new_leader) for _ in range(3)]
    theirs = f.NotificationFactory(user=world.boss)
    client = client_for(world.new_leader)
    client.post(f"/api/notifications/{mine[0].id}/read/")
    mine[0].refresh_from_db()
    first = mine[0].read_at

    assert client.post("/api/notifications/read-all/").json() == {"marked": 2}
    assert client.get("/api/notifications/unread-count/").json() == {"unread": 0}
    mine[0].refresh_from_db()
    assert mine[0].read_at == first  # the first time it was read is kept
    theirs.refresh_from_db()
    assert theirs.read_at is None
    assert client.post("/api/notifications/read-all/").json() == {"marked": 0}


def test_anonymous_callers_have_no_inbox(client_for: Client) -> None:
    anonymous = client_for(None)
    assert anonymous.get("/api/notifications/unread-count/").status_code == 403
    assert anonymous.post("/api/notifications/read-all/").status_code == 403
    assert anonymous.get("/api/me/email-preferences/").status_code == 403


def test_every_group_goes_by_email_until_the_user_mutes_it(
    world: World, client_for: Client
) -> None:
    client = client_for(world.new_leader)
    assert client.get("/api/me/email-preferences/").json() == {
        "mentoring": True,
        "networks": True,
        "onboarding": True,
    }
    answer = client.patch("/api/me/email-preferences/", {"networks": False}, format="json")
    assert answer.json() == {"mentoring": True, "networks": False, "onboarding": True}
    # A partial body changes only what it names; another user's choice is their own.
    client.patch("/api/me/email-preferences/", {"onboarding": False}, format="json")
    assert client.get("/api/me/email-preferences/").json()["networks"] is False
    assert client_for(world.boss).get("/api/me/email-preferences/").json()["networks"] is True
    client.patch("/api/me/email-preferences/", {"networks": True}, format="json")
    assert EmailPreference.objects.get(user=world.new_leader).muted == ["onboarding"]


def test_a_malformed_choice_is_refused(world: World, client_for: Client) -> None:
    client = client_for(world.new_leader)
    answer = client.patch("/api/me/email-preferences/", {"networks": "perhaps"}, format="json")
    assert answer.status_code == 400
    assert "networks" in answer.json()


def test_a_muted_group_still_reaches_the_inbox_but_sends_no_email(
    world: World,
    django_capture_on_commit_callbacks: Callable[..., Any],
    mailoutbox: list[Any],
) -> None:
    user = world.new_leader
    user.email = "mette@testrup.dk"
    user.save(update_fields=["email"])
    EmailPreference.objects.create(user=user, muted=["networks"])

    with django_capture_on_commit_callbacks(execute=True):
        notify(user=user, kind="networks.introduction", subject="Peter vil gerne møde dig")
        notify(user=user, kind="mentoring.proposal", subject="Du har et mentorforslag")

    assert Notification.objects.filter(user=user).count() == 2
    assert [message.subject for message in mailoutbox] == ["Sparring: Du har et mentorforslag"]
    assert Notification.objects.get(kind="networks.introduction").emailed is False


def test_the_email_choice_is_in_the_export_and_goes_with_erasure(world: World) -> None:
    leader = world.new_leader.leader
    assert leader is not None
    assert export_leader(leader)["email_muted_groups"] == []
    EmailPreference.objects.create(user=world.new_leader, muted=["networks"])
    assert export_leader(leader)["email_muted_groups"] == ["networks"]
    erase_leader(leader)
    assert not EmailPreference.objects.filter(user=world.new_leader).exists()
