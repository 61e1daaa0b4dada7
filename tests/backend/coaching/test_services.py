"""The coaching services: who may do what, the rules HR's choice is held to, what is told."""

from __future__ import annotations

import pytest
from django.http import Http404

from backend.api.exceptions import Conflict, ServiceError
from backend.coaching.models import Coach, CoachRequest
from backend.coaching.services import (
    coach_create_as,
    coach_request_assign_as,
    coach_request_create_as,
    coach_update_as,
    coachee_finish_as,
)
from backend.notifications.models import Notification
from tests.backend.coaching.conftest import Pool
from tests.conftest import World

WORDS = "CANARY-service-3f1a: min chef og jeg er uenige"


def _ask(world: World, **kwargs: object) -> CoachRequest:
    return coach_request_create_as(
        actor=world.new_leader, text=WORDS, topics=[world.budget], **kwargs
    )


@pytest.mark.django_db
def test_hr_is_told_without_the_leaders_words(world: World, pool: Pool) -> None:
    _ask(world)
    told = Notification.objects.filter(kind="coaching.request")
    assert list(told.values_list("user__username", flat=True)) == ["hr"]
    assert all(WORDS not in n.subject + n.body for n in Notification.objects.all())


@pytest.mark.django_db
def test_hr_cannot_choose_a_paused_full_or_unwanted_coach(world: World, pool: Pool) -> None:
    request = _ask(world, preference="internal")
    with pytest.raises(ServiceError):  # external, but Mette asked for an internal coach
        coach_request_assign_as(actor=world.hr, request_id=request.id, coach_id=pool.external.id)
    coach_update_as(actor=world.hr, coach_id=pool.other_administration.id, status="paused")
    with pytest.raises(ServiceError):
        coach_request_assign_as(
            actor=world.hr, request_id=request.id, coach_id=pool.other_administration.id
        )
    coach_update_as(actor=world.hr, coach_id=pool.same_administration.id, capacity=0)
    with pytest.raises(ServiceError):
        coach_request_assign_as(
            actor=world.hr, request_id=request.id, coach_id=pool.same_administration.id
        )
    assert CoachRequest.objects.get(id=request.id).status == "open"


@pytest.mark.django_db
def test_an_approved_request_cannot_be_approved_twice(world: World, pool: Pool) -> None:
    request = _ask(world)
    coach_request_assign_as(actor=world.hr, request_id=request.id, coach_id=pool.external.id)
    with pytest.raises(Conflict):
        coach_request_assign_as(
            actor=world.hr, request_id=request.id, coach_id=pool.other_administration.id
        )


@pytest.mark.django_db
def test_only_the_assigned_coach_finishes(world: World, pool: Pool) -> None:
    request = _ask(world)
    coach_request_assign_as(
        actor=world.hr, request_id=request.id, coach_id=pool.other_administration.id
    )
    for other in (world.boss, world.grand_boss, world.outsider):
        with pytest.raises(Http404):
            coachee_finish_as(actor=other, request_id=request.id)
    assert coachee_finish_as(actor=world.mentor, request_id=request.id).status == "finished"


@pytest.mark.django_db
def test_the_pool_takes_a_leader_once_and_only_of_the_organisation(world: World) -> None:
    coach_create_as(actor=world.hr, kind=Coach.Kind.INTERNAL, leader=world.mentor.leader)
    with pytest.raises(Conflict):
        coach_create_as(actor=world.hr, kind=Coach.Kind.INTERNAL, leader=world.mentor.leader)
    with pytest.raises(ServiceError):
        coach_create_as(actor=world.hr, kind=Coach.Kind.EXTERNAL, name="Uden kontakt")
    with pytest.raises(Http404):  # HR of another organisation does not find the coach
        coach_update_as(
            actor=world.other_organisation,
            coach_id=Coach.objects.get().id,
            capacity=5,
        )
