"""Personal plans: add, drop, reschedule, status, dependencies, not applicable, need help."""

from __future__ import annotations

import datetime as dt

import pytest

from backend.api.exceptions import ServiceError
from backend.people.models import SupportNeed
from onboarding.models import PlanItem, PlanItemEvent
from onboarding.selectors import Viewer, plan_items_for, plan_progress
from onboarding.services.items import (
    plan_item_add,
    plan_item_drop,
    plan_item_need_help,
    plan_item_reschedule,
    plan_item_status_set,
)
from onboarding.services.plans import plan_create_for_leader
from tests.conftest import World

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(templates, world: World):
    return plan_create_for_leader(leader=world.new_leader.leader)


def _item(plan, key: str) -> PlanItem:
    return plan.items.get(template_item__key=key)


def test_done_is_refused_before_the_item_it_depends_on(plan, world: World):
    meet = _item(plan, "oekonomi-konsulent")
    budget = _item(plan, "oekonomisystem")

    with pytest.raises(ServiceError) as refused:
        plan_item_status_set(item=budget, actor=world.new_leader, status="done")
    assert refused.value.field == "status" and refused.value.code == "blocked"

    plan_item_status_set(item=meet, actor=world.new_leader, status="done")
    done = plan_item_status_set(item=budget, actor=world.new_leader, status="done")
    assert done.status == "done" and done.completed_by == world.new_leader
    assert done.completed_at is not None


def test_not_applicable_needs_a_reason_and_unblocks_dependants(plan, world: World):
    meet = _item(plan, "oekonomi-konsulent")
    with pytest.raises(ServiceError):
        plan_item_status_set(item=meet, actor=world.hr, status="not_applicable")
    plan_item_status_set(
        item=meet,
        actor=world.hr,
        status="not_applicable",
        reason="Har mødt konsulenten i sit tidligere job",
    )
    meet.refresh_from_db()
    assert meet.not_applicable_reason.startswith("Har mødt")
    assert (
        plan_item_status_set(
            item=_item(plan, "oekonomisystem"), actor=world.new_leader, status="done"
        ).status
        == "done"
    )


def test_reschedule_and_drop_are_kept_in_the_history(plan, world: World):
    item = _item(plan, "ledestjernen")
    new_date = item.due_date + dt.timedelta(days=14)
    plan_item_reschedule(item=item, actor=world.boss, due_date=new_date, reason="Ferie")
    plan_item_drop(item=_item(plan, "frivillige"), actor=world.new_leader, reason="Ingen")

    item.refresh_from_db()
    assert item.due_date == new_date
    kinds = list(
        PlanItemEvent.objects.filter(item__plan=plan)
        .exclude(kind="created")
        .values_list("kind", "actor__username")
    )
    assert ("rescheduled", "peter") in kinds and ("dropped", "mette") in kinds
    visible = {i.title_da for i in plan_items_for(plan=plan, viewer=Viewer.SELF)}
    assert "Frivillige: rammer og tavshedspligt" not in visible


def test_added_item_gets_an_owner_and_counts_in_progress(plan, world: World):
    before = plan_progress(plan=plan, viewer=Viewer.SELF)
    item = plan_item_add(
        plan=plan,
        actor=world.boss,
        title_da="Besøg Plejecenter Egely",
        due_date=dt.date.today() + dt.timedelta(days=5),
        owner_role="boss",
    )
    assert item.personal and item.owner_leader_id == world.boss.leader_id
    after = plan_progress(plan=plan, viewer=Viewer.SELF)
    assert after.total == before.total + 1
    assert PlanItemEvent.objects.filter(item=item, kind="added").exists()


def test_progress_counts_done_over_applicable_and_overdue(plan, world: World):
    items = plan_items_for(plan=plan, viewer=Viewer.SELF)
    today = dt.date.today()
    overdue = [i for i in items if i.due_date < today]
    assert overdue  # Mette started 20 days ago: the pre-start items are late
    plan_item_status_set(item=overdue[0], actor=world.new_leader, status="done")
    plan_item_status_set(item=items[-1], actor=world.hr, status="not_applicable", reason="x")
    progress = plan_progress(plan=plan, viewer=Viewer.SELF)
    assert progress.done == 1
    assert progress.total == len(items) - 1
    assert progress.overdue == len(overdue) - 1
    assert progress.next_due is not None and progress.next_due >= today


def test_need_help_raises_the_leaders_private_support_need(plan, world: World):
    roster_item = plan_item_add(
        plan=plan, actor=world.hr, title_da="Vagtplan", topic=world.roster, due_date=dt.date.today()
    )
    plan_item_need_help(item=roster_item, actor=world.new_leader, weight=3)

    need = SupportNeed.objects.get(leader=world.new_leader.leader, topic=world.roster)
    assert need.weight == 3 and need.source == SupportNeed.Source.ONBOARDING
    assert need.status == SupportNeed.Status.OPEN
    roster_item.refresh_from_db()
    assert roster_item.need_help


def test_need_help_never_lowers_an_existing_need(plan, world: World):
    budget_item = _item(plan, "overfoersel")  # Mette already needs budget help, weight 3
    plan_item_need_help(item=budget_item, actor=world.new_leader, weight=1)
    need = SupportNeed.objects.get(leader=world.new_leader.leader, topic=world.budget)
    assert need.weight == 3


def test_need_help_without_a_topic_is_a_field_error(plan, world: World):
    with pytest.raises(ServiceError) as refused:
        plan_item_need_help(item=_item(plan, "velkomst"), actor=world.new_leader)
    assert refused.value.field == "topic"


def test_the_plan_completes_when_nothing_is_open(plan, world: World):
    for item in plan.items.order_by("id"):
        plan_item_status_set(item=item, actor=world.hr, status="not_applicable", reason="test")
    plan.refresh_from_db()
    assert plan.status == "completed"


def test_need_help_reaches_the_matchers_problem(plan, world: World):
    """The support need raised on an item is in the needs the matcher is given."""
    from backend.mentoring.models import Enrolment, MentorOffer, Programme
    from backend.mentoring.problem import problem_for_programme

    item = plan.items.filter(topic__slug="sick_leave").first()
    plan_item_need_help(item=item, actor=world.new_leader, weight=2)
    programme = Programme.objects.create(
        organisation=world.org, name="Mentorforløb", starts_on=dt.date.today()
    )
    Enrolment.objects.create(programme=programme, leader=world.new_leader.leader, route="hr")
    MentorOffer.objects.create(programme=programme, leader=world.mentor.leader, capacity=1)

    built = problem_for_programme(programme=programme)
    [mentee] = [m for m in built.problem.mentees if m.id == str(world.new_leader.leader_id)]
    assert mentee.needs["sick_leave"] == pytest.approx(2 / 3)
