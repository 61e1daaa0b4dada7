"""A confidential coach through the API, persona by persona: the leader, HR, the coach, and the
line of command — the boss and the boss's boss — who never learn that a request exists."""

from __future__ import annotations

from typing import Any

import pytest

from backend.coaching.models import Coach, CoachRequest
from backend.notifications.models import Notification
from backend.people import models as m
from backend.privacy.models import AccessLogEntry
from tests import factories as f
from tests.backend.coaching.conftest import Pool
from tests.conftest import World

SECRET = "CANARY-coach-7c2e: jeg overvejer at sige op"


def _ask(world: World, client_for: Any, **body: Any) -> dict[str, Any]:
    payload = {"text": SECRET, "topics": [world.budget.id], "preference": "any", **body}
    response = client_for(world.new_leader).post(
        "/api/coaching/requests/mine/", payload, format="json"
    )
    assert response.status_code == 201, response.content
    return dict(response.json())


@pytest.mark.django_db
def test_the_leader_asks_hr_approves_and_the_leader_sees_the_coach(
    world: World, pool: Pool, client_for: Any
) -> None:
    mine = _ask(world, client_for)
    assert mine["status"] == "open" and mine["coach"] is None
    hr = client_for(world.hr)
    queue = hr.get("/api/coaching/requests/").json()["results"]
    assert [r["id"] for r in queue] == [mine["id"]]
    proposal = queue[0]["proposal"]
    assert proposal["proposed"]["coach"]["id"] == pool.other_administration.id
    assert proposal["proposed"]["reasons"]  # in words
    assert pool.grand_boss.id not in [o["coach"]["id"] for o in proposal["options"]]
    assigned = hr.post(
        f"/api/coaching/requests/{mine['id']}/assign/",
        {"coach": pool.other_administration.id},
        format="json",
    )
    assert assigned.status_code == 200, assigned.content
    seen = client_for(world.new_leader).get(f"/api/coaching/requests/mine/{mine['id']}/").json()
    assert seen["status"] == "assigned"
    assert seen["coach"]["name"] == "Jens Bak"
    assert seen["coach"]["email"] == world.mentor.leader.email  # type: ignore[union-attr]
    kinds = set(Notification.objects.values_list("user__username", "kind"))
    assert ("mette", "coaching.assigned") in kinds
    assert ("jens", "coaching.coachee") in kinds
    assert ("hr", "coaching.request") in kinds


@pytest.mark.django_db
def test_hrs_reads_are_written_to_the_leaders_access_log(
    world: World, pool: Pool, client_for: Any
) -> None:
    mine = _ask(world, client_for)
    mette = world.new_leader.leader
    assert AccessLogEntry.objects.filter(subject=mette).count() == 0
    client_for(world.hr).get("/api/coaching/requests/")
    client_for(world.hr).get(f"/api/coaching/requests/{mine['id']}/")
    entries = AccessLogEntry.objects.filter(subject=mette, actor=world.hr, what="coach_request")
    assert entries.count() == 2
    own_log = client_for(world.new_leader).get("/api/privacy/access-log/").json()
    assert len(own_log["results"]) == 2


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["boss", "grand_boss", "outsider", "mentor"])
def test_the_line_and_other_leaders_never_learn_that_a_request_exists(
    world: World, pool: Pool, client_for: Any, persona: str
) -> None:
    mine = _ask(world, client_for)
    client = client_for(getattr(world, persona))
    for url in (
        "/api/coaching/requests/",
        f"/api/coaching/requests/{mine['id']}/",
        "/api/coaching/coaches/",
    ):
        assert client.get(url).status_code == 403  # a role check: says nothing of the row
    assert client.get(f"/api/coaching/requests/mine/{mine['id']}/").status_code == 404
    assert client.post(f"/api/coaching/requests/mine/{mine['id']}/end/").status_code == 404
    assert client.get("/api/coaching/requests/mine/").json()["count"] == 0
    assert client.get("/api/coaching/coachees/").json()["count"] == 0
    for path in ("/api/me/", "/api/notifications/", f"/api/leaders/{mine['id']}/"):
        assert SECRET not in client.get(path).content.decode()
    assert not Notification.objects.filter(user=getattr(world, persona)).exists()


@pytest.mark.django_db
def test_scoped_hr_and_another_organisation_see_nothing(
    world: World, pool: Pool, client_for: Any
) -> None:
    mine = _ask(world, client_for)
    scoped = client_for(world.hr_scoped)
    assert scoped.get("/api/coaching/requests/").status_code == 403
    assert scoped.get(f"/api/coaching/requests/{mine['id']}/").status_code == 403
    andeby = client_for(world.other_organisation)
    assert andeby.get("/api/coaching/requests/").json()["count"] == 0
    assert andeby.get(f"/api/coaching/requests/{mine['id']}/").status_code == 404


@pytest.mark.django_db
def test_hr_in_the_leaders_line_does_not_see_the_request(
    world: World, pool: Pool, client_for: Any
) -> None:
    """An HR user who is also a leader above (or below) the requester is in the line."""
    mine = _ask(world, client_for)
    hr_boss = f.UserFactory(
        username="hr_peter_twin", organisation=world.org, role=m.User.Role.HR, leader=None
    )
    hr_boss.leader = world.boss.leader
    world.boss.leader = None
    world.boss.save()
    hr_boss.save()
    client = client_for(hr_boss)
    assert client.get("/api/coaching/requests/").json()["count"] == 0
    assert client.get(f"/api/coaching/requests/{mine['id']}/").status_code == 404
    assign = client.post(
        f"/api/coaching/requests/{mine['id']}/assign/",
        {"coach": pool.external.id},
        format="json",
    )
    assert assign.status_code == 404
    assert not Notification.objects.filter(user=hr_boss).exists()


@pytest.mark.django_db
def test_hr_cannot_assign_a_coach_in_the_line(world: World, pool: Pool, client_for: Any) -> None:
    mine = _ask(world, client_for)
    for coach in (pool.grand_boss, pool.report):
        response = client_for(world.hr).post(
            f"/api/coaching/requests/{mine['id']}/assign/", {"coach": coach.id}, format="json"
        )
        assert response.status_code == 400
        assert "coach" in response.json()


@pytest.mark.django_db
def test_the_coach_sees_who_not_what_and_marks_it_finished(
    world: World, pool: Pool, client_for: Any
) -> None:
    mine = _ask(world, client_for)
    client_for(world.hr).post(
        f"/api/coaching/requests/{mine['id']}/assign/",
        {"coach": pool.other_administration.id},
        format="json",
    )
    coach = client_for(world.mentor)
    listed = coach.get("/api/coaching/coachees/")
    assert listed.json()["results"][0]["leader"]["name"] == "Mette Kjær"
    assert SECRET not in listed.content.decode()
    assert "topics" not in listed.json()["results"][0]
    other = client_for(world.outsider)
    assert other.post(f"/api/coaching/coachees/{mine['id']}/finish/").status_code == 404
    done = coach.post(f"/api/coaching/coachees/{mine['id']}/finish/")
    assert done.status_code == 200 and done.json()["status"] == "finished"
    assert Notification.objects.filter(user=world.new_leader, kind="coaching.finished").exists()


@pytest.mark.django_db
def test_the_leader_withdraws_closes_and_asks_once_at_a_time(
    world: World, pool: Pool, client_for: Any
) -> None:
    mine = _ask(world, client_for)
    again = client_for(world.new_leader).post(
        "/api/coaching/requests/mine/", {"text": "En gang til"}, format="json"
    )
    assert again.status_code == 409
    ended = client_for(world.new_leader).post(f"/api/coaching/requests/mine/{mine['id']}/end/")
    assert ended.json()["status"] == "withdrawn"
    second = _ask(world, client_for)
    client_for(world.hr).post(
        f"/api/coaching/requests/{second['id']}/assign/",
        {"coach": pool.external.id},
        format="json",
    )
    closed = client_for(world.new_leader).post(f"/api/coaching/requests/mine/{second['id']}/end/")
    assert closed.json()["status"] == "finished"
    assert CoachRequest.objects.get(id=second["id"]).ended_at is not None


@pytest.mark.django_db
def test_hr_keeps_the_pool(world: World, client_for: Any) -> None:
    hr = client_for(world.hr)
    external = hr.post(
        "/api/coaching/coaches/",
        {
            "kind": "external",
            "name": "Anders Vang",
            "firm": "Vang Ledelse",
            "email": "anders@vang.dk",
            "capacity": 3,
            "topics": [world.roster.id],
            "languages": ["da", "en"],
        },
        format="json",
    )
    assert external.status_code == 201, external.content
    internal = hr.post(
        "/api/coaching/coaches/",
        {"kind": "internal", "leader": world.mentor.leader.id, "capacity": 1},  # type: ignore[union-attr]
        format="json",
    )
    assert internal.status_code == 201
    assert internal.json()["name"] == "Jens Bak"
    nameless = hr.post("/api/coaching/coaches/", {"kind": "external"}, format="json")
    assert nameless.status_code == 400 and "name" in nameless.json()
    paused = hr.patch(
        f"/api/coaching/coaches/{external.json()['id']}/", {"status": "paused"}, format="json"
    )
    assert paused.json()["status"] == "paused"
    assert client_for(world.hr_scoped).get("/api/coaching/coaches/").status_code == 403
    assert client_for(world.new_leader).post("/api/coaching/coaches/", {}).status_code == 403
    andeby = client_for(world.other_organisation)
    assert andeby.get(f"/api/coaching/coaches/{external.json()['id']}/").status_code == 404


@pytest.mark.django_db
def test_the_pool_list_takes_the_same_queries_for_2_and_12_coaches(
    world: World, client_for: Any
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    hr = client_for(world.hr)
    counts = []
    for total in (2, 12):
        while Coach.objects.filter(organisation=world.org).count() < total:
            coach = f.CoachFactory(organisation=world.org)
            coach.topics.set([world.budget])
        with CaptureQueriesContext(connection) as queries:
            assert hr.get("/api/coaching/coaches/").json()["count"] == total
        counts.append(len(queries))
    assert counts[0] == counts[1]
