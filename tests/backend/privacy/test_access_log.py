"""Every read of another person's support needs is logged, and the leader can see it."""

import pytest

from backend.privacy.models import AccessLogEntry
from tests.conftest import World


@pytest.mark.django_db
def test_hr_read_of_support_needs_is_logged_with_its_purpose(world: World, client_for) -> None:
    response = client_for(world.hr).get(
        "/api/support-needs/", {"purpose": "Forberedelse af mentormatch"}
    )
    assert response.status_code == 200, response.content
    entry = AccessLogEntry.objects.get(subject=world.new_leader.leader)
    assert entry.actor == world.hr and entry.what == "support_needs"
    assert entry.purpose == "Forberedelse af mentormatch"

    mine = client_for(world.new_leader).get("/api/privacy/access-log/").json()["results"]
    assert [(e["actor_name"], e["purpose"]) for e in mine] == [
        ("hr", "Forberedelse af mentormatch")
    ]


@pytest.mark.django_db
def test_reading_your_own_needs_is_not_logged_and_others_see_no_log(
    world: World, client_for
) -> None:
    assert client_for(world.new_leader).get("/api/me/support-needs/").status_code == 200
    assert not AccessLogEntry.objects.exists()
    client_for(world.hr).get("/api/support-needs/", {"purpose": "Opfølgning"})
    # The boss has no private data read here, and never sees the report's log.
    assert client_for(world.boss).get("/api/privacy/access-log/").json()["results"] == []
    assert client_for(world.hr).get("/api/privacy/access-log/").json()["results"] == []


@pytest.mark.django_db
def test_hr_must_state_a_purpose(world: World, client_for) -> None:
    response = client_for(world.hr).get("/api/support-needs/")
    assert response.status_code == 400
    assert "purpose" in response.json()
    assert not AccessLogEntry.objects.exists()
