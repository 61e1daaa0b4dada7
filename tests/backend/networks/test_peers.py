"""The peer finder and introductions: ranked peers with reasons, opt-in, contact after yes."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rest_framework.test import APIClient

from backend.networks import models as nm
from backend.people import models as m
from tests.backend.networks.conftest import Peers, login_for
from tests.conftest import World

pytestmark = pytest.mark.django_db

Client = Callable[[m.User | None], APIClient]


def test_peers_are_similar_unconnected_discoverable_and_carry_reasons(
    peers: Peers, nutrition_user: m.User, client_for: Client
) -> None:
    response = client_for(nutrition_user).get("/api/peers/")
    assert response.status_code == 200
    results = response.json()["results"]
    ids = [r["leader"]["id"] for r in results]
    # The not-discoverable café leader and the one sharing a network never appear.
    assert peers.cafe.id not in ids
    assert peers.connected.id not in ids
    # Specialist in another administration first, then another department of her own.
    assert ids[:2] == [peers.ppr.id, peers.treatment.id]
    for row in results[:2]:
        codes = {r["code"] for r in row["reasons"]}
        assert "specialist" in codes
        assert all(r["da"] and r["en"] for r in row["reasons"])
        # No contact details before an accepted introduction.
        assert "email" not in row["leader"] and "phone" not in row["leader"]
    assert {r["code"] for r in results[0]["reasons"]} >= {"other_administration"}


def test_peer_filters(
    peers: Peers, nutrition_user: m.User, client_for: Client, world: World
) -> None:
    client = client_for(nutrition_user)
    only_children = client.get(f"/api/peers/?administration={world.children.id}").json()
    assert [r["leader"]["id"] for r in only_children["results"]] == [peers.ppr.id]
    other_admin = client.get("/api/peers/?other_administration=true").json()
    assert peers.treatment.id not in [r["leader"]["id"] for r in other_admin["results"]]
    assert client.get("/api/peers/?service_type=ppr").json()["count"] == 1
    assert client.get("/api/peers/?service_type=nope").status_code == 400


def test_peers_exclude_the_line(world: World, client_for: Client) -> None:
    # Mette's boss leads a day-care-like unit; he must never be proposed as her peer.
    m.Leader.objects.update(discoverable=True)
    results = client_for(world.new_leader).get("/api/peers/").json()["results"]
    ids = {r["leader"]["id"] for r in results}
    assert world.boss.leader_id not in ids and world.grand_boss.leader_id not in ids


def test_hr_without_a_leader_cannot_use_the_peer_finder(hr: m.User, client_for: Client) -> None:
    assert client_for(hr).get("/api/peers/").status_code == 403
    assert client_for(None).get("/api/peers/").status_code in (401, 403)


def test_introduction_shares_contact_details_only_when_accepted(
    peers: Peers, nutrition_user: m.User, client_for: Client
) -> None:
    ppr_user = login_for(peers.ppr, "uffe")
    asker = client_for(nutrition_user)
    created = asker.post(
        "/api/peers/introductions/", {"to_leader": peers.ppr.id, "message": "Kaffe?"}, format="json"
    )
    assert created.status_code == 201
    intro = created.json()
    assert intro["contact"] is None and intro["direction"] == "sent"
    # Asking twice is a conflict, not a second request.
    again = asker.post("/api/peers/introductions/", {"to_leader": peers.ppr.id}, format="json")
    assert again.status_code == 409
    # The asked leader got a notification without the message text.
    note = ppr_user.notifications.get()
    assert "Kaffe" not in note.subject + note.body
    # Nobody else can answer it.
    assert asker.post(f"/api/peers/introductions/{intro['id']}/accept/").status_code == 404
    asked = client_for(ppr_user)
    received = asked.get("/api/peers/introductions/").json()["results"][0]
    assert received["direction"] == "received" and received["contact"] is None
    accepted = asked.post(f"/api/peers/introductions/{intro['id']}/accept/")
    assert accepted.status_code == 200
    assert accepted.json()["contact"]["email"] == peers.nutrition.email
    mine = asker.get("/api/peers/introductions/").json()["results"][0]
    assert mine["contact"] == {
        "name": peers.ppr.full_name,
        "email": peers.ppr.email,
        "phone": peers.ppr.phone,
    }
    assert asked.post(f"/api/peers/introductions/{intro['id']}/decline/").status_code == 409


def test_introduction_to_a_hidden_or_foreign_leader_is_not_found(
    peers: Peers, nutrition_user: m.User, client_for: Client
) -> None:
    from tests import factories as f

    foreign = f.LeaderFactory(discoverable=True)
    client = client_for(nutrition_user)
    for target in (peers.cafe.id, foreign.id, 999999):
        response = client.post("/api/peers/introductions/", {"to_leader": target}, format="json")
        assert response.status_code == 404


def test_demo_nutrition_leader_gets_specialists_in_other_administrations(
    demo: m.Organisation, client_for: Client
) -> None:
    """Done-when: the demo's nutrition-unit leader's top 5 peers are specialist leaders in other
    administrations, none already in a shared network, each with reasons."""
    lone = m.User.objects.get(username="lone", organisation=demo)
    leader = lone.leader
    assert leader is not None and leader.unit.service_type == "nutrition"
    results = client_for(lone).get("/api/peers/?limit=5").json()["results"]
    assert len(results) == 5
    mine = set(nm.Membership.objects.filter(leader=leader).values_list("network_id", flat=True))
    my_admin = leader.unit.department.administration.name
    for row in results:
        peer = m.Leader.objects.select_related("unit__department__administration").get(
            id=row["leader"]["id"]
        )
        assert peer.discoverable and peer.unit.is_specialist
        assert not set(peer.memberships.values_list("network_id", flat=True)) & mine
        assert peer.unit.department_id != leader.unit.department_id
        assert {r["code"] for r in row["reasons"]} >= {"specialist"}
        assert all(r["da"] and r["en"] for r in row["reasons"])
    assert all(r["leader"]["administration"] != my_admin for r in results)
