"""E-mail on the real stack: a Celery worker sends the notifications over SMTP to a real server.

The test starts an SMTP server (aiosmtpd) and a worker pointed at it; the worker runs the hourly
reminders (an overdue onboarding plan: the leader, the boss and HR are told) and the morning
digest. Every mail is read off the wire: HTML and plain text, the recipient's language, the
link the notification carries made absolute, the link to notification preferences, and not a
word of any support need.

Run with PostgreSQL and Redis: ``eval "$(scripts/services.sh start)"`` first.
"""

from __future__ import annotations

import datetime as dt
import email
import re
import socket
from collections.abc import Iterator
from email.message import EmailMessage
from email.policy import default
from typing import Any
from urllib.parse import urlparse

import pytest
from django.urls import resolve
from django.utils import timezone

from backend.celery import app
from backend.notifications.models import Notification
from backend.people.models import SupportNeed
from onboarding.models import PlanItem
from onboarding.services.plans import plan_create_for_leader
from onboarding.services.templates import templates_load
from seed.onboarding_content import TEMPLATES
from tests.conftest import CANARY, World
from tests.stack import Worker, celery_worker_factory, wait_for  # noqa: F401  (fixture)

pytestmark = [pytest.mark.stack, pytest.mark.django_db(transaction=True)]
BASE = "https://sparring.testrup.dk"
LINK = re.compile(r"https?://[^\s\"'<>]+")


class Inbox:
    """aiosmtpd handler: keeps every message it is given."""

    def __init__(self) -> None:
        self.messages: list[tuple[list[str], EmailMessage]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = email.message_from_bytes(envelope.content, policy=default)
        assert isinstance(message, EmailMessage)
        self.messages.append((list(envelope.rcpt_tos), message))
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list[EmailMessage]:
        return [m for rcpt, m in self.messages if address in rcpt]


@pytest.fixture
def smtp_server() -> Iterator[tuple[int, Inbox]]:
    from aiosmtpd.controller import Controller

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield port, inbox
    controller.stop()


@pytest.fixture
def mail_worker(
    smtp_server: tuple[int, Inbox], request: pytest.FixtureRequest, settings: Any
) -> Worker:
    port, _inbox = smtp_server
    smtp = {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(port),
        "SPARRING_BASE_URL": BASE,
    }
    settings.EMAIL_BACKEND, settings.EMAIL_HOST = smtp["EMAIL_BACKEND"], "127.0.0.1"
    settings.EMAIL_PORT, settings.SPARRING_BASE_URL = port, BASE
    worker: Worker = request.getfixturevalue("celery_worker_factory")(env=smtp)
    return worker


def _people(world: World) -> None:
    for user, address, language in (
        (world.new_leader, "mette@testrup.dk", "da"),
        (world.boss, "peter@testrup.dk", "en"),
        (world.hr, "hr@testrup.dk", "da"),
    ):
        user.email, user.language = address, language
        user.save()


def _overdue_plan(world: World) -> None:
    """Mette's plan with her own items and her boss's items three weeks overdue."""
    templates_load(organisation=world.org, templates=TEMPLATES)
    leader = world.new_leader.leader
    assert leader is not None
    plan = plan_create_for_leader(leader=leader, actor=world.hr)
    late = timezone.localdate() - dt.timedelta(days=21)
    for owner in (world.new_leader.leader_id, world.boss.leader_id):
        item = PlanItem.objects.filter(plan=plan, owner_leader_id=owner).order_by("id").first()
        assert item is not None, f"the template gives leader {owner} an item"
        PlanItem.objects.filter(id=item.id).update(due_date=late)
    # Mette asked for help with the budget: the note must never travel by mail.
    assert SupportNeed.objects.filter(leader=leader, note__contains=CANARY).exists()


def _parts(message: EmailMessage) -> tuple[str, str]:
    assert message.get_content_type() == "multipart/alternative"
    text = message.get_body(("plain",))
    html = message.get_body(("html",))
    assert text is not None and html is not None
    return str(text.get_content()), str(html.get_content())


def _check_links(text: str, html: str, notification_urls: set[str]) -> None:
    links = set(LINK.findall(text)) | set(LINK.findall(html))
    assert f"{BASE}/me/profile" in links
    into_app = {link for link in links if link != f"{BASE}/me/profile"}
    assert into_app, "the mail links into the app"
    for link in into_app:
        assert link.startswith(BASE + "/"), link
        path = link[len(BASE) :].replace("&amp;", "&")
        assert path in notification_urls, path  # the link the notification carries
        assert resolve(urlparse(path).path).url_name == "spa"  # a screen of the web app


def test_reminders_and_the_digest_arrive_over_smtp_in_each_reader_s_language(
    world: World, smtp_server: tuple[int, Inbox], mail_worker: Worker
) -> None:
    _port, inbox = smtp_server
    _people(world)
    _overdue_plan(world)

    app.send_task("onboarding.reminders_send")
    wait_for(
        lambda: inbox.to("mette@testrup.dk") and inbox.to("peter@testrup.dk"),
        timeout=60,
        what=lambda: f"the reminders; worker log:\n{mail_worker.log()[-3000:]}",
    )
    # HR's own reminders (items HR owns) go at once; their escalations wait for the digest.
    escalated = Notification.objects.filter(user=world.hr, kind="onboarding.escalated")
    assert escalated.exists() and not escalated.filter(emailed=True).exists()
    hr_at_once = Notification.objects.filter(user=world.hr).exclude(kind="onboarding.escalated")
    wait_for(
        lambda: len(inbox.to("hr@testrup.dk")) == hr_at_once.count(),
        timeout=30,
        what="HR's own reminders",
    )
    before_digest = len(inbox.to("hr@testrup.dk"))

    app.send_task("notifications.digest_send")
    wait_for(
        lambda: len(inbox.to("hr@testrup.dk")) > before_digest,
        timeout=60,
        what=lambda: f"the digest; worker log:\n{mail_worker.log()[-3000:]}",
    )
    digest = inbox.to("hr@testrup.dk")[-1]
    assert re.fullmatch(
        rf"Sparring: {escalated.count()} sager? til HR i dag", str(digest["Subject"])
    )
    digest_text, _html = _parts(digest)
    for notification in escalated:
        assert notification.subject in digest_text
    assert not escalated.filter(emailed=False).exists()

    urls = set(Notification.objects.values_list("url", flat=True))
    for address, language, hello in (
        ("mette@testrup.dk", "da", "Hej Mette Kjær"),
        ("peter@testrup.dk", "en", "Hello Peter Holm,"),
        ("hr@testrup.dk", "da", "Hej "),
    ):
        for message in inbox.to(address):
            assert message["Content-Language"] == language
            text, html = _parts(message)
            assert hello in text
            assert f'<html lang="{language}">' in html
            assert ("Åbn i Sparring" if language == "da" else "Open in Sparring") in text
            _check_links(text, html, urls)
    assert "Overdue:" in str(inbox.to("peter@testrup.dk")[0]["Subject"])

    # Not one word of a support need in anything that went over the wire.
    for _rcpt, message in inbox.messages:
        assert CANARY not in message.as_string()
        for part in message.walk():
            if part.get_content_maintype() == "text":
                assert CANARY not in str(part.get_content())
                assert "budgettet" not in str(part.get_content())
