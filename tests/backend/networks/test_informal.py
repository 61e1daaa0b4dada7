"""A leader's own informal networks: start, invite, accept, leave, close; join requests to an
open-for-requests network; privacy (members only, never the boss)."""

from __future__ import annotations

import pytest

from backend.networks.models import Membership, Network, NetworkInvitation
from backend.notifications.models import Notification
from tests.conftest import World

pytestmark = pytest.mark.django_db


def _start(client, **extra) -> dict:
    response = client.post("/api/networks/informal/", {"name": "Frokostklubben", **extra})
    assert response.status_code == 201, response.json()
    return response.json()


def test_a_leader_starts_a_network_invites_and_the_colleague_accepts(client_for, world: World):
    mette = client_for(world.new_leader)
    network = _start(mette)
    assert network["kind"] == "informal"
    membership = Membership.objects.get(network_id=network["id"], leader=world.new_leader.leader)
    assert membership.role == "convener"

    found = mette.get(f"/api/networks/{network['id']}/invite-candidates/", {"q": "Sør"}).json()
    assert [c["id"] for c in found] == [world.outsider.leader_id]
    assert set(found[0]) == {"id", "name", "role_title", "unit"}
    invited = mette.post(
        f"/api/networks/{network['id']}/invitations/", {"leader_id": world.outsider.leader_id}
    )
    assert invited.status_code == 201, invited.json()
    again = mette.post(
        f"/api/networks/{network['id']}/invitations/", {"leader_id": world.outsider.leader_id}
    )
    assert again.status_code == 409
    assert Notification.objects.filter(user=world.outsider, kind="networks.invitation").exists()

    soren = client_for(world.outsider)
    [invitation] = soren.get("/api/network-invitations/").json()
    assert invitation["network"]["name"] == "Frokostklubben"
    # Not Mette's invitation to answer, and nobody else's.
    assert mette.post(f"/api/network-invitations/{invitation['id']}/accept/").status_code == 404
    accepted = soren.post(f"/api/network-invitations/{invitation['id']}/accept/")
    assert accepted.status_code == 200 and accepted.json()["status"] == "accepted"
    assert Membership.objects.filter(network_id=network["id"]).count() == 2
    # The boss never sees the informal network or its members.
    boss = client_for(world.boss)
    assert boss.get(f"/api/networks/{network['id']}/").status_code == 404
    mine = boss.get(f"/api/leaders/{world.new_leader.leader_id}/memberships/").json()
    assert "Frokostklubben" not in str(mine)


def test_a_declined_invitation_makes_no_member(client_for, world: World):
    network = _start(client_for(world.new_leader))
    client_for(world.new_leader).post(
        f"/api/networks/{network['id']}/invitations/", {"leader_id": world.outsider.leader_id}
    )
    invitation = NetworkInvitation.objects.get(network_id=network["id"])
    soren = client_for(world.outsider)
    assert soren.post(f"/api/network-invitations/{invitation.id}/decline/").status_code == 200
    assert soren.post(f"/api/network-invitations/{invitation.id}/accept/").status_code == 409
    assert not Membership.objects.filter(network_id=network["id"], leader=world.outsider.leader)


def test_only_a_member_invites_and_only_the_convener_closes(client_for, world: World):
    network = _start(client_for(world.new_leader))
    url = f"/api/networks/{network['id']}/invitations/"
    assert (
        client_for(world.outsider).post(url, {"leader_id": world.boss.leader_id}).status_code == 404
    )
    Membership.objects.create(network_id=network["id"], leader=world.outsider.leader)
    close = f"/api/networks/{network['id']}/close/"
    assert client_for(world.outsider).post(close).status_code == 403
    assert client_for(world.new_leader).post(close).status_code == 200
    assert not Network.objects.get(id=network["id"]).active
    assert Notification.objects.filter(user=world.outsider, kind="networks.closed").exists()
    # A closed network is no longer anyone's network.
    mine = client_for(world.outsider).get(f"/api/leaders/{world.outsider.leader_id}/memberships/")
    assert "Frokostklubben" not in str(mine.json())


def test_leaving_passes_the_convener_on_and_the_last_one_out_closes(client_for, world: World):
    network = _start(client_for(world.new_leader))
    Membership.objects.create(network_id=network["id"], leader=world.outsider.leader)
    leave = f"/api/networks/{network['id']}/leave/"
    assert client_for(world.new_leader).post(leave).status_code == 204
    assert Membership.objects.get(network_id=network["id"]).role == "convener"
    assert client_for(world.new_leader).post(leave).status_code == 404
    assert client_for(world.outsider).post(leave).status_code == 204
    assert not Network.objects.get(id=network["id"]).active


def test_an_open_for_requests_network_takes_join_requests(client_for, world: World):
    network = _start(client_for(world.new_leader), open_for_requests=True)
    asked = client_for(world.outsider).post(f"/api/networks/{network['id']}/join/", {})
    assert asked.status_code == 202 and asked.json()["status"] == "requested"
    mette = client_for(world.new_leader)
    [request] = mette.get("/api/network-join-requests/").json()["results"]
    decided = mette.post(f"/api/network-join-requests/{request['id']}/accept/")
    assert decided.status_code == 200
    assert Membership.objects.filter(network_id=network["id"], leader=world.outsider.leader)
