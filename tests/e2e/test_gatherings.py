"""Ledertræf in the browser: HR creates a meeting, picks all leaders, composes two rounds, moves
one person and sees the warning, a refused move names the line, and opens the print page."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import expect

from backend.gatherings.models import Gathering, Seat
from backend.gatherings.selectors import line_pairs
from backend.networks.graph import graph_cache_clear, leader_graph
from backend.people import models as m
from tests.backend.gatherings.conftest import leaders_for
from tests.conftest import World
from tests.e2e.conftest import Browser

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _fresh_graph_cache() -> Iterator[None]:
    graph_cache_clear()
    yield
    graph_cache_clear()


def _seats(gathering: Gathering, round_number: int) -> dict[int, int]:
    return dict(
        Seat.objects.filter(gathering=gathering, round=round_number).values_list(
            "leader_id", "table"
        )
    )


def _soft_move(gathering: Gathering) -> tuple[m.Leader, m.Leader, int]:
    """Someone in round 2 and a round-1 tablemate of theirs at another round-2 table that keeps
    the hard rules: moving there gives the "sat together in round 1" warning."""
    first, second = _seats(gathering, 1), _seats(gathering, 2)
    graph = leader_graph(organisation_id=gathering.organisation_id)
    units = dict(m.Leader.objects.values_list("id", "unit_id"))
    for person, table in sorted(second.items()):
        mates = [x for x, t in first.items() if t == first[person] and x != person]
        for mate in mates:
            target = second[mate]
            others = [x for x, t in second.items() if t == target]
            if target == table or line_pairs([person, *others], graph):
                continue
            if any(units[x] == units[person] for x in others):
                continue
            return m.Leader.objects.get(id=person), m.Leader.objects.get(id=mate), target
    raise AssertionError("no soft move found")


def test_hr_plans_a_ledertraef_with_two_rounds_moves_one_and_prints(
    browser: Browser, world: World
) -> None:
    leaders_for(world, 36)
    page = browser.page
    browser.login(world.hr)
    browser.open_menu_if_folded()
    page.get_by_role("navigation").get_by_role("link", name="Ledertræf", exact=True).click()
    browser.expect_heading("Ledertræf")
    expect(page.get_by_text("Der er ikke oprettet noget ledertræf endnu.")).to_be_visible()
    browser.check("gatherings")

    page.get_by_label("Titel").fill("Ledertræf forår")
    page.get_by_label("Dato").fill((dt.date.today() + dt.timedelta(days=30)).isoformat())
    page.get_by_label("Sted").fill("Rådhuset, byrådssalen")
    page.get_by_label("Færrest ved et bord").fill("6")
    page.get_by_label("Flest ved et bord").fill("8")
    page.get_by_label("Runder").fill("2")
    page.get_by_role("button", name="Opret ledertræf").click()
    expect(page.get_by_role("status")).to_contain_text(
        "Ledertræffet »Ledertræf forår« er oprettet."
    )
    # The list reloads with the new meeting; wait for it so the link stops moving before a click.
    expect(page.get_by_role("row", name=re.compile("Ledertræf forår"))).to_be_visible()
    page.get_by_role("link", name="Vælg deltagere").click()
    browser.expect_heading("Ledertræf forår")

    page.get_by_role("checkbox", name="Alle ledere").check()
    page.get_by_role("button", name="Tilføj deltagere").click()
    count = m.Leader.objects.filter(organisation=world.org, active=True).count()
    assert count >= 40
    expect(page.get_by_role("heading", name=f"Deltagere ({count})")).to_be_visible()
    browser.check("gathering")

    # The note beside the composer, worded from the served rules (pairings, informal networks).
    expect(
        page.get_by_text(
            "»Kender hinanden« bygger kun på åbne netværk og mentorforløb. Uformelle netværk er "
            "medlemmernes egne: HR ser kun, hvor mange der er med, fra fem personer, aldrig hvem. "
            "De indgår hverken i sammensætningen eller i advarslerne."
        )
    ).to_be_visible()
    page.get_by_role("button", name="Sammensæt bordene").click()
    expect(page.get_by_text("Bordene er sammensat til 2 runder.")).to_be_visible()
    expect(page.get_by_role("heading", name="Runde 2", exact=True)).to_be_visible()
    gathering = Gathering.objects.get(title="Ledertræf forår")
    assert set(_seats(gathering, 1)) == set(_seats(gathering, 2))
    assert len(_seats(gathering, 2)) == count
    browser.check("gathering-composed")

    # A move into the boss's table is refused and says why.
    report = m.Leader.objects.get(first_name="Leder04")
    assert report.boss is not None
    boss_table = _seats(gathering, 1)[report.boss.id]
    page.get_by_label(f"Flyt {report.full_name} til").first.select_option(
        label=f"Bord {boss_table}"
    )
    page.get_by_role("button", name=f"Flyt {report.full_name}").first.click()
    expect(page.get_by_role("alert")).to_contain_text(
        f"{report.full_name} og {report.boss.full_name} er i samme ledelseslinje"
    )
    assert _seats(gathering, 1)[report.id] != boss_table

    # A move that keeps the hard rules is made, and the table warns.
    person, mate, target = _soft_move(gathering)
    row = page.get_by_role("region", name="Runde 2", exact=True)
    row.get_by_label(f"Flyt {person.full_name} til").select_option(label=f"Bord {target}")
    row.get_by_role("button", name=f"Flyt {person.full_name}").click()
    expect(page.get_by_role("status").filter(has_text="flyttet")).to_have_text(
        f"{person.full_name} er flyttet til bord {target} i runde 2."
    )
    names = sorted([person.full_name, mate.full_name], key=lambda n: n)
    table = page.get_by_role("article", name=re.compile(f"^Runde 2, bord {target} "))
    expect(table.get_by_text("sad også sammen i runde 1").first).to_be_visible()
    expect(table).to_contain_text(names[0])
    assert _seats(gathering, 2)[person.id] == target
    browser.switch_language("en")
    expect(page.get_by_role("heading", name="Round 2", exact=True)).to_be_visible()
    browser.check("gathering-composed")
    browser.switch_language("da")

    page.get_by_role("link", name="Bordplan og navneskilte til udskrift").click()
    browser.expect_heading("Bordplan: Ledertræf forår")
    expect(page.get_by_role("heading", name="Navneskilte")).to_be_visible()
    expect(
        page.get_by_text(
            f"Runde 1: bord {_seats(gathering, 1)[person.id]} · Runde 2: bord {target}"
        ).first
    ).to_be_visible()
    browser.check("gathering-print")
    page.emulate_media(media="print")
    expect(page.get_by_role("navigation")).to_be_hidden()
    expect(page.get_by_role("button", name="Udskriv")).to_be_hidden()
    page.emulate_media(media="screen")
    page.set_viewport_size({"width": 390, "height": 844})
    browser.check("gathering-print-phone")
    page.get_by_role("link", name="Tilbage til bordene").click()
    browser.expect_heading("Ledertræf forår")
    browser.check("gathering-phone")
    browser.switch_language("en")
    browser.check("gathering-phone")
