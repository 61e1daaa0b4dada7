"""Journey: HR sets the municipality up in the web app, from an empty organisation.

One HR login and nothing else — no seed, no Django admin, no API calls outside the app: HR
downloads the import template, is refused a bad file (the error links the guide, nothing is
imported), imports leaders, builds the staff directory (a leader of the unit then sees the
consultant), edits an onboarding template item and previews a leader's plan, and sets up
networks. Every new screen is checked with axe in Danish and English.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from backend.networks.models import CohortCircle, Network, RouletteSetting
from backend.people import models as m
from backend.people.services import organisation_create
from tests import factories as f
from tests.e2e.conftest import Browser

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

HEADER = (
    "medarbejdernummer;fornavn;efternavn;stillingsbetegnelse;forvaltning;center/område;"
    "enhedskode;enhed;tilbudstype;chef;startdato;første lederjob;år som leder"
)
DIRECTOR = (
    "1000;Dorte;Direktør;Direktør;Børn og Unge;Direktion;BU-0;Direktionen;stab;;01-01-2015;nej;12"
)


def _leader_rows(count: int) -> list[str]:
    """``count`` leaders in two administrations; the first ``count // 3`` are new this year."""
    rows = [DIRECTOR]
    for n in range(1, count):
        administration, kind = (
            ("Børn og Unge", "skole") if n % 2 else ("Social og Sundhed", "plejecenter")
        )
        new = n <= count // 3
        rows.append(
            f"{1000 + n};Leder{n};Ærøsen;Leder;{administration};Center {n % 3};"
            f"E-{n};Enhed {n};{kind};1000;{'01-09-2026' if new else '01-08-2018'};"
            f"{'ja' if new else 'nej'};{'0' if new else '8'}"
        )
    return rows


def _file(tmp_path: Path, name: str, rows: list[str]) -> Path:
    path = tmp_path / name
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def hr() -> m.User:
    """An empty organisation (the default topics only) and one HR login."""
    organisation = organisation_create(name="Nyby Kommune", slug="nyby")
    return f.UserFactory(username="hr-nyby", organisation=organisation, role="hr")


def _template_download(browser: Browser, name: str) -> bytes:
    page = browser.page
    with page.expect_download() as download:
        page.get_by_role("link", name=name).click()
    path = download.value.path()
    return Path(path).read_bytes()


def _import(browser: Browser, tmp_path: Path) -> None:
    page = browser.page
    page.get_by_role("navigation").get_by_role("link", name="Importér ledere").click()
    browser.expect_heading("Importér ledere")
    csv = _template_download(browser, "Hent skabelon (CSV)")
    assert csv.startswith(b"\xef\xbb\xbf")
    assert csv[3:].decode().splitlines()[0].startswith("medarbejdernummer;fornavn;efternavn;")
    xlsx = load_workbook(io.BytesIO(_template_download(browser, "Hent skabelon (Excel)")))
    assert xlsx.sheetnames == ["Ledere", "Vejledning"]
    assert xlsx["Ledere"]["A1"].value == "medarbejdernummer"
    browser.check("hrsetup-import")

    # A bad file first: one unknown column. The errors link the guide; nothing is imported.
    bad = [row + ";x" for row in _leader_rows(30)]
    path = tmp_path / "forkert.csv"
    path.write_text("\n".join([HEADER + ";skonummer", *bad]) + "\n", encoding="utf-8")
    page.get_by_label("Fil", exact=True).set_input_files(str(path))
    page.get_by_role("button", name="Vis prøvekørsel").click()
    errors = page.get_by_role("table", name="Fejl pr. række og kolonne")
    expect(errors).to_contain_text("skonummer")
    assert not page.get_by_role("button", name="Importér nu").is_visible()
    assert m.Leader.objects.count() == 0
    page.get_by_role("link", name="åbn vejledningen").click()
    browser.expect_heading("Vejledning til importfilen")
    expect(page.get_by_role("rowheader", name="medarbejdernummer")).to_be_visible()
    browser.check("hrsetup-import-guide")
    browser.switch_language("en")
    browser.expect_heading("Guide to the import file")
    browser.check("hrsetup-import-guide")
    browser.switch_language("da")
    page.get_by_role("link", name="Gå til importen").click()

    browser.expect_heading("Importér ledere")
    page.get_by_label("Fil", exact=True).set_input_files(
        str(_file(tmp_path, "ledere.csv", _leader_rows(30)))
    )
    page.get_by_role("button", name="Vis prøvekørsel").click()
    expect(page.get_by_role("heading", name="Prøvekørslen fandt ingen fejl.")).to_be_visible()
    page.get_by_role("button", name="Importér nu").click()
    expect(page.get_by_role("heading", name="Importen er gennemført.")).to_be_visible()
    assert m.Leader.objects.count() == 30
    browser.switch_language("en")
    browser.expect_heading("Import leaders")
    browser.check("hrsetup-import")
    browser.switch_language("da")


def _staff_directory(browser: Browser) -> None:
    page = browser.page
    browser.goto("/hr/setup")
    browser.expect_heading("Opsætning af kommunen")
    browser.check("hrsetup-hub")
    page.get_by_role("link", name="Stabenes kontaktpersoner").click()
    browser.expect_heading("Stabenes kontaktpersoner")
    form = page.get_by_role("form", name="Ny stabsfunktion")
    form.get_by_label("Slags").select_option(label="Økonomi")
    form.get_by_label("Navn, som kommunen kalder den").fill("Økonomi og Analyse")
    form.get_by_label("Hvad funktionen hjælper med").fill("Budget, regnskab og prognoser")
    form.get_by_role("button", name="Opret stabsfunktion").click()
    expect(page.get_by_role("heading", name="Økonomi og Analyse")).to_be_visible()

    contact = page.get_by_role("form", name="Ny konsulent")
    contact.get_by_label("Stabsfunktion").select_option(label="Økonomi og Analyse")
    contact.get_by_label("Navn").fill("Bente Budgetsen")
    contact.get_by_label("Titel").fill("Økonomikonsulent")
    contact.get_by_label("E-mail").fill("bente@nyby.dk")
    contact.get_by_label("Søg").fill("Enhed 1 ")
    contact.get_by_label("Enhed 1 (E-1)").check()
    contact.get_by_label("Budget og økonomisystem").check()
    browser.check("hrsetup-staff")
    contact.get_by_role("button", name="Tilføj konsulent").click()
    expect(page.get_by_role("heading", name="Bente Budgetsen, Økonomikonsulent")).to_be_visible()
    saved = m.StaffContact.objects.get(name="Bente Budgetsen")
    assert [u.code for u in saved.units.all()] == ["E-1"]
    browser.switch_language("en")
    browser.expect_heading("Staff contacts")
    browser.check("hrsetup-staff")
    browser.switch_language("da")


def _leader_sees_the_consultant(browser: Browser) -> None:
    leader = m.Leader.objects.get(employee_number="1001")
    user = f.UserFactory(username="leder1", organisation=leader.organisation, leader=leader)
    browser.page.get_by_role("button", name="Log ud").click()
    browser.login(user)
    browser.goto("/me/staff")
    card = browser.page.get_by_role("listitem").filter(has_text="Bente Budgetsen")
    expect(card).to_contain_text("Økonomi og Analyse")
    expect(card).to_contain_text("Hjælper med: Budget og økonomisystem")
    browser.page.get_by_role("button", name="Log ud").click()


def _templates(browser: Browser) -> None:
    page = browser.page
    browser.goto("/hr/setup")
    page.get_by_role("link", name="Onboardingskabeloner").click()
    browser.expect_heading("Onboardingskabeloner")
    expect(page.get_by_text("Der er ingen skabeloner endnu.")).to_be_visible()
    new = page.get_by_role("form", name="Ny skabelon")
    new.get_by_label("Navn (dansk)").fill("Alle nye ledere")
    new.get_by_label("Navn (engelsk)").fill("All new leaders")
    new.get_by_role("button", name="Opret skabelon").click()
    expect(page.get_by_role("heading", name="Punkter i Alle nye ledere")).to_be_visible()

    item = page.get_by_role("form", name="Nyt punkt")
    item.get_by_label("Titel (dansk)").fill("Mød din chef")
    item.get_by_label("Titel (engelsk)").fill("Meet your boss")
    item.get_by_label("Vejledning (dansk)").fill("Aftal forventninger til det første år.")
    item.get_by_label("Vejledning (engelsk)").fill("Agree on expectations for the first year.")
    item.get_by_label("Ansvarlig").select_option(label="Chefen")
    item.get_by_label("Frist i dage efter startdatoen").fill("7")
    item.get_by_role("button", name="Tilføj punkt").click()
    expect(page.get_by_role("heading", name="Mød din chef", exact=True)).to_be_visible()
    item.get_by_label("Titel (dansk)").fill("Budgetsamtale med {owner}")
    item.get_by_label("Ansvarlig").select_option(label="En stabskonsulent")
    item.get_by_label("Hvilken stabsfunktions konsulent").select_option(label="Økonomi")
    item.get_by_label("Frist i dage efter startdatoen").fill("21")
    item.get_by_label("Venter på punktet").select_option(label="Mød din chef")
    item.locator("summary").click()
    item.get_by_role("combobox", name="Første lederjob").select_option(
        label="Kun ledere i deres første lederjob"
    )
    item.get_by_role("button", name="Tilføj punkt").click()
    expect(page.get_by_role("heading", name="Budgetsamtale med {owner}")).to_be_visible()

    # Edit the first item; then try to make it wait for the second: a circle, refused.
    page.get_by_role("button", name="Redigér punktet Mød din chef").click()
    edit = page.get_by_role("form", name="Redigér punktet Mød din chef")
    edit.get_by_label("Frist i dage efter startdatoen").fill("3")
    edit.get_by_label("Venter på punktet").select_option(label="Budgetsamtale med {owner}")
    edit.get_by_role("button", name="Gem").click()
    expect(edit.get_by_text("i en cirkel")).to_be_visible()
    browser.check("hrsetup-templates")
    edit.get_by_label("Venter på punktet").select_option(label="Venter ikke på noget")
    edit.get_by_role("button", name="Gem").click()
    expect(page.get_by_text("3 dage efter start")).to_be_visible()

    # Preview the plan of a new leader of Enhed 1 (Bente is the unit's finance consultant).
    page.get_by_role("searchbox", name="Søg leder (navn eller medarbejdernummer)").fill("Leder1")
    page.get_by_role("button", name="Søg", exact=True).click()
    page.get_by_label("Leder", exact=True).select_option(label="Leder1 Ærøsen (1001), Enhed 1")
    table = page.get_by_role("table", name="2 punkter i planen")
    expect(table).to_contain_text("Mød din chef")
    expect(table).to_contain_text("Budgetsamtale med Bente Budgetsen")
    expect(table).to_contain_text("Dorte Direktør")
    table.scroll_into_view_if_needed()
    browser.check("hrsetup-templates-preview")
    browser.switch_language("en")
    table = page.get_by_role("table", name="2 items in the plan")
    expect(table).to_contain_text("Meet your boss")
    table.scroll_into_view_if_needed()
    browser.check("hrsetup-templates-preview")
    browser.switch_language("da")


def _networks(browser: Browser) -> None:
    page = browser.page
    browser.goto("/hr/setup")
    page.get_by_role("link", name="Ledergrupper og læringsnetværk").click()
    browser.expect_heading("Ledergrupper og læringsnetværk")
    expect(page.get_by_text("Der er ingen formelle netværk endnu.")).to_be_visible()
    new = page.get_by_role("form", name="Nyt netværk")
    new.get_by_label("Navn").fill("Læringsnetværk Psykologisk tryghed")
    new.get_by_label("Slags").select_option(label="Læringsnetværk")
    new.get_by_label("Tema").fill("Psykologisk tryghed")
    new.get_by_role("button", name="Opret netværk").click()
    members = page.get_by_role("region", name="Medlemmer af Læringsnetværk Psykologisk tryghed")
    expect(members.get_by_text("Netværket har ingen medlemmer endnu.")).to_be_visible()

    members.get_by_label("Søg leder (navn eller medarbejdernummer)").fill("Leder2")
    members.get_by_role("button", name="Søg", exact=True).click()
    for n in (2, 20, 21, 22):
        members.get_by_label(f"Leder{n} Ærøsen ({1000 + n})").check()
    members.get_by_role("button", name="Tilføj 4 valgte").click()
    expect(members.get_by_text("Leder22 Ærøsen, Leder")).to_be_visible()
    members.get_by_role("button", name="Fjern Leder2 Ærøsen fra netværket").click()
    expect(members.get_by_text("Leder2 Ærøsen, Leder", exact=True)).to_have_count(0)
    network = Network.objects.get(name="Læringsnetværk Psykologisk tryghed")
    assert network.memberships.count() == 3

    expect(members.get_by_text("Kaffe-roulette er slået fra.")).to_be_visible()
    members.get_by_label("Antal uger mellem runderne").fill("2")
    members.get_by_role("button", name="Slå kaffe-roulette til").click()
    expect(members.get_by_text("Kaffe-roulette er slået til: hver 2. uge")).to_be_visible()
    assert RouletteSetting.objects.get(network=network).active

    circles = page.get_by_role("region", name="Cohort-cirkler for nye ledere")
    circles.get_by_role("button", name="Foreslå cohort-cirkler").click()
    proposal = circles.get_by_role("heading", name=re.compile("^Forslag: 2 cirkler"))
    expect(proposal).to_be_visible()
    expect(circles.get_by_role("listitem").first).to_contain_text("Ærøsen (")
    assert CohortCircle.objects.count() == 0  # reviewing creates nothing
    circles.get_by_role("button", name="Opret de 2 cirkler").click()
    expect(circles.get_by_role("status")).to_contain_text("2 nye cirkler er dannet")
    expect(circles.get_by_role("table")).to_be_visible()
    assert CohortCircle.objects.count() >= 1
    browser.check("hrsetup-networks")
    browser.switch_language("en")
    browser.expect_heading("Leader groups and learning networks")
    browser.check("hrsetup-networks")
    browser.switch_language("da")


# The elements that stick out (for the failure message): tag, id, class, right edge and widths.
WIDER_THAN_THE_SCREEN = """
[...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > 390 || e.scrollWidth > e.clientWidth + 1)
  .slice(0, 8)
  .map(e => `${e.tagName}#${e.id}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`
    + ` ${e.scrollWidth}/${e.clientWidth}`)
"""


def _narrow(browser: Browser) -> None:
    """Every set-up screen is usable 390 px wide: nothing wider than the screen."""
    browser.page.set_viewport_size({"width": 390, "height": 844})
    for path, heading in (
        ("/hr/setup", "Opsætning af kommunen"),
        ("/hr/setup/import-guide", "Vejledning til importfilen"),
        ("/hr/setup/staff", "Stabenes kontaktpersoner"),
        ("/hr/setup/templates", "Onboardingskabeloner"),
        ("/hr/setup/networks", "Ledergrupper og læringsnetværk"),
    ):
        browser.goto(path)
        browser.expect_heading(heading)
        width = browser.page.evaluate("document.documentElement.scrollWidth")
        wide = browser.page.evaluate(WIDER_THAN_THE_SCREEN)
        assert width <= 390, (path, width, wide)
    browser.page.set_viewport_size({"width": 1280, "height": 900})


def test_hr_sets_up_the_municipality_from_an_empty_organisation(
    browser: Browser, hr: m.User, tmp_path: Path
) -> None:
    browser.login(hr)
    _import(browser, tmp_path)
    _staff_directory(browser)
    _leader_sees_the_consultant(browser)
    browser.login(hr)
    _templates(browser)
    _networks(browser)
    _narrow(browser)
