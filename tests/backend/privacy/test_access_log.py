"""Every read of another person's support needs is logged, and the leader can see it."""

import pytest

from backend.privacy.models import AccessLogEntry
from tests.conftest import CANARY, World
from tests.trust.scene import Scene, build_scene


@pytest.fixture
def scene(world: World) -> Scene:
    """Mette paired with Jens as mentor (a proposal both accepted), and more around them."""
    return build_scene(world)


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


@pytest.mark.django_db
def test_admin_reads_of_support_needs_are_logged(world: World, client, client_for) -> None:
    """The Django admin's list and change form both write the read, channel "admin"."""
    world.hr.is_staff = world.hr.is_superuser = True
    world.hr.save()
    client.force_login(world.hr)
    need = world.new_leader.leader.support_needs.get()

    assert client.get("/admin/people/supportneed/").status_code == 200
    listed = AccessLogEntry.objects.get(subject=world.new_leader.leader)
    assert (listed.actor, listed.channel, listed.what) == (world.hr, "admin", "support_needs")

    response = client.get(f"/admin/people/supportneed/{need.id}/change/")
    assert response.status_code == 200
    assert CANARY in response.content.decode()  # the form shows the note: so it is logged
    entries = AccessLogEntry.objects.filter(subject=world.new_leader.leader, channel="admin")
    assert entries.count() == 2
    assert f"/admin/people/supportneed/{need.id}/change/" in entries.first().purpose

    mine = client_for(world.new_leader).get("/api/privacy/access-log/").json()["results"]
    assert [e["channel"] for e in mine] == ["admin", "admin"]


@pytest.mark.django_db
def test_mentor_view_of_the_mentees_topics_is_logged(scene: Scene, client_for) -> None:
    """A proposal shows the mentor what the mentee wants help with: the mentee sees that read."""
    world = scene.world
    AccessLogEntry.objects.all().delete()
    response = client_for(world.mentor).get(f"/api/proposals/{scene.proposal.id}/")
    assert response.status_code == 200
    assert response.json()["mentee"]["topics"]  # the mentor did see the topics
    entry = AccessLogEntry.objects.get(subject=scene.mette)
    assert (entry.actor, entry.what) == (world.mentor, "support_need_topics")
    assert "Mentorforslag" in entry.purpose

    client_for(world.mentor).get("/api/proposals/mine/")
    assert AccessLogEntry.objects.filter(subject=scene.mette, actor=world.mentor).count() == 2

    # The mentee reading their own proposal is not a read of someone else's data.
    client_for(world.new_leader).get(f"/api/proposals/{scene.proposal.id}/")
    client_for(world.new_leader).get("/api/proposals/mine/")
    assert AccessLogEntry.objects.filter(subject=scene.mette).count() == 2


@pytest.mark.django_db
def test_hr_proposal_list_logs_each_mentee_once_per_page(scene: Scene, client_for) -> None:
    world = scene.world
    AccessLogEntry.objects.all().delete()
    url = f"/api/programmes/{scene.programme.id}/proposals/"
    response = client_for(world.hr).get(url)
    assert response.status_code == 200 and response.json()["count"] >= 1
    entry = AccessLogEntry.objects.get(subject=scene.mette)
    assert (entry.actor, entry.what, entry.purpose) == (
        world.hr,
        "support_need_topics",
        "Mentormatch: forslag med mentees emner",
    )
