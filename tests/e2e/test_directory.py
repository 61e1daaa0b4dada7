"""Journey: peers in other municipalities, from two empty organisations to a shared contact.

Two HR users opt their municipalities in to the shared peer directory (set-up), two leaders of a
nutrition unit opt in on their profiles, one finds the other and asks for an introduction, the
other accepts and both see the contact; then the first municipality's HR opts out and the card
is gone from the other's directory at once.
"""

from __future__ import annotations

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from backend.networks.models import IntroductionRequest
from backend.people import models as m
from tests import factories as f
from tests.e2e.conftest import Browser

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _leader(org: m.Organisation, first: str, last: str, unit: str) -> m.Leader:
    return f.LeaderFactory(
        unit=f.UnitFactory(
            department__administration__organisation=org,
            service_type="nutrition",
            is_specialist=True,
            name=unit,
        ),
        first_name=first,
        last_name=last,
        role_title="Køkkenleder",
        phone="+45 71 72 73 74",
    )


def _as(browser: Browser, user: m.User) -> None:
    """Log out (drop the session) and log in as ``user``; four people take turns at one
    browser, so the login throttle's count per address starts again each time."""
    cache.clear()
    browser.page.context.clear_cookies()
    browser.login(user)


def _hr_switch(browser: Browser, user: m.User, *, on: bool, check: bool = False) -> None:
    _as(browser, user)
    browser.open_menu_if_folded()
    browser.page.get_by_role("navigation").get_by_role("link", name="Opsætning").first.click()
    browser.page.get_by_role("link", name="Fagfæller i andre kommuner").click()
    browser.expect_heading("Fagfæller i andre kommuner")
    switch = browser.page.get_by_label("Ja, vores kommune er med i den fælles fagfælleoversigt")
    expect(browser.page.get_by_text("Ledere i andre kommuner ser kun: navn")).to_be_visible()
    # A controlled switch: it changes when the server has said yes.
    switch.click()
    (expect(switch).to_be_checked if on else expect(switch).not_to_be_checked)()
    expect(browser.page.get_by_role("status")).to_have_text(
        "Kommunen er med." if on else "Kommunen er ikke med."
    )
    if check:
        browser.check("directory-hr")
        browser.switch_language("en")
        browser.expect_heading("Peers in other municipalities")
        browser.check("directory-hr")
        browser.switch_language("da")


def _leader_opts_in(browser: Browser, user: m.User, *, check: bool = False) -> None:
    _as(browser, user)
    browser.goto("/me/profile")
    switch = browser.page.get_by_label("Ja, ledere i andre kommuner må finde mig")
    switch.click()
    expect(switch).to_be_checked()
    expect(browser.page.get_by_text("Nu kan ledere i andre kommuner finde dig.")).to_be_visible()
    if check:
        browser.check("directory-profile")


def test_two_municipalities_opt_in_and_a_leader_finds_a_peer(browser: Browser) -> None:
    aby = f.OrganisationFactory(name="Aby Kommune", slug="aby")
    nabo = f.OrganisationFactory(name="Nabo Kommune", slug="nabo")
    anna = _leader(aby, "Anna", "Kjær", "Madservice Aby")
    bo = _leader(nabo, "Bo", "Holm", "Centralkøkkenet Nabo")
    topic = f.TopicFactory(organisation=nabo, slug="menu", label_da="Menuplaner", label_en="Menus")
    f.CompetencyFactory(leader=bo, topic=topic)
    hr_aby = f.UserFactory(username="hr_aby", organisation=aby, role=m.User.Role.HR)
    hr_nabo = f.UserFactory(username="hr_nabo", organisation=nabo, role=m.User.Role.HR)
    anna_user = f.UserFactory(username="anna", organisation=aby, leader=anna)
    bo_user = f.UserFactory(username="bo", organisation=nabo, leader=bo)

    # Before anything is on, Anna is told why she sees no one.
    _as(browser, anna_user)
    browser.goto("/peers/elsewhere")
    browser.expect_heading("Fagfæller i andre kommuner")
    expect(browser.page.get_by_text("Din kommune er ikke med")).to_be_visible()

    _hr_switch(browser, hr_aby, on=True, check=True)
    _hr_switch(browser, hr_nabo, on=True)
    _leader_opts_in(browser, anna_user, check=True)
    _leader_opts_in(browser, bo_user)

    # Anna finds Bo through the menu, narrows to nutrition units, and asks.
    _as(browser, anna_user)
    browser.open_menu_if_folded()
    browser.page.get_by_role("navigation").get_by_role(
        "link", name="Fagfæller i andre kommuner"
    ).click()
    browser.expect_heading("Fagfæller i andre kommuner")
    browser.page.get_by_label("Type af tilbud").select_option("nutrition")
    browser.page.get_by_label("Kommune", exact=True).select_option(label="Nabo Kommune")
    card = browser.page.get_by_role("article", name="Bo Holm")
    expect(card).to_contain_text("Nabo Kommune")
    expect(card).to_contain_text("Menuplaner")
    expect(card).not_to_contain_text(bo.email)
    browser.check("directory-leader")
    card.get_by_role("button", name="Bed om en introduktion").click()
    card.get_by_label("Besked til Bo Holm (valgfri)").fill("Vi har begge et køkken – kaffe?")
    card.get_by_role("button", name="Send anmodning").click()
    expect(card.get_by_role("status")).to_contain_text("Din anmodning er sendt")
    intro = IntroductionRequest.objects.get(from_leader=anna, to_leader=bo)
    assert intro.cross_organisation
    browser.switch_language("en")
    browser.expect_heading("Peers in other municipalities")
    browser.check("directory-leader")
    browser.switch_language("da")

    # Bo accepts and sees Anna's contact details.
    _as(browser, bo_user)
    browser.goto("/peers/introductions")
    received = browser.page.get_by_role("article", name="Anna Kjær vil gerne introduceres til dig")
    expect(received).to_contain_text("Aby Kommune")
    expect(received).not_to_contain_text(anna.email)
    received.get_by_role("button", name="Sig ja").click()
    expect(received).to_contain_text(anna.email)
    browser.check("directory-introduction")

    # Anna sees Bo's contact too.
    _as(browser, anna_user)
    browser.goto("/peers/introductions")
    sent = browser.page.get_by_role(
        "article", name="Du har bedt om at blive introduceret til Bo Holm"
    )
    expect(sent).to_contain_text(bo.email)

    # Aby's HR opts out: Anna's card is gone from Bo's directory at once.
    _as(browser, bo_user)
    browser.goto("/peers/elsewhere")
    expect(browser.page.get_by_role("article", name="Anna Kjær")).to_be_visible()
    _hr_switch(browser, hr_aby, on=False)
    _as(browser, bo_user)
    browser.goto("/peers/elsewhere")
    browser.expect_heading("Fagfæller i andre kommuner")
    expect(browser.page.get_by_role("status")).to_have_text("0 fagfæller fundet")
    expect(browser.page.get_by_role("article", name="Anna Kjær")).to_have_count(0)
    # On a phone (390 px) the leader's screen and HR's switch fit the width.
    browser.page.set_viewport_size({"width": 390, "height": 844})
    m.Organisation.objects.filter(id=aby.id).update(peer_directory=True)
    browser.goto("/peers/elsewhere")
    expect(browser.page.get_by_role("article", name="Anna Kjær")).to_be_visible()
    assert browser.page.evaluate("document.documentElement.scrollWidth") <= 390
    browser.check("directory-leader-phone")
    _as(browser, hr_aby)
    browser.goto("/hr/setup/peer-directory")
    browser.expect_heading("Fagfæller i andre kommuner")
    assert browser.page.evaluate("document.documentElement.scrollWidth") <= 390
