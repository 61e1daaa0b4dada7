"""HR's insights and maps, the leader's own map: per role, and no private members ever leak."""

from __future__ import annotations

import gc
import json
import weakref
from collections.abc import Callable
from typing import Any

import pytest
from rest_framework.test import APIClient

from backend.networks import graph as graph_module
from backend.networks import models as nm
from backend.networks.graph import leader_graph
from backend.people import models as m
from tests import factories as f
from tests.backend.networks.conftest import Peers
from tests.conftest import World

pytestmark = pytest.mark.django_db

Client = Callable[[m.User | None], APIClient]


@pytest.fixture
def insights_of(
    client_for: Client, django_capture_on_commit_callbacks: Callable[..., Any]
) -> Callable[[m.User], Any]:
    """HR's insights as the page gets them: the first view asks for the computation (the task
    runs in-process when the request's transaction commits), the next view reads it."""

    def get(user: m.User) -> Any:
        client = client_for(user)
        with django_capture_on_commit_callbacks(execute=True):
            first = client.get("/api/network-insights/")
        assert first.status_code == 200
        state = client.get("/api/network-insights/").json()
        assert state["status"] == "ready" and state["stale"] is False, state
        return state["insights"]

    return get


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
    role: str,
    world: World,
    small_club: nm.Network,
    client_for: Client,
    insights_of: Callable[[m.User], Any],
) -> None:
    user = getattr(world, role)
    client = client_for(user)
    hr_map = client.get("/api/network-map/")
    if role not in ("hr", "hr_scoped", "other_organisation"):
        assert client.get("/api/network-insights/").status_code == 403
        assert hr_map.status_code == 403
        return
    assert hr_map.status_code == 200
    insights = insights_of(user)
    body = json.dumps(insights) + json.dumps(hr_map.json())
    # The three-person informal network shows up nowhere, not even as a count.
    for admin in insights["administrations"]:
        assert admin["in_private_networks"] is None
    for edge in hr_map.json()["edges"]:
        assert edge["private_ties"] is None
    assert "Gå-og-snak" not in body
    if role == "other_organisation":
        assert insights["leaders"] == 0
        assert "Mette" not in body and "Testrup" not in body
    if role == "hr_scoped":
        assert {a["name"] for a in insights["administrations"]} == {"Social og Sundhed"}
        assert {n["name"] for n in hr_map.json()["nodes"]} == {"Social og Sundhed"}


def test_isolation_ignores_private_networks_and_aggregates_from_five(
    world: World, peers: Peers, small_club: nm.Network, insights_of: Callable[[m.User], Any]
) -> None:
    data = insights_of(world.hr)
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
    world: World, client_for: Client, insights_of: Callable[[m.User], Any]
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
    assert "Stort netværk" not in json.dumps(insights_of(world.hr))


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


def test_a_big_new_graph_is_kept_out_of_later_collections_and_the_old_one_freed(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A big new graph costs one full collection, in the request that built it; then it is
    frozen (later full passes skip it); a rebuilt graph frees the one before (docs/robustness.md,
    section 4)."""
    monkeypatch.setattr(graph_module, "COLLECT_FROM_LEADERS", 1)  # the test world is "big"
    full_passes: list[int] = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start" and info["generation"] == 2:
            full_passes.append(1)

    gc.callbacks.append(count)
    try:
        first = leader_graph(organisation_id=world.org.id)  # built
        assert len(full_passes) >= 1
        frozen = gc.get_freeze_count()
        assert frozen > 0
        built = len(full_passes)
        assert leader_graph(organisation_id=world.org.id) is first  # from the cache
        assert len(full_passes) == built
        old = weakref.ref(first.G)
        del first
        club = f.NetworkFactory(organisation=world.org, kind=nm.NetworkKind.LEARNING_NETWORK)
        f.MembershipFactory(network=club, leader=world.mentor.leader)
        leader_graph(organisation_id=world.org.id)  # rebuilt: the old graph is freed
        assert old() is None
    finally:
        gc.callbacks.remove(count)
        gc.unfreeze()


def test_insights_are_computed_once_per_data_and_served_from_storage(
    world: World,
    client_for: Client,
    insights_of: Callable[[m.User], Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue 17, item 2: the figures are computed by the task once per version of the data and
    every next view reads them from storage; a change to the data gives a fresh result."""
    import networkx as nx

    from backend.networks.selectors import insights

    calls: list[int] = []
    real = nx.betweenness_centrality

    def counting(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(insights.nx, "betweenness_centrality", counting)
    first = insights_of(world.hr)
    hr = client_for(world.hr)
    for _ in range(3):
        again = hr.get("/api/network-insights/").json()
        assert again["status"] == "ready" and again["insights"] == first
    assert len(calls) == 1
    assert again["computed_at"] is not None and again["seconds"] >= 0

    # A public network of three joins leaders that had no tie: the structure changes.
    club = f.NetworkFactory(organisation=world.org, kind=nm.NetworkKind.LEADER_GROUP)
    for user in (world.new_leader, world.mentor, world.outsider):
        f.MembershipFactory(network=club, leader=user.leader)
    after = insights_of(world.hr)
    assert len(calls) == 2
    assert (after["bridges"], after["communities"], after["brokers"]) != (
        first["bridges"],
        first["communities"],
        first["brokers"],
    )


def test_a_view_never_waits_for_the_figures(
    world: World, client_for: Client, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    """The first view says a computation is under way (progress 0, queued) and asks for it
    once however often HR looks; after a change the old figures stay visible, marked stale."""
    from backend.networks.services.insights import insights_compute

    hr = client_for(world.hr)
    with django_capture_on_commit_callbacks(execute=False) as sent:
        states = [hr.get("/api/network-insights/").json() for _ in range(3)]
    assert [s["status"] for s in states] == ["computing"] * 3
    assert states[0]["insights"] is None and states[0]["phase"] == "queued"
    assert states[0]["progress"] == 0 and states[0]["stale"] is False
    assert len(sent) == 1  # debounced: one computation for three views
    snapshot = nm.InsightsSnapshot.objects.get(organisation=world.org)
    insights_compute(snapshot_id=snapshot.id)
    ready = hr.get("/api/network-insights/").json()
    assert ready["status"] == "ready" and ready["progress"] == 100 and ready["insights"]

    f.MembershipFactory(
        network=f.NetworkFactory(organisation=world.org, kind=nm.NetworkKind.LEADER_GROUP),
        leader=world.mentor.leader,
    )
    with django_capture_on_commit_callbacks(execute=False) as sent:
        stale = hr.get("/api/network-insights/").json()
    assert stale["status"] == "computing" and stale["stale"] is True
    assert stale["insights"] == ready["insights"] and len(sent) == 1


def test_a_scoped_hr_gets_their_own_figures(
    world: World, insights_of: Callable[[m.User], Any]
) -> None:
    everyone = insights_of(world.hr)
    scoped = insights_of(world.hr_scoped)
    assert scoped["leaders"] < everyone["leaders"]
    assert nm.InsightsSnapshot.objects.filter(organisation=world.org).count() == 2


def test_the_beat_refreshes_changed_data_and_erasure_drops_stored_names(
    world: World, insights_of: Callable[[m.User], Any], django_capture_on_commit_callbacks: Any
) -> None:
    from backend.networks.services.insights import insights_refresh_stale
    from backend.privacy.services import leader_erase

    insights_of(world.hr)
    assert insights_refresh_stale() == 0  # nothing changed
    f.MembershipFactory(
        network=f.NetworkFactory(organisation=world.org, kind=nm.NetworkKind.LEADER_GROUP),
        leader=world.outsider.leader,
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert insights_refresh_stale() == 1
    snapshot = nm.InsightsSnapshot.objects.get(organisation=world.org)
    assert snapshot.status == "ready" and snapshot.data is not None

    leader_erase(leader=world.outsider.leader, actor=world.hr, reason="Fratrådt")
    assert not nm.InsightsSnapshot.objects.filter(organisation=world.org).exists()
