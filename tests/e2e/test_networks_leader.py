"""Journeys of a leader in networks: join a suggested network, sign up for a learning network,
answer an introduction, and subscribe to the plan's calendar feed."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from backend.networks import models as nm
from backend.networks.models import (
    IntroductionRequest,
    JoinRequest,
    RouletteOptOut,
    SignUpRegistration,
)
from backend.networks.services.introductions import introduction_request
from backend.networks.services.roulette import roulette_setting_set
from backend.networks.services.signups import signup_create
from backend.people import models as m
from onboarding.models import Plan
from tests import factories as f
from tests.conftest import World
from tests.e2e.conftest import Browser

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _relogin(browser: Browser, user: m.User) -> None:
    """Log out and in as ``user``, back in Danish (the browser remembers the last choice)."""
    browser.page.get_by_role("button", name=re.compile("^(Log ud|Sign out)$")).click()
    browser.page.get_by_label(re.compile("Brugernavn|User name")).wait_for()
    browser.login(user)
    browser.switch_language("da")


def _nav(browser: Browser, name: str) -> None:
    browser.page.get_by_role("navigation").get_by_role("link", name=name, exact=True).click()


def test_leader_asks_to_join_a_suggested_network_and_a_member_accepts(
    browser: Browser, world: World
) -> None:
    mette, jens = world.new_leader.leader, world.mentor.leader
    assert mette is not None and jens is not None
    club = f.NetworkFactory(
        organisation=world.org,
        name="Frokostklubben",
        kind=nm.NetworkKind.INFORMAL,
        visibility=nm.Network.Visibility.MEMBERS_ONLY,
        welcomes_newcomers=True,
        description="Vi spiser frokost sammen den første torsdag i måneden.",
    )
    f.MembershipFactory(network=club, leader=jens, role=nm.Membership.Role.CONVENER)
    # A members-only network is suggested only when it has at least five members (k ≥ 5).
    elderly = m.Department.objects.get(name="Ældre og Sundhed", organisation=world.org)
    for _ in range(4):
        f.MembershipFactory(
            network=club, leader=f.LeaderFactory(unit=f.UnitFactory(department=elderly))
        )
    roulette_setting_set(
        actor=world.hr, network_id=club.id, next_run_on=dt.date.today() + dt.timedelta(days=7)
    )

    browser.login(world.new_leader)
    _nav(browser, "Mine netværk")
    browser.expect_heading("Mine netværk")
    card = browser.page.get_by_role("article", name="Frokostklubben")
    expect(card).to_contain_text("Byder nye ledere velkommen")
    # A closed network shows no members to someone outside it.
    expect(card).not_to_contain_text(jens.full_name)
    browser.check("my-networks")
    card.get_by_role("button", name="Bed om at komme med").click()
    expect(browser.page.get_by_role("status").filter(has_text="Du har bedt om")).to_be_visible()
    assert JoinRequest.objects.filter(network=club, leader=mette, status="pending").exists()
    expect(card).to_contain_text("Medlemmerne har ikke svaret endnu")
    expect(card.get_by_role("button")).to_have_count(0)
    browser.switch_language("en")
    browser.expect_heading("My networks")
    browser.check("my-networks")
    _relogin(browser, world.mentor)
    _nav(browser, "Mine netværk")
    browser.expect_heading("Mine netværk")
    expect(browser.page.get_by_text(f"{mette.full_name} vil gerne være med i")).to_be_visible()
    browser.check("network-join-requests")
    browser.page.get_by_role("button", name=f"Sig ja – {mette.full_name}").click()
    expect(browser.page.get_by_role("status").filter(has_text="er nu medlem")).to_be_visible()
    assert nm.Membership.objects.filter(network=club, leader=mette).exists()
    # The convener sits out the next coffee-roulette round.
    browser.page.get_by_role("button", name="Spring næste runde over – Frokostklubben").click()
    expect(browser.page.get_by_role("status")).to_contain_text("springer runde 1")
    assert RouletteOptOut.objects.filter(network=club, leader=jens).exists()
    browser.switch_language("en")
    browser.expect_heading("My networks")
    browser.check("network-join-requests")


def test_leader_signs_up_for_a_learning_network(browser: Browser, world: World) -> None:
    signup = signup_create(
        actor=world.hr,
        theme="Psykologisk tryghed",
        description="Et læringsnetværk på tværs af forvaltninger, fire møder på et halvt år.",
        deadline=dt.date.today() + dt.timedelta(days=14),
    )
    browser.login(world.new_leader)
    _nav(browser, "Læringsnetværk")
    browser.expect_heading("Læringsnetværk")
    card = browser.page.get_by_role("article", name="Psykologisk tryghed")
    expect(card).to_contain_text("5–7 ledere")
    browser.check("network-signups")
    card.get_by_role("button", name="Tilmeld mig").click()
    expect(browser.page.get_by_role("status")).to_contain_text("Du er tilmeldt Psykologisk")
    expect(card).to_contain_text("Du er tilmeldt.")
    assert SignUpRegistration.objects.filter(signup=signup, leader=world.new_leader.leader).exists()
    browser.switch_language("en")
    browser.expect_heading("Learning networks")
    expect(card.get_by_role("button", name="Withdraw")).to_be_visible()
    browser.check("network-signups")


def test_introduction_accepted_then_the_asker_sees_contact_details(
    browser: Browser, world: World
) -> None:
    elderly = m.Department.objects.get(name="Ældre og Sundhed", organisation=world.org)
    special = f.DepartmentFactory(administration=world.children, name="Specialområdet")
    lone = f.LeaderFactory(
        unit=f.UnitFactory(department=elderly, service_type="nutrition", is_specialist=True),
        first_name="Lone",
        discoverable=True,
    )
    tove = f.LeaderFactory(
        unit=f.UnitFactory(department=special, service_type="treatment", is_specialist=True),
        first_name="Tove",
        discoverable=True,
        phone="+45 72 36 44 10",
    )
    lone_user = f.UserFactory(username="lone", organisation=world.org, leader=lone)
    tove_user = f.UserFactory(username="tove", organisation=world.org, leader=tove)
    intro = introduction_request(
        actor=lone_user, to_leader_id=tove.id, message="Vi har begge et specialtilbud – kaffe?"
    )

    browser.login(tove_user)
    _nav(browser, "Introduktioner")
    browser.expect_heading("Introduktioner")
    card = browser.page.get_by_role("article", name=f"{lone.full_name} vil gerne introduceres")
    expect(card).to_contain_text("kaffe?")
    # No contact details before a yes.
    expect(card).not_to_contain_text(lone.email)
    browser.check("introductions")
    card.get_by_role("button", name="Sig ja").click()
    expect(browser.page.get_by_role("status")).to_contain_text("Du har sagt ja")
    intro.refresh_from_db()
    assert intro.status == "accepted"
    expect(card).to_contain_text(lone.email)
    browser.switch_language("en")
    browser.expect_heading("Introductions")
    browser.check("introductions")
    _relogin(browser, lone_user)
    _nav(browser, "Introduktioner")
    sent = browser.page.get_by_role("article", name=f"introduceret til {tove.full_name}")
    expect(sent).to_contain_text("Sagt ja")
    expect(sent.get_by_role("link", name=tove.email)).to_have_attribute(
        "href", f"mailto:{tove.email}"
    )
    expect(sent).to_contain_text("+45 72 36 44 10")
    browser.check("introductions-accepted")
    browser.switch_language("en")
    browser.expect_heading("Introductions")
    browser.check("introductions-accepted")
    assert IntroductionRequest.objects.get(id=intro.id).status == "accepted"


def test_plan_shows_a_calendar_feed_url_that_serves_the_calendar(
    browser: Browser, world: World, mette_plan: Plan
) -> None:
    browser.login(world.new_leader)
    _nav(browser, "Min plan")
    browser.expect_heading("Min plan")
    url_field = browser.page.get_by_label("Adresse til din kalender")
    expect(url_field).to_have_value(re.compile(r"/api/onboarding/calendar/.+\.ics$"))
    old_url = url_field.input_value()
    feed = browser.page.request.get(old_url)
    assert feed.ok and feed.headers["content-type"].startswith("text/calendar")
    assert "BEGIN:VCALENDAR" in feed.text()
    browser.check("plan-calendar-feed")

    browser.page.get_by_role("button", name="Lav et nyt link").click()
    expect(browser.page.get_by_text("Det gamle link holder op med at virke")).to_be_visible()
    browser.page.get_by_role("button", name="Ja, lav et nyt link").click()
    expect(browser.page.get_by_role("status").filter(has_text="nyt link")).to_be_visible()
    expect(url_field).not_to_have_value(old_url)
    assert browser.page.request.get(old_url).status == 404
    assert browser.page.request.get(url_field.input_value()).ok
    browser.switch_language("en")
    browser.expect_heading("My plan")
    expect(browser.page.get_by_label("Address for your calendar")).to_be_visible()
    browser.check("plan-calendar-feed")
