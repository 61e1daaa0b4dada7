"""Journey: a specialist leader finds a peer across administrations and asks to be introduced."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from backend.networks.models import IntroductionRequest
from backend.people import models as m
from tests import factories as f
from tests.conftest import World
from tests.e2e.conftest import Browser

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _specialist(department: m.Department, service: str, first_name: str) -> m.Leader:
    unit = f.UnitFactory(
        department=department,
        service_type=service,
        is_specialist=True,
        staff_count=20,
        name=f"{service.title()} enheden",
    )
    return f.LeaderFactory(unit=unit, first_name=first_name, discoverable=True)


def test_specialist_leader_finds_a_peer(browser: Browser, world: World) -> None:
    elderly = m.Department.objects.get(name="Ældre og Sundhed", organisation=world.org)
    special = f.DepartmentFactory(administration=world.children, name="Specialområdet")
    lone = _specialist(elderly, "nutrition", "Lone")
    peer = _specialist(special, "treatment", "Tove")
    user = f.UserFactory(username="lone", organisation=world.org, leader=lone)

    browser.login(user)
    browser.page.get_by_role("navigation").get_by_role(
        "link", name="Find en sparringspartner"
    ).click()
    browser.expect_heading("Find en sparringspartner")
    card = browser.page.get_by_role("article", name=peer.full_name)
    expect(card).to_be_visible()
    expect(card.get_by_role("heading", name="Derfor")).to_be_visible()
    browser.check("peer-finder")

    card.get_by_role("button", name="Bed om en introduktion").click()
    card.get_by_label("Din besked (valgfri)").fill("Vi har begge et specialtilbud – kaffe?")
    card.get_by_role("button", name="Send").click()
    expect(card.get_by_role("status")).to_contain_text("Sendt")
    assert IntroductionRequest.objects.filter(from_leader=lone, to_leader=peer).exists()

    browser.switch_language("en")
    browser.expect_heading("Find a peer")
    browser.check("peer-finder")
