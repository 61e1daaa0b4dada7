"""Is this network worth your time, in the browser: a member opens the question from the
notification and answers; HR sees the overview with the small network's cells hidden."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from backend.netvalue.models import ValueAnswer
from backend.netvalue.services import value_answer, value_round_open
from backend.networks import models as nm
from backend.people import models as m
from tests import factories as f
from tests.conftest import World
from tests.e2e.conftest import Browser

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _members(world: World, network: nm.Network, n: int) -> list[m.User]:
    users = []
    for _ in range(n):
        leader = f.LeaderFactory(unit=f.UnitFactory(department__administration=world.social))
        f.MembershipFactory(network=network, leader=leader)
        users.append(f.UserFactory(organisation=world.org, role="leader", leader=leader))
    return users


def test_a_member_answers_and_hr_sees_the_overview_with_small_cells_hidden(
    browser: Browser, world: World
) -> None:
    big = f.NetworkFactory(
        organisation=world.org, kind=nm.NetworkKind.LEADER_GROUP, name="Ledergruppe Nord"
    )
    small = f.NetworkFactory(
        organisation=world.org, kind=nm.NetworkKind.LEARNING_NETWORK, name="Læringsnetværk Øst"
    )
    assert world.new_leader.leader is not None
    f.MembershipFactory(network=big, leader=world.new_leader.leader)
    others = _members(world, big, 4)
    few = _members(world, small, 2)
    value_round_open(organisation_id=world.org.id)
    for k, user in enumerate(others):
        value_answer(actor=user, network_id=big.id, score=4, wish="keep", comment=f"Godt {k}")
    for user in few:
        value_answer(actor=user, network_id=small.id, score=1, wish="close", comment="LILLE")

    page = browser.page
    browser.login(world.new_leader)
    browser.goto("/me/notifications")
    page.get_by_role("link", name=re.compile("Var dit netværk tiden værd")).first.click()
    browser.expect_heading("Er netværket tiden værd?")
    form = page.get_by_role("region", name="Ledergruppe Nord")
    form.get_by_role("radio", name="5 – i høj grad").check()
    form.get_by_role("radio", name="Behold det").check()
    form.get_by_label("Kommentar (frivillig)").fill("Det bedste sparringsrum, jeg har.")
    browser.check("netvalue-form")
    form.get_by_role("button", name="Send svar").click()
    expect(form.get_by_role("status")).to_have_text("Tak. Dit svar er gemt.")
    answer = ValueAnswer.objects.get(leader=world.new_leader.leader)
    assert (answer.score, answer.wish) == (5, "keep")
    browser.switch_language("en")
    browser.expect_heading("Is the network worth your time?")
    browser.check("netvalue-form")

    browser.switch_language("da")
    browser.page.context.clear_cookies()
    browser.login(world.hr)
    browser.goto("/hr/networks/value")
    browser.expect_heading("Netværkenes værdi")
    # What HR sees, worded from the served rules (network-value answers, informal networks).
    expect(
        page.get_by_text(
            "Tal og kommentarer vises kun for netværk med mindst fem svar, og kommentarer står "
            "uden navn. Ingen kan se den enkeltes svar. Uformelle netværk er medlemmernes egne: "
            "HR ser kun, hvor mange der er med, fra fem personer, aldrig hvem. De indgår ikke her."
        )
    ).to_be_visible()
    north = page.get_by_role("row", name=re.compile("Ledergruppe Nord"))
    expect(north).to_contain_text("5 af 5")
    expect(north).to_contain_text("4,2")
    expect(north).to_contain_text("Forny")
    east = page.get_by_role("row", name=re.compile("Læringsnetværk Øst"))
    expect(east).to_contain_text("Skjult")
    expect(east).to_contain_text("For få svar (2)")
    expect(page.get_by_text("Det bedste sparringsrum, jeg har.")).to_be_visible()
    expect(page.get_by_text("LILLE")).to_have_count(0)
    browser.check("netvalue-overview")
    page.set_viewport_size({"width": 390, "height": 844})
    browser.check("netvalue-overview-phone")
    browser.switch_language("en")
    browser.check("netvalue-overview-phone")
