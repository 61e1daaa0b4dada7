"""The organisation tree, the staff directory and the topic taxonomy, per role."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rest_framework.test import APIClient

from backend.people.models import Administration, Topic, Unit, User
from tests import factories as f
from tests.backend.people.conftest import Extras
from tests.conftest import World

ClientFor = Callable[[User | None], APIClient]


def _names(response) -> list[str]:  # type: ignore[no-untyped-def]
    assert response.status_code == 200, response.content
    return [row["name"] for row in response.json()["results"]]


@pytest.mark.django_db
def test_organisations_own_only(world: World, client_for: ClientFor) -> None:
    assert _names(client_for(world.hr).get("/api/organisations/")) == ["Testrup Kommune"]
    assert _names(client_for(world.other_organisation).get("/api/organisations/")) == [
        "Andeby Kommune"
    ]
    other_id = world.other_organisation.organisation_id
    assert client_for(world.hr).get(f"/api/organisations/{other_id}/").status_code == 404
    assert client_for(world.hr).get(f"/api/organisations/{world.org.id}/").status_code == 200


@pytest.mark.django_db
def test_administrations_per_role(world: World, client_for: ClientFor) -> None:
    both = ["Børn og Unge", "Social og Sundhed"]
    assert _names(client_for(world.hr).get("/api/administrations/")) == both
    assert _names(client_for(world.new_leader).get("/api/administrations/")) == both
    assert _names(client_for(world.hr_scoped).get("/api/administrations/")) == ["Social og Sundhed"]
    assert _names(client_for(world.other_organisation).get("/api/administrations/")) == []
    children = world.children.id
    assert client_for(world.hr_scoped).get(f"/api/administrations/{children}/").status_code == 404
    assert (
        client_for(world.other_organisation).get(f"/api/administrations/{children}/").status_code
        == 404
    )


@pytest.mark.django_db
def test_units_and_departments_scoped(world: World, client_for: ClientFor) -> None:
    assert _names(client_for(world.hr_scoped).get("/api/units/")) == ["Plejecenter Egely"]
    assert _names(client_for(world.hr_scoped).get("/api/departments/")) == ["Ældre og Sundhed"]
    units = _names(client_for(world.outsider).get("/api/units/", {"service_type": "school"}))
    assert units == ["Vestre Skole"]
    mette_unit = world.new_leader.leader.unit_id
    assert client_for(world.other_organisation).get(f"/api/units/{mette_unit}/").status_code == 404
    assert client_for(world.hr_scoped).get(f"/api/units/{mette_unit}/").status_code == 404


@pytest.mark.django_db
def test_anonymous_is_refused(world: World) -> None:
    for url in ("/api/units/", "/api/leaders/", "/api/topics/", "/api/networks/"):
        assert APIClient().get(url).status_code == 403


@pytest.mark.django_db
def test_staff_directory_unit_first_then_administration(
    world: World, extras: Extras, client_for: ClientFor
) -> None:
    unit_id = world.new_leader.leader.unit_id
    response = client_for(world.new_leader).get(f"/api/units/{unit_id}/staff-contacts/")
    assert response.status_code == 200
    rows = [
        (r["staff_function"]["kind"], r["contact"]["name"], r["level"]) for r in response.json()
    ]
    assert rows == [
        ("finance", "Zenia Enhedsøkonom", "unit"),
        ("finance", "Anders Administrationsøkonom", "administration"),
        ("payroll_hr_law", "Lise Personalejura", "administration"),
    ]


@pytest.mark.django_db
def test_staff_directory_access(world: World, extras: Extras, client_for: ClientFor) -> None:
    url = f"/api/units/{world.new_leader.leader.unit_id}/staff-contacts/"
    assert client_for(world.hr).get(url).status_code == 200
    for persona in ("outsider", "mentor", "hr_scoped", "other_organisation"):
        assert client_for(getattr(world, persona)).get(url).status_code == 404, persona


@pytest.mark.django_db
def test_unit_detail_shows_directly_linked_contacts(
    world: World, extras: Extras, client_for: ClientFor
) -> None:
    unit_id = world.new_leader.leader.unit_id
    response = client_for(world.new_leader).get(f"/api/units/{unit_id}/")
    assert [c["name"] for c in response.json()["staff_contacts"]] == ["Zenia Enhedsøkonom"]


@pytest.mark.django_db
def test_staff_contacts_list_filters(world: World, extras: Extras, client_for: ClientFor) -> None:
    client = client_for(world.outsider)
    assert set(_names(client.get("/api/staff-contacts/", {"kind": "finance"}))) == {
        "Zenia Enhedsøkonom",
        "Anders Administrationsøkonom",
    }
    assert _names(client.get("/api/staff-functions/")) == ["Økonomi", "Løn og Personale"]
    assert _names(client_for(world.other_organisation).get("/api/staff-contacts/")) == []


@pytest.mark.django_db
def test_topics_read_by_org_written_by_hr(world: World, client_for: ClientFor) -> None:
    leader = client_for(world.new_leader)
    slugs = {r["slug"] for r in leader.get("/api/topics/").json()["results"]}
    assert slugs == {"budget", "roster"}
    created = leader.post("/api/topics/", {"slug": "x", "label_da": "X", "label_en": "X"})
    assert created.status_code == 403
    hr = client_for(world.hr)
    created = hr.post(
        "/api/topics/", {"slug": "volunteers", "label_da": "Frivillige", "label_en": "Volunteers"}
    )
    assert created.status_code == 201, created.content
    duplicate = hr.post("/api/topics/", {"slug": "volunteers", "label_da": "F", "label_en": "V"})
    assert duplicate.status_code == 400
    assert "slug" in duplicate.json()
    topic_id = created.json()["id"]
    renamed = hr.patch(f"/api/topics/{topic_id}/", {"label_en": "Volunteering"})
    assert renamed.json()["label_en"] == "Volunteering"
    assert hr.delete(f"/api/topics/{topic_id}/").status_code == 204
    assert Topic.objects.get(id=topic_id).active is False
    assert "volunteers" not in {r["slug"] for r in leader.get("/api/topics/").json()["results"]}
    assert leader.get(f"/api/topics/{topic_id}/").status_code == 404
    assert hr.get(f"/api/topics/{topic_id}/").status_code == 200


@pytest.mark.django_db
def test_topics_of_another_organisation_are_404(world: World, client_for: ClientFor) -> None:
    foreign = f.TopicFactory(organisation=world.other_organisation.organisation, slug="budget")
    assert client_for(world.hr).get(f"/api/topics/{foreign.id}/").status_code == 404
    assert (
        client_for(world.hr).patch(f"/api/topics/{foreign.id}/", {"label_en": "x"}).status_code
        == 404
    )
    assert client_for(world.hr).delete(f"/api/topics/{foreign.id}/").status_code == 404


@pytest.mark.django_db
def test_unit_and_administration_ids_are_not_guessable(world: World, client_for: ClientFor) -> None:
    """A detail id of another organisation answers exactly like one that never existed."""
    client = client_for(world.other_organisation)
    unit = Unit.objects.filter(organisation=world.org).first()
    administration = Administration.objects.filter(organisation=world.org).first()
    assert unit is not None and administration is not None
    for url in (f"/api/units/{unit.id}/", f"/api/administrations/{administration.id}/"):
        existing, missing = client.get(url), client.get("/api/units/999999/")
        assert existing.status_code == missing.status_code == 404
        assert existing.json() == missing.json()
