"""HR edits the staff directory in the web app; the unit's leader then sees who serves them."""

from __future__ import annotations

from collections.abc import Callable

from rest_framework.test import APIClient

from backend.people import models as m
from tests.backend.people.conftest import Extras
from tests.conftest import World

ClientFor = Callable[[m.User | None], APIClient]


def _directory(world: World, client_for: ClientFor) -> list[dict[str, object]]:
    unit_id = world.new_leader.leader.unit_id
    response = client_for(world.new_leader).get(f"/api/units/{unit_id}/staff-contacts/")
    assert response.status_code == 200
    return response.json()


def test_hr_builds_the_directory_from_nothing_and_the_leader_sees_it(
    world: World, client_for: ClientFor
) -> None:
    hr = client_for(world.hr)
    assert _directory(world, client_for) == []
    function = hr.post(
        "/api/staff-functions/",
        {"kind": "it", "name": "Digitalisering og IT", "description": "Systemer og adgange"},
        format="json",
    )
    assert function.status_code == 201, function.json()
    unit_id = world.new_leader.leader.unit_id
    contact = hr.post(
        "/api/staff-contacts/",
        {
            "staff_function_id": function.json()["id"],
            "name": "Ib IT-konsulent",
            "title": "IT-partner",
            "email": "ib@testrup.dk",
            "unit_ids": [unit_id],
            "topic_ids": [world.budget.id],
        },
        format="json",
    )
    assert contact.status_code == 201, contact.json()
    assert contact.json()["unit_ids"] == [unit_id]
    assert contact.json()["topic_ids"] == [world.budget.id]
    [entry] = _directory(world, client_for)
    assert entry["level"] == "unit"
    assert entry["contact"]["name"] == "Ib IT-konsulent"
    assert entry["contact"]["topics"] == [
        {
            "id": world.budget.id,
            "label_da": world.budget.label_da,
            "label_en": world.budget.label_en,
        }
    ]
    # Serving the administration instead of the unit: the leader still sees them, one level up.
    edited = hr.patch(
        f"/api/staff-contacts/{contact.json()['id']}/",
        {"unit_ids": [], "administration_ids": [world.children.id], "phone": "+45 11 22 33 44"},
        format="json",
    )
    assert edited.status_code == 200, edited.json()
    assert edited.json()["name"] == "Ib IT-konsulent"
    [entry] = _directory(world, client_for)
    assert entry["level"] == "administration"
    assert hr.delete(f"/api/staff-contacts/{contact.json()['id']}/").status_code == 204
    assert _directory(world, client_for) == []
    assert hr.delete(f"/api/staff-functions/{function.json()['id']}/").status_code == 204


def test_one_function_of_each_kind_and_none_removed_while_it_has_consultants(
    world: World, extras: Extras, client_for: ClientFor
) -> None:
    hr = client_for(world.hr)
    twice = hr.post(
        "/api/staff-functions/", {"kind": "finance", "name": "Økonomi 2"}, format="json"
    )
    assert twice.status_code == 400
    assert "kind" in twice.json()
    busy = hr.delete(f"/api/staff-functions/{extras.finance.id}/")
    assert busy.status_code == 409
    assert m.StaffFunction.objects.filter(id=extras.finance.id).exists()
    renamed = hr.patch(
        f"/api/staff-functions/{extras.finance.id}/", {"name": "Økonomi og budget"}, format="json"
    )
    assert renamed.status_code == 200
    assert renamed.json()["kind"] == "finance"


def test_rows_of_another_organisation_are_field_errors_and_change_nothing(
    world: World, extras: Extras, client_for: ClientFor
) -> None:
    other_org = world.other_organisation.organisation
    foreign_unit = m.Unit.objects.exclude(organisation=world.org).first()
    foreign_topic = m.Topic.objects.create(
        organisation=other_org, slug="fremmed", label_da="Fremmed", label_en="Foreign"
    )
    hr = client_for(world.hr)
    url = f"/api/staff-contacts/{extras.unit_contact.id}/"
    for field, value in (
        ("topic_ids", foreign_topic.id),
        ("unit_ids", getattr(foreign_unit, "id", 999999)),
    ):
        response = hr.patch(url, {field: [value], "name": "Ændret"}, format="json")
        assert response.status_code == 400, field
        assert field in response.json()
    extras.unit_contact.refresh_from_db()
    assert extras.unit_contact.name == "Zenia Enhedsøkonom"
    other_function = m.StaffFunction.objects.create(organisation=other_org, kind="it", name="IT")
    response = hr.post(
        "/api/staff-contacts/",
        {"staff_function_id": other_function.id, "name": "X"},
        format="json",
    )
    assert response.status_code == 400
    assert "staff_function_id" in response.json()


def test_only_organisation_wide_hr_edits(
    world: World, extras: Extras, client_for: ClientFor
) -> None:
    url = f"/api/staff-contacts/{extras.unit_contact.id}/"
    for persona in (world.hr_scoped, world.new_leader, world.boss):
        assert client_for(persona).patch(url, {"name": "X"}, format="json").status_code == 403
        assert client_for(persona).get(url).status_code == 200
    assert (
        client_for(world.other_organisation).patch(url, {"name": "X"}, format="json").status_code
        == 404
    )
