"""HR's network screens: learning networks from sign-ups (compose, move, publish) and insights."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import expect

from backend.networks import models as nm
from backend.networks.graph import graph_cache_clear
from backend.networks.models import GroupDraft, SignUp, SignUpRegistration
from backend.networks.services.signups import signup_create
from backend.people import models as m
from tests import factories as f
from tests.conftest import World
from tests.e2e.conftest import Browser

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

THEME = "Psykologisk tryghed"


@pytest.fixture(autouse=True)
def _fresh_graph_cache() -> Iterator[None]:
    """The leader graph is cached per process; ids are reused between transactional tests."""
    graph_cache_clear()
    yield
    graph_cache_clear()


@pytest.fixture
def signup(world: World) -> SignUp:
    """A sign-up whose deadline passed, with eight leaders from two administrations.

    Each leads their own unit and none is another's boss, so any grouping keeps the line and
    unit rules and only the group sizes (3 to 5) can be broken.
    """
    signup = signup_create(
        actor=world.hr,
        theme=THEME,
        description="Sparring om arbejdsmiljø og tryghed i teamet.",
        deadline=dt.date.today() - dt.timedelta(days=1),
        min_size=3,
        max_size=5,
    )
    school = m.Department.objects.get(name="Skole", organisation=world.org)
    elderly = m.Department.objects.get(name="Ældre og Sundhed", organisation=world.org)
    people = [
        (school, "Anne", "Riis"),
        (school, "Bo", "Krogh"),
        (school, "Cecilie", "Frost"),
        (school, "Dan", "Ravn"),
        (elderly, "Eva", "Skov"),
        (elderly, "Finn", "Lind"),
        (elderly, "Gitte", "Bech"),
        (elderly, "Henrik", "Dam"),
    ]
    for dept, first, last in people:
        leader = f.LeaderFactory(
            unit=f.UnitFactory(department=dept, name=f"{first}s enhed"),
            first_name=first,
            last_name=last,
        )
        SignUpRegistration.objects.create(signup=signup, leader=leader)
    return signup


def test_hr_composes_moves_one_leader_and_publishes_learning_networks(
    browser: Browser, world: World, signup: SignUp
) -> None:
    browser.login(world.hr)
    nav = browser.page.get_by_role("navigation")
    nav.get_by_role("link", name="Læringsnetværk", exact=True).click()
    browser.expect_heading("Læringsnetværk")
    expect(browser.page.get_by_role("row", name=re.compile(THEME))).to_contain_text("8")
    browser.check("network-signups")
    browser.switch_language("en")
    browser.expect_heading("Learning networks")
    browser.check("network-signups")
    browser.switch_language("da")

    # HR opens a new sign-up for Social og Sundhed.
    page = browser.page
    page.get_by_label("Tema").fill("Kommunikation")
    page.get_by_label("Mindste gruppe").fill("4")
    page.get_by_label("Største gruppe").fill("6")
    deadline = dt.date.today() + dt.timedelta(days=14)
    page.get_by_label("Tilmeldingsfrist").fill(deadline.isoformat())
    page.get_by_role("checkbox", name="Social og Sundhed").check()
    page.get_by_role("button", name="Opret tilmelding").click()
    expect(page.get_by_role("status")).to_contain_text("Tilmeldingen »Kommunikation« er oprettet.")
    created = SignUp.objects.get(theme="Kommunikation")
    assert (created.min_size, created.max_size) == (4, 6)
    assert list(created.eligible_administrations.all()) == [world.social]
    # The list reloads with the new sign-up; wait for it so the rows stop moving before a click.
    expect(page.get_by_role("row", name=re.compile("Kommunikation"))).to_be_visible()

    # The sign-up with registrations: compose.
    page.get_by_role("link", name=THEME).click()
    browser.expect_heading(THEME)
    expect(page.get_by_role("heading", name="Tilmeldte ledere (8)")).to_be_visible()
    page.get_by_role("button", name="Sammensæt grupper").click()
    expect(page.get_by_role("heading", name="Gruppeforslag")).to_be_visible()
    expect(page.get_by_text("Grupperne overholder alle regler.")).to_be_visible()
    browser.check("network-draft")

    draft = GroupDraft.objects.get(signup=signup, status=GroupDraft.Status.DRAFT)
    sizes = [len(g) for g in draft.groups]
    source = sizes.index(max(sizes))
    target = sizes.index(min(sizes))
    assert source != target, sizes
    mover = m.Leader.objects.get(id=draft.groups[source][0])
    name = mover.full_name
    page.get_by_label(f"Flyt {name} til").select_option(label=f"Gruppe {target + 1}")
    page.get_by_role("button", name=f"Flyt {name}").click()
    expect(page.get_by_role("status").filter(has_text="flyttet")).to_have_text(
        f"{name} er flyttet til gruppe {target + 1}."
    )
    group = page.get_by_role("article", name=re.compile(f"^Gruppe {target + 1} "))
    expect(group.get_by_role("rowheader", name=name)).to_be_visible()
    draft.refresh_from_db()
    assert mover.id in draft.groups[target]

    browser.switch_language("en")
    expect(page.get_by_role("heading", name="Group draft")).to_be_visible()
    browser.check("network-draft")
    browser.switch_language("da")

    page.get_by_role("button", name="Offentliggør grupperne").click()
    expect(page.get_by_text(re.compile(r"Vil I offentliggøre \d grupper"))).to_be_visible()
    page.get_by_role("button", name="Ja, offentliggør").click()
    count = len(draft.groups)
    expect(page.get_by_role("status").filter(has_text="offentliggjort")).to_have_text(
        f"Grupperne er offentliggjort: {count} læringsnetværk er oprettet."
    )
    expect(page.get_by_role("heading", name=f"Oprettede læringsnetværk ({count})")).to_be_visible()
    expect(page.get_by_text(f"Læringsnetværk: {THEME} ({target + 1})")).to_be_visible()
    browser.check("network-published")

    # In the database: one learning network per group, the moved leader in the chosen one.
    draft.refresh_from_db()
    assert draft.status == GroupDraft.Status.PUBLISHED
    networks = nm.Network.objects.filter(
        organisation=world.org, kind=nm.NetworkKind.LEARNING_NETWORK, theme=THEME
    )
    assert networks.count() == count
    chosen = networks.get(name=f"Læringsnetværk: {THEME} ({target + 1})")
    members = set(chosen.memberships.values_list("leader_id", flat=True))
    assert mover.id in members
    assert members == set(draft.groups[target])
    assert (
        not nm.Membership.objects.filter(leader=mover, network__theme=THEME)
        .exclude(network=chosen)
        .exists()
    )

    browser.switch_language("en")
    expect(page.get_by_role("heading", name=f"Learning networks created ({count})")).to_be_visible()
    browser.check("network-published")


def test_hr_sees_the_network_picture_and_charts_with_their_tables(
    browser: Browser, world: World
) -> None:
    group = f.NetworkFactory(
        organisation=world.org, name="Ledergruppe på tværs", kind=nm.NetworkKind.LEADER_GROUP
    )
    for user in (world.new_leader, world.outsider, world.mentor):
        f.MembershipFactory(network=group, leader=user.leader)
    # A members-only network of three: HR sees its ties only as a count over five or more.
    club = f.NetworkFactory(
        organisation=world.org,
        name="Frokostklubben",
        kind=nm.NetworkKind.INFORMAL,
        visibility=nm.Network.Visibility.MEMBERS_ONLY,
    )
    for user in (world.grand_boss, world.boss, world.mentor):
        f.MembershipFactory(network=club, leader=user.leader)

    browser.login(world.hr)
    browser.page.get_by_role("navigation").get_by_role("link", name="Netværksindsigt").click()
    browser.expect_heading("Netværksindsigt")
    page = browser.page
    # Computed by the background task (in-process here) and read from storage, with its time.
    expect(page.get_by_text(re.compile("^Beregnet "))).to_be_visible()
    expect(page.get_by_role("img", name=re.compile("^Netværksbillede"))).to_be_visible()
    ties = page.get_by_role("table", name="Bånd mellem og inden for forvaltninger")
    across = (
        ties.get_by_role("row").filter(has_text="Børn og Unge").filter(has_text="Social og Sundhed")
    )
    expect(across).to_contain_text("Vises ikke (under 5 personer)")
    ei_chart = page.get_by_role("img", name=re.compile("^Søjlediagram over E-I-indekset"))
    expect(ei_chart).to_be_visible()
    ei = page.get_by_role("table", name="E-I-indeks og bånd pr. forvaltning")
    expect(ei.get_by_role("row")).to_have_count(3)
    expect(ei.get_by_role("row", name=re.compile("^Børn og Unge"))).to_be_visible()
    expect(page.get_by_role("table", name="Nøgletal om netværket")).to_be_visible()
    # Nothing names the private network or lists its members as such.
    expect(page.get_by_text("Frokostklubben")).to_have_count(0)
    browser.check("network-insights")

    browser.switch_language("en")
    browser.expect_heading("Network insights")
    expect(page.get_by_role("table", name="E-I index and ties per administration")).to_be_visible()
    browser.check("network-insights")
