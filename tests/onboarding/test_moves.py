"""Onboarding for moves (issue 16, item 6), and items that link to the staff functions' offers.

A leader's way into the role (``Leader.entry_route``: first job, promoted, another service area,
talent programme) is set by the import or by HR, and the template rules choose the items for it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from backend.people import models as m
from backend.people.imports.sample import rows_to_csv
from backend.people.imports.services import leaders_import
from onboarding.models import Template
from onboarding.selection import items_for_leader
from onboarding.services.plans import plan_create_for_leader
from onboarding.services.templates import templates_load
from seed.onboarding_content import TEMPLATES
from seed.onboarding_moves import MOVE_TEMPLATES
from tests import factories as f
from tests.backend.people.test_import import row
from tests.conftest import World

pytestmark = pytest.mark.django_db

MOVES = {
    "promoted": "nyt-ledelsestrin",
    "new_area": "nyt-fagomraade",
    "talent": "fra-talentforloeb",
}


def _leader(world: World, route: str, **unit: Any) -> m.Leader:
    return f.LeaderFactory(
        unit=f.UnitFactory(department__administration=world.children, **unit),
        entry_route=route,
        first_leader_job=route in ("first_job", "talent"),
        role_start_date=dt.date.today(),
    )


def _slugs(leader: m.Leader) -> set[str]:
    return {t.slug for t in items_for_leader(leader).applicable}


@pytest.mark.parametrize("route", ["", "first_job", "promoted", "new_area", "talent"])
def test_each_way_into_the_role_gets_its_own_move_template(world: World, route: str) -> None:
    templates_load(organisation=world.org, templates=(*TEMPLATES, *MOVE_TEMPLATES))
    leader = _leader(world, route)
    moves = _slugs(leader) & set(MOVES.values())
    assert moves == ({MOVES[route]} if route in MOVES else set())
    # The talent graduate is also in a first leader job: they get that template too.
    assert ("foerste-lederjob" in _slugs(leader)) == (route in ("first_job", "talent"))


def test_items_of_a_move_template_keep_their_own_rules(world: World) -> None:
    templates_load(organisation=world.org, templates=MOVE_TEMPLATES)
    day_care = _leader(world, "new_area", service_type="daycare", staff_count=20)
    care_home = _leader(world, "new_area", service_type="care_home", staff_count=20)
    keys = {
        leader.id: {i.key for i in items_for_leader(leader).items}
        for leader in (day_care, care_home)
    }
    assert "fag-vagtplan" not in keys[day_care.id]  # no roster in a day-care
    assert "fag-vagtplan" in keys[care_home.id]
    small = _leader(world, "talent", staff_count=20)
    large = _leader(world, "talent", staff_count=80)
    assert "talent-stor-enhed" not in {i.key for i in items_for_leader(small).items}
    assert "talent-stor-enhed" in {i.key for i in items_for_leader(large).items}


def test_hr_sets_the_route_and_the_preview_shows_the_difference(
    client_for: Any, world: World
) -> None:
    templates_load(organisation=world.org, templates=MOVE_TEMPLATES)
    leader = _leader(world, "")
    hr = client_for(world.hr)
    url = "/api/onboarding/templates/preview/"
    before = hr.get(url, {"leader": leader.id}).json()
    assert before["leader"]["entry_route"] == ""
    assert before["items"] == []
    patched = hr.patch(f"/api/leaders/{leader.id}/", {"entry_route": "promoted"}, format="json")
    assert patched.status_code == 200, patched.json()
    after = hr.get(url, {"leader": leader.id}).json()
    assert after["leader"]["entry_route"] == "promoted"
    assert [t["name_da"] for t in after["templates"]] == ["Nyt ledelsestrin"]
    assert "Forventninger til det nye ledelsestrin" in {i["title_da"] for i in after["items"]}
    # A leader may not set their own way into the role... their own profile door refuses it.
    own = client_for(world.new_leader).patch(
        f"/api/leaders/{world.new_leader.leader_id}/", {"entry_route": "talent"}, format="json"
    )
    assert m.Leader.objects.get(id=world.new_leader.leader_id).entry_route == ""
    assert own.status_code in (200, 400, 403)


def test_hr_edits_a_template_items_routes_and_offers(client_for: Any, world: World) -> None:
    hr = client_for(world.hr)
    template = hr.post(
        "/api/onboarding/templates/",
        {"name_da": "Flytninger", "entry_routes": ["new_area"]},
        format="json",
    ).json()
    assert template["entry_routes"] == ["new_area"]
    offer = f.StaffOfferFactory(staff_function__organisation=world.org)
    foreign = f.StaffOfferFactory()  # another organisation's offer
    url = f"/api/onboarding/templates/{template['id']}/items/"
    refused = hr.post(url, {"title_da": "Budget", "offer_ids": [foreign.id]}, format="json")
    assert refused.status_code == 400
    assert "offer_ids" in refused.json()
    item = hr.post(
        url,
        {"title_da": "Budget", "offer_ids": [offer.id], "entry_routes": ["new_area", "promoted"]},
        format="json",
    )
    assert item.status_code == 201, item.json()
    assert item.json()["offer_ids"] == [offer.id]
    assert item.json()["entry_routes"] == ["new_area", "promoted"]
    bad = hr.post(url, {"title_da": "X", "entry_routes": ["lottery"]}, format="json")
    assert bad.status_code == 400


def test_the_leaders_plan_item_shows_the_active_offers_that_serve_it(
    client_for: Any, world: World
) -> None:
    offer = f.StaffOfferFactory(staff_function__organisation=world.org, title_da="Budgetgennemgang")
    hidden = f.StaffOfferFactory(staff_function=offer.staff_function, active=False)
    template = f.TemplateFactory(organisation=world.org, slug="alle", name_da="Alle")
    f.TemplateItemFactory(template=template, title_da="Budget", offers=[offer, hidden])
    f.TemplateItemFactory(template=template, title_da="Velkomst")
    leader = world.new_leader.leader
    assert leader is not None
    plan = plan_create_for_leader(leader=leader, role_start_date=dt.date.today())
    body = client_for(world.new_leader).get(f"/api/onboarding/plans/{plan.id}/").json()
    offers = {item["title_da"]: item["offers"] for item in body["items"]}
    assert [o["title_da"] for o in offers["Budget"]] == ["Budgetgennemgang"]
    assert offers["Velkomst"] == []
    # The boss sees the plan, and which offers serve it: the catalogue is not private.
    boss_body = client_for(world.boss).get(f"/api/onboarding/plans/{plan.id}/").json()
    assert {i["title_da"]: len(i["offers"]) for i in boss_body["items"]}["Budget"] == 1


def _import(org: m.Organisation, *rows: dict[str, str]) -> Any:
    return leaders_import(
        organisation=org,
        file=rows_to_csv(list(rows)),
        filename="ledere.csv",
        dry_run=False,
        actor=None,
    )


def test_the_import_reads_the_way_into_the_role(world: World) -> None:
    org = f.OrganisationFactory(slug="importrup")
    words = {
        "forfremmet": "promoted",
        "nyt fagområde": "new_area",
        "Morgendagens Ledere": "talent",
        "første lederjob": "first_job",
        "": "",
    }
    rows = [
        row(str(2000 + n), **{"entry_route": text, "previous_role_title": "Teamleder"})
        for n, text in enumerate(words)
    ]
    result = _import(org, *rows)
    assert result.ok, result.errors
    got = dict(
        m.Leader.objects.filter(organisation=org).values_list("employee_number", "entry_route")
    )
    assert got == {str(2000 + n): route for n, route in enumerate(words.values())}
    assert m.Leader.objects.filter(organisation=org, previous_role_title="Teamleder").count() == 5


def test_an_unknown_route_is_a_row_error_and_nothing_is_written(world: World) -> None:
    org = f.OrganisationFactory(slug="importrup")
    result = _import(
        org, row("3001", entry_route="forfremmet"), row("3002", entry_route="lotterivinder")
    )
    assert not result.ok
    assert [(e.row, e.column) for e in result.errors] == [(3, "vej til stillingen")]
    assert "lotterivinder" in result.errors[0].message
    assert not m.Leader.objects.filter(organisation=org).exists()
    assert not Template.objects.filter(organisation=org).exists()
