"""Journeys on mentor matching: HR runs a match and approves; a mentor accepts; HR follows up."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from backend.mentoring.models import CheckIn, Flag, Mentorship, Programme, Proposal
from backend.mentoring.services.programmes import (
    enrolment_create,
    mentor_offer_upsert,
    programme_create,
)
from backend.mentoring.services.proposals import (
    proposal_accept,
    proposal_accept_as,
    proposal_approve,
    proposal_create_manual,
)
from backend.mentoring.services.runs import match_run_start
from backend.people import models as m
from tests import factories as f
from tests.conftest import World
from tests.e2e.conftest import Browser

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def programme(world: World) -> Programme:
    """Mette and Lars (new leaders) enrolled; Jens, Søren and Ida offer to mentor."""
    programme = programme_create(
        organisation=world.org,
        created_by=world.hr,
        name="Mentorforløb for nye ledere",
        starts_on=dt.date.today(),
        proposal_expiry_days=14,
    )
    enrolment_create(programme=programme, leader=world.new_leader.leader)
    social_dept = m.Department.objects.get(administration=world.social)
    lars = f.LeaderFactory(
        unit=f.UnitFactory(department=social_dept, name="Hjemmeplejen Syd"),
        first_name="Lars",
        last_name="Friis",
        first_leader_job=True,
        years_as_leader=0,
    )
    f.SupportNeedFactory(leader=lars, topic=world.roster, weight=2)
    enrolment_create(programme=programme, leader=lars)
    ida = f.LeaderFactory(
        unit=f.UnitFactory(
            department=social_dept,
            name="Bostedet Lyngen",
            service_type="residential",
            round_the_clock=True,
        ),
        first_name="Ida",
        last_name="Vang",
        years_as_leader=10,
    )
    f.CompetencyFactory(leader=ida, topic=world.roster, level=3)
    f.UserFactory(username="ida", organisation=world.org, leader=ida)
    for leader in (world.mentor.leader, world.outsider.leader, ida):
        mentor_offer_upsert(programme=programme, leader=leader, capacity=1)
    return programme


def test_hr_runs_a_match_and_approves_a_proposal(
    browser: Browser, world: World, programme: Programme
) -> None:
    browser.login(world.hr)
    browser.page.get_by_role("navigation").get_by_role("link", name="Mentorprogrammer").click()
    browser.expect_heading("Mentorprogrammer")
    browser.check("programmes")
    browser.switch_language("en")
    browser.expect_heading("Mentoring programmes")
    browser.check("programmes")
    browser.switch_language("da")
    browser.page.get_by_role("link", name=programme.name).click()
    browser.expect_heading(programme.name)

    browser.page.get_by_role("button", name="Start matchning").click()
    expect(browser.page.get_by_role("status").filter(has_text="færdig")).to_be_visible()
    mette = world.new_leader.leader.full_name
    card = browser.page.get_by_role("article").filter(has_text=mette)
    expect(card).to_contain_text("Kladde – afventer HR")
    expect(card.get_by_role("table", name="Scoren fordelt på kriterier")).to_be_visible()
    expect(card.get_by_role("heading", name="Begrundelser")).to_be_visible()
    browser.check("programme-proposals")

    card.get_by_role("button", name="Godkend").click()
    expect(card).to_contain_text("Sendt – afventer mentee og mentor")
    proposal = Proposal.objects.get(enrolment__leader=world.new_leader.leader, status="offered")
    assert proposal.offer.leader_id != world.boss.leader_id

    browser.switch_language("en")
    expect(browser.page.get_by_role("button", name="Start matching")).to_be_visible()
    browser.check("programme-proposals")


def test_mentor_accepts_a_proposal(browser: Browser, world: World, programme: Programme) -> None:
    match_run_start(programme=programme, user=world.hr)
    proposal = Proposal.objects.select_related("offer__leader").get(
        enrolment__leader=world.new_leader.leader, status="draft"
    )
    proposal_approve(proposal=proposal, user=world.hr)
    mentor = m.User.objects.get(leader=proposal.offer.leader)
    # Mette has said yes first and shares her budget need with the mentor (issue 15).
    need = m.SupportNeed.objects.get(leader=world.new_leader.leader)
    proposal_accept_as(actor=world.new_leader, proposal_id=proposal.id, share_needs=[need.id])

    browser.login(mentor)
    browser.page.get_by_role("navigation").get_by_role("link", name="Mentorforslag").click()
    browser.expect_heading("Mentorforslag")
    mette = world.new_leader.leader.full_name
    card = browser.page.get_by_role("article", name=f"Vil du være mentor for {mette}?")
    expect(card).to_be_visible()
    # The mentor sees the topic Mette shares, never her private note.
    expect(card).to_contain_text(f"Ønsker sparring om: {world.budget.label_da}")
    browser.check("mentor-proposals")

    card.get_by_role("button", name="Sig ja").click()
    expect(browser.page.get_by_role("status").filter(has_text="Du har sagt ja")).to_be_visible()
    proposal.refresh_from_db()
    assert proposal.mentor_accepted_at is not None
    browser.switch_language("en")
    browser.expect_heading("Mentor proposals")
    browser.check("mentor-proposals")


def test_mentee_accepts_and_chooses_what_the_mentor_sees(
    browser: Browser, world: World, programme: Programme
) -> None:
    """Issue 15: the accept step lists her open needs, none ticked; she shares one, then stops."""
    match_run_start(programme=programme, user=world.hr)
    proposal = Proposal.objects.select_related("offer__leader").get(
        enrolment__leader=world.new_leader.leader, status="draft"
    )
    proposal_approve(proposal=proposal, user=world.hr)
    need = m.SupportNeed.objects.get(leader=world.new_leader.leader)

    browser.login(world.new_leader)
    browser.page.get_by_role("navigation").get_by_role("link", name="Mentorforslag").click()
    browser.expect_heading("Mentorforslag")
    card = browser.page.get_by_role(
        "article", name=f"Din foreslåede mentor: {proposal.offer.leader.full_name}"
    )
    choice = card.get_by_role("group", name="Hvilke støttebehov må din mentor se?")
    budget = choice.get_by_label(world.budget.label_da)
    expect(budget).not_to_be_checked()
    browser.check("mentee-proposals")
    budget.check()
    card.get_by_role("button", name="Sig ja").click()
    expect(
        browser.page.get_by_role("status").filter(has_text="Tak! Du har sagt ja.")
    ).to_be_visible()
    need.refresh_from_db()
    assert need.shared_with_mentor is True

    # On the need itself she stops sharing it.
    browser.goto(f"/me/support-needs/{need.id}")
    share = browser.page.get_by_label("Del med min mentor")
    expect(share).to_be_checked()
    expect(browser.page.get_by_text("Din note forbliver din")).to_be_visible()
    share.uncheck()
    browser.page.get_by_role("button", name="Gem", exact=True).click()
    expect(browser.page.get_by_role("status").filter(has_text="Gemt")).to_be_visible()
    need.refresh_from_db()
    assert need.shared_with_mentor is False
    browser.switch_language("en")
    expect(browser.page.get_by_label("Share with my mentor")).not_to_be_checked()
    browser.check("support-need-share")


def test_mentor_logs_a_meeting_with_the_mentee(
    browser: Browser, world: World, programme: Programme
) -> None:
    match_run_start(programme=programme, user=world.hr)
    proposal = Proposal.objects.select_related("offer__leader", "enrolment__leader").get(
        enrolment__leader=world.new_leader.leader, status="draft"
    )
    proposal_approve(proposal=proposal, user=world.hr)
    proposal_accept(proposal=proposal, leader=proposal.enrolment.leader)
    proposal_accept(proposal=proposal, leader=proposal.offer.leader)
    mentorship = Mentorship.objects.get(proposal=proposal)
    mentor = m.User.objects.get(leader=proposal.offer.leader)

    browser.login(mentor)
    browser.page.get_by_role("navigation").get_by_role("link", name="Mine mentorforløb").click()
    browser.expect_heading("Mine mentorforløb")
    mette = world.new_leader.leader.full_name
    card = browser.page.get_by_role("article", name=f"Din mentee: {mette}")
    expect(card).to_contain_text("Ikke endnu")
    browser.check("mentorships")
    card.get_by_label("Varighed i minutter").fill("45")
    card.get_by_label("Note (valgfri)").fill("Vi talte om budgetopfølgning.")
    card.get_by_role("button", name="Gem mødet").click()
    expect(card.get_by_role("status")).to_contain_text("er registreret")
    assert CheckIn.objects.filter(mentorship=mentorship, minutes=45).exists()
    browser.switch_language("en")
    browser.expect_heading("My mentorships")
    browser.check("mentorships")


def test_mentee_sees_why_and_downloads_the_first_meeting_invitation(
    browser: Browser, world: World, programme: Programme
) -> None:
    match_run_start(programme=programme, user=world.hr)
    proposal = Proposal.objects.select_related("offer__leader", "enrolment__leader").get(
        enrolment__leader=world.new_leader.leader, status="draft"
    )
    proposal_approve(proposal=proposal, user=world.hr)
    proposal_accept(proposal=proposal, leader=proposal.enrolment.leader)
    proposal_accept(proposal=proposal, leader=proposal.offer.leader)
    mentor = proposal.offer.leader

    browser.login(world.new_leader)
    browser.page.get_by_role("navigation").get_by_role("link", name="Mine mentorforløb").click()
    browser.expect_heading("Mine mentorforløb")
    card = browser.page.get_by_role("article", name=f"Din mentor: {mentor.full_name}")
    expect(card.get_by_role("heading", name="Derfor blev I sat sammen")).to_be_visible()
    expect(card.get_by_role("listitem").first).to_be_visible()
    browser.check("my-mentor")

    meeting = card.get_by_role("group", name="Foreslå et første møde")
    next_month = dt.date.today() + dt.timedelta(days=30)
    meeting.get_by_label("Dato").fill(next_month.isoformat())
    meeting.get_by_label("Klokkeslæt").fill("14:30")
    meeting.get_by_label("Sted (valgfrit)").fill("Kantinen på Rådhuset")
    with browser.page.expect_download() as info:
        meeting.get_by_role("link", name="Hent kalenderinvitationen (.ics)").click()
    download = info.value
    assert download.suggested_filename.endswith(".ics")
    ics = download.path().read_text(encoding="utf-8").replace("\r\n ", "")
    assert f"DTSTART;TZID=Europe/Copenhagen:{next_month:%Y%m%d}T" in ics
    assert "LOCATION:Kantinen på Rådhuset" in ics
    assert world.new_leader.leader.full_name in ics and mentor.full_name in ics

    browser.switch_language("en")
    browser.expect_heading("My mentorships")
    card = browser.page.get_by_role("article", name=f"Your mentor: {mentor.full_name}")
    expect(card.get_by_role("heading", name="Why you were matched")).to_be_visible()
    browser.check("my-mentor")


@pytest.fixture
def flagged_pair(world: World, programme: Programme) -> Flag:
    """Mette paired with Jens by hand, both accepted; the pair has not met for a long time."""
    enrolment = programme.enrolments.get(leader=world.new_leader.leader)
    offer = programme.mentor_offers.get(leader=world.mentor.leader)
    proposal = proposal_create_manual(
        enrolment=enrolment, offer=offer, user=world.hr, reason="Stærk i budget"
    )
    proposal_accept(proposal=proposal, leader=world.new_leader.leader)
    proposal_accept(proposal=proposal, leader=world.mentor.leader)
    return Flag.objects.create(
        mentorship=enrolment.mentorships.get(),
        kind=Flag.Kind.INACTIVE,
        reason="Intet møde registreret i 60 dage.",
    )


def test_hr_sees_a_flagged_pair_marks_it_handled_and_reads_the_figures(
    browser: Browser, world: World, programme: Programme, flagged_pair: Flag
) -> None:
    browser.login(world.hr)
    browser.goto("/hr/programmes")
    browser.expect_heading("Mentorprogrammer")
    page = browser.page
    pair = "Mette Kjær og Jens Bak"
    card = page.get_by_role("article", name=pair)
    expect(card).to_contain_text("Intet møde registreret i lang tid")
    browser.check("programme-flags")
    browser.switch_language("en")
    expect(page.get_by_role("article", name="Mette Kjær and Jens Bak")).to_be_visible()
    browser.check("programme-flags")
    browser.switch_language("da")

    card.get_by_role("button", name=f"Markér som håndteret {pair}").click()
    expect(page.get_by_role("status").filter(has_text="håndteret")).to_have_text(
        f"{pair} er markeret som håndteret."
    )
    expect(page.get_by_text("Ingen par kræver opmærksomhed lige nu.")).to_be_visible()
    assert Flag.objects.get().resolved_at is not None

    page.get_by_role("link", name=programme.name).click()
    browser.expect_heading(programme.name)
    table = page.get_by_role("table", name="Tal for programmet pr. forvaltning")
    # One mentee: every count is under five, so the API hides it and the screen says so.
    expect(table.get_by_role("row", name="Hele programmet")).to_contain_text("skjult")
    # The chart of the share matched; the table above is its text alternative.
    chart = page.get_by_role("img", name=re.compile("^Søjlediagram over andelen matchet"))
    expect(chart).to_be_visible()
    browser.check("programme-analytics")
    browser.switch_language("en")
    expect(page.get_by_role("table", name="Programme figures per administration")).to_be_visible()
    browser.check("programme-analytics")
