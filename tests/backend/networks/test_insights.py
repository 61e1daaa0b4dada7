"""HR's insights and maps, the leader's own map: per role, and no private members ever leak."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from rest_framework.test import APIClient

from backend.networks import models as nm
from backend.networks.graph import leader_graph
from backend.people import models as m
from tests import factories as f
from tests.backend.networks.conftest import Peers
from tests.conftest import World

pytestmark = pytest.mark.django_db

Client = Callable[[m.User | None], APIClient]

ROLES = [
    "hr",
    "hr_scoped",
    "new_leader",
    "boss",
    "grand_boss",
    "mentor",
    "outsider",
    "other_organisation",
]


@pytest.fixture
def small_club(world: World) -> nm.Network:
    """An informal network of three: the new leader, the mentor and the outsider."""
    club = f.NetworkFactory(organisation=world.org, name="Gå-og-snak", kind=nm.NetworkKind.INFORMAL)
    for user in (world.new_leader, world.mentor, world.outsider):
        f.MembershipFactory(network=club, leader=user.leader)
    return club


@pytest.mark.parametrize("role", ROLES)
def test_insights_and_map_per_role(
    role: str, world: World, small_club: nm.Network, client_for: Client
) -> None:
    user = getattr(world, role)
    client = client_for(user)
    insights = client.get("/api/network-insights/")
    hr_map = client.get("/api/network-map/")
    if role in ("hr", "hr_scoped", "other_organisation"):
        assert insights.status_code == 200 and hr_map.status_code == 200
    else:
        assert insights.status_code == 403 and hr_map.status_code == 403
        return
    body = json.dumps(insights.json()) + json.dumps(hr_map.json())
    # The three-person informal network shows up nowhere, not even as a count.
    for admin in insights.json()["administrations"]:
        assert admin["in_private_networks"] is None
    for edge in hr_map.json()["edges"]:
        assert edge["private_ties"] is None
    assert "Gå-og-snak" not in body
    if role == "other_organisation":
        assert insights.json()["leaders"] == 0
        assert "Mette" not in body and "Testrup" not in body
    if role == "hr_scoped":
        assert {a["name"] for a in insights.json()["administrations"]} == {"Social og Sundhed"}
        assert {n["name"] for n in hr_map.json()["nodes"]} == {"Social og Sundhed"}


def test_isolation_ignores_private_networks_and_aggregates_from_five(
    world: World, peers: Peers, small_club: nm.Network, client_for: Client
) -> None:
    data = client_for(world.hr).get("/api/network-insights/").json()
    isolated = {x["id"] for x in data["isolated"]}
    # Mette spars only in an informal network: HR's per-leader list may not use it.
    assert world.new_leader.leader_id in isolated
    # The five-person lunch club (peers fixture) spans both administrations: aggregates of
    # private members appear only where at least five people stand behind them.
    for admin in data["administrations"]:
        assert admin["in_private_networks"] is None or admin["in_private_networks"] >= 5
    assert data["min_aggregate"] == 5
    assert {"ei_index", "internal", "external"} <= set(data["administrations"][0])
    specialists = {x["id"] for x in data["specialists_without_peers"]}
    # The treatment leader meets specialists only in the private lunch club: listed.
    assert peers.treatment.id in specialists
    assert peers.cafe.id not in specialists  # department ties to two specialists
    assert data["communities"] and sum(c["size"] for c in data["communities"]) == data["leaders"]


def test_private_ties_enter_the_hr_map_only_over_five_people(
    world: World, client_for: Client
) -> None:
    club = f.NetworkFactory(
        organisation=world.org, name="Stort netværk", kind=nm.NetworkKind.INFORMAL
    )
    for k in range(6):
        dept = m.Department.objects.filter(organisation=world.org).order_by("id")[k % 3]
        f.MembershipFactory(
            network=club, leader=f.LeaderFactory(unit=f.UnitFactory(department=dept))
        )
    edges = client_for(world.hr).get("/api/network-map/").json()["edges"]
    shown = [e for e in edges if e["private_ties"] is not None]
    assert shown and all(e["private_ties"] > 0 for e in shown)
    body = json.dumps(client_for(world.hr).get("/api/network-insights/").json())
    assert "Stort netværk" not in body


def test_leader_sees_own_network_boss_sees_no_informal_tie(
    world: World, small_club: nm.Network, client_for: Client
) -> None:
    mine = client_for(world.new_leader).get("/api/me/network-map/").json()
    neighbours = {e["target"]: e["ties"] for e in mine["edges"]}
    assert "network:informal" in neighbours[world.mentor.leader_id]
    assert "line" in neighbours[world.boss.leader_id]
    boss_view = client_for(world.boss).get("/api/me/network-map/").json()
    assert world.mentor.leader_id not in {e["target"] for e in boss_view["edges"]}
    assert client_for(world.hr).get("/api/me/network-map/").status_code == 403


def test_graph_is_rebuilt_when_memberships_change(world: World) -> None:
    first = leader_graph(organisation_id=world.org.id)
    assert leader_graph(organisation_id=world.org.id) is first
    club = f.NetworkFactory(organisation=world.org, kind=nm.NetworkKind.LEARNING_NETWORK)
    f.MembershipFactory(network=club, leader=world.mentor.leader)
    f.MembershipFactory(network=club, leader=world.outsider.leader)
    second = leader_graph(organisation_id=world.org.id)
    assert second is not first
    assert second.G.has_edge(world.mentor.leader_id, world.outsider.leader_id)
    assert second.G_public.has_edge(world.mentor.leader_id, world.outsider.leader_id)
    club.kind = nm.NetworkKind.INFORMAL
    club.visibility = nm.Network.Visibility.MEMBERS_ONLY
    club.save()
    third = leader_graph(organisation_id=world.org.id)
    assert third.G.has_edge(world.mentor.leader_id, world.outsider.leader_id)
    assert not third.G_public.has_edge(world.mentor.leader_id, world.outsider.leader_id)


def test_the_costly_structure_is_computed_once_per_data(
    world: World, client_for: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Brokers, bridges and communities come back from the graph on the next view; a change to
    the data gives a new graph and a fresh result."""
    import networkx as nx

    from backend.networks.selectors import insights

    calls: list[int] = []
    real = nx.betweenness_centrality

    def counting(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(insights.nx, "betweenness_centrality", counting)
    hr = client_for(world.hr)
    first = hr.get("/api/network-insights/").json()
    again = hr.get("/api/network-insights/").json()
    assert again == first
    assert len(calls) == 1

    # A public network of three joins leaders that had no tie: the structure changes.
    club = f.NetworkFactory(organisation=world.org, kind=nm.NetworkKind.LEADER_GROUP)
    for user in (world.new_leader, world.mentor, world.outsider):
        f.MembershipFactory(network=club, leader=user.leader)
    after = hr.get("/api/network-insights/").json()
    assert len(calls) == 2
    assert (after["bridges"], after["communities"], after["brokers"]) != (
        first["bridges"],
        first["communities"],
        first["brokers"],
    )
