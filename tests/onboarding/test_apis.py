"""The onboarding API per role: the leader, HR (scoped or not), the boss line, the mentor,
outsiders and other organisations."""

from __future__ import annotations

import datetime as dt

import pytest

from backend.people.models import SupportNeed
from onboarding.models import OwnerRole, PlanItem
from onboarding.services.items import plan_item_need_help
from onboarding.services.plans import plan_create_for_leader
from tests.conftest import CANARY, World

pytestmark = pytest.mark.django_db


def _item(plan, key: str) -> PlanItem:
    return plan.items.get(template_item__key=key)


def _help_on_budget(plan, world: World) -> PlanItem:
    item = _item(plan, "overfoersel")
    plan_item_need_help(item=item, actor=world.new_leader, weight=3)
    return item


def test_leader_sees_own_plan_with_help_flags_and_mentor_items(client_for, world, mette_plan):
    item = _help_on_budget(mette_plan, world)
    response = client_for(world.new_leader).get(f"/api/onboarding/plans/{mette_plan.id}/")
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["viewer"] == "self"
    by_id = {i["id"]: i for i in body["items"]}
    assert by_id[item.id]["need_help"] is True
    mentor_items = [i for i in body["items"] if i["owner_role"] == "mentor"]
    assert mentor_items and mentor_items[0]["owner_name"] == "Jens Bak"
    assert body["progress"]["total"] == len(body["items"])


def test_boss_sees_progress_but_no_help_requests_and_no_pairing(client_for, world, mette_plan):
    item = _help_on_budget(mette_plan, world)
    for persona in (world.boss, world.grand_boss):
        client = client_for(persona)
        body = client.get(f"/api/onboarding/plans/{mette_plan.id}/").json()
        assert body["viewer"] == "boss"
        text = str(body)
        assert "need_help" not in text
        assert "Jens Bak" not in text and "mentor" not in {i["owner_role"] for i in body["items"]}
        assert CANARY not in text
        history = client.get(f"/api/onboarding/items/{item.id}/history/").json()
        assert "need_help" not in {e["kind"] for e in history}
        # "I need help" is the leader's alone: not found for the boss.
        assert client.post(f"/api/onboarding/items/{item.id}/need-help/").status_code == 404
        mentor_item = mette_plan.items.filter(owner_role=OwnerRole.MENTOR).first()
        assert client.get(f"/api/onboarding/items/{mentor_item.id}/history/").status_code == 404
        rows = client.get("/api/onboarding/dashboard/").json()["results"]
        [row] = [r for r in rows if r["id"] == mette_plan.id]
        assert "need_help_count" not in row and "mentor_status" not in row
        assert row["progress"]["total"] == len(body["items"])


def test_hr_dashboard_shows_progress_help_count_and_mentor_status(client_for, world, mette_plan):
    _help_on_budget(mette_plan, world)
    rows = client_for(world.hr).get("/api/onboarding/dashboard/").json()["results"]
    [row] = [r for r in rows if r["id"] == mette_plan.id]
    assert row["need_help_count"] == 1
    assert row["mentor_status"] == "matched"
    assert row["in_first_90_days"] is True and row["day"] == 20
    assert 0 <= row["progress"]["percent"] <= 100 and row["progress"]["overdue"] > 0
    assert CANARY not in str(rows)


@pytest.mark.parametrize("persona", ["outsider", "other_organisation", "hr_scoped"])
def test_out_of_scope_plans_and_items_are_404(client_for, world, mette_plan, persona):
    client = client_for(getattr(world, persona))
    item = _item(mette_plan, "ledestjernen")
    assert client.get(f"/api/onboarding/plans/{mette_plan.id}/").status_code == 404
    assert client.patch(f"/api/onboarding/items/{item.id}/", {"status": "done"}).status_code == 404
    assert client.get(f"/api/onboarding/items/{item.id}/history/").status_code == 404
    rows = client.get("/api/onboarding/plans/").json()["results"]
    assert mette_plan.id not in {r["id"] for r in rows}


def test_mentor_sees_and_completes_only_their_own_items(client_for, world, mette_plan):
    client = client_for(world.mentor)
    assert client.get(f"/api/onboarding/plans/{mette_plan.id}/").status_code == 404
    mine = client.get("/api/onboarding/items/mine/").json()["results"]
    assert mine and {i["owner_role"] for i in mine} == {"mentor"}
    assert all("need_help" not in i for i in mine)
    meeting = mine[0]["id"]
    done = client.patch(f"/api/onboarding/items/{meeting}/", {"status": "done"})
    assert done.status_code == 200 and done.json()["completed_by"] == "jens"
    # The mentor may not reschedule or drop the leader's plan.
    assert client.post(f"/api/onboarding/items/{meeting}/drop/").status_code == 403
    other = _item(mette_plan, "ledestjernen")
    assert client.patch(f"/api/onboarding/items/{other.id}/", {"status": "done"}).status_code == 404


def test_boss_adds_and_reschedules_leader_marks_done_with_dependency_error(
    client_for, world, mette_plan
):
    boss = client_for(world.boss)
    added = boss.post(
        f"/api/onboarding/plans/{mette_plan.id}/items/",
        {
            "title_da": "Besøg naboinstitutionen",
            "due_date": str(dt.date.today()),
            "owner_role": "boss",
            "topic": "budget",
        },
    )
    assert added.status_code == 201, added.json()
    assert added.json()["owner_name"] == "Peter Holm"
    assert (
        boss.post(
            f"/api/onboarding/plans/{mette_plan.id}/items/",
            {
                "title_da": "x",
                "due_date": str(dt.date.today()),
                "owner_role": "mentor",
            },
        ).status_code
        == 403
    )
    item = _item(mette_plan, "ledestjernen")
    moved = boss.patch(f"/api/onboarding/items/{item.id}/", {"due_date": "2030-01-01"})
    assert moved.status_code == 200 and moved.json()["due_date"] == "2030-01-01"

    leader = client_for(world.new_leader)
    blocked = _item(mette_plan, "oekonomisystem")
    refused = leader.patch(f"/api/onboarding/items/{blocked.id}/", {"status": "done"})
    assert refused.status_code == 400 and "status" in refused.json()
    assert leader.get(f"/api/onboarding/plans/{mette_plan.id}/").json()["items"]
    na = leader.patch(f"/api/onboarding/items/{blocked.id}/", {"status": "not_applicable"})
    assert na.status_code == 400 and "reason" in na.json()
    history = leader.get(f"/api/onboarding/items/{item.id}/history/").json()
    assert [e["kind"] for e in history][-1] == "rescheduled"
    assert history[-1]["actor"] == "peter"


def test_need_help_through_the_api_creates_the_support_need(client_for, world, mette_plan):
    client = client_for(world.new_leader)
    item = mette_plan.items.filter(topic__slug="sick_leave").first()
    response = client.post(f"/api/onboarding/items/{item.id}/need-help/", {"weight": 2})
    assert response.status_code == 200 and response.json()["need_help"] is True
    need = SupportNeed.objects.get(leader=world.new_leader.leader, topic__slug="sick_leave")
    assert (need.weight, need.source) == (2, "onboarding")


def test_hr_creates_a_plan_on_demand_idempotently(client_for, world, templates):
    client = client_for(world.hr)
    leader_id = world.outsider.leader_id
    first = client.post("/api/onboarding/plans/create/", {"leader_id": leader_id})
    again = client.post("/api/onboarding/plans/create/", {"leader_id": leader_id})
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["id"] == again.json()["id"]
    assert (
        client_for(world.boss)
        .post("/api/onboarding/plans/create/", {"leader_id": leader_id})
        .status_code
        == 403
    )
    assert client_for(world.hr_scoped).post(  # Søren is in Børn og Unge: out of scope
        "/api/onboarding/plans/create/", {"leader_id": leader_id}
    ).status_code in (403, 404)
    assert (
        client_for(world.other_organisation)
        .post("/api/onboarding/plans/create/", {"leader_id": leader_id})
        .status_code
        == 404
    )


def test_settings_are_hr_only(client_for, world):
    assert client_for(world.new_leader).get("/api/onboarding/settings/").status_code == 403
    client = client_for(world.hr)
    assert client.get("/api/onboarding/settings/").json()["remind_days_before"] == 3
    changed = client.patch("/api/onboarding/settings/", {"escalate_after_days": 14})
    assert changed.status_code == 200 and changed.json()["escalate_after_days"] == 14
    assert client.patch("/api/onboarding/settings/", {"remind_days_before": -1}).status_code == 400


def test_templates_list_and_hr_edit_leaves_plans_alone(client_for, world, mette_plan):
    client = client_for(world.hr)
    templates = client.get("/api/onboarding/templates/").json()["results"]
    assert {"alle-nye-ledere", "doegn-vagtplan"} <= {t["slug"] for t in templates}
    item = _item(mette_plan, "ledestjernen")
    edited = client.patch(
        f"/api/onboarding/template-items/{item.template_item_id}/", {"title_da": "Ændret"}
    )
    assert edited.status_code == 200
    item.refresh_from_db()
    assert item.title_da == "Ledestjernen: kommunens værdigrundlag"
    assert (
        client_for(world.new_leader)
        .patch(f"/api/onboarding/template-items/{item.template_item_id}/", {"title_da": "x"})
        .status_code
        == 403
    )


def _plans_for_reports(world: World, templates, n: int) -> None:
    from tests import factories as f

    unit = world.boss.leader.unit
    for _ in range(n):
        leader = f.LeaderFactory(
            unit=f.UnitFactory(department=unit.department),
            boss=world.boss.leader,
            role_start_date=dt.date.today(),
        )
        plan_create_for_leader(leader=leader)


@pytest.mark.parametrize("persona", ["hr", "boss"])
def test_plan_list_query_count_is_constant(
    client_for, world, templates, persona, django_assert_num_queries
):
    client = client_for(getattr(world, persona))
    counts = []
    for n in (10, 190):
        _plans_for_reports(world, templates, n)
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as ctx:
            response = client.get("/api/onboarding/dashboard/?page_size=500")
        assert response.status_code == 200
        counts.append((len(response.json()["results"]), len(ctx.captured_queries)))
    (rows_small, q_small), (rows_large, q_large) = counts
    assert rows_small >= 10 and rows_large >= 200
    assert q_small == q_large
    with django_assert_num_queries(q_large):
        client.get("/api/onboarding/dashboard/?page_size=500")


def test_my_items_query_count_is_constant(client_for, world, templates, django_assert_num_queries):
    _plans_for_reports(world, templates, 3)
    client = client_for(world.boss)
    with django_assert_num_queries(3) as ctx:  # session, user, page (not full: no count)
        small = client.get("/api/onboarding/items/mine/?page_size=500").json()["count"]
    _plans_for_reports(world, templates, 30)
    with django_assert_num_queries(len(ctx.captured_queries)):
        large = client.get("/api/onboarding/items/mine/?page_size=500").json()["count"]
    assert large > small >= 10


def test_plan_list_filters_by_status_active_by_default(client_for, world, mette_plan):
    client = client_for(world.hr)

    def ids(query: str = "") -> set[int]:
        response = client.get(f"/api/onboarding/plans/{query}")
        assert response.status_code == 200, response.json()
        return {row["id"] for row in response.json()["results"]}

    assert mette_plan.id in ids()
    mette_plan.status = "completed"
    mette_plan.save(update_fields=["status"])
    assert mette_plan.id not in ids()  # the default is active
    assert mette_plan.id in ids("?status=completed")
    assert mette_plan.id in ids("?status=all")
    assert mette_plan.id not in ids("?status=archived")
    refused = client.get("/api/onboarding/plans/?status=finished")
    assert refused.status_code == 400 and "status" in refused.json()


def test_plan_list_keeps_the_first_90_days_when_asked(client_for, world, mette_plan):
    client = client_for(world.hr)
    assert mette_plan.id in {
        row["id"]
        for row in client.get("/api/onboarding/plans/?first_90_days=true").json()["results"]
    }
    mette_plan.role_start_date = dt.date.today() - dt.timedelta(days=200)
    mette_plan.save(update_fields=["role_start_date"])
    assert mette_plan.id not in {
        row["id"]
        for row in client.get("/api/onboarding/plans/?first_90_days=true").json()["results"]
    }
    assert mette_plan.id in {
        row["id"] for row in client.get("/api/onboarding/plans/").json()["results"]
    }


@pytest.mark.parametrize("status", ["in_progress", "done", "todo"])
def test_a_status_change_answers_the_item_as_a_fresh_read_shows_it(
    client_for, world, mette_plan, status
):
    """The answer is built from the item as read before the change (not read again): it must
    equal the item in the plan read afterwards, completion and all."""
    leader = client_for(world.new_leader)
    item = _item(mette_plan, "ledestjernen")
    if status == "todo":  # from done back to to do: the completion goes away
        done = leader.patch(f"/api/onboarding/items/{item.id}/", {"status": "done"})
        assert done.status_code == 200
    answer = leader.patch(f"/api/onboarding/items/{item.id}/", {"status": status})
    assert answer.status_code == 200
    plan = leader.get(f"/api/onboarding/plans/{mette_plan.id}/").json()
    (fresh,) = [row for row in plan["items"] if row["id"] == item.id]
    assert answer.json() == fresh
    assert answer.json()["status"] == status
    assert (answer.json()["completed_by"] is not None) == (status == "done")
