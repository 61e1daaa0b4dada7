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


# --- the recipient's language (issue 15) ----------------------------------------------------


def test_a_notice_goes_out_in_the_recipients_language_not_the_senders(
    world: World, mailoutbox: list[Any], django_capture_on_commit_callbacks: OnCommit
) -> None:
    """Mette reads Danish and asks Søren, who reads English, for an introduction: his
    notification and e-mail are in English (they used to be in Mette's Danish)."""
    from django.utils import translation

    from backend.networks.services.introductions import introduction_request
    from backend.people.models import Leader, User

    mette = world.new_leader
    mette.language = "da"
    mette.save(update_fields=["language"])
    soren = User.objects.filter(leader__isnull=False).exclude(id=mette.id).first()
    assert soren is not None and soren.leader_id is not None
    soren.language, soren.email = "en", "soren@testrup.dk"
    soren.save(update_fields=["language", "email"])
    Leader.objects.filter(id=soren.leader_id).update(discoverable=True)

    with translation.override("da"), django_capture_on_commit_callbacks(execute=True):
        introduction_request(actor=mette, to_leader_id=soren.leader_id)

    notice = Notification.objects.get(user=soren, kind="networks.introduction")
    assert mette.leader is not None
    assert notice.subject == f"{mette.leader.full_name} would like to meet you"
    assert mailoutbox[-1].subject == f"Sparring: {notice.subject}"


def test_a_recipient_without_a_language_reads_their_organisations(world: World) -> None:
    """Lazy text is rendered per recipient: their choice, else the organisation's default."""
    from django.utils import translation
    from django.utils.translation import gettext_lazy

    from backend.notifications.services import lazy_message

    user = world.hr
    user.language = ""
    user.save(update_fields=["language"])
    world.org.default_language = "da"
    world.org.save(update_fields=["default_language"])

    with translation.override("en"):
        notice = notify(
            user=user,
            kind="test",
            subject=gettext_lazy("You have a mentor proposal"),
            body=lazy_message(gettext_lazy("%(name)s would like to meet you"), name="Ole"),
        )

    assert notice is not None
    assert (notice.subject, notice.body) == (
        "Du har fået et forslag til en mentor",
        "Ole vil gerne mødes med dig",
    )
