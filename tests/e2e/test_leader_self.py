"""Journeys of a leader serving herself (issue 14): her profile, her notifications and every link
they carry, her data, a proposal answered on a phone, and the peer finder remembering who she
asked."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from playwright.sync_api import expect

from backend.mentoring.models import Programme, Proposal
from backend.mentoring.services.programmes import (
    enrolment_create,
    mentor_offer_upsert,
    programme_create,
)
from backend.mentoring.services.proposals import proposal_approve
from backend.mentoring.services.runs import match_run_start
from backend.notifications import links
from backend.notifications.models import EmailPreference, Notification
from backend.people import models as m
from onboarding.models import Plan
from tests import factories as f
from tests.conftest import World
from tests.e2e.conftest import Browser

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def programme(world: World) -> Programme:
    """Mette is enrolled; Jens (her mentor-to-be) offers to mentor."""
    programme = programme_create(
        organisation=world.org,
        created_by=world.hr,
        name="Mentorforløb for nye ledere",
        starts_on=dt.date.today(),
        proposal_expiry_days=14,
    )
    enrolment_create(programme=programme, leader=world.new_leader.leader)
    mentor_offer_upsert(programme=programme, leader=world.mentor.leader, capacity=1)
    return programme


def _offered_proposal(world: World, programme: Programme) -> Proposal:
    match_run_start(programme=programme, user=world.hr)
    proposal = Proposal.objects.get(enrolment__leader=world.new_leader.leader, status="draft")
    proposal_approve(proposal=proposal, user=world.hr)  # notifies Mette and her mentor
    proposal.refresh_from_db()
    return proposal


def test_a_leader_fills_in_her_profile_in_both_languages(browser: Browser, world: World) -> None:
    mette = world.new_leader.leader
    assert mette is not None and not mette.discoverable  # the finder is opt-in
    page = browser.page
    browser.login(world.new_leader)
    page.get_by_role("navigation").get_by_role("link", name="Min profil").click()
    browser.expect_heading("Min profil")

    page.get_by_label("Kort præsentation").fill("Skoleleder i Testrup, tidligere lærer.")
    page.get_by_label("Sprog, du kan tale på").fill("dansk, engelsk, tysk")
    page.get_by_role("button", name="Gem præsentation").click()
    expect(page.get_by_role("status").filter(has_text="Din præsentation er gemt.")).to_be_visible()
    mette.refresh_from_db()
    assert mette.bio == "Skoleleder i Testrup, tidligere lærer."
    assert mette.languages == ["dansk", "engelsk", "tysk"]

    page.get_by_label(world.budget.label_da).select_option(label="Ekspert")
    page.get_by_role("button", name="Gem styrker").click()
    expect(page.get_by_role("status").filter(has_text="Dine styrker er gemt.")).to_be_visible()
    expect(page.get_by_text(f"Spørg mig om: {world.budget.label_da}")).to_be_visible()
    assert m.Competency.objects.get(leader=mette, topic=world.budget).level == 3

    # What others see is said plainly; what they never see comes from the served rules.
    finder = page.get_by_role("region", name="Kan andre ledere finde dig?")
    expect(finder).to_contain_text("dit navn, din stillingsbetegnelse")
    expect(finder).to_contain_text("Andre ledere ser aldrig: dine støttebehov;")
    # Saved on change (the box shows the server's answer).
    finder.get_by_label("Ja, andre ledere må finde mig i kollegafinderen").click()
    expect(finder.get_by_role("status")).to_have_text("Nu kan andre ledere finde dig.")
    mette.refresh_from_db()
    assert mette.discoverable

    page.get_by_label(re.compile("^Netværk: introduktioner")).click()
    expect(page.get_by_role("status").filter(has_text="e-mail er gemt")).to_be_visible()
    assert EmailPreference.objects.get(user=world.new_leader).muted == ["networks"]
    browser.check("profile")

    browser.switch_language("en")
    browser.expect_heading("My profile")
    expect(page.get_by_label(world.budget.label_en)).to_have_value("3")
    expect(page.get_by_label(re.compile("^Networks: introductions"))).not_to_be_checked()
    expect(page.get_by_text("Other leaders never see: your support needs")).to_be_visible()
    browser.check("profile")


def test_the_inbox_counts_unread_marks_read_and_works_on_a_phone(
    browser: Browser, world: World
) -> None:
    page = browser.page
    user = world.new_leader
    old = f.NotificationFactory(
        user=user,
        kind="networks.introduction",
        subject="Tove vil gerne møde dig",
        url=links.introductions(),
    )
    f.NotificationFactory(
        user=user,
        kind="onboarding.due_soon",
        subject="Budgetmøde snart",
        body="Husk mødet med økonomikonsulenten.",
    )
    browser.login(user)
    inbox_link = page.get_by_role("banner").get_by_role("link", name=re.compile("^Beskeder"))
    expect(inbox_link).to_contain_text("2")
    inbox_link.click()
    browser.expect_heading("Beskeder")
    expect(page.get_by_text("2 ulæste").first).to_be_visible()
    browser.check("inbox")

    page.get_by_role("button", name="Markér som læst: Tove vil gerne møde dig").click()
    expect(inbox_link).to_contain_text("1")
    old.refresh_from_db()
    assert old.read_at is not None
    page.get_by_label("Vis kun ulæste").check()
    expect(page.get_by_role("article")).to_have_count(1)  # Tove's is read now
    page.get_by_label("Vis kun ulæste").uncheck()
    page.get_by_role("button", name="Markér alle som læst").click()
    expect(page.get_by_role("status").filter(has_text="Markeret som læst: 1.")).to_be_visible()
    expect(inbox_link).to_have_text("Beskeder")
    assert not Notification.objects.filter(user=user, read_at__isnull=True).exists()

    browser.switch_language("en")
    browser.expect_heading("Notifications")
    browser.check("inbox")

    # On a phone the menu folds away: the screen's heading comes first, the menu on demand.
    page.set_viewport_size(PHONE)
    nav = page.get_by_role("navigation", name=re.compile("."))
    expect(nav).to_be_hidden()
    heading_box = page.get_by_role("heading", level=1).bounding_box()
    assert heading_box is not None and heading_box["y"] < 200
    browser.check("inbox-phone")
    menu = page.get_by_role("button", name="Menu")
    expect(menu).to_have_attribute("aria-expanded", "false")
    menu.click()
    expect(nav).to_be_visible()
    expect(page.get_by_role("button", name="English")).to_be_visible()
    expect(menu).to_have_attribute("aria-expanded", "true")
    browser.check("menu-phone")
    nav.get_by_role("link", name="My profile").click()
    browser.expect_heading("My profile")
    expect(nav).to_be_hidden()  # choosing a link closes the menu


def _open(browser: Browser, subject: str, heading: str, path: str) -> None:
    """Open a notification from the inbox; it lands on ``path`` with the screen ``heading``."""
    browser.goto("/me/notifications")
    browser.page.get_by_role("link", name=f"Åbn: {subject}").click()
    browser.expect_heading(heading)
    expect(browser.page).to_have_url(re.compile(re.escape(path) + "$"))


def test_every_kind_of_link_opens_its_screen(
    browser: Browser, world: World, programme: Programme, mette_plan: Plan
) -> None:
    proposal = _offered_proposal(world, programme)
    mette = world.new_leader.leader
    assert mette is not None
    mentorship = f.MentorshipFactory(
        programme=programme,
        enrolment=f.EnrolmentFactory(
            programme=programme, leader=f.LeaderFactory(organisation=world.org, unit=mette.unit)
        ),
        offer=f.MentorOfferFactory(programme=programme, leader=mette),
    )
    network = f.NetworkFactory(organisation=world.org, name="Skoleledere på tværs")
    f.MembershipFactory(network=network, leader=mette)
    item = mette_plan.items.order_by("id").first()
    assert item is not None
    leader_links = [
        # The proposal's notification was sent by the service itself.
        (
            Notification.objects.get(user=world.new_leader, kind="mentoring.proposal").subject,
            "Mentorforslag",
            f"/mentoring/proposals#proposal-{proposal.id}",
        ),
        # A pair has its own screen (issue 14, item 4): Mette is the mentor here.
        (
            "Et mentorforløb",
            f"Din mentee: {mentorship.mentee.full_name}",
            f"/mentoring/mentorships/{mentorship.id}",
        ),
        ("Dine forslag", "Mentorforslag", "/mentoring/proposals"),
        ("En introduktion", "Introduktioner", "/peers/introductions"),
        ("En anmodning", "Mine netværk", "/networks/requests"),
        ("Et netværk", "Mine netværk", "/networks#lnet-mine"),
        ("Kaffe-roulette", "Mine netværk", "/networks#lnet-roulette"),
        ("En opgave", "Min plan", f"/plan#item-{item.id}-title"),
    ]
    urls = [
        links.mentorship(mentorship.id),
        links.mentoring_suggestions(),
        links.introductions(),
        links.network_requests(),
        links.network(network.id),
        links.roulette(),
        links.plan_item(mette_plan.id, item.id),
    ]
    for (subject, _heading, _path), url in zip(leader_links[1:], urls, strict=True):
        f.NotificationFactory(user=world.new_leader, subject=subject, url=url)

    browser.login(world.new_leader)
    for subject, heading, path in leader_links:
        _open(browser, subject, heading, path)
        target = path.partition("#")[2]
        if target:  # the thing itself is in view and has the focus
            expect(browser.page.locator(f"#{target}")).to_be_focused()

    # HR's two kinds: pairs that need a look, and a programme's manual queue.
    hr_links = [
        (
            "Et par skal ses på",
            links.mentoring_flags(),
            "Mentorprogrammer",
            "/hr/programmes#flags-heading",
        ),
        (
            "Manuel matchning",
            links.programme_manual_queue(programme.id),
            programme.name,
            f"/hr/programmes/{programme.id}#queue-heading",
        ),
    ]
    for subject, url, _heading, _path in hr_links:
        f.NotificationFactory(user=world.hr, subject=subject, url=url)
    browser.page.get_by_role("button", name="Log ud").click()
    browser.login(world.hr)
    for subject, _url, heading, path in hr_links:
        _open(browser, subject, heading, path)
    # The plan link for HR opens HR's view of the same plan.
    f.NotificationFactory(user=world.hr, subject="Forsinket opgave", url=urls[-1])
    _open(
        browser,
        "Forsinket opgave",
        f"Plan for {mette.full_name}",
        f"/hr/overview/{mette_plan.id}#item-{item.id}-title",
    )


def test_a_leader_sees_who_read_her_data_and_exports_it(browser: Browser, world: World) -> None:
    mette = world.new_leader.leader
    assert mette is not None
    f.AccessLogEntryFactory(
        subject=mette,
        actor=world.hr,
        actor_name="Hanne Holm (HR)",
        what="support_needs",
        purpose="Opfølgning på introduktionen",
    )
    page = browser.page
    browser.login(world.new_leader)
    browser.goto("/me/profile")
    page.get_by_role("link", name="Se og hent mine data").click()
    browser.expect_heading("Mine data")
    row = page.get_by_role("row", name=re.compile("Hanne Holm"))
    expect(row).to_contain_text("Dine støttebehov")
    expect(row).to_contain_text("Opfølgning på introduktionen")
    browser.check("my-data")

    exported = page.request.get(
        f"{browser.base_url}/api/privacy/leaders/{mette.id}/export/?format=json"
    )
    assert exported.ok
    assert f'"first_name": "{mette.first_name}"' in json.dumps(exported.json(), ensure_ascii=False)
    page.get_by_role("link", name="Åbn som en side, der er let at læse").click()
    expect(page.get_by_text("Opfølgning på introduktionen").first).to_be_visible()
    page.go_back()
    browser.expect_heading("Mine data")
    browser.switch_language("en")
    browser.expect_heading("My data")
    expect(page.get_by_role("row", name=re.compile("Hanne Holm"))).to_contain_text(
        "Your support needs"
    )
    browser.check("my-data")


def test_a_mentee_answers_a_proposal_on_a_phone(
    browser: Browser, world: World, programme: Programme
) -> None:
    proposal = _offered_proposal(world, programme)
    page = browser.page
    browser.login(world.new_leader)
    page.set_viewport_size(PHONE)
    page.get_by_role("banner").get_by_role("link", name=re.compile("^Beskeder")).click()
    browser.expect_heading("Beskeder")
    page.get_by_role("link", name=re.compile("^Åbn: ")).first.click()
    browser.expect_heading("Mentorforslag")
    mentor = world.mentor.leader
    assert mentor is not None
    card = page.get_by_role("article", name=f"Din foreslåede mentor: {mentor.full_name}")
    expect(card).to_contain_text(
        f"Mentee {world.new_leader.leader.full_name} · mentor {mentor.full_name}"  # type: ignore[union-attr]
    )
    expect(card).to_contain_text("Svar senest")
    accept = card.get_by_role("button", name="Sig ja")
    box = accept.bounding_box()
    assert (
        box is not None and box["height"] >= 44 and box["width"] >= 88
    )  # thumb-sized (WCAG 2.5.5)
    browser.check("proposal-phone")
    accept.click()
    expect(page.get_by_role("status").filter(has_text="Du har sagt ja")).to_be_visible()
    expect(card).not_to_contain_text("Svar senest")  # answered: no deadline left to meet
    proposal.refresh_from_db()
    assert proposal.mentee_accepted_at is not None


def test_the_peer_finder_says_who_was_already_asked(browser: Browser, world: World) -> None:
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
    )
    f.IntroductionRequestFactory(
        organisation=world.org, from_leader=lone, to_leader=tove, status="pending"
    )
    user = f.UserFactory(username="lone", organisation=world.org, leader=lone)
    browser.login(user)
    browser.goto("/peers")
    card = browser.page.get_by_role("article", name=tove.full_name)
    expect(card).to_contain_text("Du har bedt om en introduktion")
    expect(card.get_by_role("button", name="Bed om en introduktion")).to_have_count(0)
    browser.check("peer-finder-asked")
