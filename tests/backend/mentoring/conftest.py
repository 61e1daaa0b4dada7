"""Fixtures for the mentoring tests: a programme in the persona municipality."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from backend.mentoring.models import Enrolment, MentorOffer, Programme
from backend.mentoring.services.programmes import (
    enrolment_create,
    mentor_offer_upsert,
    programme_create,
)
from backend.people import models as m
from tests import factories as f
from tests.stack import celery_worker, celery_worker_factory  # noqa: F401  (fixtures)


@dataclass
class Setup:
    """A programme with Mette and two more new leaders enrolled and three mentors offering."""

    programme: Programme
    mette: Enrolment
    mentees: list[Enrolment]
    jens: MentorOffer  # the persona mentor, Social og Sundhed, budget expert
    offers: list[MentorOffer]
    culture: m.Administration


@pytest.fixture
def setup(world) -> Setup:
    """Mette (Børn og Unge) + 2 new leaders; mentors Jens (Social), Søren (Børn og Unge), Ida."""
    culture = f.AdministrationFactory(organisation=world.org, name="Kultur og Teknik")
    culture_dept = f.DepartmentFactory(administration=culture, name="Kultur")
    social_dept = m.Department.objects.get(administration=world.social)
    programme = programme_create(
        organisation=world.org,
        created_by=world.hr,
        name="Mentorforløb 2025",
        starts_on=dt.date(2025, 1, 1),
        proposal_expiry_days=7,
    )
    mette = enrolment_create(programme=programme, leader=world.new_leader.leader)
    others = []
    for name, dept in (("Anne", culture_dept), ("Lars", social_dept)):
        leader = f.LeaderFactory(
            unit=f.UnitFactory(department=dept),
            first_name=name,
            first_leader_job=True,
            years_as_leader=0,
        )
        f.SupportNeedFactory(leader=leader, topic=world.roster, weight=2)
        others.append(enrolment_create(programme=programme, leader=leader))
    jens = mentor_offer_upsert(programme=programme, leader=world.mentor.leader, capacity=1)
    soren = mentor_offer_upsert(programme=programme, leader=world.outsider.leader, capacity=2)
    ida_leader = f.LeaderFactory(
        unit=f.UnitFactory(department=culture_dept),
        first_name="Ida",
        last_name="Vang",
        years_as_leader=10,
    )
    f.CompetencyFactory(leader=ida_leader, topic=world.roster, level=3)
    f.CompetencyFactory(leader=ida_leader, topic=world.budget, level=2)
    f.UserFactory(username="ida", organisation=world.org, leader=ida_leader)
    ida = mentor_offer_upsert(programme=programme, leader=ida_leader, capacity=2)
    return Setup(
        programme=programme,
        mette=mette,
        mentees=[mette, *others],
        jens=jens,
        offers=[jens, soren, ida],
        culture=culture,
    )


@pytest.fixture(autouse=True)
def _fast_passwords(settings) -> None:
    """The personas' passwords need no real hashing in these tests."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
