"""Journeys of a leader's life after the start (issue 14): the plan by phase and topic, at phone
size and in both languages; mentorship meetings and pulses; self-match; informal networks."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from backend.people import models as m
from onboarding.models import Plan, PlanItem
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
    page.set_viewport_size(PHONE)
    browser.login(world.new_leader)
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
