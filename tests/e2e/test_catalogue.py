"""Journeys on the staff functions' offers and onboarding for moves (issue 16, items 4 and 6).

A leader browses the whole catalogue by topic, asks for an offer from an item of her plan ("Bed om
denne hjælp"), HR moves the request to done on the board, and the leader sees it done. HR
publishes an offer in set-up, and previews the plans of leaders who came into the role in
different ways: the plan follows the way in.
"""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import expect

from backend.catalogue.models import OfferRequest
from backend.people import models as m
from onboarding.models import Plan, PlanItem
from onboarding.services.templates import templates_load
from seed.onboarding_moves import MOVE_TEMPLATES
from tests import factories as f
from tests.conftest import World
from tests.e2e.conftest import Browser

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

MOVE_FORM = "Flyt Mette Kjærs anmodning om Budgetgennemgang midt i året"
PRIVACY = (
    "HR kan læse dine anmodninger til stabene og dine beskeder. Din chef og lederne over dig, "
    "din mentor og andre ledere kan ikke se, at du har bedt om hjælp."
)


def _first_item(plan: Plan) -> PlanItem:
    """Mette's first open item of her own (a title without an {owner} placeholder)."""
    return next(
        item
        for item in PlanItem.objects.filter(
            plan=plan, status=PlanItem.Status.TODO, owner_role="new_leader"
        ).order_by("due_date", "id")
        if "{" not in item.title_da and item.template_item_id
    )


def test_a_leader_requests_help_from_her_plan_and_hr_follows_it_to_done(
    browser: Browser, world: World, mette_plan: Plan
) -> None:
    payroll = f.StaffFunctionFactory(
        organisation=world.org, kind="payroll_hr_law", name="Løn og Personale"
    )
    finance = f.StaffFunctionFactory(organisation=world.org, kind="finance", name="Økonomi")
    budget = f.StaffOfferFactory(
        staff_function=finance,
        title_da="Budgetgennemgang midt i året",
        title_en="A mid-year budget review",
        topics=[world.budget],
    )
    f.StaffOfferFactory(
        staff_function=payroll,
        title_da="Hjælp til opsætning af vagtplansystemet",
        title_en="Help setting up the roster system",
        topics=[world.roster],
    )
    item = _first_item(mette_plan)
    assert item.template_item is not None
    item.template_item.offers.add(budget)

    # The leader browses the whole catalogue, then by topic.
    page = browser.page
    browser.login(world.new_leader)
    page.get_by_role("navigation").get_by_role("link", name="Hjælp fra stabene").click()
    browser.expect_heading("Hjælp fra stabene")
    expect(page.get_by_role("listitem").filter(has_text="vagtplansystemet")).to_be_visible()
    page.get_by_label("Emne").select_option(label="Budget og økonomisystem")
    expect(page.get_by_role("status").filter(has_text="1 tilbud vises")).to_be_visible()
    expect(page.get_by_text("Hjælp til opsætning af vagtplansystemet")).to_have_count(0)
    browser.check("catalogue-leader")
    browser.switch_language("en")
    browser.expect_heading("Help from the staff functions")
    browser.check("catalogue-leader")
    browser.switch_language("da")

    # From the plan item: "Bed om denne hjælp" opens the request for the linked offer.
    page.get_by_role("navigation").get_by_role("link", name="Min plan").click()
    browser.expect_heading("Min plan")
    card = page.get_by_role("article", name=item.title_da)
    card.get_by_role("link", name="Bed om denne hjælp: Budgetgennemgang midt i året").click()
    browser.expect_heading("Hjælp fra stabene")
    form = page.get_by_role("form", name="Bed om denne hjælp: Budgetgennemgang midt i året")
    form.get_by_label("Kort besked").fill("Vi har et merforbrug på vikarer.")
    form.get_by_label("Hvornår passer det dig").fill("I juni")
    # Worded from the served rules (kind staff_request): the line never learns of it.
    expect(form).to_contain_text(PRIVACY)
    browser.check("catalogue-request")
    form.get_by_role("button", name="Send anmodning").click()
    expect(page.get_by_text("Din anmodning er sendt.")).to_be_visible()
    request = OfferRequest.objects.get(leader=world.new_leader.leader)
    assert request.status == "requested"
    assert request.message == "Vi har et merforbrug på vikarer."
    page.get_by_role("button", name="Log ud").click()

    # HR moves it through the board: accepted, then done, with a reply to the leader.
    browser.login(world.hr)
    page.get_by_role("navigation").get_by_role("link", name="Anmodninger til stabene").click()
    browser.expect_heading("Anmodninger til stabene")
    move = page.get_by_role(
        "form", name="Flyt Mette Kjærs anmodning om Budgetgennemgang midt i året"
    )
    expect(page.get_by_role("main")).to_contain_text("Vi har et merforbrug på vikarer.")
    move.get_by_label("Ny status").select_option(label="Accepteret")
    move.get_by_label("Svar til lederen").fill("Din økonomikonsulent ringer dig op.")
    move.get_by_role("button", name="Gem").click()
    expect(page.get_by_role("heading", name="Accepteret / Aftalt (1)")).to_be_visible()
    browser.check("catalogue-board")
    move = page.get_by_role(
        "form", name="Flyt Mette Kjærs anmodning om Budgetgennemgang midt i året"
    )
    move.get_by_label("Ny status").select_option(label="Gennemført")
    move.get_by_role("button", name="Gem").click()
    expect(page.get_by_role("heading", name="Gennemført (1)")).to_be_visible()
    request.refresh_from_db()
    assert request.status == "done"
    page.get_by_role("button", name="Log ud").click()

    # The leader sees it done, from the notification's link.
    browser.login(world.new_leader)
    browser.goto(f"/help/requests?request={request.id}")
    browser.expect_heading("Mine anmodninger til stabene")
    mine = page.get_by_role("listitem").filter(has_text="Budgetgennemgang midt i året")
    expect(mine).to_contain_text("Gennemført")
    expect(mine).to_contain_text("Din økonomikonsulent ringer dig op.")
    browser.check("catalogue-my-requests")
    browser.switch_language("en")
    browser.expect_heading("My requests to the staff functions")
    mine = page.get_by_role("listitem").filter(has_text="A mid-year budget review")
    expect(mine).to_contain_text("Done")
    browser.check("catalogue-my-requests")
    # On a phone the catalogue and its request form still work.
    page.set_viewport_size({"width": 390, "height": 844})
    browser.goto(f"/help?offer={budget.id}")
    browser.expect_heading("Help from the staff functions")
    expect(
        page.get_by_role("form", name="Request this help: A mid-year budget review")
    ).to_be_visible()
    browser.check("catalogue-phone")


def test_hr_publishes_an_offer_and_previews_the_plans_of_each_move(
    browser: Browser, world: World
) -> None:
    f.StaffFunctionFactory(organisation=world.org, kind="finance", name="Økonomi")
    templates_load(organisation=world.org, templates=MOVE_TEMPLATES)
    page = browser.page
    browser.login(world.hr)
    browser.goto("/hr/setup")
    page.get_by_role("link", name="Stabenes tilbud").click()
    browser.expect_heading("Stabenes tilbud")
    form = page.get_by_role("form", name="Nyt tilbud")
    form.get_by_label("Stab").select_option(label="Økonomi")
    form.get_by_label("Titel (dansk)").fill("Budgetgennemgang midt i året")
    form.get_by_label("Varighed").fill("1½ time")
    form.get_by_label("Budget og økonomisystem").check()
    form.get_by_role("button", name="Tilføj tilbud").click()
    expect(form.get_by_text("er gemt")).to_be_visible()
    expect(page.get_by_role("heading", name="Budgetgennemgang midt i året")).to_be_visible()
    browser.check("catalogue-hr-offers")

    # The preview follows the leader's way into the role, which HR sets right there.
    leader = world.mentor.leader
    assert leader is not None
    m.Leader.objects.filter(id=leader.id).update(role_start_date=dt.date.today())
    browser.goto("/hr/setup/templates")
    browser.expect_heading("Onboardingskabeloner")
    page.get_by_role("searchbox", name="Søg leder (navn eller medarbejdernummer)").fill("Jens")
    page.get_by_role("button", name="Søg", exact=True).click()
    page.get_by_label("Leder", exact=True).select_option(index=1)
    expect(page.get_by_text("Lederen ville ikke få nogen punkter.")).to_be_visible()
    route = page.get_by_label("Vej til stillingen", exact=True)
    route.select_option(label="Forfremmet fra et lavere ledelsesniveau")
    table = page.get_by_role("table")
    expect(table).to_contain_text("Forventninger til det nye ledelsestrin")
    table.scroll_into_view_if_needed()
    browser.check("catalogue-preview-promoted")
    route.select_option(label="Kommer fra et andet fagområde")
    expect(table).to_contain_text("Introduktion til fagområdets kerneopgave")
    expect(table).not_to_contain_text("Forventninger til det nye ledelsestrin")
    route.select_option(label="Fra talentforløbet (Morgendagens Ledere)")
    expect(table).to_contain_text("Din profil fra talentforløbet holdt op mod lederprofilen")
    # Jens leads 80 staff: the talent graduate's training ground for a large unit applies.
    expect(table).to_contain_text("Træningsbane til en stor enhed")
    table.scroll_into_view_if_needed()
    browser.check("catalogue-preview-talent")
    leader.refresh_from_db()
    assert leader.entry_route == "talent"
