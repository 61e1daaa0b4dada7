"""HR sets up formal networks in the web app: create, edit, members in and out (issue 13)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rest_framework.test import APIClient

from backend.networks.models import Network, NetworkKind
from backend.people import models as m
from tests import factories as f
from tests.conftest import World

pytestmark = pytest.mark.django_db

Client = Callable[[m.User | None], APIClient]


def test_hr_creates_a_leader_group_and_chooses_its_members(
    world: World, client_for: Client
) -> None:
    hr = client_for(world.hr)
    created = hr.post(
        "/api/networks/",
        {"name": "Ledergruppe Ældre", "kind": "leader_group", "theme": "Drift"},
        format="json",
    )
    assert created.status_code == 201, created.json()
    network = created.json()
    assert network["visibility"] == "open" and network["member_count"] == 0
    mette, jens = world.new_leader.leader_id, world.mentor.leader_id
    added = hr.post(
        f"/api/networks/{network['id']}/members/", {"leader_ids": [mette, jens]}, format="json"
    )
    assert added.status_code == 201, added.json()
    members = hr.get(f"/api/networks/{network['id']}/memberships/").json()["results"]
    assert {row["leader"]["id"] for row in members} == {mette, jens}
    # Adding again changes nothing; removing takes one out.
    hr.post(f"/api/networks/{network['id']}/members/", {"leader_ids": [mette]}, format="json")
    assert hr.delete(f"/api/networks/{network['id']}/members/{jens}/").status_code == 204
    assert hr.delete(f"/api/networks/{network['id']}/members/{jens}/").status_code == 404
    edited = hr.patch(
        f"/api/networks/{network['id']}/",
        {"kind": "learning_network", "welcomes_newcomers": True},
        format="json",
    )
    assert edited.status_code == 200
    assert edited.json()["kind"] == "learning_network" and edited.json()["member_count"] == 1


def test_hr_neither_creates_nor_touches_informal_or_members_only_networks(
    world: World, client_for: Client
) -> None:
    hr = client_for(world.hr)
    refused = hr.post("/api/networks/", {"name": "Fredagsbar", "kind": "informal"}, format="json")
    assert refused.status_code == 400 and "kind" in refused.json()
    private = f.NetworkFactory(
        organisation=world.org, kind=NetworkKind.LEARNING_NETWORK, visibility="members_only"
    )
    informal = f.NetworkFactory(organisation=world.org, kind=NetworkKind.INFORMAL)
    for network in (private, informal):
        assert (
            hr.patch(f"/api/networks/{network.id}/", {"name": "X"}, format="json").status_code
            == 404
        )
        body = {"leader_ids": [world.new_leader.leader_id]}
        assert (
            hr.post(f"/api/networks/{network.id}/members/", body, format="json").status_code == 404
        )
    assert Network.objects.get(id=informal.id).memberships.count() == 0


def test_members_must_be_active_leaders_of_the_organisation(
    world: World, client_for: Client
) -> None:
    hr = client_for(world.hr)
    network = f.NetworkFactory(organisation=world.org)
    stranger = f.LeaderFactory(
        unit=f.UnitFactory(
            department=f.DepartmentFactory(
                administration=f.AdministrationFactory(
                    organisation=world.other_organisation.organisation
                )
            )
        )
    )
    response = hr.post(
        f"/api/networks/{network.id}/members/",
        {"leader_ids": [world.new_leader.leader_id, stranger.id]},
        format="json",
    )
    assert response.status_code == 400 and "leader_ids" in response.json()
    assert network.memberships.count() == 0
    scoped = client_for(world.hr_scoped)
    assert scoped.post("/api/networks/", {"name": "X", "kind": "leader_group"}).status_code == 403
