"""Fixtures of the networks tests: peers and private networks around the persona world, the demo."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from django.utils import timezone

from backend.networks import models as nm
from backend.networks.graph import graph_cache_clear
from backend.people import models as m
from tests import factories as f
from tests.conftest import World
from tests.stack import celery_worker, celery_worker_factory  # noqa: F401  (fixtures)


@pytest.fixture(autouse=True)
def _fresh_graph_cache() -> Iterator[None]:
    """Each test starts with an empty graph cache (ids are reused after a rollback)."""
    graph_cache_clear()
    yield
    graph_cache_clear()


@dataclass
class Peers:
    """Specialist leaders around the persona world, and a private network."""

    nutrition: m.Leader  # the asker: a nutrition unit in Social og Sundhed (discoverable)
    treatment: m.Leader  # specialist, other department of Social og Sundhed
    ppr: m.Leader  # specialist in Børn og Unge
    cafe: m.Leader  # specialist in Børn og Unge, not discoverable
    connected: m.Leader  # specialist in Børn og Unge, shares a network with nutrition
    lunch_club: nm.Network  # informal network: mentor, outsider, and three more


@pytest.fixture
def peers(world: World) -> Peers:
    """Add five specialist leaders and an informal network of five to the persona world."""
    social_elderly = m.Department.objects.get(name="Ældre og Sundhed", organisation=world.org)
    social_other = f.DepartmentFactory(administration=world.social, name="Handicap og Psykiatri")
    children_special = f.DepartmentFactory(administration=world.children, name="Specialområdet")

    def specialist(dept: m.Department, service: str, target: str, **kw: object) -> m.Leader:
        unit = f.UnitFactory(
            department=dept,
            service_type=service,
            is_specialist=True,
            target_group=target,
            staff_count=25,
        )
        return f.LeaderFactory(unit=unit, discoverable=kw.pop("discoverable", True), **kw)

    nutrition = specialist(
        social_elderly, "nutrition", "ældre med behov for kostvejledning", first_name="Lone"
    )
    treatment = specialist(social_other, "treatment", "voksne med rusmiddelproblemer")
    ppr = specialist(children_special, "ppr", "børn og unge med særlige behov")
    cafe = specialist(children_special, "social_cafe", "unge med særlige behov", discoverable=False)
    connected = specialist(children_special, "family", "familier med særlige behov")
    group = f.NetworkFactory(
        organisation=world.org, name="Specialnetværket", kind=nm.NetworkKind.LEARNING_NETWORK
    )
    f.MembershipFactory(network=group, leader=nutrition)
    f.MembershipFactory(network=group, leader=connected)
    club = f.NetworkFactory(
        organisation=world.org,
        name="Frokostklubben",
        kind=nm.NetworkKind.INFORMAL,
        visibility=nm.Network.Visibility.MEMBERS_ONLY,
        welcomes_newcomers=True,
    )
    for leader in (world.mentor.leader, world.outsider.leader, treatment, ppr, connected):
        f.MembershipFactory(network=club, leader=leader)
    return Peers(nutrition, treatment, ppr, cafe, connected, club)


@pytest.fixture
def nutrition_user(peers: Peers) -> m.User:
    """A login for the nutrition-unit leader."""
    return login_for(peers.nutrition, "lone")


def login_for(leader: m.Leader, username: str) -> m.User:
    """Create a saved leader login (saved again so the session hash matches the password)."""
    user = f.UserFactory(username=username, organisation=leader.organisation, leader=leader)
    user.save()
    return user


@pytest.fixture
def demo(db: None) -> m.Organisation:
    """The demo municipality (seed_demo's people step and the networks step), seed 42."""
    from seed.demo import demo_run

    return demo_run(
        seed=42,
        today=timezone.localdate(),
        steps=("seed.demo.seed_people", "seed.networks.seed_networks"),
    ).organisation
