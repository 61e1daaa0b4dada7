"""A leader who starts a new role gets a plan without anyone asking (people → onboarding hook)."""

import datetime as dt

import pytest
from django.utils import timezone

from backend.people import services as people
from onboarding.models import Plan
from tests.conftest import World


@pytest.mark.django_db
def test_a_new_leader_gets_a_plan_once_the_creation_commits(
    world: World, templates, django_capture_on_commit_callbacks
) -> None:
    unit = world.outsider.leader.unit
    with django_capture_on_commit_callbacks(execute=True):
        leader = people.leader_create(
            organisation=world.org,
            employee_number="900001",
            first_name="Signe",
            last_name="Holm",
            role_title="Skoleleder",
            unit=unit,
            boss=world.boss.leader,
            role_start_date=timezone.localdate() - dt.timedelta(days=3),
            first_leader_job=True,
        )
    plan = Plan.objects.get(leader=leader)
    assert plan.items.exists()


@pytest.mark.django_db
def test_importing_a_long_serving_leader_creates_no_plan(
    world: World, templates, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        leader = people.leader_create(
            organisation=world.org,
            employee_number="900002",
            first_name="Ole",
            last_name="Berg",
            role_title="Skoleleder",
            unit=world.outsider.leader.unit,
            role_start_date=dt.date(2012, 8, 1),
        )
    assert not Plan.objects.filter(leader=leader).exists()


@pytest.mark.django_db
def test_a_promotion_later_creates_the_plan_for_the_new_role(
    world: World, templates, django_capture_on_commit_callbacks
) -> None:
    soren = world.outsider.leader
    assert not Plan.objects.filter(leader=soren).exists()
    with django_capture_on_commit_callbacks(execute=True):
        people.leader_update(
            leader=soren, role_start_date=timezone.localdate(), role_title="Skolechef"
        )
    assert Plan.objects.filter(leader=soren, role_start_date=timezone.localdate()).count() == 1
