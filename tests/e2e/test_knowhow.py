"""Journey: a leader describes a problem, finds who has solved it, asks, and gets the contact."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from backend.networks.models import IntroductionRequest
from backend.people import models as m
from tests import factories as f
from tests.conftest import World
from tests.e2e.conftest import Browser

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _nav(browser: Browser, name: str) -> None:
    browser.open_menu_if_folded()
    browser.page.get_by_role("navigation").get_by_role("link", name=name, exact=True).click()


def _relogin(browser: Browser, user: m.User) -> None:
    browser.open_menu_if_folded()
    browser.page.get_by_role("button", name=re.compile("^(Log ud|Sign out)$")).click()
    browser.page.get_by_label(re.compile("Brugernavn|User name")).wait_for()
    browser.login(user)
    browser.switch_language("da")


def test_a_leader_finds_who_has_solved_it_asks_and_gets_the_contact_on_acceptance(
    browser: Browser, world: World
) -> None:
    jens = world.mentor.leader
    jens.bio = "Centerleder. Spørg mig om vagtplanlægning med mange deltidsansatte."
    jens.discoverable = True
    jens.email, jens.phone = "jens.bak@testrup.dk", "+45 72 36 44 11"
    jens.save()
    f.CompetencyFactory(leader=jens, topic=world.roster, level=3)

    browser.login(world.new_leader)
    _nav(browser, "Hvem har løst det?")
    browser.expect_heading("Hvem har løst det?")
    # Nobody offers this yet: the empty state tells her how to offer know-how herself.
    browser.page.get_by_label("Hvad vil du gerne have hjælp til?").fill("frivilligkoordinering")
    browser.page.get_by_role("button", name="Søg", exact=True).click()
    expect(browser.page.get_by_role("heading", name="0 ledere kan hjælpe")).to_be_visible()
    expect(
        browser.page.get_by_role(
            "link", name="Skriv dine styrker og din præsentation på din profil"
        )
    ).to_have_count(2)
    browser.check("knowhow-empty")

    search = browser.page.get_by_label("Hvad vil du gerne have hjælp til?")
    search.fill("Vagterne går ikke op, når de fleste er på deltid")
    browser.page.get_by_role("button", name="Søg", exact=True).click()
    card = browser.page.get_by_role("article", name="Jens Bak")
    expect(card).to_contain_text("Centerleder · Plejecenter Egely · Social og Sundhed")
    expect(card.get_by_role("heading", name="Derfor")).to_be_visible()
    expect(card.locator("mark").first).to_have_text("Styrke: Vagtplan og arbejdstid (ekspert)")
    expect(card.locator("mark", has_text="vagtplanlægning")).to_be_visible()
    expect(card.locator("mark", has_text="deltidsansatte")).to_be_visible()
    expect(card).not_to_contain_text(jens.email)
    expect(browser.page.get_by_text("Andre ledere ser aldrig:")).to_be_visible()
    browser.check("knowhow")

    card.get_by_role("button", name="Bed om en introduktion").click()
    card.get_by_label("Din besked (valgfri)").fill("Hvordan fik I weekenderne til at gå op?")
    card.get_by_role("button", name="Send").click()
    expect(card.get_by_role("status")).to_contain_text("Sendt")
    intro = IntroductionRequest.objects.get(from_leader=world.new_leader.leader, to_leader=jens)
    assert intro.status == "pending"

    browser.switch_language("en")
    browser.expect_heading("Who has solved this?")
    expect(card.locator("mark").first).to_have_text(
        "Strength: Roster and working-time rules (expert)"
    )
    browser.check("knowhow")

    # Jens, in his own session, says yes.
    _relogin(browser, world.mentor)
    _nav(browser, "Introduktioner")
    received = browser.page.get_by_role(
        "article", name=f"{world.new_leader.leader.full_name} vil gerne introduceres"
    )
    expect(received).to_contain_text("weekenderne")
    received.get_by_role("button", name="Sig ja").click()
    expect(browser.page.get_by_role("status")).to_contain_text("Du har sagt ja")

    # Mette now sees his contact details.
    _relogin(browser, world.new_leader)
    _nav(browser, "Introduktioner")
    sent = browser.page.get_by_role("article", name="introduceret til Jens Bak")
    expect(sent.get_by_role("link", name=jens.email)).to_have_attribute(
        "href", f"mailto:{jens.email}"
    )
    expect(sent).to_contain_text("+45 72 36 44 11")
    assert IntroductionRequest.objects.get(id=intro.id).status == "accepted"
