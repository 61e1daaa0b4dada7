"""Shared fixtures: persona users in a small municipality, and API clients logged in as them.

The personas (brief, "Who uses it"):

- ``hr``: HR development of Testrup Kommune, the whole organisation.
- ``hr_scoped``: HR limited to Social og Sundhed.
- ``new_leader``: Mette, a first-time day-care leader in Børn og Unge, with a private support
  need whose note holds ``CANARY``.
- ``boss``: Mette's boss (Dagtilbudschef); ``grand_boss``: the boss's boss (Områdechef).
- ``mentor``: an experienced care-home leader in Social og Sundhed.
- ``outsider``: a school leader in Børn og Unge with no relation to Mette.
- ``other_organisation``: HR of another municipality.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from rest_framework.test import APIClient

from backend.people import models as m
from tests import factories as f

CANARY = "CANARY-7f3e-støtte-hemmelig"


@dataclass
class World:
    """The persona municipality, for tests that need more than one persona."""

    org: m.Organisation
    children: m.Administration
    social: m.Administration
    hr: m.User
    hr_scoped: m.User
    grand_boss: m.User
    boss: m.User
    new_leader: m.User
    mentor: m.User
    outsider: m.User
    other_organisation: m.User
    budget: m.Topic
    roster: m.Topic


def _user(username: str, org: m.Organisation, *, role: str, leader: m.Leader | None) -> m.User:
    return f.UserFactory(username=username, organisation=org, role=role, leader=leader)


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings: Any) -> None:
    """Hash test passwords cheaply (production keeps Django's PBKDF2 default)."""
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.MD5PasswordHasher",
        # Module-scoped fixtures (the seeded demo) hash before this fixture applies.
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ]


@pytest.fixture(autouse=True)
def _celery_mode(request: pytest.FixtureRequest) -> object:
    """Run Celery tasks in-process, except in ``stack`` tests, which use a real worker."""
    from backend.celery import app

    previous = app.conf.task_always_eager
    app.conf.task_always_eager = request.node.get_closest_marker("stack") is None
    yield
    app.conf.task_always_eager = previous


@pytest.fixture
def world(db: None) -> World:
    """Build the persona municipality (about 20 rows)."""
    org = f.OrganisationFactory(name="Testrup Kommune", slug="testrup")
    children = f.AdministrationFactory(organisation=org, name="Børn og Unge")
    social = f.AdministrationFactory(organisation=org, name="Social og Sundhed")
    daycare_dept = f.DepartmentFactory(administration=children, name="Dagtilbud")
    school_dept = f.DepartmentFactory(administration=children, name="Skole")
    elderly_dept = f.DepartmentFactory(administration=social, name="Ældre og Sundhed")
    budget = f.TopicFactory(
        organisation=org,
        slug="budget",
        label_da="Budget og økonomisystem",
        label_en="Budget and finance system",
    )
    roster = f.TopicFactory(
        organisation=org,
        slug="roster",
        label_da="Vagtplan og arbejdstid",
        label_en="Roster and working-time rules",
    )

    grand_boss_leader = f.LeaderFactory(
        unit=f.UnitFactory(department=daycare_dept, name="Område Nord", service_type="other"),
        first_name="Karen",
        last_name="Lund",
        role_title="Områdechef",
        years_as_leader=15,
    )
    boss_leader = f.LeaderFactory(
        unit=f.UnitFactory(department=daycare_dept, name="Dagtilbud Nord", service_type="other"),
        boss=grand_boss_leader,
        first_name="Peter",
        last_name="Holm",
        role_title="Dagtilbudschef",
        years_as_leader=9,
    )
    new_leader_leader = f.LeaderFactory(
        unit=f.UnitFactory(department=daycare_dept, name="Børnehuset Mælkebøtten"),
        boss=boss_leader,
        first_name="Mette",
        last_name="Kjær",
        role_title="Dagtilbudsleder",
        first_leader_job=True,
        years_as_leader=0,
        role_start_date=dt.date.today() - dt.timedelta(days=20),
    )
    f.SupportNeedFactory(
        leader=new_leader_leader,
        topic=budget,
        weight=3,
        note=f"Jeg er bange for budgettet {CANARY}",
    )
    mentor_leader = f.LeaderFactory(
        unit=f.UnitFactory(
            department=elderly_dept,
            name="Plejecenter Egely",
            service_type="care_home",
            round_the_clock=True,
            sites=2,
            staff_count=80,
        ),
        first_name="Jens",
        last_name="Bak",
        role_title="Centerleder",
        years_as_leader=12,
        leadership_education="diploma",
    )
    f.CompetencyFactory(leader=mentor_leader, topic=budget, level=3)
    outsider_leader = f.LeaderFactory(
        unit=f.UnitFactory(department=school_dept, name="Vestre Skole", service_type="school"),
        first_name="Søren",
        last_name="Dahl",
        role_title="Skoleleder",
        years_as_leader=7,
    )
    other_org = f.OrganisationFactory(name="Andeby Kommune", slug="andeby")

    hr_scoped = f.UserFactory(
        username="hr_social", organisation=org, role=m.User.Role.HR, hr_administrations=[social]
    )
    return World(
        org=org,
        children=children,
        social=social,
        hr=_user("hr", org, role=m.User.Role.HR, leader=None),
        hr_scoped=hr_scoped,
        grand_boss=_user("karen", org, role=m.User.Role.LEADER, leader=grand_boss_leader),
        boss=_user("peter", org, role=m.User.Role.LEADER, leader=boss_leader),
        new_leader=_user("mette", org, role=m.User.Role.LEADER, leader=new_leader_leader),
        mentor=_user("jens", org, role=m.User.Role.LEADER, leader=mentor_leader),
        outsider=_user("soren", org, role=m.User.Role.LEADER, leader=outsider_leader),
        other_organisation=_user("hr_andeby", other_org, role=m.User.Role.HR, leader=None),
        budget=budget,
        roster=roster,
    )


@pytest.fixture
def hr(world: World) -> m.User:
    return world.hr


@pytest.fixture
def hr_scoped(world: World) -> m.User:
    return world.hr_scoped


@pytest.fixture
def new_leader(world: World) -> m.User:
    return world.new_leader


@pytest.fixture
def boss(world: World) -> m.User:
    return world.boss


@pytest.fixture
def grand_boss(world: World) -> m.User:
    return world.grand_boss


@pytest.fixture
def mentor(world: World) -> m.User:
    return world.mentor


@pytest.fixture
def outsider(world: World) -> m.User:
    return world.outsider


@pytest.fixture
def other_organisation(world: World) -> m.User:
    return world.other_organisation


@pytest.fixture
def client_for() -> Callable[[m.User | None], APIClient]:
    """Return a factory of API clients logged in (session) as a given user, or anonymous."""

    def make(user: m.User | None) -> APIClient:
        client = APIClient()
        if user is not None:
            # Save the hash the object holds, so the session's hash check matches the database
            # even for users whose password was set in memory only.
            user.save(update_fields=["password"])
            client.force_login(user)
        return client

    return make
