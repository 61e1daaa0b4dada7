"""Support needs: the leader's own to manage; HR reads them for a stated purpose; bosses never."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from rest_framework.test import APIClient

from backend.people import hooks
from backend.people.models import SupportNeed, User
from tests import factories as f
from tests.conftest import CANARY, World

ClientFor = Callable[[User | None], APIClient]


@pytest.fixture
def recorded() -> Iterator[list[dict[str, Any]]]:
    """Capture ``record_access`` calls (the privacy app's access log will receive them)."""
    calls: list[dict[str, Any]] = []

    def recorder(**kwargs: Any) -> None:
        calls.append(kwargs)

    hooks.access_recorder_register(recorder)
    yield calls
    hooks.access_recorder_unregister(recorder)


@pytest.mark.django_db
def test_leader_lists_own_needs_without_notes(world: World, client_for: ClientFor) -> None:
    response = client_for(world.new_leader).get("/api/me/support-needs/")
    assert response.status_code == 200
    rows = response.json()["results"]
    assert [(r["topic"]["slug"], r["weight"], r["has_note"]) for r in rows] == [("budget", 3, True)]
    assert CANARY not in response.content.decode()


@pytest.mark.django_db
def test_leader_reads_own_note_in_the_detail(world: World, client_for: ClientFor) -> None:
    need = SupportNeed.objects.get(leader=world.new_leader.leader)
    response = client_for(world.new_leader).get(f"/api/me/support-needs/{need.id}/")
    assert response.status_code == 200
    assert CANARY in response.json()["note"]


@pytest.mark.django_db
def test_leader_creates_updates_and_deletes_a_need(world: World, client_for: ClientFor) -> None:
    client = client_for(world.new_leader)
    created = client.post(
        "/api/me/support-needs/", {"topic": world.roster.id, "weight": 1, "note": "vagtplan"}
    )
    assert created.status_code == 201, created.content
    need_id = created.json()["id"]
    assert created.json()["note"] == "vagtplan"
    updated = client.patch(f"/api/me/support-needs/{need_id}/", {"weight": 3, "status": "met"})
    assert updated.status_code == 200
    assert (updated.json()["weight"], updated.json()["status"]) == (3, "met")
    lowered = client.patch(f"/api/me/support-needs/{need_id}/", {"weight": 1})
    assert lowered.json()["weight"] == 1
    assert client.delete(f"/api/me/support-needs/{need_id}/").status_code == 204
    assert not SupportNeed.objects.filter(id=need_id).exists()


@pytest.mark.django_db
def test_stating_a_need_twice_raises_it_instead_of_failing(
    world: World, client_for: ClientFor
) -> None:
    response = client_for(world.new_leader).post(
        "/api/me/support-needs/", {"topic": world.budget.id, "weight": 1}
    )
    assert response.status_code == 201
    assert response.json()["weight"] == 3  # never lowered by a repeated "I need help"
    assert SupportNeed.objects.filter(leader=world.new_leader.leader).count() == 1


@pytest.mark.django_db
def test_invalid_need_input_is_400_with_fields(world: World, client_for: ClientFor) -> None:
    client = client_for(world.new_leader)
    other_topic = f.TopicFactory(organisation=world.other_organisation.organisation)
    response = client.post("/api/me/support-needs/", {"topic": other_topic.id, "weight": 9})
    assert response.status_code == 400
    assert {"topic", "weight"} <= set(response.json())
    world.roster.active = False
    world.roster.save()
    retired = client.post("/api/me/support-needs/", {"topic": world.roster.id})
    assert retired.status_code == 400
    assert "topic" in retired.json()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "persona", ["boss", "grand_boss", "outsider", "mentor", "hr", "other_organisation"]
)
def test_nobody_else_reaches_mettes_need_detail(
    world: World, client_for: ClientFor, persona: str
) -> None:
    need = SupportNeed.objects.get(leader=world.new_leader.leader)
    client = client_for(getattr(world, persona))
    for method in ("get", "patch", "delete"):
        response = getattr(client, method)(f"/api/me/support-needs/{need.id}/")
        assert response.status_code in (403, 404)
        assert CANARY not in response.content.decode()
    assert SupportNeed.objects.filter(id=need.id, weight=3).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["boss", "grand_boss", "outsider", "new_leader"])
def test_leaders_cannot_use_the_hr_list(world: World, client_for: ClientFor, persona: str) -> None:
    response = client_for(getattr(world, persona)).get(
        "/api/support-needs/", {"purpose": "matching"}
    )
    assert response.status_code == 403
    assert CANARY not in response.content.decode()


@pytest.mark.django_db
def test_hr_list_requires_a_purpose(
    world: World, client_for: ClientFor, recorded: list[dict[str, Any]]
) -> None:
    response = client_for(world.hr).get("/api/support-needs/")
    assert response.status_code == 400
    assert "purpose" in response.json()
    assert recorded == []


@pytest.mark.django_db
def test_hr_lists_needs_in_scope_without_notes_and_the_read_is_recorded(
    world: World, client_for: ClientFor, recorded: list[dict[str, Any]]
) -> None:
    response = client_for(world.hr).get("/api/support-needs/", {"purpose": "matching"})
    assert response.status_code == 200
    rows = response.json()["results"]
    assert [(r["leader"]["full_name"], r["topic"]["slug"]) for r in rows] == [
        ("Mette Kjær", "budget")
    ]
    assert CANARY not in response.content.decode()
    assert "note" not in rows[0]
    assert [(c["actor"], c["subject_leader"], c["purpose"], c["what"]) for c in recorded] == [
        (world.hr, world.new_leader.leader, "matching", "support_needs")
    ]


@pytest.mark.django_db
def test_scoped_hr_sees_only_needs_in_its_administrations(
    world: World, client_for: ClientFor
) -> None:
    f.SupportNeedFactory(leader=world.mentor.leader, topic=world.roster)
    response = client_for(world.hr_scoped).get("/api/support-needs/", {"purpose": "follow-up"})
    assert [r["leader"]["full_name"] for r in response.json()["results"]] == ["Jens Bak"]


@pytest.mark.django_db
def test_other_organisations_hr_sees_no_needs(world: World, client_for: ClientFor) -> None:
    response = client_for(world.other_organisation).get(
        "/api/support-needs/", {"purpose": "matching"}
    )
    assert response.status_code == 200
    assert response.json()["results"] == []


@pytest.mark.django_db
def test_hr_without_leader_has_no_own_needs(world: World, client_for: ClientFor) -> None:
    assert client_for(world.hr).get("/api/me/support-needs/").status_code == 403
