"""Journeys of a leader's life after the start (issue 14): the plan by phase and topic, at phone
size and in both languages; mentorship meetings and pulses; self-match; informal networks."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from backend.mentoring.models import ExitSurvey, Meeting, Mentorship, Proposal, Pulse
from backend.networks.models import Network
from backend.people import models as m
from onboarding.models import Plan, PlanItem
from tests import factories as f
from tests.conftest import World
from tests.e2e.conftest import Browser

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def test_plan_by_phase_and_topic_on_a_phone(browser: Browser, world: World, mette_plan: Plan):
    leader = world.new_leader.leader
    own = (
        PlanItem.objects.filter(
            plan=mette_plan, owner_role="new_leader", topic__isnull=False, depends_on__isnull=True
        )
        .exclude(topic__slug="budget")
        .select_related("topic")
        .order_by("due_date", "id")
    )
    help_item = next(i for i in own if "{" not in i.title_da)
    # Mette already stated a small need of this topic: "I need help" raises it, no second need.
    m.SupportNeed.objects.filter(leader=leader, topic=help_item.topic).delete()
    m.SupportNeed.objects.create(leader=leader, topic=help_item.topic, weight=1)
    page = browser.page
    browser.login(world.new_leader)
    page.set_viewport_size(PHONE)  # after login: on a phone "Log out" is behind the menu
    browser.goto("/plan")
    browser.expect_heading("Min plan")
    main = page.get_by_role("main")
    expect(main.get_by_role("heading", name=re.compile("^Før du starter"))).to_be_visible()
    # One sentence on who sees "I need help", not one per item.
    expect(main.get_by_text("Kun du og HR kan se, at du beder om hjælp.")).to_have_count(1)
    # Usable with a thumb: the filters are at least 44 px tall, nothing runs off the side.
    box = main.get_by_text(re.compile("^Forsinkede")).bounding_box()
    assert box is not None and box["height"] >= 44
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    main.get_by_role("group", name="Vis").scroll_into_view_if_needed()
    browser.check("leader-life-plan-phone")

    card = main.get_by_role("article", name=help_item.title_da)
    card.get_by_role("button", name="Jeg har brug for hjælp").click()
    card.get_by_text("Du har bedt om hjælp med dette.").wait_for()
    [need] = m.SupportNeed.objects.filter(leader=leader, topic=help_item.topic)
    assert need.weight == 2

    card.get_by_role("button", name="Markér som gjort").click()
    page.get_by_role("status").filter(has_text="er gjort").wait_for()
    closed = main.get_by_text(re.compile(r"^Gjort og ikke relevant \(1\)"))
    expect(closed).to_be_visible()
    expect(main.get_by_role("article", name=help_item.title_da)).to_be_hidden()

    main.get_by_text(re.compile("^Forsinkede")).click()
    articles = main.get_by_role("article")
    expect(articles.first).to_be_visible()  # Mette started 20 days ago: some items are late
    assert articles.count() < mette_plan.items.count()
    for index in range(articles.count()):
        expect(articles.nth(index)).to_contain_text("Over fristen")

    browser.switch_language("en")
    browser.expect_heading("My plan")
    main.get_by_text(re.compile("^Done")).click()
    done = main.get_by_role("article", name=help_item.title_en or help_item.title_da)
    expect(done).to_be_visible()
    expect(main.get_by_role("heading", name=re.compile(r"\d of \d+ done"))).not_to_have_count(0)
    main.get_by_role("group", name="Show").scroll_into_view_if_needed()
    browser.check("leader-life-plan-phone")


def _pair(world: World) -> Mentorship:
    """Jens mentors Mette; the first meeting was due three days ago and is not logged."""
    programme = f.ProgrammeFactory(organisation=world.org, name="Mentorforløb 2026")
    today = timezone.localdate()
    return f.MentorshipFactory(
        programme=programme,
        enrolment=f.EnrolmentFactory(programme=programme, leader=world.new_leader.leader),
        offer=f.MentorOfferFactory(programme=programme, leader=world.mentor.leader, capacity=2),
        started_on=today - dt.timedelta(days=20),
        first_meeting_due=today - dt.timedelta(days=3),
    )


def test_a_mentorship_goes_on_after_the_first_meeting(browser: Browser, world: World):
    pair = _pair(world)
    mentor = world.mentor.leader
    page = browser.page
    browser.login(world.new_leader)
    # The address the "did you meet?" notice links to.
    browser.goto(f"/mentoring/mentorships/{pair.id}")
    browser.expect_heading(f"Din mentor: {mentor.full_name}")
    main = page.get_by_role("main")
    expect(main.get_by_role("heading", name=f"Har du mødt {mentor.full_name}?")).to_be_visible()
    browser.check("leader-life-pair")

    plan = main.get_by_role("form", name="Planlæg næste møde")
    day = (timezone.localdate() + dt.timedelta(days=14)).isoformat()
    plan.get_by_label("Dato").fill(day)
    plan.get_by_label("Klokkeslæt").fill("09:30")
    plan.get_by_label("Sted (valgfrit)").fill("Rådhuset, lokale 2")
    plan.get_by_role("button", name="Planlæg mødet").click()
    main.get_by_text(re.compile("^Planlagt:")).wait_for()
    meeting = Meeting.objects.get(mentorship=pair)
    assert meeting.location == "Rådhuset, lokale 2"
    link = main.get_by_role("link", name="Føj til kalender (.ics)")
    assert link.get_attribute("href") == f"/api/mentoring/meetings/{meeting.id}/invitation.ics"
    ics = page.request.get(browser.base_url + link.get_attribute("href"))
    assert ics.ok and "LOCATION:Rådhuset\\, lokale 2" in ics.text()  # RFC 5545 escapes ","

    log = main.get_by_role("form", name="Registrér et møde")
    log.get_by_role("button", name="Gem mødet").click()
    pulse = main.get_by_role("form", name=re.compile("^Hvordan var jeres møde"))
    pulse.get_by_text("4 – meget brugbart").click()
    pulse.get_by_label("En kommentar til programmets koordinator (frivilligt)").fill("Godt møde")
    # Who reads the answer: worded from the served rules (mentoring feedback).
    expect(pulse).to_contain_text("HR (programmets koordinator) ser dem kun i tal")
    expect(pulse).to_contain_text("ser aldrig dine svar")
    browser.check("leader-life-pulse")
    pulse.get_by_role("button", name="Send").click()
    main.get_by_text("Tak. Dit svar hjælper programmet.").wait_for()
    [given] = Pulse.objects.filter(mentorship=pair)
    assert given.score == 4 and given.leader_id == pair.mentee_id

    main.get_by_text("Afslut mentorforløbet", exact=True).first.click()
    main.get_by_role("button", name="Afslut mentorforløbet").click()
    survey = main.get_by_role("form", name="Hvordan var dit mentorforløb?")
    survey.get_by_text("5 – særdeles brugbart").click()
    survey.get_by_text("Delvist").click()
    survey.get_by_role("group", name=re.compile("anbefale")).get_by_text("Ja").click()
    browser.check("leader-life-exit-survey")
    survey.get_by_role("button", name="Send").click()
    main.get_by_text(re.compile("^Tak for dine svar")).wait_for()
    answer = ExitSurvey.objects.get(mentorship=pair)
    assert (answer.rating, answer.goals_met, answer.would_recommend) == (5, "partly", True)

    browser.switch_language("en")
    browser.expect_heading(f"Your mentor: {mentor.full_name}")
    browser.check("leader-life-exit-survey")


def test_hr_sees_programme_quality_with_small_groups_hidden(browser: Browser, world: World):
    pair = _pair(world)
    Pulse.objects.create(
        mentorship=pair, leader=pair.mentee, met_on=timezone.localdate(), score=4, comment="Godt"
    )
    browser.login(world.hr)
    browser.goto(f"/hr/programmes/{pair.programme_id}")
    main = browser.page.get_by_role("main")
    quality = main.get_by_role("region", name="Kvalitet: vurderinger og afslutningsspørgeskemaer")
    expect(quality).to_contain_text("Vises først, når mindst fem personer har svaret.")
    assert "Godt" not in quality.inner_text()
    quality.scroll_into_view_if_needed()
    browser.check("leader-life-quality")


def test_a_mentee_chooses_her_mentor_from_the_suggestions(browser: Browser, world: World):
    programme = f.ProgrammeFactory(organisation=world.org, name="Vælg selv", mode="self")
    enrolment = f.EnrolmentFactory(programme=programme, leader=world.new_leader.leader)
    run = f.MatchRunFactory(programme=programme, status="succeeded")
    jens = f.MentorOfferFactory(programme=programme, leader=world.mentor.leader, capacity=2)
    ida = f.LeaderFactory(unit=world.mentor.leader.unit, first_name="Ida", last_name="Vang")
    other = f.MentorOfferFactory(programme=programme, leader=ida, capacity=1)
    covers = [{"code": "covers", "params": {"topics": ["budget"]}}]
    for rank, offer in enumerate((jens, other), start=1):
        f.SuggestionFactory(run=run, enrolment=enrolment, offer=offer, rank=rank, reasons=covers)
    mentor = world.mentor.leader
    browser.login(world.new_leader)
    browser.goto("/mentoring/proposals")
    main = browser.page.get_by_role("main")
    expect(main.get_by_role("heading", name="Vælg din mentor")).to_be_visible()
    card = main.get_by_role("article", name=f"1. {mentor.full_name}")
    expect(card).to_contain_text("Dækker")
    browser.check("leader-life-self-match")
    card.get_by_role("button", name=f"Vælg {mentor.full_name}").click()
    card.get_by_label("Budget").check()
    card.get_by_role("button", name=re.compile(f"^Spørg {mentor.full_name}")).click()
    main.get_by_text(f"Du har valgt {mentor.full_name}.").wait_for()
    proposal = Proposal.objects.get(enrolment=enrolment, origin="self")
    assert proposal.offer_id == jens.id and proposal.mentee_accepted_at is not None
    need = m.SupportNeed.objects.get(leader=world.new_leader.leader, topic=world.budget)
    assert need.shared_with_mentor

    browser.switch_language("en")
    expect(main.get_by_role("heading", name="Choose your mentor")).to_be_visible()
    browser.check("leader-life-self-match")


def test_a_leader_starts_a_network_invites_and_closes_it(browser: Browser, world: World):
    page = browser.page
    soren = world.outsider.leader
    browser.login(world.new_leader)
    browser.goto("/networks")
    browser.expect_heading("Mine netværk")
    main = page.get_by_role("main")
    main.get_by_text("Start et netværk", exact=True).click()
    start = main.get_by_role("form", name="Start et netværk")
    start.get_by_label("Navn").fill("Frokostklubben")
    start.get_by_label(re.compile("^Kun medlemmer")).check()
    start.get_by_role("button", name="Start netværket").click()
    main.get_by_text("Frokostklubben er startet.", exact=False).wait_for()
    network = Network.objects.get(name="Frokostklubben")
    assert network.kind == "informal" and not network.welcomes_newcomers

    card = main.get_by_role("listitem").filter(
        has=page.get_by_role("heading", name="Frokostklubben")
    )
    card.get_by_text("Invitér en kollega til Frokostklubben").click()
    card.get_by_label("Søg på navn (mindst to bogstaver)").fill(soren.first_name)
    card.get_by_role("button", name=f"Invitér {soren.full_name}").click()
    main.get_by_text(f"{soren.full_name} er inviteret til Frokostklubben.").wait_for()
    browser.check("leader-life-networks")

    page.get_by_role("button", name="Log ud").click()
    browser.login(world.outsider)
    browser.goto("/networks")
    browser.switch_language("en")
    invitations = main.get_by_role("region", name="Invitations to you")
    expect(invitations).to_contain_text(f"{world.new_leader.leader.full_name} invites you")
    browser.check("leader-life-networks")
    invitations.get_by_role("button", name="Accept – Frokostklubben").click()
    main.get_by_text("You are a member of Frokostklubben.").wait_for()
    assert network.memberships.filter(leader=soren).exists()
    # Their own network map now names Mette, tied through the informal network.
    row = main.get_by_role("row", name=re.compile(world.new_leader.leader.full_name))
    expect(row).to_contain_text("informal network")

    page.get_by_role("button", name="Sign out").click()
    browser.login(world.new_leader)
    browser.goto("/networks")
    card = main.get_by_role("listitem").filter(
        has=page.get_by_role("heading", name="Frokostklubben")
    )
    card.get_by_role("button", name="Close the network – Frokostklubben").click()
    card.get_by_role("button", name="Yes, close it").click()
    main.get_by_text("Frokostklubben is closed.").wait_for()
    network.refresh_from_db()
    assert not network.active
