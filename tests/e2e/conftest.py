"""Browser fixtures: the built web app on a live Django server, driven by headless Chromium.

The app must be built first (``cd frontend && npm ci && npm run build``); the tests use Debian's
Chromium (``/usr/bin/chromium``) through Playwright, never a downloaded browser. Every screen a
journey visits goes through :func:`Browser.check`, which runs axe-core (0 serious or critical
violations) and saves a screenshot.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.cache import cache

from backend.people import models as m
from backend.people.services import staff_contact_set_units, staff_function_get_or_create
from onboarding.models import Plan
from onboarding.services.plans import plan_create_for_leader
from onboarding.services.templates import templates_load
from seed.onboarding_content import TEMPLATES
from tests import factories as f
from tests.conftest import World

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make between
# browser steps are still plain synchronous code, so Django's async-safety check is a false alarm.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "frontend" / "dist"
AXE = ROOT / "frontend" / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = os.environ.get("SPARRING_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Every run writes here (ignored by git); point it at docs/screenshots to refresh the committed
# pictures: SPARRING_SCREENSHOTS_DIR=docs/screenshots pytest -m e2e tests/e2e
SCREENSHOTS = ROOT / os.environ.get("SPARRING_SCREENSHOTS_DIR", "tests/e2e/screenshots/latest")
PASSWORD = "sparring-test-pw"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def _require(path: Path, how: str) -> None:
    if not path.exists():
        pytest.fail(f"{path.relative_to(ROOT)} is missing: {how}", pytrace=False)


@pytest.fixture(autouse=True)
def fast_password_hashing(settings: Any) -> None:
    """Hash persona passwords with a fast hasher: PBKDF2 costs over a second per user here."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """One headless Chromium for the whole run."""
    _require(DIST / "index.html", "build the web app first: cd frontend && npm ci && npm run build")
    _require(AXE, "install the frontend's packages first: cd frontend && npm ci")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class Browser:
    """A page on the live server, with the checks every screen gets."""

    page: Any
    base_url: str
    checked: list[str] = field(default_factory=list)

    def goto(self, path: str) -> None:
        self.page.goto(self.base_url + path)
        self.page.wait_for_load_state("networkidle")

    def login(self, user: m.User) -> None:
        """Log in through the login page as ``user``."""
        # UserFactory sets the password in memory only (no save after post-generation).
        user.set_password(PASSWORD)
        user.save(update_fields=["password"])
        self.goto("/login")
        self.page.get_by_label(re.compile("Brugernavn|User name")).fill(user.username)
        self.page.get_by_label(re.compile("Adgangskode|Password")).fill(PASSWORD)
        self.page.get_by_role("button", name=re.compile("^(Log ind|Sign in)$")).click()
        # On a phone "Log out" is folded behind the menu button with the rest of the banner.
        signed_in = re.compile("^(Log ud|Sign out|Menu)$")
        self.page.get_by_role("button", name=signed_in).first.wait_for()

    def open_menu_if_folded(self) -> None:
        """On a small screen, open the folded menu (navigation, language, log out)."""
        menu = self.page.get_by_role("button", name="Menu", exact=True)
        if menu.count() and menu.is_visible() and menu.get_attribute("aria-expanded") == "false":
            menu.click()

    def switch_language(self, language: str) -> None:
        """Press the language button (each is named in its own language)."""
        name = {"da": "Dansk", "en": "English"}[language]
        self.open_menu_if_folded()
        self.page.get_by_role("button", name=name, exact=True).click()
        self.page.wait_for_function(f"document.documentElement.lang === '{language}'")

    def heading(self) -> str:
        return str(self.page.get_by_role("heading", level=1).inner_text())

    def expect_heading(self, text: str) -> None:
        """Wait until the screen's one h1 reads ``text`` (screens load their data first)."""
        from playwright.sync_api import expect

        expect(self.page.get_by_role("heading", level=1)).to_have_text(text)

    def check(self, name: str) -> None:
        """Run axe-core on the current screen and save a screenshot named ``name``-<lang>."""
        self.page.wait_for_load_state("networkidle")
        self.page.get_by_role("heading", level=1).wait_for()
        language = self.page.evaluate("document.documentElement.lang")
        title = self.page.title()
        assert title and "Sparring" in title, f"{name}: page title missing ({title!r})"
        self.page.add_script_tag(path=str(AXE))
        result = self.page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
        )
        bad = [v for v in result["violations"] if v["impact"] in ("serious", "critical")]
        summary = [
            {
                "id": v["id"],
                "impact": v["impact"],
                "help": v["help"],
                "nodes": [n["target"] for n in v["nodes"]][:5],
            }
            for v in bad
        ]
        assert not bad, f"axe on {name} ({language}): " + json.dumps(summary, indent=1)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SCREENSHOTS / f"{name}-{language}.png"))
        self.checked.append(f"{name}-{language}")


@pytest.fixture
def browser(chromium: Any, live_server: Any, transactional_db: None) -> Iterator[Browser]:
    """A fresh browser context (no cookies) on the live server, Danish by default."""
    # The login throttle counts per address in the cache; each test starts with a clean slate.
    cache.clear()
    assert settings.FRONTEND_DIST.exists()
    # bypass_csp lets the test inject axe-core; the app itself runs under the server's CSP.
    context = chromium.new_context(
        locale="da-DK", viewport={"width": 1280, "height": 900}, bypass_csp=True
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield Browser(page=page, base_url=live_server.url)
    context.close()
    assert not errors, f"JavaScript errors in the page: {errors}"


@pytest.fixture
def mette_plan(world: World) -> Plan:
    """The study's templates in Testrup Kommune, Mette's plan, and the consultants serving her."""
    templates_load(organisation=world.org, templates=TEMPLATES)
    leader = world.new_leader.leader
    assert leader is not None
    finance = staff_function_get_or_create(organisation=world.org, kind="finance", name="Økonomi")
    hanne = f.StaffContactFactory(
        staff_function=finance,
        name="Hanne Sørensen",
        title="Økonomikonsulent",
        email="hanne.soerensen@testrup.dk",
        phone="+45 72 36 10 10",
    )
    staff_contact_set_units(contact=hanne, units=[leader.unit])
    return plan_create_for_leader(leader=leader, actor=world.hr)
