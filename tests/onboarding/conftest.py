"""Onboarding fixtures: the study's templates loaded into the persona municipality, a staff
directory, and a first-time leader of a 24-hour residential unit on three sites."""

from __future__ import annotations

import datetime as dt

import pytest

from backend.mentoring.models import Mentorship
from backend.people import models as m
from backend.people.services import staff_function_get_or_create
from onboarding.models import Template
from onboarding.services.templates import templates_load
from seed.onboarding_content import TEMPLATES
from tests import factories as f
from tests.conftest import World


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings) -> None:
    """Persona users get passwords; a fast hasher keeps the suite quick (not a security test)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def templates(world: World) -> list[Template]:
    """Every template of seed/onboarding_content.py, loaded into Testrup Kommune."""
    return templates_load(organisation=world.org, templates=TEMPLATES)


@pytest.fixture
def residential_leader(world: World) -> m.Leader:
    """Lise: first leader job, a 24-hour residential unit on 3 sites in Social og Sundhed."""
    department = f.DepartmentFactory(administration=world.social, name="Handicap og Psykiatri")
    boss = f.LeaderFactory(
        unit=f.UnitFactory(department=department, name="Center for Bostøtte", service_type="other"),
        first_name="Ole",
        last_name="Berg",
        role_title="Centerchef",
    )
    unit = f.UnitFactory(
        department=department,
        name="Bostedet Åløkke",
        service_type="residential",
        round_the_clock=True,
        sites=3,
        staff_count=45,
        is_specialist=False,
    )
    return f.LeaderFactory(
        unit=unit,
        boss=boss,
        first_name="Lise",
        last_name="Vang",
        role_title="Forstander",
        first_leader_job=True,
        years_as_leader=0,
        role_start_date=dt.date.today() - dt.timedelta(days=10),
    )


@pytest.fixture
def staff_directory(world: World, residential_leader: m.Leader) -> dict[str, m.StaffContact]:
    """Hanne Sørensen (finance) serves Lise's unit; Bo Lund (payroll) the whole administration."""
    finance = staff_function_get_or_create(organisation=world.org, kind="finance", name="Økonomi")
    payroll = staff_function_get_or_create(
        organisation=world.org, kind="payroll_hr_law", name="Løn og Personale"
    )
    hanne = f.StaffContactFactory(
        staff_function=finance,
        name="Hanne Sørensen",
        title="Økonomikonsulent",
        units=[residential_leader.unit],
    )
    other_finance = f.StaffContactFactory(
        staff_function=finance,
        name="Anders Ager",
        title="Økonomikonsulent",
        administrations=[world.social],
    )
    bo = f.StaffContactFactory(
        staff_function=payroll,
        name="Bo Lund",
        title="Lønkonsulent",
        administrations=[world.social],
    )
    return {"finance": hanne, "payroll_hr_law": bo, "other_finance": other_finance}


@pytest.fixture
def mentorship(world: World) -> Mentorship:
    """Jens (the mentor persona) mentors Mette, with a first meeting planned."""
    programme = f.ProgrammeFactory(
        organisation=world.org, name="Mentorforløb", starts_on=dt.date.today()
    )
    return f.MentorshipFactory(
        programme=programme,
        enrolment=f.EnrolmentFactory(
            programme=programme, leader=world.new_leader.leader, route="hr"
        ),
        offer=f.MentorOfferFactory(programme=programme, leader=world.mentor.leader, capacity=2),
        started_on=dt.date.today(),
        first_meeting_due=dt.date.today() + dt.timedelta(days=10),
    )


@pytest.fixture
def mette_plan(templates, world: World, mentorship):
    """Mette's plan, created after her mentor was matched."""
    from onboarding.services.plans import plan_create_for_leader

    return plan_create_for_leader(leader=world.new_leader.leader)
