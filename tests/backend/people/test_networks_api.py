"""Networks: open ones visible with members; informal and members-only ones private."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rest_framework.test import APIClient

from backend.people.models import User
from tests.backend.people.conftest import Extras
from tests.conftest import World

ClientFor = Callable[[User | None], APIClient]


def _names(response) -> set[str]:  # type: ignore[no-untyped-def]
    assert response.status_code == 200, response.content
    return {row["name"] for row in response.json()["results"]}


@pytest.mark.django_db
def test_network_names_per_role(world: World, extras: Extras, client_for: ClientFor) -> None:
    open_, informal, members_only = (
        extras.open_group.name,
        extras.informal.name,
        extras.members_only.name,
    )
    assert _names(client_for(world.new_leader).get("/api/networks/")) == {open_, informal}
    assert _names(client_for(world.mentor).get("/api/networks/")) == {open_, informal, members_only}
    assert _names(client_for(world.boss).get("/api/networks/")) == {open_}
    assert _names(client_for(world.outsider).get("/api/networks/")) == {open_}
    assert _names(client_for(world.hr).get("/api/networks/")) == {open_, informal, members_only}
    assert _names(client_for(world.other_organisation).get("/api/networks/")) == {
        extras.other_org_network.name
    }


@pytest.mark.django_db
def test_hr_sees_private_networks_as_a_head_count_only(
    world: World, extras: Extras, client_for: ClientFor
) -> None:
    """Two members: fewer than 5, so HR learns that it is small, not how small (issue 15)."""
    client = client_for(world.hr)
    detail = client.get(f"/api/networks/{extras.informal.id}/")
    assert detail.status_code == 200
    assert (detail.json()["member_count"], detail.json()["member_count_suppressed"]) == (None, True)
    assert client.get(f"/api/networks/{extras.informal.id}/memberships/").status_code == 404
    # A member sees the members, and so the count.
    mine = client_for(world.new_leader).get(f"/api/networks/{extras.informal.id}/").json()
    assert (mine["member_count"], mine["member_count_suppressed"]) == (2, False)
    # An open network's count is never suppressed: its members are visible anyway.
    open_ = client.get(f"/api/networks/{extras.open_group.id}/").json()
    assert (open_["member_count"], open_["member_count_suppressed"]) == (2, False)


@pytest.mark.django_db
def test_open_network_members_visible_in_the_organisation(
    world: World, extras: Extras, client_for: ClientFor
) -> None:
    for persona in ("boss", "outsider", "mentor", "hr"):
        response = client_for(getattr(world, persona)).get(
            f"/api/networks/{extras.open_group.id}/memberships/"
        )
        assert response.status_code == 200
        assert {r["leader"]["full_name"] for r in response.json()["results"]} == {
            "Mette Kjær",
            "Søren Dahl",
        }
    other = client_for(world.other_organisation)
    assert other.get(f"/api/networks/{extras.open_group.id}/").status_code == 404
    assert other.get(f"/api/networks/{extras.open_group.id}/memberships/").status_code == 404


@pytest.mark.django_db
def test_informal_members_visible_to_members_only(
    world: World, extras: Extras, client_for: ClientFor
) -> None:
    url = f"/api/networks/{extras.informal.id}/memberships/"
    for persona in ("new_leader", "mentor"):
        response = client_for(getattr(world, persona)).get(url)
        assert {r["leader"]["full_name"] for r in response.json()["results"]} == {
            "Mette Kjær",
            "Jens Bak",
        }
    for persona in ("boss", "grand_boss", "outsider", "hr", "hr_scoped", "other_organisation"):
        client = client_for(getattr(world, persona))
        assert client.get(url).status_code == 404, persona
    for persona in ("boss", "grand_boss", "outsider", "other_organisation"):
        client = client_for(getattr(world, persona))
        assert client.get(f"/api/networks/{extras.informal.id}/").status_code == 404, persona


@pytest.mark.django_db
def test_a_boss_never_sees_a_reports_informal_ties(
    world: World, extras: Extras, client_for: ClientFor
) -> None:
    mette = world.new_leader.leader
    assert mette is not None
    url = f"/api/leaders/{mette.id}/memberships/"
    own = client_for(world.new_leader).get(url)
    assert {r["network"]["name"] for r in own.json()["results"]} == {
        extras.open_group.name,
        extras.informal.name,
    }
    for persona in ("boss", "grand_boss", "hr"):
        seen = client_for(getattr(world, persona)).get(url)
        assert seen.status_code == 200
        assert {r["network"]["name"] for r in seen.json()["results"]} == {extras.open_group.name}
        assert extras.informal.name not in seen.content.decode()


@pytest.mark.django_db
def test_members_only_network_hidden_from_non_members(
    world: World, extras: Extras, client_for: ClientFor
) -> None:
    url = f"/api/networks/{extras.members_only.id}/"
    assert client_for(world.mentor).get(url).status_code == 200
    assert client_for(world.new_leader).get(url).status_code == 404
    assert client_for(world.mentor).get(url + "memberships/").status_code == 200
    assert client_for(world.hr).get(url + "memberships/").status_code == 404


@pytest.mark.django_db
def test_network_filters(world: World, extras: Extras, client_for: ClientFor) -> None:
    client = client_for(world.hr)
    assert _names(client.get("/api/networks/", {"kind": "informal"})) == {extras.informal.name}
    assert _names(client.get("/api/networks/", {"q": "tryghed"})) == {extras.members_only.name}


@pytest.mark.django_db
def test_no_count_below_5_of_a_private_network_reaches_anyone_outside_it(
    world: World, extras: Extras, client_for: ClientFor
) -> None:
    """k >= 5 (issue 15): for every persona and every private network of 1 to 6 members, the
    list and the detail show the exact count only to members and from 5 up; ordering by the
    count, either way, puts the suppressed ones in the same order (by id), so it tells nothing
    the flag does not."""
    from backend.networks import models as nm
    from tests import factories as f

    sizes = {1: "Én", 3: "Tre", 4: "Fire", 5: "Fem", 6: "Seks"}
    networks = {}
    for size, name in sizes.items():
        network = nm.Network.objects.create(
            organisation=world.org,
            name=f"Lukket {name}",
            kind=nm.NetworkKind.LEADER_GROUP,
            visibility=nm.Network.Visibility.MEMBERS_ONLY,
        )
        for _ in range(size):
            nm.Membership.objects.create(
                network=network, leader=f.LeaderFactory(organisation=world.org, unit=None)
            )
        networks[network.id] = size
    for persona in ("hr", "hr_scoped", "new_leader", "boss", "mentor", "outsider"):
        user = getattr(world, persona)
        client = client_for(user)
        for ordering in ("member_count", "-member_count"):
            rows = client.get(f"/api/networks/?ordering={ordering}&page_size=500").json()
            suppressed_ids = []
            for row in rows["results"]:
                is_private = row["is_private"]
                member = nm.Membership.objects.filter(
                    network_id=row["id"], leader_id=user.leader_id
                ).exists()
                true_count = nm.Membership.objects.filter(network_id=row["id"]).count()
                if is_private and not member and true_count < 5:
                    assert (row["member_count"], row["member_count_suppressed"]) == (None, True)
                    suppressed_ids.append(row["id"])
                else:
                    assert (row["member_count"], row["member_count_suppressed"]) == (
                        true_count,
                        False,
                    ), (persona, row["name"])
            assert suppressed_ids == sorted(suppressed_ids), (persona, ordering)
