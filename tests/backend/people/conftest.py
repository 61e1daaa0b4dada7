"""Fixtures for the people API tests."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from django.conf import LazySettings
from django.core.cache import cache

from backend.networks import models as nm
from backend.people import models as m
from tests import factories as f
from tests.conftest import World


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings: LazySettings) -> None:
    """Hash test passwords cheaply; the login tests hash a dozen times each."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _fresh_throttle() -> Iterator[None]:
    """Start every test with empty throttle counters (they live in the cache)."""
    cache.clear()
    yield
    cache.clear()


@dataclass
class Extras:
    """Networks and a staff directory on top of the persona municipality."""

    open_group: nm.Network
    informal: nm.Network
    members_only: nm.Network
    other_org_network: nm.Network
    finance: m.StaffFunction
    unit_contact: m.StaffContact
    administration_contact: m.StaffContact
    hr_law: m.StaffFunction
    hr_law_contact: m.StaffContact


@pytest.fixture
def extras(world: World) -> Extras:
    """Add networks of each visibility and a staff directory for Mette's unit.

    - ``open_group``: an open leader group with Mette and Søren (the outsider);
    - ``informal``: the informal lunch with Mette and Jens (the mentor);
    - ``members_only``: a members-only learning network with Jens only;
    - ``finance``: a unit-level consultant for Mette's unit and an administration-level one
      for Børn og Unge; ``hr_law``: an administration-level consultant only.
    """
    mette = world.new_leader.leader
    jens = world.mentor.leader
    soren = world.outsider.leader
    org = world.org
    open_group = f.NetworkFactory(organisation=org, name="Ledergruppe Dagtilbud Nord")
    informal = f.NetworkFactory(
        organisation=org,
        name="Frokost for skole- og dagtilbudsledere",
        kind=nm.NetworkKind.INFORMAL,
    )
    members_only = f.NetworkFactory(
        organisation=org,
        name="Læringsnetværk Psykologisk tryghed",
        kind=nm.NetworkKind.LEARNING_NETWORK,
        visibility=nm.Network.Visibility.MEMBERS_ONLY,
    )
    other_org_network = f.NetworkFactory(
        organisation=world.other_organisation.organisation, name="Andeby ledergruppe"
    )
    f.MembershipFactory(network=open_group, leader=mette)
    f.MembershipFactory(network=open_group, leader=soren)
    f.MembershipFactory(network=informal, leader=mette)
    f.MembershipFactory(network=informal, leader=jens)
    f.MembershipFactory(network=members_only, leader=jens)

    finance = f.StaffFunctionFactory(organisation=org, kind="finance", name="Økonomi")
    hr_law = f.StaffFunctionFactory(
        organisation=org, kind="payroll_hr_law", name="Løn og Personale"
    )
    administration_contact = f.StaffContactFactory(
        staff_function=finance,
        name="Anders Administrationsøkonom",
        administrations=[world.children],
    )
    unit_contact = f.StaffContactFactory(
        staff_function=finance, name="Zenia Enhedsøkonom", units=[mette.unit]
    )
    hr_law_contact = f.StaffContactFactory(
        staff_function=hr_law, name="Lise Personalejura", administrations=[world.children]
    )
    return Extras(
        open_group=open_group,
        informal=informal,
        members_only=members_only,
        other_org_network=other_org_network,
        finance=finance,
        unit_contact=unit_contact,
        administration_contact=administration_contact,
        hr_law=hr_law,
        hr_law_contact=hr_law_contact,
    )
