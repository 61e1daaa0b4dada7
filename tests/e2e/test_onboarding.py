"""Journeys on the onboarding plan: the new leader, their boss, and HR."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from backend.people import models as m
from onboarding.models import Plan, PlanItem
from tests.conftest import CANARY, World
from tests.e2e.conftest import Browser

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _open_items(plan: Plan) -> list[PlanItem]:
    """Mette's own open items with a topic (not budget: she already has that need)."""
    items = [
        item
        for item in PlanItem.objects.filter(
            plan=plan,
            status=PlanItem.Status.TODO,
            owner_role="new_leader",
            topic__isnull=False,
            depends_on__isnull=True,
        )
        .exclude(topic__slug="budget")
        .select_related("topic")
        .order_by("due_date", "id")
        if "{" not in item.title_da  # titles with an {owner} placeholder are filled per person
    ]
    assert len(items) >= 2
    return items


def test_new_leader_completes_an_item_and_asks_for_help(
    browser: Browser, world: World, mette_plan: Plan
) -> None:
    done_item, help_item = _open_items(mette_plan)[:2]
    browser.login(world.new_leader)
    browser.page.get_by_role("navigation").get_by_role("link", name="Min plan").click()
    browser.expect_heading("Min plan")
    browser.check("my-plan")

    card = browser.page.get_by_role("article", name=done_item.title_da)
    card.get_by_role("button", name="Markér som gjort").click()
    browser.page.get_by_role("status").filter(has_text="er gjort").wait_for()
    done_item.refresh_from_db()
    assert done_item.status == PlanItem.Status.DONE
    assert done_item.completed_by_id == world.new_leader.id

    card = browser.page.get_by_role("article", name=help_item.title_da)
    # Worded from GET /api/privacy/rules/ (help requests: the leader and HR), not hard-coded;
    # said once on the plan and given to every help button as its description.
    hint = (
        "Kun du og HR kan se, at du beder om hjælp. "
        "Din chef og lederne over dig, din mentor og andre ledere kan ikke."
    )
    expect(browser.page.get_by_role("main")).to_contain_text(hint)
    help_button = card.get_by_role("button", name="Jeg har brug for hjælp")
    expect(help_button).to_have_accessible_description(hint)
    help_button.click()
    card.get_by_text("Du har bedt om hjælp med dette.").wait_for()
    need = m.SupportNeed.objects.get(leader=world.new_leader.leader, topic=help_item.topic)
    assert need.status == m.SupportNeed.Status.OPEN

    # The help request shows among her private support needs, with who can see it.
    browser.page.get_by_role("link", name="Mine støttebehov").click()
    browser.expect_heading("Mine støttebehov")
    expect(browser.page.get_by_role("main")).to_contain_text(help_item.topic.label_da)
    privacy = browser.page.get_by_role("complementary", name="Hvem kan se dine støttebehov?")
    expect(privacy).to_contain_text(
        "Din chef og lederne over dig: intet. De kan ikke se dine støttebehov."
    )
    expect(privacy).to_contain_text("Din mentor: emne og hvor meget hjælp du ønsker, kun for")
    browser.check("support-needs")

    browser.switch_language("en")
    browser.expect_heading("My support needs")
    browser.check("support-needs")
    browser.page.get_by_role("navigation").get_by_role("link", name="My plan").click()
    browser.expect_heading("My plan")
    # Done items are folded away; the "Done" filter shows them.
    browser.page.get_by_role("radio", name=re.compile("^Done")).check()
    card = browser.page.get_by_role("article", name=done_item.title_en or done_item.title_da)
    expect(card).to_contain_text("Done")
    browser.check("my-plan")


def test_new_leader_sees_who_serves_her_unit(
    browser: Browser, world: World, mette_plan: Plan
) -> None:
    browser.login(world.new_leader)
    browser.page.get_by_role("link", name="Hvem hjælper mig").first.click()
    browser.expect_heading("Hvem hjælper mig")
    main = browser.page.get_by_role("main")
    expect(main).to_contain_text("Hanne Sørensen")
    expect(main).to_contain_text("Økonomi")
    browser.check("staff-contacts")
    browser.switch_language("en")
    browser.check("staff-contacts")


def test_boss_sees_progress_but_not_help_requests(
    browser: Browser, world: World, mette_plan: Plan
) -> None:
    help_item = _open_items(mette_plan)[0]
    PlanItem.objects.filter(id=help_item.id).update(need_help=True)
    browser.login(world.boss)
    browser.page.get_by_role("navigation").get_by_role("link", name="Mine nye ledere").click()
    browser.expect_heading("Mine nye ledere")
    main = browser.page.get_by_role("main")
    mette = world.new_leader.leader
    main.get_by_role("link", name=mette.full_name).wait_for()
    assert "Beder om hjælp" not in main.inner_text()
    # Worded from the served rules (the line sees none of the five).
    expect(main).to_contain_text(
        "Deres støttebehov, anmodninger om hjælp, mentorforløb, anmodninger om en coach og "
        "anmodninger til stabene er private og vises ikke for dig."
    )
    browser.check("boss-dashboard")
    browser.switch_language("en")
    browser.expect_heading("My new leaders")
    expect(main).to_contain_text(
        "Their support needs, requests for help, mentorships, requests for a coach and requests"
        " to the staff functions are private"
    )
    browser.check("boss-dashboard")
    browser.switch_language("da")

    main.get_by_role("link", name=mette.full_name).click()
    browser.expect_heading(f"Plan for {mette.full_name}")
    text = browser.page.content()
    assert "Jeg har brug for hjælp" not in text
    assert "bedt om hjælp" not in text
    assert CANARY not in text
    browser.check("boss-plan")
    browser.switch_language("en")
    browser.expect_heading(f"Plan for {mette.full_name}")
    browser.check("boss-plan")


def test_hr_overview_shows_new_leaders_with_help_and_mentor_status(
    browser: Browser, world: World, mette_plan: Plan
) -> None:
    browser.login(world.hr)
    browser.page.get_by_role("navigation").get_by_role("link", name="Overblik").click()
    browser.expect_heading("Overblik over nye ledere")
    row = browser.page.get_by_role("row", name=re.compile(world.new_leader.leader.full_name))
    expect(row).to_contain_text("Ingen mentor endnu")
    browser.check("hr-overview")
    browser.switch_language("en")
    browser.expect_heading("New leaders overview")
    browser.check("hr-overview")
