"""People services added for the API, and the boss-cycle rule at the service level."""

from __future__ import annotations

from typing import Any

import pytest

from backend.api.exceptions import ServiceError
from backend.people import hooks
from backend.people.models import SupportNeed, Topic
from backend.people.services import (
    BossCycleError,
    leader_update,
    support_need_update,
    topic_create,
    topic_retire,
    topic_update,
    user_set_language,
)
from tests.conftest import CANARY, World


@pytest.mark.django_db
def test_boss_cycle_rejected_by_the_service(world: World) -> None:
    grand_boss = world.grand_boss.leader
    mette = world.new_leader.leader
    with pytest.raises(BossCycleError) as caught:
        leader_update(leader=grand_boss, boss=mette)
    assert caught.value.field == "boss"
    grand_boss.refresh_from_db()
    assert grand_boss.boss_id is None


@pytest.mark.django_db
def test_boss_cycle_message_carries_no_support_need_text(world: World) -> None:
    with pytest.raises(BossCycleError) as caught:
        leader_update(leader=world.boss.leader, boss=world.new_leader.leader)
    assert CANARY not in caught.value.message


@pytest.mark.django_db
def test_support_need_update_may_lower_the_weight(world: World) -> None:
    need = SupportNeed.objects.get(leader=world.new_leader.leader)
    support_need_update(need=need, weight=1, status=SupportNeed.Status.MET)
    need.refresh_from_db()
    assert (need.weight, need.status) == (1, "met")
    assert CANARY in need.note  # untouched when not given


@pytest.mark.django_db
def test_topic_create_update_retire(world: World) -> None:
    topic = topic_create(
        organisation=world.org, slug="volunteers", label_da="Frivillige", label_en="Volunteers"
    )
    assert topic.order > world.roster.order
    with pytest.raises(ServiceError) as caught:
        topic_create(organisation=world.org, slug="volunteers", label_da="x", label_en="x")
    assert caught.value.field == "slug"
    topic_update(topic=topic, label_en="Volunteering")
    with pytest.raises(ServiceError):
        topic_update(topic=topic, slug="other")
    topic_retire(topic=topic)
    assert Topic.objects.get(id=topic.id).active is False


@pytest.mark.django_db
def test_user_set_language(world: World) -> None:
    user_set_language(user=world.hr, language="en")
    world.hr.refresh_from_db()
    assert world.hr.language == "en"
    with pytest.raises(ServiceError):
        user_set_language(user=world.hr, language="de")


@pytest.mark.django_db
def test_record_access_reaches_registered_receivers_once(world: World) -> None:
    calls: list[dict[str, Any]] = []

    def receiver(**kwargs: Any) -> None:
        calls.append(kwargs)

    hooks.access_recorder_register(receiver)
    hooks.access_recorder_register(receiver)  # idempotent
    try:
        hooks.record_access(
            actor=world.hr,
            subject_leader=world.new_leader.leader,
            purpose="matching",
            what="support_needs",
        )
    finally:
        hooks.access_recorder_unregister(receiver)
    hooks.record_access(
        actor=world.hr,
        subject_leader=world.new_leader.leader,
        purpose="matching",
        what="support_needs",
    )
    assert len(calls) == 1
    assert calls[0]["what"] == "support_needs"


@pytest.mark.django_db
def test_record_access_many_calls_bulk_receivers_once(world: World) -> None:
    bulk_calls: list[dict[str, Any]] = []

    def bulk(**kwargs: Any) -> None:
        bulk_calls.append(kwargs)

    leaders = [world.new_leader.leader, world.mentor.leader]
    hooks.access_bulk_recorder_register(bulk)
    try:
        hooks.record_access_many(
            actor=world.hr, subject_leaders=leaders, purpose="matching", what="support_needs"
        )
        hooks.record_access_many(
            actor=world.hr, subject_leaders=[], purpose="matching", what="support_needs"
        )
    finally:
        hooks.access_bulk_recorder_unregister(bulk)
    assert len(bulk_calls) == 1
    assert bulk_calls[0]["subject_leaders"] == leaders
