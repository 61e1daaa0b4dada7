"""A generated organisation full of the leader graph's edge cases, for comparing tie readers.

Departments just under, at and over ``CLIQUE_LIMIT`` active leaders, units shared by several
leaders, leaders without a unit, inactive leaders and bosses, a boss in another organisation,
networks of every kind and visibility (some inactive, some around the clique limit, with
inactive members and a member from another organisation), and active and past mentorships.
"""

from __future__ import annotations

import random

from backend.mentoring.models import Mentorship
from backend.networks import models as nm
from backend.networks.graph import CLIQUE_LIMIT
from backend.people import models as m
from tests import factories as f


def _leaders(org: m.Organisation, rng: random.Random) -> list[m.Leader]:
    """Leaders by department: (active, inactive) around the clique limit, a few without a unit;
    some units are led by two or three leaders."""
    administration = f.AdministrationFactory(organisation=org)
    sizes = [(CLIQUE_LIMIT, 3), (CLIQUE_LIMIT + 1, 0), (CLIQUE_LIMIT - 1, 4), (20, 2), (6, 6)]
    leaders: list[m.Leader] = []
    for d, (active, inactive) in enumerate(sizes):
        department = f.DepartmentFactory(administration=administration, organisation=org)
        units = m.Unit.objects.bulk_create(
            [
                m.Unit(organisation=org, department=department, code=f"T{d}-{k}", name=f"E{k}")
                for k in range(active + inactive)
            ]
        )
        for k in range(active + inactive):
            leaders.append(
                m.Leader(
                    organisation=org,
                    employee_number=f"T{d}-{k}",
                    first_name="Leder",
                    last_name=f"{d}-{k}",
                    role_title="Leder",
                    unit=rng.choice(units) if rng.random() < 0.15 else units[k],
                    active=k < active,
                    years_as_leader=rng.randint(0, 20),
                )
            )
    leaders += [
        m.Leader(organisation=org, employee_number=f"U{k}", first_name="Uden", last_name=str(k))
        for k in range(5)
    ]
    rng.shuffle(leaders)
    leaders = m.Leader.objects.bulk_create(leaders)
    for k, leader in enumerate(leaders[1:], start=1):
        if rng.random() < 0.9:
            leader.boss = leaders[rng.randrange(k)]
    # A boss outside the organisation is no tie (the graph's nodes are its own leaders).
    leaders[-1].boss = f.LeaderFactory()
    m.Leader.objects.bulk_update(leaders, ["boss"])
    return leaders


def _network(
    org: m.Organisation, members: list[m.Leader], kind: str, visibility: str, active: bool = True
) -> None:
    network = nm.Network.objects.create(
        organisation=org, name=f"Netværk {kind}", kind=kind, visibility=visibility, active=active
    )
    nm.Membership.objects.bulk_create(
        [nm.Membership(network=network, leader=leader) for leader in members]
    )


def _networks(org: m.Organisation, rng: random.Random, leaders: list[m.Leader]) -> None:
    """Networks at the clique limit (counting active members), private ones, inactive ones,
    one with another organisation's leader, and random ones."""
    active = [x for x in leaders if x.active]
    inactive = [x for x in leaders if not x.active]
    open_, members_only = nm.Network.Visibility.OPEN, nm.Network.Visibility.MEMBERS_ONLY
    group, informal = nm.NetworkKind.LEADER_GROUP, nm.NetworkKind.INFORMAL
    at_limit = rng.sample(active, CLIQUE_LIMIT) + inactive[:3]
    _network(org, at_limit, group, open_)
    _network(org, rng.sample(active, CLIQUE_LIMIT + 1), nm.NetworkKind.LEARNING_NETWORK, open_)
    _network(org, rng.sample(active, 8), informal, open_)
    _network(org, rng.sample(active, 8), group, members_only)
    _network(org, rng.sample(active, 8), group, open_, active=False)
    _network(org, [*rng.sample(active, 4), f.LeaderFactory()], nm.NetworkKind.EXTERNAL, open_)
    for _k in range(12):
        _network(
            org,
            rng.sample(leaders, rng.choice([2, 5, 12, 30])),
            rng.choice(nm.NetworkKind.values),
            rng.choice(nm.Network.Visibility.values),
            active=rng.random() > 0.15,
        )


def _mentorships(org: m.Organisation, rng: random.Random, leaders: list[m.Leader]) -> None:
    statuses = list(Mentorship.Status.values)
    for k in range(8):
        mentee, mentor = rng.sample(leaders, 2)
        programme = f.ProgrammeFactory(organisation=org, name=f"Forløb {k}")
        f.MentorshipFactory(
            programme=programme,
            enrolment=f.EnrolmentFactory(programme=programme, leader=mentee),
            offer=f.MentorOfferFactory(programme=programme, leader=mentor),
            status=statuses[k % len(statuses)],
        )


def tie_world(seed: int) -> m.Organisation:
    """Create the organisation (about 230 leaders) with ``random.Random(seed)``."""
    rng = random.Random(seed)
    org = f.OrganisationFactory()
    leaders = _leaders(org, rng)
    _networks(org, rng, leaders)
    _mentorships(org, rng, leaders)
    return org
