"""The demo step: templates from the study and plans at different stages."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from backend.people.models import SupportNeed
from onboarding.models import Plan, PlanItem, Template
from seed.onboarding import seed_onboarding
from tests import factories as f
from tests.conftest import World

pytestmark = pytest.mark.django_db


def test_seed_gives_new_leaders_plans_at_different_stages(world: World):
    today = dt.date.today()
    for days in (3, 30, 60, 100):
        f.LeaderFactory(
            unit=f.UnitFactory(department=f.DepartmentFactory(administration=world.social)),
            role_start_date=today - dt.timedelta(days=days),
            first_leader_job=True,
        )
    seed_onboarding(organisation=world.org, rng=random.Random(42), today=today)

    assert Template.objects.filter(organisation=world.org).count() >= 4
    plans = Plan.objects.filter(organisation=world.org)
    assert plans.count() == 5  # Mette (20 days) and the four above; not the old hands
    statuses = set(PlanItem.objects.filter(plan__in=plans).values_list("status", flat=True))
    assert {"todo", "done"} <= statuses
    overdue = PlanItem.objects.filter(
        plan__in=plans, status__in=["todo", "in_progress"], due_date__lt=today
    )
    assert overdue.exists()
    assert PlanItem.objects.filter(plan__in=plans, need_help=True).count() == 1
    assert SupportNeed.objects.filter(source="onboarding").count() == 1

    # Rerunnable: nothing new the second time.
    before = PlanItem.objects.count()
    seed_onboarding(organisation=world.org, rng=random.Random(42), today=today)
    assert PlanItem.objects.count() == before and plans.count() == 5
