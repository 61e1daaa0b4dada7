"""Progress is counted the same everywhere: the plan, the plan list and the dashboards.

Regression: the plan list applied the boss's rule (mentor items left out) to the leader's own
row, so a new leader saw 3/34 in the list and 3/36 on her plan.
"""

from __future__ import annotations

import pytest

from backend.people.models import SupportNeed
from onboarding.models import OwnerRole, PlanItem
from onboarding.services.items import plan_item_need_help, plan_item_status_set
from tests.conftest import World

pytestmark = pytest.mark.django_db


def _row(client, url: str, plan_id: int) -> dict:
    [row] = [r for r in client.get(url).json()["results"] if r["id"] == plan_id]
    return row["progress"]


def test_progress_agrees_on_the_plan_the_list_and_the_dashboards(client_for, world, mette_plan):
    items = list(mette_plan.items.order_by("due_date", "id"))
    for item in items[:3]:
        if item.depends_on_id is None:
            plan_item_status_set(item=item, actor=world.hr, status="done")
    mentor_item = mette_plan.items.filter(owner_role=OwnerRole.MENTOR).first()
    assert mentor_item is not None
    plan_item_status_set(item=mentor_item, actor=world.mentor, status="done")

    figures = {}
    for name, persona in (("self", world.new_leader), ("hr", world.hr), ("boss", world.boss)):
        client = client_for(persona)
        plan = client.get(f"/api/onboarding/plans/{mette_plan.id}/").json()
        figures[name] = plan["progress"]
        assert plan["progress"]["total"] == len(plan["items"]), name
        assert plan["progress"]["done"] == sum(i["status"] == "done" for i in plan["items"])
        assert _row(client, "/api/onboarding/plans/", mette_plan.id) == plan["progress"], name
        assert _row(client, "/api/onboarding/dashboard/", mette_plan.id) == plan["progress"], name

    # The leader and HR count the same items; the boss counts only what the boss sees (no
    # mentor items: a boss never learns a pairing exists).
    assert figures["self"] == figures["hr"]
    mentor_items = mette_plan.items.filter(owner_role=OwnerRole.MENTOR).count()
    assert figures["boss"]["total"] == figures["self"]["total"] - mentor_items
    assert figures["boss"]["done"] == figures["self"]["done"] - 1


def test_need_help_on_a_topic_with_a_need_raises_that_need(world: World, mette_plan):
    topic = world.roster
    SupportNeed.objects.filter(leader=world.new_leader.leader, topic=topic).delete()
    SupportNeed.objects.create(leader=world.new_leader.leader, topic=topic, weight=1)
    first, second = (
        PlanItem.objects.create(
            plan=mette_plan, title_da=f"Vagtplan {n}", topic=topic, owner_role="new_leader"
        )
        for n in (1, 2)
    )

    plan_item_need_help(item=first, actor=world.new_leader, weight=1)
    need = SupportNeed.objects.get(leader=world.new_leader.leader, topic=topic)
    assert need.weight == 2  # the stated need rose a step; no second need
    plan_item_need_help(item=first, actor=world.new_leader, weight=1)
    need.refresh_from_db()
    assert need.weight == 2  # asking again on the same item changes nothing
    plan_item_need_help(item=second, actor=world.new_leader, weight=1)
    plan_item_need_help(
        item=PlanItem.objects.create(
            plan=mette_plan, title_da="Vagtplan 3", topic=topic, owner_role="new_leader"
        ),
        actor=world.new_leader,
        weight=1,
    )
    assert SupportNeed.objects.filter(leader=world.new_leader.leader, topic=topic).count() == 1
    need.refresh_from_db()
    assert need.weight == SupportNeed.Weight.MUCH  # never above the top
