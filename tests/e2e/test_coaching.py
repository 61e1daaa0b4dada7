"""A confidential coach in the browser (issue 16, item 3): HR builds the pool from nothing, the
leader asks for a coach, HR approves the matcher's proposal, the leader sees the coach's
contact — and the boss's session sees nothing of it, anywhere."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from backend.coaching.models import Coach, CoachRequest
from backend.privacy.models import AccessLogEntry
from tests.conftest import World
from tests.e2e.conftest import Browser

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
WORDS = "Jeg vil gerne tale med nogen uden for min egen ledelseslinje om min nye rolle."


def _hr_builds_the_pool(browser: Browser, world: World) -> None:
    page = browser.page
    browser.login(world.hr)
    page.get_by_role("navigation").get_by_role("link", name="Coaching").click()
    browser.expect_heading("Anmodninger om coach")
    expect(page.get_by_text("Der er ingen anmodninger.")).to_be_visible()
    page.get_by_role("link", name="Coachpuljen").click()
    browser.expect_heading("Coachpuljen")
    expect(page.get_by_text("Der er ingen coaches i puljen endnu.")).to_be_visible()
    # An external coach: a name, a firm, an e-mail; no login.
    page.get_by_label("Navn").fill("Lone Friis")
    page.get_by_label("Firma").fill("Friis Coaching")
    page.get_by_label("E-mail").fill("lone@friiscoaching.dk")
    page.get_by_role("button", name="Gem").click()
    expect(page.get_by_role("heading", name="Lone Friis")).to_be_visible()
    # An internal coach: Jens, a leader in another administration, strong in budget.
    form = page.get_by_role("form", name="Tilføj en coach")
    form.get_by_label("Intern coach").check()
    form.get_by_label("Søg efter en leder").fill("Bak")
    form.get_by_label("Leder", exact=True).select_option(label="Jens Bak · Centerleder")
    form.get_by_label(world.budget.label_da).check()
    form.get_by_role("button", name="Gem").click()
    expect(page.get_by_role("heading", name="Jens Bak")).to_be_visible()
    # The boss's boss is a coach too: the matcher must never propose her to Mette.
    form.get_by_label("Intern coach").check()
    form.get_by_label("Søg efter en leder").fill("Lund")
    form.get_by_label("Leder", exact=True).select_option(label="Karen Lund · Områdechef")
    form.get_by_label(world.budget.label_da).check()
    form.get_by_role("button", name="Gem").click()
    expect(page.get_by_role("heading", name="Karen Lund")).to_be_visible()
    assert Coach.objects.filter(organisation=world.org).count() == 3
    browser.check("coaching-pool")
    browser.switch_language("en")
    browser.expect_heading("The coach pool")
    browser.check("coaching-pool")
    browser.switch_language("da")


def _log_out(browser: Browser) -> None:
    browser.open_menu_if_folded()
    browser.page.get_by_role("button", name=re.compile("^(Log ud|Sign out)$")).click()
    browser.page.wait_for_url(re.compile("/login"))


def test_a_leader_gets_a_coach_and_the_line_never_learns_of_it(
    browser: Browser, world: World
) -> None:
    page = browser.page
    _hr_builds_the_pool(browser, world)
    _log_out(browser)

    # Mette asks, having read who can see it (the sentences come from the served rules).
    browser.login(world.new_leader)
    page.get_by_role("navigation").get_by_role("link", name="Få en coach").click()
    browser.expect_heading("Få en coach")
    privacy = page.get_by_role("complementary", name="Hvem kan se din anmodning")
    expect(privacy).to_contain_text("Du og HR kan læse din anmodning.")
    expect(privacy).to_contain_text(
        "Din chef og lederne over dig, din mentor og andre ledere kan ikke se den"
    )
    page.get_by_label("Hvad vil du gerne have hjælp til?").fill(WORDS)
    page.get_by_label(world.budget.label_da).check()
    page.get_by_role("button", name="Send anmodningen til HR").click()
    expect(page.get_by_text("Venter på HR")).to_be_visible()
    browser.check("coaching-request")
    browser.switch_language("en")
    browser.expect_heading("Ask for a coach")
    browser.check("coaching-request")
    browser.switch_language("da")
    _log_out(browser)

    # The boss and the boss's boss: no request, no count, no notification, anywhere.
    for boss in (world.boss, world.grand_boss):
        browser.login(boss)
        for path in ("/", "/my-leaders", "/me/notifications", "/coach"):
            browser.goto(path)
            page.get_by_role("heading", level=1).wait_for()
            expect(page.locator("body")).not_to_contain_text(WORDS)
            expect(page.locator("body")).not_to_contain_text("Mette Kjær beder")
        expect(page.get_by_role("navigation")).not_to_contain_text("Coaching")
        browser.goto("/hr/coaching/requests")
        expect(page.get_by_role("alert")).to_contain_text("Kun HR for hele organisationen")
        expect(page.locator("body")).not_to_contain_text(WORDS)
        _log_out(browser)

    # HR sees the request and the proposal with its reasons, and approves it.
    browser.login(world.hr)
    browser.goto("/hr/coaching/requests")
    request = page.get_by_role("article", name=re.compile("Mette Kjær"))
    expect(request).to_contain_text(WORDS)
    expect(request).to_contain_text("Foreslået coach")
    expect(request).to_contain_text("Dækker")  # the matcher's reason, in Danish
    expect(request.get_by_role("button", name="Godkend Jens Bak")).to_be_visible()
    expect(request).not_to_contain_text("Karen Lund")  # the line is never proposed
    browser.check("coaching-queue")
    browser.switch_language("en")
    browser.expect_heading("Requests for a coach")
    expect(page.get_by_role("button", name="Approve Jens Bak")).to_be_visible()
    browser.check("coaching-queue")
    browser.switch_language("da")
    request.get_by_role("button", name="Godkend Jens Bak").click()
    expect(page.get_by_role("article", name=re.compile("Mette Kjær"))).to_contain_text(
        "Coach: Jens Bak"
    )
    assert AccessLogEntry.objects.filter(
        subject=world.new_leader.leader, actor=world.hr, what="coach_request"
    ).exists()
    _log_out(browser)

    # Mette sees her coach's contact.
    browser.login(world.new_leader)
    browser.goto("/coach")
    expect(page.get_by_text("Coach fundet")).to_be_visible()
    coach = page.get_by_role("heading", name="Din coach")
    expect(coach).to_be_visible()
    expect(page.get_by_role("link", name=world.mentor.leader.email)).to_be_visible()  # type: ignore[union-attr]
    browser.check("coaching-assigned")
    page.set_viewport_size(PHONE)  # usable on a phone
    expect(page.get_by_role("link", name=world.mentor.leader.email)).to_be_visible()  # type: ignore[union-attr]
    browser.check("coaching-assigned-phone")
    page.set_viewport_size({"width": 1280, "height": 900})
    _log_out(browser)

    # Jens sees whom he coaches, not what she wrote.
    browser.login(world.mentor)
    browser.goto("/coaching/coachees")
    browser.expect_heading("Ledere, du er coach for")
    expect(page.get_by_text("Mette Kjær")).to_be_visible()
    expect(page.locator("body")).not_to_contain_text(WORDS)
    browser.check("coaching-coachees")
    browser.switch_language("en")
    browser.expect_heading("Leaders you coach")
    browser.check("coaching-coachees")
    assert CoachRequest.objects.get(leader=world.new_leader.leader).status == "assigned"
