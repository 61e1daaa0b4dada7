"""Single sign-on in the browser, through a real OpenID Connect provider (tests.oidc_provider).

The login screen offers "Log ind med <the organisation's IdP>"; the browser goes to the
provider, signs in there, and comes back: a leader to their plan, HR (by the group claim) to
HR's overview; the refused cases back to the login screen with a message that says why.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect

from backend.identity.models import IdentityProvider
from onboarding.models import Plan
from tests.conftest import World
from tests.e2e.conftest import Browser
from tests.oidc_provider import Provider, start_provider

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

HR_GROUP = "5b2f7d0c-hr-udvikling"
IDP_USERS = {
    "mette.idp": {"employee_number": "E-3001", "email": "mette@testrup.dk"},
    "hanne.idp": {"email": "hanne.hr@testrup.dk", "groups": [HR_GROUP]},
    "rengoering.idp": {"employee_number": "E-7777", "email": "rengoering@testrup.dk"},
    "soren.idp": {"employee_number": "E-3002"},
    "jens.idp": {"employee_number": "E-3003", "aud": "another-application"},
}


@pytest.fixture(scope="module")
def idp(live_server: Any) -> Iterator[Provider]:
    with start_provider(
        redirect_uri=f"{live_server.url}/api/auth/sso/callback/", users=IDP_USERS
    ) as provider:
        yield provider


@pytest.fixture
def sso_world(world: World, idp: Provider) -> World:
    """Testrup Kommune logs in through the provider; three leaders carry its employee numbers."""
    for user, number in (
        (world.new_leader, "E-3001"),
        (world.outsider, "E-3002"),
        (world.mentor, "E-3003"),
    ):
        assert user.leader is not None
        user.leader.employee_number = number
        user.leader.save()
    IdentityProvider.objects.create(
        organisation=world.org,
        sso_enabled=True,
        display_name="Testrup Kommune",
        issuer=idp.issuer,
        client_id=idp.client_id,
        client_secret=idp.client_secret,
        hr_group=HR_GROUP,
        local_passwords_enabled=False,
    )
    return world


def _sign_in_at_the_idp(browser: Browser, idp: Provider, username: str) -> None:
    page = browser.page
    browser.goto("/login")
    page.get_by_role("link", name="Log ind med Testrup Kommune").click()
    page.get_by_label("IdP user name").fill(username)
    page.get_by_label("IdP password").fill(idp.password)
    page.get_by_role("button", name="Sign in at the IdP").click()


def test_the_login_screen_offers_the_organisation_s_login_and_folds_passwords_away(
    browser: Browser, sso_world: World
) -> None:
    browser.goto("/login")
    expect(browser.page.get_by_role("link", name="Log ind med Testrup Kommune")).to_be_visible()
    # Local passwords are off: the form is the administrators' break-glass login, folded away.
    expect(browser.page.get_by_label("Brugernavn")).to_be_hidden()
    browser.check("login-sso")
    browser.page.get_by_text("Login for administratorer").click()
    expect(browser.page.get_by_label("Brugernavn")).to_be_visible()
    browser.switch_language("en")
    expect(browser.page.get_by_role("link", name="Log in with Testrup Kommune")).to_be_visible()
    browser.check("login-sso")


def test_a_leader_logs_in_through_the_idp_and_lands_on_their_plan(
    browser: Browser, sso_world: World, idp: Provider, mette_plan: Plan
) -> None:
    _sign_in_at_the_idp(browser, idp, "mette.idp")
    browser.page.wait_for_url(re.compile(r"/plan$"))
    browser.expect_heading("Min plan")
    browser.check("sso-leader-plan")


def test_hr_by_the_group_claim_lands_on_hr_s_overview(
    browser: Browser, sso_world: World, idp: Provider
) -> None:
    _sign_in_at_the_idp(browser, idp, "hanne.idp")
    browser.page.wait_for_url(re.compile(r"/hr/overview$"))
    browser.expect_heading("Overblik over nye ledere")


@pytest.mark.parametrize(
    ("idp_user", "message"),
    [
        ("rengoering.idp", "Sparring er kun for ledere og HR"),
        ("soren.idp", "Din adgang til Sparring er lukket"),
        ("jens.idp", "Identitetsudbyderens svar var til et andet system"),
    ],
)
def test_refused_logins_come_back_to_the_login_screen_with_a_clear_message(
    browser: Browser, sso_world: World, idp: Provider, idp_user: str, message: str
) -> None:
    sso_world.outsider.is_active = False  # Søren has left: SCIM closed his login
    sso_world.outsider.save()
    _sign_in_at_the_idp(browser, idp, idp_user)
    browser.page.wait_for_url(re.compile(r"/login\?sso_error="))
    expect(browser.page.get_by_role("alert")).to_contain_text(message)
    if idp_user == "jens.idp":
        browser.check("login-sso-refused")
    # Still not logged in: the app's own pages send the browser back to the login screen.
    browser.goto("/plan")
    browser.page.wait_for_url(re.compile(r"/login"))
