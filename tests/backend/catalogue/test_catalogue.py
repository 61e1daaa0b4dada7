"""The staff functions' offers: who reads and edits them, requests through their statuses, the
notifications both ways, and who never learns of a request (the boss, other leaders)."""

from __future__ import annotations

from typing import Any

import pytest

from backend.catalogue.models import Offer, OfferRequest
from backend.notifications.models import Notification
from tests import factories as f
from tests.conftest import World

pytestmark = pytest.mark.django_db

SECRET = "Sygefraværssamtale med en medarbejder i stress"


@pytest.fixture
def offers(world: World) -> dict[str, Offer]:
    finance = f.StaffFunctionFactory(organisation=world.org, kind="finance", name="Økonomi")
    payroll = f.StaffFunctionFactory(
        organisation=world.org, kind="payroll_hr_law", name="Løn og Personale"
    )
    consultant = f.StaffContactFactory(staff_function=payroll, name="Anne Jurist")
    return {
        "budget": f.StaffOfferFactory(
            staff_function=finance, title_da="Budgetgennemgang midt i året", topics=[world.budget]
        ),
        "sick": f.StaffOfferFactory(
            staff_function=payroll,
            delivered_by=consultant,
            title_da="Støtte til sygefraværssamtalen",
            title_en="Support in a sick-leave conversation",
        ),
        "old": f.StaffOfferFactory(staff_function=finance, title_da="Gammelt tilbud", active=False),
    }


def _titles(response: Any) -> set[str]:
    return {row["title_da"] for row in response.json()["results"]}


def test_a_leader_browses_the_active_catalogue_by_topic_and_search(
    client_for: Any, world: World, offers: dict[str, Offer]
) -> None:
    client = client_for(world.outsider)  # a leader with no plan and no tie to the offers
    assert _titles(client.get("/api/staff-offers/")) == {
        "Budgetgennemgang midt i året",
        "Støtte til sygefraværssamtalen",
    }
    assert _titles(client.get("/api/staff-offers/", {"topic": world.budget.id})) == {
        "Budgetgennemgang midt i året"
    }
    assert _titles(client.get("/api/staff-offers/", {"q": "sick-leave"})) == {
        "Støtte til sygefraværssamtalen"
    }
    row = client.get(f"/api/staff-offers/{offers['sick'].id}/").json()
    assert row["delivered_by"]["name"] == "Anne Jurist"
    assert client.get(f"/api/staff-offers/{offers['old'].id}/").status_code == 404


def test_hr_sees_inactive_offers_and_only_org_wide_hr_edits(
    client_for: Any, world: World, offers: dict[str, Offer]
) -> None:
    assert "Gammelt tilbud" in _titles(client_for(world.hr).get("/api/staff-offers/"))
    body = {
        "staff_function_id": offers["budget"].staff_function_id,
        "title_da": "Hjælp til vagtplansystemet",
        "topic_ids": [world.roster.id],
        "duration": "3 timer",
    }
    assert client_for(world.new_leader).post("/api/staff-offers/", body).status_code == 403
    assert client_for(world.hr_scoped).post("/api/staff-offers/", body).status_code == 403
    created = client_for(world.hr).post("/api/staff-offers/", body, format="json")
    assert created.status_code == 201, created.json()
    assert created.json()["topic_ids"] == [world.roster.id]
    assert created.json()["delivered_by"] is None  # the function as a whole
    # Another organisation's HR neither sees nor edits it.
    other = client_for(world.other_organisation)
    assert other.patch(f"/api/staff-offers/{created.json()['id']}/", {}).status_code == 404


def test_an_offer_names_a_consultant_of_its_own_function(
    client_for: Any, world: World, offers: dict[str, Offer]
) -> None:
    consultant = offers["sick"].delivered_by
    assert consultant is not None
    response = client_for(world.hr).patch(
        f"/api/staff-offers/{offers['budget'].id}/",
        {"delivered_by_id": consultant.id},
        format="json",
    )
    assert response.status_code == 400
    assert "delivered_by_id" in response.json()


def test_an_offer_someone_requested_is_made_inactive_not_deleted(
    client_for: Any, world: World, offers: dict[str, Offer]
) -> None:
    leader = client_for(world.new_leader)
    assert leader.post(f"/api/staff-offers/{offers['budget'].id}/requests/", {}).status_code == 201
    hr = client_for(world.hr)
    assert hr.delete(f"/api/staff-offers/{offers['budget'].id}/").status_code == 409
    assert hr.delete(f"/api/staff-offers/{offers['old'].id}/").status_code == 204


def _request(client_for: Any, world: World, offer: Offer) -> dict[str, Any]:
    response = client_for(world.new_leader).post(
        f"/api/staff-offers/{offer.id}/requests/",
        {"message": SECRET, "desired_timing": "I næste uge"},
        format="json",
    )
    assert response.status_code == 201, response.json()
    return dict(response.json())


def test_a_request_notifies_hr_in_scope_without_the_message(
    client_for: Any, world: World, offers: dict[str, Offer]
) -> None:
    row = _request(client_for, world, offers["sick"])
    assert row["status"] == "requested"
    to_hr = Notification.objects.get(user=world.hr, kind="catalogue.requested")
    assert to_hr.url == f"/hr/staff-requests?request={row['id']}"
    assert SECRET not in to_hr.subject + to_hr.body
    # HR scoped to Social og Sundhed does not have Mette (Børn og Unge) in scope.
    assert not Notification.objects.filter(user=world.hr_scoped).exists()
    # A second open request for the same offer is refused.
    again = client_for(world.new_leader).post(
        f"/api/staff-offers/{offers['sick'].id}/requests/", {}
    )
    assert again.status_code == 409


def test_an_inactive_offer_cannot_be_requested(
    client_for: Any, world: World, offers: dict[str, Offer]
) -> None:
    client = client_for(world.new_leader)
    assert client.post(f"/api/staff-offers/{offers['old'].id}/requests/", {}).status_code == 404
    assert (
        client_for(world.hr).post(f"/api/staff-offers/{offers['budget'].id}/requests/").status_code
        == 403
    )


def test_hr_moves_a_request_to_done_and_the_leader_is_told_each_step(
    client_for: Any, world: World, offers: dict[str, Offer]
) -> None:
    row = _request(client_for, world, offers["sick"])
    hr = client_for(world.hr)
    url = f"/api/staff-offer-requests/{row['id']}/"
    assert hr.get("/api/staff-offer-requests/").json()["results"][0]["message"] == SECRET
    scheduled = hr.patch(url, {"status": "scheduled"}, format="json")
    assert scheduled.status_code == 400  # a date is needed
    steps = [
        {"status": "accepted", "reply": "Anne ringer dig"},
        {"status": "scheduled", "scheduled_for": "2030-01-15"},
        {"status": "done"},
    ]
    for step in steps:
        response = hr.patch(url, step, format="json")
        assert response.status_code == 200, response.json()
        assert response.json()["status"] == step["status"]
    kinds = list(
        Notification.objects.filter(user=world.new_leader)
        .order_by("id")
        .values_list("kind", flat=True)
    )
    assert kinds == [
        "catalogue.request_accepted",
        "catalogue.request_scheduled",
        "catalogue.request_done",
    ]
    mine = client_for(world.new_leader).get("/api/staff-offer-requests/mine/").json()["results"]
    assert [(r["status"], r["reply"]) for r in mine] == [("done", "Anne ringer dig")]
    # Done is final.
    assert (
        hr.patch(url, {"status": "declined", "decline_reason": "x"}, format="json").status_code
        == 409
    )


def test_a_decline_needs_a_reason_the_leader_reads(
    client_for: Any, world: World, offers: dict[str, Offer]
) -> None:
    row = _request(client_for, world, offers["budget"])
    hr = client_for(world.hr)
    url = f"/api/staff-offer-requests/{row['id']}/"
    assert hr.patch(url, {"status": "declined"}, format="json").status_code == 400
    response = hr.patch(
        url, {"status": "declined", "decline_reason": "Tilbuddet er fuldt booket"}, format="json"
    )
    assert response.status_code == 200
    mine = client_for(world.new_leader).get(url).json()
    assert mine["decline_reason"] == "Tilbuddet er fuldt booket"


def test_the_leader_withdraws_an_open_request(
    client_for: Any, world: World, offers: dict[str, Offer]
) -> None:
    row = _request(client_for, world, offers["budget"])
    url = f"/api/staff-offer-requests/{row['id']}/withdraw/"
    assert client_for(world.boss).post(url).status_code == 404
    response = client_for(world.new_leader).post(url)
    assert response.json()["status"] == "withdrawn"
    assert client_for(world.new_leader).post(url).status_code == 409


@pytest.mark.parametrize("persona", ["boss", "grand_boss", "mentor", "outsider", "hr_scoped"])
def test_the_line_and_everyone_else_never_learn_of_a_request(
    client_for: Any, world: World, offers: dict[str, Offer], persona: str
) -> None:
    row = _request(client_for, world, offers["sick"])
    client = client_for(getattr(world, persona))
    assert client.get(f"/api/staff-offer-requests/{row['id']}/").status_code == 404
    for url in ("/api/staff-offer-requests/mine/", "/api/staff-offer-requests/"):
        response = client.get(url)
        assert response.status_code in (200, 403)
        assert SECRET not in response.content.decode()
    assert client.patch(
        f"/api/staff-offer-requests/{row['id']}/", {"status": "done"}, format="json"
    ).status_code in (403, 404)
    assert OfferRequest.objects.get(id=row["id"]).status == "requested"


def test_scoped_hr_follows_requests_of_leaders_in_its_administrations(
    client_for: Any, world: World, offers: dict[str, Offer]
) -> None:
    mentor = world.mentor.leader  # Jens leads a care home in Social og Sundhed
    assert mentor is not None
    request = f.StaffOfferRequestFactory(offer=offers["budget"], leader=mentor)
    hr = client_for(world.hr_scoped)
    assert [r["id"] for r in hr.get("/api/staff-offer-requests/").json()["results"]] == [request.id]
    response = hr.patch(
        f"/api/staff-offer-requests/{request.id}/", {"status": "accepted"}, format="json"
    )
    assert response.status_code == 200
    assert Notification.objects.filter(
        user=world.mentor, kind="catalogue.request_accepted"
    ).exists()


def test_the_consultants_have_no_login_so_hr_acts_for_them(world: World) -> None:
    """The choice documented in docs/catalogue.md: a consultant is a directory entry."""
    from backend.people.models import StaffContact

    assert not any(field.name == "user" for field in StaffContact._meta.get_fields())


def test_listing_offers_takes_a_fixed_number_of_queries(
    client_for: Any, world: World, offers: dict[str, Offer], django_assert_max_num_queries: Any
) -> None:
    for _ in range(20):
        f.StaffOfferFactory(staff_function=offers["budget"].staff_function, topics=[world.budget])
    client = client_for(world.new_leader)
    with django_assert_max_num_queries(8):
        assert client.get("/api/staff-offers/").status_code == 200
