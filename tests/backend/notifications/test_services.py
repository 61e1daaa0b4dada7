"""notify(): one in-app row, an e-mail after commit, and nothing twice for a dedupe key."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from backend.notifications.models import Notification
from backend.notifications.services import notify
from tests.conftest import World

pytestmark = pytest.mark.django_db

OnCommit = Callable[..., Any]


def test_notify_emails_after_commit_and_marks_the_row_emailed(
    world: World,
    django_capture_on_commit_callbacks: OnCommit,
    mailoutbox: list[Any],
    settings: Any,
) -> None:
    settings.SPARRING_BASE_URL = "https://sparring.example"
    user = world.new_leader
    user.email = "mette@testrup.dk"
    user.save(update_fields=["email"])

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        row = notify(user=user, kind="test", subject="Din plan er klar", url="/onboarding/")
        assert row is not None
    assert mailoutbox == []  # nothing leaves before the transaction commits
    for callback in callbacks:
        callback()

    [message] = mailoutbox
    assert message.to == ["mette@testrup.dk"]
    assert message.subject == "Sparring: Din plan er klar"
    assert "https://sparring.example/onboarding/" in message.body
    row.refresh_from_db()
    assert row.emailed


def test_a_dedupe_key_sends_once_and_no_email_address_sends_no_email(
    world: World, django_capture_on_commit_callbacks: OnCommit, mailoutbox: list[Any]
) -> None:
    user = world.hr  # no e-mail address
    with django_capture_on_commit_callbacks(execute=True):
        first = notify(user=user, kind="test", subject="x" * 300, dedupe_key="reminder:1")
        again = notify(user=user, kind="test", subject="Igen", dedupe_key="reminder:1")

    assert first is not None and again is None
    assert list(Notification.objects.filter(user=user).values_list("subject", flat=True)) == [
        "x" * 200
    ]
    assert mailoutbox == []
