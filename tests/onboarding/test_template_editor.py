"""HR builds onboarding templates in the web app and previews the plan a leader would get."""

from __future__ import annotations

import datetime as dt

from backend.people import models as m
from onboarding.models import Plan, TemplateItem
from onboarding.services.plans import plan_create_for_leader
from tests.conftest import World

BASE = "/api/onboarding"


def _template(client, **fields):  # type: ignore[no-untyped-def]
    response = client.post(f"{BASE}/templates/", {"name_da": "Døgnledere", **fields}, format="json")
    assert response.status_code == 201, response.json()
    return response.json()


def _item(client, template_id: int, **fields):  # type: ignore[no-untyped-def]
    body = {"title_da": "Punkt", **fields}
    response = client.post(f"{BASE}/templates/{template_id}/items/", body, format="json")
    assert response.status_code == 201, response.json()
    return response.json()


def test_hr_builds_a_template_from_nothing_and_the_preview_is_the_plan(
    client_for, world: World, residential_leader: m.Leader
) -> None:
    hr = client_for(world.hr)
    template = _template(hr, name_en="24-hour leaders", round_the_clock=True)
    assert template["slug"] == "doegnledere"
    first = _item(
        hr,
        template["id"],
        title_da="Mød din chef",
        title_en="Meet your boss",
        guidance_da="Aftal forventninger.",
        guidance_en="Agree on expectations.",
        owner_role="boss",
        due_offset_days=3,
    )
    second = _item(
        hr,
        template["id"],
        title_da="Vagtplan med {owner}",
        owner_role="staff_consultant",
        staff_function_kind="payroll_hr_law",
        due_offset_days=14,
        depends_on=first["id"],
        service_types=["residential"],
    )
    _item(hr, template["id"], title_da="Kun for flere matrikler", multi_site=False)
    other = _template(hr, name_da="Skoleledere", service_types=["school"])
    _item(hr, other["id"], title_da="Skolereform")

    start = dt.date(2026, 9, 1)
    response = hr.get(
        f"{BASE}/templates/preview/",
        {"leader": residential_leader.id, "role_start_date": start.isoformat()},
    )
    assert response.status_code == 200, response.json()
    preview = response.json()
    assert [t["name_da"] for t in preview["templates"]] == ["Døgnledere"]
    assert [t["name_da"] for t in preview["templates_left_out"]] == ["Skoleledere"]
    items = preview["items"]
    assert [i["title_da"] for i in items] == ["Mød din chef", "Vagtplan med"]
    assert items[0]["owner"].startswith("Ole Berg")
    assert items[0]["due_date"] == "2026-09-04"
    assert items[1]["owner_fallback"] is True  # no payroll consultant yet: HR holds it
    assert items[1]["depends_on"] == first["id"]
    assert Plan.objects.filter(leader=residential_leader).count() == 0  # nothing written

    plan = plan_create_for_leader(leader=residential_leader, role_start_date=start)
    made = list(plan.items.order_by("due_date").values_list("template_item_id", "due_date"))
    assert made == [(first["id"], dt.date(2026, 9, 4)), (second["id"], dt.date(2026, 9, 15))]


def test_a_dependency_cycle_is_a_field_error_and_changes_nothing(client_for, world: World) -> None:
    hr = client_for(world.hr)
    template = _template(hr)
    a = _item(hr, template["id"], title_da="A")
    b = _item(hr, template["id"], title_da="B", depends_on=a["id"])
    c = _item(hr, template["id"], title_da="C", depends_on=b["id"])
    for item, target in ((a, c), (a, a), (b, c)):
        response = hr.patch(
            f"{BASE}/template-items/{item['id']}/", {"depends_on": target["id"]}, format="json"
        )
        assert response.status_code == 400
        assert "depends_on" in response.json()
    assert TemplateItem.objects.get(id=a["id"]).depends_on_id is None
    elsewhere = _item(hr, _template(hr, name_da="Andet")["id"], title_da="D")
    response = hr.patch(
        f"{BASE}/template-items/{elsewhere['id']}/", {"depends_on": a["id"]}, format="json"
    )
    assert response.status_code == 400 and "depends_on" in response.json()


def test_unknown_rule_values_are_field_errors(client_for, world: World) -> None:
    hr = client_for(world.hr)
    template = _template(hr)
    url = f"{BASE}/templates/{template['id']}/items/"
    cases = [
        ({"service_types": ["rocket_science"]}, "service_types"),
        ({"owner_role": "janitor"}, "owner_role"),
        ({"staff_above": -1}, "staff_above"),
        ({"owner_role": "staff_consultant"}, "staff_function_kind"),
        (
            {"staff_function_kind": "catering", "owner_role": "staff_consultant"},
            "staff_function_kind",
        ),
        (
            {"administration_ids": [world.other_organisation.organisation_id and 999999]},
            "administration_ids",
        ),
        ({"topic_id": 999999}, "topic_id"),
    ]
    for body, field in cases:
        response = hr.post(url, {"title_da": "X", **body}, format="json")
        assert response.status_code == 400, body
        assert field in response.json(), (body, response.json())
    assert TemplateItem.objects.filter(template_id=template["id"]).count() == 0
    response = hr.patch(
        f"{BASE}/templates/{template['id']}/", {"service_types": ["nope"]}, format="json"
    )
    assert response.status_code == 400 and "service_types" in response.json()


def test_edit_and_remove_an_item(client_for, world: World) -> None:
    hr = client_for(world.hr)
    template = _template(hr)
    a = _item(hr, template["id"], title_da="A")
    b = _item(hr, template["id"], title_da="B", depends_on=a["id"])
    edited = hr.patch(
        f"{BASE}/template-items/{a['id']}/",
        {"guidance_en": "Read it.", "due_offset_days": -7, "administration_ids": [world.social.id]},
        format="json",
    )
    assert edited.status_code == 200, edited.json()
    assert edited.json()["due_offset_days"] == -7
    assert edited.json()["administrations"] == [world.social.id]
    assert hr.delete(f"{BASE}/template-items/{a['id']}/").status_code == 204
    assert TemplateItem.objects.get(id=b["id"]).depends_on_id is None


def test_only_hr_writes_and_previews_and_only_its_own(
    client_for, world: World, residential_leader: m.Leader
) -> None:
    hr = client_for(world.hr)
    template = _template(hr)
    item = _item(hr, template["id"])
    leader = client_for(world.new_leader)
    assert leader.post(f"{BASE}/templates/", {"name_da": "X"}, format="json").status_code == 403
    assert (
        leader.get(f"{BASE}/templates/preview/", {"leader": residential_leader.id}).status_code
        == 403
    )
    other = client_for(world.other_organisation)
    assert (
        other.patch(
            f"{BASE}/template-items/{item['id']}/", {"title_da": "X"}, format="json"
        ).status_code
        == 404
    )
    assert (
        other.patch(
            f"{BASE}/templates/{template['id']}/", {"name_da": "X"}, format="json"
        ).status_code
        == 404
    )
    assert (
        other.get(f"{BASE}/templates/preview/", {"leader": residential_leader.id}).status_code
        == 404
    )
    # HR scoped to Social og Sundhed sees Lise (Social og Sundhed), not Mette (Børn og Unge).
    scoped = client_for(world.hr_scoped)
    assert (
        scoped.get(f"{BASE}/templates/preview/", {"leader": residential_leader.id}).status_code
        == 200
    )
    mette = world.new_leader.leader_id
    assert scoped.get(f"{BASE}/templates/preview/", {"leader": mette}).status_code == 404
