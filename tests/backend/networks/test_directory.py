"""Peers in other municipalities: the shared directory, its opt-ins, the card, introductions."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from rest_framework.test import APIClient

from backend.networks import models as nm
from backend.networks.selectors.directory import (
    DirectoryQuery,
    directory_list,
    directory_list_exhaustive,
)
from backend.people import models as m
from backend.people.visibility import DIRECTORY
from tests import factories as f
from tests.backend.networks.conftest import login_for

pytestmark = pytest.mark.django_db

Client = Callable[[m.User | None], APIClient]
NUTRITION = m.ServiceType.NUTRITION


@dataclass
class Two:
    """Two municipalities with a nutrition-unit leader each, HR each, and a few others."""

    a: m.Organisation
    b: m.Organisation
    hr_a: m.User
    hr_b: m.User
    anna: m.Leader  # A's nutrition-unit leader
    anna_user: m.User
    bo: m.Leader  # B's nutrition-unit leader
    bo_user: m.User
    boss_b: m.User  # Bo's boss in B
    school_b: m.Leader  # B, another service type


def _leader(org: m.Organisation, service: str, first: str, **kw: object) -> m.Leader:
    unit = f.UnitFactory(
        department__administration__organisation=org,
        service_type=service,
        is_specialist=service != m.ServiceType.SCHOOL,
    )
    return f.LeaderFactory(unit=unit, first_name=first, last_name="Kok", **kw)


@pytest.fixture
def two(db: None) -> Two:
    a = f.OrganisationFactory(name="Aby Kommune", slug="aby")
    b = f.OrganisationFactory(name="Nabo Kommune", slug="nabo")
    anna = _leader(a, NUTRITION, "Anna")
    boss_b = _leader(b, m.ServiceType.HEALTH, "Bent")
    bo = _leader(b, NUTRITION, "Bo", boss=boss_b, phone="+45 11 22 33 44")
    topic = f.TopicFactory(organisation=b, slug="menu", label_da="Menuplaner", label_en="Menus")
    f.CompetencyFactory(leader=bo, topic=topic)
    school_b = _leader(b, m.ServiceType.SCHOOL, "Sara")
    return Two(
        a=a,
        b=b,
        hr_a=f.UserFactory(username="hr_a", organisation=a, role=m.User.Role.HR),
        hr_b=f.UserFactory(username="hr_b", organisation=b, role=m.User.Role.HR),
        anna=anna,
        anna_user=login_for(anna, "anna"),
        bo=bo,
        bo_user=login_for(bo, "bo"),
        boss_b=login_for(boss_b, "bent"),
        school_b=school_b,
    )


def _all_in(two: Two, client_for: Client) -> None:
    """Both HR opt in through the API, and the leaders through their profiles."""
    for hr in (two.hr_a, two.hr_b):
        response = client_for(hr).put("/api/peers/directory/setting/", {"enabled": True})
        assert response.status_code == 200, response.content
        assert response.json()["enabled"] is True
    for leader, user in ((two.anna, two.anna_user), (two.bo, two.bo_user)):
        body = {"directory_discoverable": True}
        response = client_for(user).patch(f"/api/leaders/{leader.id}/", body, format="json")
        assert response.status_code == 200, response.content
    m.Leader.objects.filter(id=two.school_b.id).update(directory_discoverable=True)


def _cards(client: APIClient, **params: object) -> list[dict[str, object]]:
    response = client.get("/api/peers/directory/", params)
    assert response.status_code == 200, response.content
    return response.json()["results"]


def test_everything_is_off_by_default(two: Two, client_for: Client) -> None:
    body = client_for(two.anna_user).get("/api/peers/directory/").json()
    assert body == {
        "organisation_opted_in": False,
        "leader_opted_in": False,
        "municipalities": [],
        "count": 0,
        "results": [],
    }
    setting = client_for(two.hr_a).get("/api/peers/directory/setting/").json()
    assert setting == {"enabled": False, "leaders_opted_in": 0, "other_organisations": 0}


def test_the_card_is_exactly_what_the_served_rules_name(two: Two, client_for: Client) -> None:
    _all_in(two, client_for)
    cards = _cards(client_for(two.anna_user))
    assert [c["id"] for c in cards] == [two.bo.id]  # a school is no peer of a nutrition unit
    card = cards[0]
    served = client_for(two.anna_user).get("/api/privacy/rules/directory/").json()
    assert served["card"] == [c.value for c in DIRECTORY.card]
    assert set(card) - {"id", "score", "reasons"} == set(served["card"])
    assert card["municipality"] == "Nabo Kommune" and card["service_type"] == NUTRITION
    assert card["ask_me_about"] == [{"da": "Menuplaner", "en": "Menus"}]
    assert {r["code"] for r in card["reasons"]} == {"service_type", "specialist"}
    text = str(card)
    for private in (two.bo.email, two.bo.phone, two.bo.unit.name):  # type: ignore[union-attr]
        assert private not in text


def test_each_opt_in_is_needed_and_opting_out_is_at_once(two: Two, client_for: Client) -> None:
    _all_in(two, client_for)
    anna = client_for(two.anna_user)
    assert len(_cards(anna)) == 1
    # B's HR opts out: the card is gone on the next question.
    client_for(two.hr_b).put("/api/peers/directory/setting/", {"enabled": False})
    assert _cards(anna) == []
    client_for(two.hr_b).put("/api/peers/directory/setting/", {"enabled": True})
    assert len(_cards(anna)) == 1
    # Bo opts out himself: gone too.
    client_for(two.bo_user).patch(
        f"/api/leaders/{two.bo.id}/", {"directory_discoverable": False}, format="json"
    )
    assert _cards(anna) == []
    m.Leader.objects.filter(id=two.bo.id).update(directory_discoverable=True)
    # The asker must be in too: her organisation and herself.
    m.Leader.objects.filter(id=two.anna.id).update(directory_discoverable=False)
    assert _cards(anna) == []
    m.Leader.objects.filter(id=two.anna.id).update(directory_discoverable=True)
    client_for(two.hr_a).put("/api/peers/directory/setting/", {"enabled": False})
    assert _cards(anna) == []


def test_filters_and_the_municipality_list(two: Two, client_for: Client) -> None:
    _all_in(two, client_for)
    anna = client_for(two.anna_user)
    body = anna.get("/api/peers/directory/").json()
    assert body["municipalities"] == [{"id": two.b.id, "name": "Nabo Kommune"}]
    assert len(_cards(anna, municipality=two.b.id)) == 1
    assert _cards(anna, municipality=two.a.id) == []  # never one's own organisation
    assert _cards(anna, service_type="school") == []
    assert anna.get("/api/peers/directory/", {"service_type": "nope"}).status_code == 400


def test_the_indexed_ranking_is_the_exhaustive_one(two: Two, client_for: Client) -> None:
    _all_in(two, client_for)
    for i in range(12):
        org = f.OrganisationFactory(name=f"Kommune {i:02d}", slug=f"k{i}", peer_directory=True)
        for service in (NUTRITION, m.ServiceType.SCHOOL, m.ServiceType.TREATMENT):
            leader = _leader(org, service, f"L{i}", directory_discoverable=True)
            leader.unit.staff_count = 10 + 3 * i  # type: ignore[union-attr]
            leader.unit.save()  # type: ignore[union-attr]
    for query in (DirectoryQuery(), DirectoryQuery(limit=5), DirectoryQuery(service_type="school")):
        fast = directory_list(actor=two.anna_user, query=query)
        slow = directory_list_exhaustive(actor=two.anna_user, query=query)
        assert fast == slow
        assert fast.results or query.service_type


def test_roles(two: Two, client_for: Client) -> None:
    # The directory is a leader's; the setting HR's (a leader may neither read nor change it).
    assert client_for(two.hr_a).get("/api/peers/directory/").status_code == 403
    assert client_for(two.anna_user).get("/api/peers/directory/setting/").status_code == 403
    put = client_for(two.anna_user).put("/api/peers/directory/setting/", {"enabled": True})
    assert put.status_code == 403
    assert client_for(None).get("/api/peers/directory/").status_code in (401, 403)
    # HR scoped to some administrations reads the setting but may not change it.
    scoped = f.UserFactory(username="hr_scoped_a", organisation=two.a, role=m.User.Role.HR)
    scoped.hr_administrations.add(two.anna.unit.department.administration)  # type: ignore[union-attr]
    assert client_for(scoped).get("/api/peers/directory/setting/").status_code == 200
    assert (
        client_for(scoped).put("/api/peers/directory/setting/", {"enabled": True}).status_code
        == 403
    )
    assert client_for(two.hr_a).put("/api/peers/directory/setting/", {}).status_code == 400


def _ask(client: APIClient, leader_id: int) -> tuple[int, dict[str, object]]:
    response = client.post(
        "/api/peers/introductions/", {"to_leader": leader_id, "message": "Hej"}, format="json"
    )
    return response.status_code, response.json()


def test_introduction_across_organisations_shares_contact_only_on_acceptance(
    two: Two, client_for: Client
) -> None:
    anna, bo = client_for(two.anna_user), client_for(two.bo_user)
    # Not in the directory: another organisation's leader is not found.
    assert _ask(anna, two.bo.id)[0] == 404
    _all_in(two, client_for)
    # Only leaders whose card the asker sees: Bo's boss did not opt in.
    assert _ask(anna, two.boss_b.leader_id)[0] == 404  # type: ignore[arg-type]
    status, sent = _ask(anna, two.bo.id)
    assert status == 201 and sent["cross_organisation"] is True
    assert sent["contact"] is None and sent["municipality"] == "Nabo Kommune"
    assert sent["to_leader"]["unit"] is None and sent["to_leader"]["administration"] is None  # type: ignore[index]
    received = bo.get("/api/peers/introductions/").json()["results"]
    assert [r["id"] for r in received] == [sent["id"]]
    assert received[0]["municipality"] == "Aby Kommune" and received[0]["contact"] is None
    accepted = bo.post(f"/api/peers/introductions/{sent['id']}/accept/").json()
    assert accepted["contact"]["email"] == two.anna.email
    mine = anna.get("/api/peers/introductions/").json()["results"][0]
    assert mine["contact"] == {"name": "Bo Kok", "email": two.bo.email, "phone": two.bo.phone}
    # Accepted ones stay with both when an organisation leaves (the contacts were shared).
    client_for(two.hr_b).put("/api/peers/directory/setting/", {"enabled": False})
    assert len(anna.get("/api/peers/introductions/").json()["results"]) == 1


def test_opting_out_withdraws_pending_introductions(two: Two, client_for: Client) -> None:
    _all_in(two, client_for)
    anna, bo = client_for(two.anna_user), client_for(two.bo_user)
    status, sent = _ask(anna, two.bo.id)
    assert status == 201
    client_for(two.hr_a).put("/api/peers/directory/setting/", {"enabled": False})
    intro = nm.IntroductionRequest.objects.get(id=sent["id"])
    assert intro.status == nm.RequestStatus.WITHDRAWN
    assert bo.get("/api/peers/introductions/").json()["results"] == []
    assert anna.get("/api/peers/introductions/").json()["results"] == []
    assert bo.post(f"/api/peers/introductions/{sent['id']}/accept/").status_code == 404
    # It does not come back to be answered when A opts in again: it stays withdrawn.
    client_for(two.hr_a).put("/api/peers/directory/setting/", {"enabled": True})
    again = bo.get("/api/peers/introductions/").json()["results"]
    assert [r["status"] for r in again] == ["withdrawn"]
    assert bo.post(f"/api/peers/introductions/{sent['id']}/accept/").status_code == 409


def test_a_leader_opting_out_hides_their_pending_introductions(
    two: Two, client_for: Client
) -> None:
    _all_in(two, client_for)
    anna, bo = client_for(two.anna_user), client_for(two.bo_user)
    _, sent = _ask(anna, two.bo.id)
    client_for(two.anna_user).patch(
        f"/api/leaders/{two.anna.id}/", {"directory_discoverable": False}, format="json"
    )
    assert bo.get("/api/peers/introductions/").json()["results"] == []
    assert bo.post(f"/api/peers/introductions/{sent['id']}/accept/").status_code == 404


def test_nothing_else_of_another_organisation_is_seen(two: Two, client_for: Client) -> None:
    """With everything opted in, B's leader, boss and HR still get 404 on A's leader."""
    _all_in(two, client_for)
    for user in (two.bo_user, two.boss_b, two.hr_b):
        client = client_for(user)
        assert client.get(f"/api/leaders/{two.anna.id}/").status_code == 404
        listed = client.get("/api/leaders/", {"page_size": 500}).json()["results"]
        assert two.anna.id not in [row["id"] for row in listed]


def test_the_web_apps_tests_word_the_served_directory_rules(two: Two, client_for: Client) -> None:
    """The copy of the rules the web app's tests build the sentences from is the served one."""
    fixture = Path(__file__).parents[3] / "frontend" / "src" / "test" / "directoryRules.json"
    served = client_for(two.bo_user).get("/api/privacy/rules/directory/").json()
    assert json.loads(fixture.read_text()) == served
