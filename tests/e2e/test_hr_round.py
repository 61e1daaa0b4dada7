"""Journey (issue 13): HR runs a mentoring round in the web app from an empty organisation.

One HR login and nothing else: HR imports 30 leaders from a CSV file (as the HR system exports
it), creates a programme, enrols the new leaders, invites mentors by criteria; each invited
leader logs in in their own session and accepts with a capacity and topics; HR previews, runs
the matching and watches the progress bar move (a first run, before any mentor, says there
are no mentors; the second runs again for the manual queue), approves the proposals; a leader
who was not invited volunteers and pauses; a mentee and her mentor
accept on their proposal screens; HR ends one pair with a reason. No Django admin, no API calls
outside the app. The leaders' logins are made in the test: they come from the municipality's
single sign-on, which has no screen in Sparring.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from playwright.sync_api import expect

from backend.mentoring.models import Enrolment, MentorOffer, Mentorship, Proposal
from backend.mentoring.services import runs
from backend.people import models as m
from backend.people.services import organisation_create
from tests import factories as f
from tests.e2e.conftest import Browser

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PROGRAMME = "Mentorforløb 2027"
HEADER = (
    "medarbejdernummer;fornavn;efternavn;stillingsbetegnelse;forvaltning;center/område;"
    "enhedskode;enhed;startdato;år som leder;første lederjob"
)
ADMINISTRATIONS = [
    ("Børn og Unge", "Dagtilbud", "Daginstitution"),
    ("Social og Sundhed", "Ældre og Sundhed", "Plejecenter"),
    ("Kultur og Fritid", "Kultur", "Bibliotek"),
]
FIRST = [
    "Anja", "Bo", "Cecilie", "Dorte", "Emil", "Frida", "Gorm", "Hanne", "Ib", "Jette",
    "Karl", "Lise", "Mads", "Nina", "Ole", "Pia", "Rasmus", "Sanne", "Tage", "Ulla",
    "Vagn", "Wenche", "Yrsa", "Åse", "Birgit", "Claus", "Dennis", "Eva", "Finn", "Grete",
]  # fmt: skip
NEW_LEADERS = range(6)  # rows 0-5: first leader job, started a month ago
INVITED = (9, 10, 11)  # 15-17 years as leader: the ones HR invites


def _years(i: int) -> int:
    return 0 if i in NEW_LEADERS else 6 + i % 12


def _csv(tmp_path: Path) -> Path:
    """30 leaders in three administrations, as the HR system exports them (semicolons)."""
    month_ago = (dt.date.today() - dt.timedelta(days=30)).strftime("%d-%m-%Y")
    rows = [HEADER]
    for i, first in enumerate(FIRST):
        administration, area, kind = ADMINISTRATIONS[i % 3]
        new = i in NEW_LEADERS
        rows.append(
            ";".join(
                [
                    str(70000 + i),
                    first,
                    f"Leder{i:02d}",
                    "Leder",
                    administration,
                    area,
                    f"E-{i:02d}",
                    f"{kind} {i:02d}",
                    month_ago if new else "01-08-2015",
                    str(_years(i)),
                    "ja" if new else "nej",
                ]
            )
        )
    path = tmp_path / "ledere.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def _name(i: int) -> str:
    return f"{FIRST[i]} Leder{i:02d}"


@pytest.fixture
def empty_organisation() -> m.User:
    """An organisation with its default topics and one HR login; no leaders, no seed."""
    organisation = organisation_create(name="Nykøbing Kommune", slug="nykobing")
    return f.UserFactory(username="hr", organisation=organisation, role=m.User.Role.HR)


@pytest.fixture
def background_runs(settings: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Match runs work in the background as with a worker, slowly enough to watch the bar."""
    settings.SPARRING_MATCH_RUN_STEP_DELAY = 0.8
    threads: list[threading.Thread] = []

    def send(*, run_id: int) -> None:
        def work() -> None:
            try:
                runs.match_run_execute(run_id=run_id)
            finally:
                connection.close()

        thread = threading.Thread(target=work, daemon=True)
        threads.append(thread)
        thread.start()

    monkeypatch.setattr(runs, "match_run_send", send)
    yield
    for thread in threads:
        thread.join(timeout=30)


def _session(chromium: Any, base_url: str) -> Browser:
    """A second person's browser (own cookies), Danish."""
    context = chromium.new_context(
        locale="da-DK", viewport={"width": 1280, "height": 900}, bypass_csp=True
    )
    context.set_default_timeout(10_000)
    return Browser(page=context.new_page(), base_url=base_url)


def _logins(organisation: m.Organisation) -> dict[int, m.User]:
    """The leaders' single sign-on accounts, by CSV row."""
    users = {}
    for i in range(len(FIRST)):
        leader = m.Leader.objects.get(organisation=organisation, employee_number=str(70000 + i))
        users[i] = f.UserFactory(username=f"leder{i:02d}", organisation=organisation, leader=leader)
    return users


def _import(hr: Browser, tmp_path: Path) -> None:
    hr.page.get_by_role("navigation").get_by_role("link", name="Importér ledere").click()
    hr.expect_heading("Importér ledere")
    hr.page.get_by_label("Fil", exact=True).set_input_files(str(_csv(tmp_path)))
    hr.page.get_by_role("button", name="Vis prøvekørsel").click()
    expect(hr.page.get_by_role("heading", name="Prøvekørslen fandt ingen fejl.")).to_be_visible()
    hr.page.get_by_role("button", name="Importér nu").click()
    expect(hr.page.get_by_role("heading", name="Importen er gennemført.")).to_be_visible()


def _template_download(hr: Browser) -> None:
    """Day one: HR takes the import template first, to export the HR system's file to it."""
    page = hr.page
    page.get_by_role("navigation").get_by_role("link", name="Importér ledere").click()
    hr.expect_heading("Importér ledere")
    with page.expect_download() as download:
        page.get_by_role("link", name="Hent skabelon (CSV)").click()
    header = Path(download.value.path()).read_bytes().decode("utf-8-sig").splitlines()[0]
    assert header.startswith("medarbejdernummer;fornavn;efternavn;")


def _staff_contact(hr: Browser) -> None:
    """HR adds the finance consultant who serves the first day-care unit."""
    page = hr.page
    hr.goto("/hr/setup/staff")
    hr.expect_heading("Stabenes kontaktpersoner")
    function = page.get_by_role("form", name="Ny stabsfunktion")
    function.get_by_label("Slags").select_option(label="Økonomi")
    function.get_by_label("Navn, som kommunen kalder den").fill("Økonomi og Analyse")
    function.get_by_role("button", name="Opret stabsfunktion").click()
    expect(page.get_by_role("heading", name="Økonomi og Analyse")).to_be_visible()
    contact = page.get_by_role("form", name="Ny konsulent")
    contact.get_by_label("Stabsfunktion").select_option(label="Økonomi og Analyse")
    contact.get_by_label("Navn").fill("Bente Budgetsen")
    contact.get_by_label("Titel").fill("Økonomikonsulent")
    contact.get_by_label("E-mail").fill("bente@nykobing.dk")
    contact.get_by_label("Søg").fill("Daginstitution 00")
    contact.get_by_label("Daginstitution 00 (E-00)").check()
    contact.get_by_role("button", name="Tilføj konsulent").click()
    expect(page.get_by_role("heading", name="Bente Budgetsen, Økonomikonsulent")).to_be_visible()
    assert [u.code for u in m.StaffContact.objects.get(name="Bente Budgetsen").units.all()] == [
        "E-00"
    ]


def _template_item(hr: Browser) -> None:
    """HR writes the first onboarding template's item and edits its deadline."""
    page = hr.page
    hr.goto("/hr/setup/templates")
    hr.expect_heading("Onboardingskabeloner")
    new = page.get_by_role("form", name="Ny skabelon")
    new.get_by_label("Navn (dansk)").fill("Alle nye ledere")
    new.get_by_label("Navn (engelsk)").fill("All new leaders")
    new.get_by_role("button", name="Opret skabelon").click()
    expect(page.get_by_role("heading", name="Punkter i Alle nye ledere")).to_be_visible()
    item = page.get_by_role("form", name="Nyt punkt")
    item.get_by_label("Titel (dansk)").fill("Mød din chef")
    item.get_by_label("Titel (engelsk)").fill("Meet your boss")
    item.get_by_label("Ansvarlig").select_option(label="Chefen")
    item.get_by_label("Frist i dage efter startdatoen").fill("7")
    item.get_by_role("button", name="Tilføj punkt").click()
    expect(page.get_by_role("heading", name="Mød din chef", exact=True)).to_be_visible()
    page.get_by_role("button", name="Redigér punktet Mød din chef").click()
    edit = page.get_by_role("form", name="Redigér punktet Mød din chef")
    edit.get_by_label("Frist i dage efter startdatoen").fill("3")
    edit.get_by_role("button", name="Gem").click()
    expect(page.get_by_text("3 dage efter start")).to_be_visible()


def _create_programme(hr: Browser) -> None:
    hr.page.get_by_role("navigation").get_by_role("link", name="Mentorprogrammer").click()
    hr.expect_heading("Mentorprogrammer")
    hr.page.get_by_role("link", name="Opret et program").click()
    hr.expect_heading("Nyt mentorprogram")
    hr.check("programme-new")
    hr.page.get_by_label("Navn").fill(PROGRAMME)
    hr.page.get_by_label("Mentees behov").fill("5")
    hr.page.get_by_role("button", name="Opret programmet").click()
    hr.expect_heading(PROGRAMME)


def _invite(hr: Browser) -> None:
    invite = hr.page.get_by_role("region", name="Invitér mentorer", exact=True)
    invite.get_by_label("Mindst så mange år som leder").fill("15")
    invite.get_by_role("button", name="Find ledere").click()
    expect(invite.get_by_role("group", name="6 ledere passer til kriterierne")).to_be_visible()
    for i in INVITED:
        invite.get_by_label(_name(i), exact=False).check()
    invite.get_by_role("button", name="Invitér 3 valgte").click()
    expect(invite.get_by_role("status")).to_contain_text("3 invitationer er sendt.")


def _accept_invitation(mentor: Browser, user: m.User, *, check: bool) -> None:
    mentor.login(user)
    mentor.page.get_by_role("navigation").get_by_role("link", name="Mentortilbud").click()
    mentor.expect_heading("Vær mentor")
    card = mentor.page.get_by_role("form", name=f"Invitation: {PROGRAMME}")
    if check:
        mentor.check("mentor-invitation")
    card.get_by_label("Hvor mange mentees kan du have ad gangen?").fill("2")
    card.get_by_label("Budget og økonomisystem").check()
    card.get_by_label("Hvornår du har tid (valgfrit)").fill("Tirsdag formiddag")
    card.get_by_role("button", name="Sig ja og tilbyd mine pladser").click()
    offers = mentor.page.get_by_role("region", name="Mine tilbud", exact=True)
    expect(offers).to_contain_text("0 af 2 pladser optaget")
    if check:
        mentor.check("mentor-offers")
        mentor.switch_language("en")
        mentor.expect_heading("Being a mentor")
        mentor.check("mentor-offers")


def _watch_the_run(hr: Browser, button: str) -> list[int]:
    """Start a run and read the progress bar until this run is done; the values seen."""
    hr.page.get_by_role("button", name=button).click()
    bar = hr.page.get_by_role("progressbar", name="Matchningens fremdrift")
    seen: list[int] = []
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if bar.count():
            seen.append(int(float(bar.get_attribute("value") or 0)))
            # Done once the bar has been below 100 (this run) and reached it.
            if seen[-1] == 100 and any(value < 100 for value in seen):
                break
        time.sleep(0.15)
    return seen


def _volunteer_and_pause(chromium: Any, base_url: str, user: m.User) -> None:
    """A leader HR did not invite offers to mentor, then pauses (issue 14, item 2)."""
    leader = _session(chromium, base_url)
    leader.login(user)
    leader.page.get_by_role("navigation").get_by_role("link", name="Mentortilbud").click()
    leader.expect_heading("Vær mentor")
    form = leader.page.get_by_role("form", name=PROGRAMME)
    form.get_by_label("Hvor mange mentees kan du have ad gangen?").fill("1")
    form.get_by_label("Vagtplan og arbejdstidsregler").check()
    form.get_by_role("button", name="Tilbyd at være mentor").click()
    offers = leader.page.get_by_role("region", name="Mine tilbud", exact=True)
    expect(offers).to_contain_text("0 af 1 pladser optaget")
    offers.get_by_role("button", name="Hold pause med nye mentees").click()
    expect(offers).to_contain_text("holder pause")
    leader.check("mentor-volunteer")
    leader.page.context.close()


def _accept_proposal(chromium: Any, base_url: str, user: m.User, name: str) -> None:
    leader = _session(chromium, base_url)
    leader.login(user)
    leader.page.get_by_role("navigation").get_by_role("link", name="Mentorforslag").click()
    leader.expect_heading("Mentorforslag")
    leader.page.get_by_role("article", name=name).get_by_role("button", name="Sig ja").click()
    expect(leader.page.get_by_role("status").filter(has_text="sagt ja")).to_be_visible()
    leader.page.context.close()


def test_hr_runs_a_mentoring_round_from_an_empty_organisation(
    browser: Browser,
    empty_organisation: m.User,
    tmp_path: Path,
    chromium: Any,
    background_runs: None,
) -> None:
    hr = browser
    organisation = empty_organisation.organisation
    assert organisation is not None and not m.Leader.objects.filter(organisation=organisation)
    hr.login(empty_organisation)
    _template_download(hr)
    _import(hr, tmp_path)
    assert m.Leader.objects.filter(organisation=organisation).count() == 30
    users = _logins(organisation)
    _staff_contact(hr)
    _template_item(hr)

    _create_programme(hr)
    hr.page.get_by_role("button", name="Tilmeld nye ledere nu").click()
    expect(hr.page.get_by_role("region", name="Mentees", exact=True)).to_contain_text(
        "6 nye ledere er tilmeldt."
    )
    # A run before any mentor says exactly that, and the mentees wait in the manual queue.
    seen = _watch_the_run(hr, "Start matchning")
    assert seen and seen[-1] == 100, seen
    no_mentors = "Programmet har ingen mentorer endnu"
    expect(hr.page.get_by_role("status").filter(has_text=no_mentors)).to_be_visible()
    queue = hr.page.get_by_role("region", name="Manuel matchning", exact=True)
    expect(queue.get_by_role("listitem").filter(has_text=no_mentors)).to_have_count(6)
    expect(hr.page.get_by_text("No mentor passes the hard rules")).to_have_count(0)
    expect(hr.page.get_by_role("region", name="Mentees", exact=True)).to_contain_text(
        "tilmeldt automatisk"
    )
    hr.check("programme")
    _invite(hr)
    assert MentorOffer.objects.filter(state="invited").count() == 3

    for k, i in enumerate(INVITED):
        mentor = _session(chromium, hr.base_url)
        _accept_invitation(mentor, users[i], check=k == 0)
        mentor.page.context.close()
    assert set(MentorOffer.objects.values_list("state", "capacity")) == {("active", 2)}
    _volunteer_and_pause(chromium, hr.base_url, users[21])
    assert MentorOffer.objects.get(leader=users[21].leader).paused

    hr.page.reload()
    hr.expect_heading(PROGRAMME)
    mentors = hr.page.get_by_role("region", name="Mentorer", exact=True)
    expect(mentors).to_contain_text("0 af 2 pladser optaget")
    volunteer = mentors.get_by_role("listitem").filter(has_text=_name(21))
    expect(volunteer).to_contain_text("holder pause")
    # HR can resume and pause an offer too.
    volunteer.get_by_role("button", name=f"Genoptag: {_name(21)}").click()
    expect(volunteer).not_to_contain_text("holder pause")
    volunteer.get_by_role("button", name=f"Sæt på pause: {_name(21)}").click()
    expect(volunteer).to_contain_text("holder pause")
    # HR matches the first mentee in the queue by hand (a reason is required).
    queue = hr.page.get_by_role("region", name="Manuel matchning", exact=True)
    manual = queue.get_by_role("form", name=f"Match {_name(0)} manuelt")
    manual.get_by_label("Mentor").select_option(label=f"{_name(9)}, Leder")
    manual.get_by_label("Begrundelse (påkrævet)").fill("Samme faglige baggrund")
    hr.check("programme-manual-match")
    manual.get_by_role("button", name="Foreslå denne mentor").click()
    expect(queue.get_by_role("listitem")).to_have_count(5)
    by_hand = Proposal.objects.get(origin="manual")
    assert (by_hand.status, by_hand.override_reason) == ("offered", "Samme faglige baggrund")

    hr.page.get_by_role("button", name="Ret indstillingerne").click()
    hr.page.get_by_role("button", name="Vis forhåndsvisning").click()
    expect(hr.page.get_by_role("region", name="Forhåndsvisning", exact=True)).to_contain_text(
        "5 af 5 ventende mentees vil blive matchet med 3 mentorer og 5 ledige pladser."
    )
    hr.check("programme-edit")
    hr.page.get_by_role("button", name="Annullér").click()

    # Run again for the five waiting in the manual queue; the bar moves from 0 to 100.
    seen = _watch_the_run(hr, "Kør igen for de 5, der venter")
    assert seen and seen[-1] == 100, seen
    assert any(0 < value < 100 for value in seen), f"the bar never moved: {seen}"
    expect(hr.page.get_by_role("status").filter(has_text="Matchningen er færdig.")).to_be_visible()

    proposals = hr.page.get_by_role("region", name="Forslag", exact=True).get_by_role("article")
    expect(proposals).to_have_count(6)
    approve = hr.page.get_by_role("button", name="Godkend")
    expect(approve).to_have_count(5)
    expect(proposals.first).to_contain_text("Mentee: ")
    expect(proposals.first).to_contain_text("· Mentor: ")
    hr.check("programme-proposals")
    for left in range(5, 0, -1):
        approve.first.click()
        expect(approve).to_have_count(left - 1)
    assert Proposal.objects.filter(status="offered").count() == 6

    proposal = Proposal.objects.select_related("enrolment__leader", "offer__leader").first()
    assert proposal is not None
    mentee, mentor_leader = proposal.enrolment.leader, proposal.offer.leader
    by_leader = {u.leader_id: u for u in users.values()}
    _accept_proposal(
        chromium,
        hr.base_url,
        by_leader[mentee.id],
        f"Din foreslåede mentor: {mentor_leader.full_name}",
    )
    _accept_proposal(
        chromium,
        hr.base_url,
        by_leader[mentor_leader.id],
        f"Vil du være mentor for {mentee.full_name}?",
    )
    pair = Mentorship.objects.get(status="active")
    assert pair.mentee_id == mentee.id
    assert Enrolment.objects.get(leader=mentee).status == "matched"

    hr.page.reload()
    hr.expect_heading(PROGRAMME)
    pairs = hr.page.get_by_role("region", name="Forløb", exact=True)
    card = pairs.get_by_role("listitem").filter(has_text=mentee.full_name)
    card.get_by_role("button", name="Afslut forløbet").click()
    card.get_by_label("Hvorfor afsluttes forløbet? (skal udfyldes)").fill("Mentee har fået nyt job")
    hr.check("programme-end-pair")
    card.get_by_role("button", name="Afslut forløbet nu").click()
    expect(pairs).to_contain_text("Mentee har fået nyt job")
    pair.refresh_from_db()
    assert (pair.status, pair.end_reason) == ("ended_early", "Mentee har fået nyt job")

    # On a phone the programme screen does not scroll sideways.
    hr.page.set_viewport_size({"width": 390, "height": 844})
    hr.page.reload()
    hr.expect_heading(PROGRAMME)
    assert hr.page.evaluate("document.documentElement.scrollWidth") <= 390
    hr.page.set_viewport_size({"width": 1280, "height": 900})

    hr.switch_language("en")
    hr.expect_heading(PROGRAMME)
    hr.check("programme")
    hr.page.get_by_role("button", name="Change the settings").click()
    hr.check("programme-edit")
    hr.goto("/hr/programmes/new")
    hr.expect_heading("New mentoring programme")
    hr.check("programme-new")
