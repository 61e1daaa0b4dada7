"""Notification e-mails: HTML and plain text, the recipient's language, links, HR's digest."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.utils.translation import gettext_lazy

from backend.notifications.email import digest_send
from backend.notifications.models import Notification
from backend.notifications.services import notify
from tests.conftest import World

pytestmark = pytest.mark.django_db(transaction=True)  # the mail goes out after commit
BASE = "https://sparring.testrup.dk"


@pytest.fixture(autouse=True)
def _base_url(settings: Any) -> None:
    settings.SPARRING_BASE_URL = BASE


def _html(message: Any) -> str:
    ((html, mimetype),) = message.alternatives
    assert mimetype == "text/html"
    return str(html)


def test_a_notification_is_mailed_as_html_and_text_in_the_recipient_s_language(
    world: World,
) -> None:
    mette = world.new_leader
    mette.email, mette.language = "mette@testrup.dk", "da"
    mette.save()
    peter = world.boss
    peter.email, peter.language = "peter@testrup.dk", "en"
    peter.save()
    for user in (mette, peter):
        notify(
            user=user,
            kind="mentoring.suggestions",
            subject=gettext_lazy("Choose your mentor"),
            body=gettext_lazy("Suggested mentors are ready for you to choose from."),
            url="/mentoring/suggestions",
        )
    da, en = mail.outbox
    assert da.to == ["mette@testrup.dk"] and da.subject == "Sparring: Vælg din mentor"
    assert da.extra_headers["Content-Language"] == "da"
    assert "Hej Mette Kjær" in da.body
    assert f"Åbn i Sparring: {BASE}/mentoring/suggestions" in da.body
    assert f"{BASE}/me/profile" in da.body
    html = _html(da)
    assert '<html lang="da">' in html
    assert f'href="{BASE}/mentoring/suggestions"' in html
    assert f'href="{BASE}/me/profile"' in html
    assert en.subject == "Sparring: Choose your mentor"
    assert f"Open in Sparring: {BASE}/mentoring/suggestions" in en.body
    assert "Choose which e-mails you get" in _html(en)
    assert Notification.objects.filter(emailed=True).count() == 2


def test_hr_s_escalations_wait_for_one_daily_digest(world: World) -> None:
    hr = world.hr
    hr.email, hr.language = "hr@testrup.dk", "da"
    hr.save()
    for n in (1, 2, 3):
        notify(
            user=hr,
            kind="onboarding.escalated",
            subject=f"Punkt {n} er forsinket",
            url=f"/hr/overview/{n}",
            dedupe_key=f"esc-{n}",
        )
    assert mail.outbox == []
    assert digest_send() == 1
    (digest,) = mail.outbox
    assert digest.subject == "Sparring: 3 sager til HR i dag"
    for n in (1, 2, 3):
        assert f"Punkt {n} er forsinket" in digest.body
        assert f'href="{BASE}/hr/overview/{n}"' in _html(digest)
    assert digest_send() == 0  # nothing twice
    assert len(mail.outbox) == 1


def test_a_leader_s_own_reminder_is_not_held_for_the_digest(world: World) -> None:
    mette = world.new_leader
    mette.email = "mette@testrup.dk"
    mette.save()
    notify(user=mette, kind="onboarding.escalated", subject="x", url="/plan")
    assert len(mail.outbox) == 1
