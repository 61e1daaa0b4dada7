"""Reminders and escalation: once per step and due date, to the right people, nothing private."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from backend.notifications.models import Notification
from onboarding.models import OnboardingSettings, PlanItem
from onboarding.reminders import reminders_send
from onboarding.services.items import plan_item_need_help, plan_item_reschedule
from onboarding.services.plans import plan_create_for_leader
from onboarding.tasks import reminders_send_task
from tests.conftest import CANARY, World

pytestmark = pytest.mark.django_db

START = dt.date(2026, 3, 2)


@pytest.fixture
def plan(templates, world: World):
    leader = world.new_leader.leader
    leader.role_start_date = START
    leader.save()
    return plan_create_for_leader(leader=leader)


def _only(plan, key: str) -> PlanItem:
    """Leave one open item (the rest done) so counts are about that item alone."""
    keep = plan.items.get(template_item__key=key)
    plan.items.exclude(id=keep.id).update(status="done")
    return keep


def _noon(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC)


def test_run_twice_one_reminder(plan, world: World):
    item = _only(plan, "ledestjernen")  # owned by Mette, due START + 21
    with time_machine.travel(_noon(item.due_date - dt.timedelta(days=2)), tick=False):
        reminders_send_task()
        reminders_send_task()
    sent = Notification.objects.filter(user=world.new_leader, kind="onboarding.due_soon")
    assert sent.count() == 1
    assert "Ledestjernen" in sent.get().subject


def test_owner_reminded_before_then_overdue_then_hr_flagged(plan, world: World):
    item = _only(plan, "forventning-30")  # owned by the boss, Peter
    due = item.due_date
    for day in (
        due - dt.timedelta(days=5),
        due - dt.timedelta(days=3),
        due,
        due + dt.timedelta(days=1),
        due + dt.timedelta(days=2),
        due + dt.timedelta(days=7),
        due + dt.timedelta(days=8),
    ):
        reminders_send(today=day)
    kinds = list(Notification.objects.order_by("id").values_list("user__username", "kind"))
    assert kinds == [
        ("peter", "onboarding.due_soon"),
        ("peter", "onboarding.overdue"),
        ("hr", "onboarding.escalated"),
    ]  # hr_scoped serves Social og Sundhed only: Mette is not theirs


def test_rescheduling_rearms_the_reminders(plan, world: World):
    item = _only(plan, "ledestjernen")
    reminders_send(today=item.due_date)
    plan_item_reschedule(
        item=item, actor=world.new_leader, due_date=item.due_date + dt.timedelta(days=30)
    )
    item.refresh_from_db()
    reminders_send(today=item.due_date)
    assert Notification.objects.filter(kind="onboarding.due_soon").count() == 2


def test_settings_are_per_organisation(plan, world: World):
    OnboardingSettings.objects.create(
        organisation=world.org, remind_days_before=10, overdue_reminder=False, escalate_after_days=2
    )
    item = _only(plan, "ledestjernen")
    reminders_send(today=item.due_date - dt.timedelta(days=9))
    reminders_send(today=item.due_date + dt.timedelta(days=2))
    kinds = sorted(Notification.objects.values_list("kind", flat=True))
    assert kinds == ["onboarding.due_soon", "onboarding.escalated"]


def test_consultant_items_remind_the_leader_and_fallbacks_remind_hr(plan, world: World):
    item = _only(plan, "oekonomi-konsulent")  # no finance consultant for Mette: HR fallback
    assert item.owner_fallback
    reminders_send(today=item.due_date)
    assert list(Notification.objects.values_list("user__username", flat=True)) == ["hr"]


def test_no_support_need_content_in_any_message(plan, world: World):
    item = _only(plan, "overfoersel")
    plan_item_need_help(item=item, actor=world.new_leader, weight=3)
    for offset in (-2, 1, 10):
        reminders_send(today=item.due_date + dt.timedelta(days=offset))
    messages = list(Notification.objects.values_list("subject", "body"))
    assert len(messages) == 3
    text = str(messages).lower()
    assert CANARY.lower() not in text and "help" not in text and "hjælp" not in text


def test_reminder_job_creates_plans_for_new_leaders(templates, world: World):
    assert not world.new_leader.leader.onboarding_plans.exists()
    report = reminders_send()
    assert report.plans_created >= 1
    assert world.new_leader.leader.onboarding_plans.count() == 1
    assert reminders_send().plans_created == 0


def test_a_matched_mentor_takes_over_fallback_items(plan, world: World, mentorship):
    item = plan.items.filter(owner_role="mentor").first()
    assert item.owner_fallback
    report = reminders_send(today=START)
    item.refresh_from_db()
    assert report.owners_changed >= 1
    assert item.owner_leader_id == world.mentor.leader_id and not item.owner_fallback
