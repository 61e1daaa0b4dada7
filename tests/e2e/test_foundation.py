"""First journeys: login, the language switch, and a boss who guesses a support-need address."""

from __future__ import annotations

import pytest

from backend.people import models as m
from tests.conftest import CANARY, World
from tests.e2e.conftest import Browser

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_login_page_is_accessible_in_both_languages(browser: Browser) -> None:
    browser.goto("/")
    # Anonymous visitors land on the login page, in Danish.
    browser.page.wait_for_url("**/login")
    browser.expect_heading("Log ind")
    assert browser.page.evaluate("document.documentElement.lang") == "da"
    browser.check("login")
    browser.switch_language("en")
    browser.expect_heading("Sign in")
    browser.check("login")


def test_wrong_password_is_said_plainly(browser: Browser, world: World) -> None:
    browser.goto("/login")
    browser.page.get_by_label("Brugernavn").fill(world.new_leader.username)
    browser.page.get_by_label("Adgangskode").fill("wrong")
    browser.page.get_by_role("button", name="Log ind").click()
    alert = browser.page.get_by_role("alert")
    alert.wait_for()
    assert "forkert" in alert.inner_text()


def test_language_choice_is_remembered_on_the_user(browser: Browser, world: World) -> None:
    leader = world.new_leader
    browser.login(leader)
    browser.expect_heading("Velkommen, " + leader.leader.full_name)
    browser.check("home")
    browser.switch_language("en")
    browser.expect_heading("Welcome, " + leader.leader.full_name)
    browser.check("home")
    browser.page.wait_for_load_state("networkidle")
    leader.refresh_from_db()
    assert leader.language == "en"

    # A new browser session (no local storage) starts in the saved language after login.
    browser.page.get_by_role("button", name="Sign out").click()
    browser.page.context.clear_cookies()
    browser.page.evaluate("window.localStorage.clear()")
    browser.login(leader)
    assert browser.page.evaluate("document.documentElement.lang") == "en"


def test_boss_typing_a_support_need_address_gets_not_found(browser: Browser, world: World) -> None:
    need = m.SupportNeed.objects.get(leader=world.new_leader.leader)
    browser.login(world.boss)
    for language, title in (("da", "Siden findes ikke"), ("en", "Page not found")):
        if language == "en":
            browser.switch_language("en")
        browser.goto(f"/me/support-needs/{need.id}")
        browser.expect_heading(title)
        browser.check("not-found")
        assert CANARY not in browser.page.content()
    # The server agrees: the API answers 404, not 403, and says nothing of the need.
    status, body = browser.page.evaluate(
        """async id => {
            const r = await fetch(`/api/me/support-needs/${id}/`, {credentials: 'same-origin'});
            return [r.status, await r.text()];
        }""",
        need.id,
    )
    assert status == 404
    assert CANARY not in body
