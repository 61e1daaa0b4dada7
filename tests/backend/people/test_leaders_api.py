"""Leaders per role: who sees which profile, who edits what, and the line of command."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rest_framework.test import APIClient

from backend.people.models import Leader, User
from tests import factories as f
from tests.conftest import World

ClientFor = Callable[[User | None], APIClient]


def _ids(response) -> set[int]:  # type: ignore[no-untyped-def]
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


def _leader(user: User) -> Leader:
    assert user.leader is not None
    return user.leader


@pytest.mark.django_db
def test_hr_lists_every_leader_of_its_organisation(world: World, client_for: ClientFor) -> None:
    f.LeaderFactory(
        unit__department__administration__organisation=world.other_organisation.organisation
    )
    ids = _ids(client_for(world.hr).get("/api/leaders/"))
    assert ids == set(Leader.objects.filter(organisation=world.org).values_list("id", flat=True))


@pytest.mark.django_db
def test_scoped_hr_lists_only_its_administrations(world: World, client_for: ClientFor) -> None:
    assert _ids(client_for(world.hr_scoped).get("/api/leaders/")) == {_leader(world.mentor).id}


@pytest.mark.django_db
def test_boss_lists_self_and_reports_at_every_level(world: World, client_for: ClientFor) -> None:
    ids = _ids(client_for(world.grand_boss).get("/api/leaders/"))
    assert ids == {
        _leader(world.grand_boss).id,
        _leader(world.boss).id,
        _leader(world.new_leader).id,
    }
    assert _ids(client_for(world.boss).get("/api/leaders/")) == {
        _leader(world.boss).id,
        _leader(world.new_leader).id,
    }


@pytest.mark.django_db
def test_leader_without_reports_lists_only_self(world: World, client_for: ClientFor) -> None:
    assert _ids(client_for(world.outsider).get("/api/leaders/")) == {_leader(world.outsider).id}


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["new_leader", "boss", "grand_boss", "hr"])
def test_who_sees_mettes_profile(world: World, client_for: ClientFor, persona: str) -> None:
    mette = _leader(world.new_leader)
    response = client_for(getattr(world, persona)).get(f"/api/leaders/{mette.id}/")
    assert response.status_code == 200
    assert response.json()["full_name"] == "Mette Kjær"


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["outsider", "mentor", "hr_scoped", "other_organisation"])
def test_who_gets_404_for_mettes_profile(world: World, client_for: ClientFor, persona: str) -> None:
    mette = _leader(world.new_leader)
    client = client_for(getattr(world, persona))
    assert client.get(f"/api/leaders/{mette.id}/").status_code == 404
    assert client.get(f"/api/leaders/{mette.id}/line/").status_code == 404
    assert client.get(f"/api/leaders/{mette.id}/competencies/").status_code == 404
    assert client.get(f"/api/leaders/{mette.id}/memberships/").status_code == 404
    assert client.patch(f"/api/leaders/{mette.id}/", {"bio": "x"}).status_code == 404


@pytest.mark.django_db
def test_a_report_does_not_see_the_bosses_profile(world: World, client_for: ClientFor) -> None:
    boss = _leader(world.boss)
    assert client_for(world.new_leader).get(f"/api/leaders/{boss.id}/").status_code == 404


@pytest.mark.django_db
def test_line_of_command_nearest_first(world: World, client_for: ClientFor) -> None:
    mette = _leader(world.new_leader)
    response = client_for(world.new_leader).get(f"/api/leaders/{mette.id}/line/")
    assert response.status_code == 200
    assert [row["full_name"] for row in response.json()] == ["Peter Holm", "Karen Lund"]


@pytest.mark.django_db
def test_leader_edits_own_profile_fields(world: World, client_for: ClientFor) -> None:
    mette = _leader(world.new_leader)
    response = client_for(world.new_leader).patch(
        f"/api/leaders/{mette.id}/",
        {
            "bio": "Pædagog i 12 år",
            "languages": ["da", "en"],
            "discoverable": True,
            "phone": "12345678",
        },
    )
    assert response.status_code == 200, response.content
    mette.refresh_from_db()
    assert mette.bio == "Pædagog i 12 år"
    assert mette.languages == ["da", "en"]
    assert mette.discoverable is True


@pytest.mark.django_db
@pytest.mark.parametrize(
    "field,value",
    [("boss", None), ("unit", None), ("employee_number", "999"), ("role_title", "Chef")],
)
def test_leader_cannot_change_hr_fields(
    world: World, client_for: ClientFor, field: str, value: object
) -> None:
    mette = _leader(world.new_leader)
    before = Leader.objects.values().get(id=mette.id)
    response = client_for(world.new_leader).patch(
        f"/api/leaders/{mette.id}/", {field: value}, format="json"
    )
    assert response.status_code == 400
    assert field in response.json()
    assert Leader.objects.values().get(id=mette.id) == before


@pytest.mark.django_db
def test_boss_sees_but_cannot_edit_a_report(world: World, client_for: ClientFor) -> None:
    mette = _leader(world.new_leader)
    response = client_for(world.boss).patch(f"/api/leaders/{mette.id}/", {"bio": "Boss wrote"})
    assert response.status_code == 403
    mette.refresh_from_db()
    assert mette.bio != "Boss wrote"


@pytest.mark.django_db
def test_hr_changes_boss_and_unit(world: World, client_for: ClientFor) -> None:
    mette = _leader(world.new_leader)
    outsider = _leader(world.outsider)
    response = client_for(world.hr).patch(
        f"/api/leaders/{mette.id}/", {"boss": outsider.id, "unit": outsider.unit_id}
    )
    assert response.status_code == 200, response.content
    assert response.json()["boss"]["id"] == outsider.id
    assert response.json()["unit"]["id"] == outsider.unit_id


@pytest.mark.django_db
def test_boss_cycle_via_api_is_400_naming_boss(world: World, client_for: ClientFor) -> None:
    grand_boss = _leader(world.grand_boss)
    mette = _leader(world.new_leader)
    client = client_for(world.hr)
    response = client.patch(
        f"/api/leaders/{grand_boss.id}/", {"boss": mette.id}, HTTP_ACCEPT_LANGUAGE="da"
    )
    assert response.status_code == 400
    assert "kan ikke være chef for" in response.json()["boss"][0]  # in the user's language
    english = client.patch(
        f"/api/leaders/{grand_boss.id}/", {"boss": mette.id}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert "cannot be the boss of" in english.json()["boss"][0]
    grand_boss.refresh_from_db()
    assert grand_boss.boss_id is None


@pytest.mark.django_db
def test_own_boss_via_api_is_400(world: World, client_for: ClientFor) -> None:
    mette = _leader(world.new_leader)
    response = client_for(world.hr).patch(f"/api/leaders/{mette.id}/", {"boss": mette.id})
    assert response.status_code == 400
    assert "boss" in response.json()


@pytest.mark.django_db
def test_boss_from_another_organisation_is_400(world: World, client_for: ClientFor) -> None:
    stranger = f.LeaderFactory(
        unit__department__administration__organisation=world.other_organisation.organisation
    )
    mette = _leader(world.new_leader)
    response = client_for(world.hr).patch(f"/api/leaders/{mette.id}/", {"boss": stranger.id})
    assert response.status_code == 400
    assert "boss" in response.json()


@pytest.mark.django_db
def test_hr_creates_a_leader(world: World, client_for: ClientFor) -> None:
    boss = _leader(world.boss)
    payload = {
        "employee_number": "777001",
        "first_name": "Åse",
        "last_name": "Ærø",
        "role_title": "Dagtilbudsleder",
        "unit": _leader(world.new_leader).unit_id,
        "boss": boss.id,
        "first_leader_job": True,
        "role_start_date": "2026-01-05",
    }
    response = client_for(world.hr).post("/api/leaders/", payload)
    assert response.status_code == 201, response.content
    assert response.json()["boss"]["id"] == boss.id
    assert Leader.objects.get(employee_number="777001").last_name == "Ærø"
    duplicate = client_for(world.hr).post("/api/leaders/", payload)
    assert duplicate.status_code == 400


@pytest.mark.django_db
def test_scoped_hr_cannot_place_a_leader_outside_its_administrations(
    world: World, client_for: ClientFor
) -> None:
    payload = {
        "employee_number": "777002",
        "first_name": "A",
        "last_name": "B",
        "role_title": "Leder",
        "unit": _leader(world.new_leader).unit_id,
    }
    response = client_for(world.hr_scoped).post("/api/leaders/", payload)
    assert response.status_code == 400
    assert "unit" in response.json()
    without_unit = {k: v for k, v in payload.items() if k != "unit"}
    response = client_for(world.hr_scoped).post("/api/leaders/", without_unit)
    assert response.status_code == 400
    assert "unit" in response.json()


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["new_leader", "boss", "outsider"])
def test_leaders_cannot_create_leaders(world: World, client_for: ClientFor, persona: str) -> None:
    response = client_for(getattr(world, persona)).post(
        "/api/leaders/",
        {"employee_number": "1", "first_name": "A", "last_name": "B", "role_title": "X"},
    )
    assert response.status_code == 403


@pytest.mark.django_db
def test_competencies_self_and_hr_set_boss_reads(world: World, client_for: ClientFor) -> None:
    mette = _leader(world.new_leader)
    response = client_for(world.new_leader).put(
        "/api/me/competencies/", {"levels": {"roster": 2}}, format="json"
    )
    assert response.status_code == 200, response.content
    assert [(c["topic"]["slug"], c["level"]) for c in response.json()] == [("roster", 2)]
    seen = client_for(world.boss).get(f"/api/leaders/{mette.id}/competencies/")
    assert [c["topic"]["slug"] for c in seen.json()] == ["roster"]
    assert (
        client_for(world.boss)
        .put(f"/api/leaders/{mette.id}/competencies/", {"levels": {}}, format="json")
        .status_code
        == 403
    )
    by_hr = client_for(world.hr).put(
        f"/api/leaders/{mette.id}/competencies/", {"levels": {"budget": 1}}, format="json"
    )
    assert by_hr.status_code == 200
    assert [c["topic"]["slug"] for c in by_hr.json()] == ["budget"]


@pytest.mark.django_db
def test_competency_with_unknown_topic_or_level_is_400(world: World, client_for: ClientFor) -> None:
    client = client_for(world.new_leader)
    unknown = client.put("/api/me/competencies/", {"levels": {"nope": 2}}, format="json")
    assert unknown.status_code == 400
    assert "topic" in unknown.json()
    too_high = client.put("/api/me/competencies/", {"levels": {"budget": 4}}, format="json")
    assert too_high.status_code == 400
    assert "levels" in too_high.json()


@pytest.mark.django_db
def test_leader_list_filters_and_search(world: World, client_for: ClientFor) -> None:
    client = client_for(world.hr)
    assert _ids(client.get("/api/leaders/", {"q": "kjær"})) == {_leader(world.new_leader).id}
    assert _ids(client.get("/api/leaders/", {"administration": world.social.id})) == {
        _leader(world.mentor).id
    }
    assert _ids(client.get("/api/leaders/", {"first_leader_job": "true"})) == {
        _leader(world.new_leader).id
    }
    ordered = client.get("/api/leaders/", {"ordering": "-years_as_leader"}).json()["results"]
    assert ordered[0]["full_name"] == "Karen Lund"


@pytest.mark.django_db
def test_pages_hold_every_leader_once_in_name_order(world: World, client_for: ClientFor) -> None:
    """Pages are read key-first (``KeysFirstPaginator``): order and completeness hold."""
    unit = world.outsider.leader.unit
    Leader.objects.bulk_create(
        Leader(
            organisation=world.org,
            employee_number=f"P{i}",
            first_name=f"Fornavn {i % 3}",
            last_name=f"Andersen {i % 7}",  # ties on the last name: first name, then id
            role_title="Leder",
            unit=unit,
        )
        for i in range(23)
    )
    client = client_for(world.hr)
    seen: list[int] = []
    for page in (1, 2, 3):
        body = client.get("/api/leaders/", {"page": page, "page_size": 10}).json()
        seen += [row["id"] for row in body["results"]]
    expected = list(
        Leader.objects.filter(organisation=world.org)
        .order_by("last_name", "first_name", "id")
        .values_list("id", flat=True)
    )
    assert seen == expected[:30]
    ordered = client.get("/api/leaders/", {"ordering": "-employee_number", "page_size": 5})
    numbers = [row["employee_number"] for row in ordered.json()["results"]]
    assert numbers == sorted(numbers, reverse=True)
