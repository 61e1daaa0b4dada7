"""The real stack: PostgreSQL, Redis and a real Celery worker process; and row locking.

Run by the PostgreSQL leg of CI (``-m "stack or postgres"``), e.g.::

    DATABASE_URL=postgres://postgres@127.0.0.1:5441/sparring \\
    CELERY_BROKER_URL=redis://127.0.0.1:6381/0 \\
    python -m pytest tests/backend/mentoring -m "stack or postgres"
"""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from backend.api.exceptions import Conflict
from backend.mentoring.models import MatchRun, MentorOffer, Mentorship, Programme, Proposal
from backend.mentoring.services.programmes import enrolment_create
from backend.mentoring.services.proposals import proposal_accept
from backend.mentoring.services.runs import match_run_execute
from tests import factories as f
from tests.stack import wait_for

pytestmark = pytest.mark.django_db(transaction=True)


def _populate(world, client) -> int:
    """Create a programme through the API with 3 mentees and 3 mentors; return its id."""
    r = client.post("/api/programmes/", {"name": "Mentorforløb (stak)", "starts_on": "2025-01-01"})
    assert r.status_code == 201, r.json()
    programme_id = r.json()["id"]
    culture = f.AdministrationFactory(organisation=world.org, name="Kultur og Teknik")
    dept = f.DepartmentFactory(administration=culture)
    mentees = [world.new_leader.leader_id]
    mentees += [f.LeaderFactory(unit=f.UnitFactory(department=dept)).id for _ in range(2)]
    for leader_id in mentees:
        r = client.post(f"/api/programmes/{programme_id}/enrolments/", {"leader": leader_id})
        assert r.status_code == 201, r.json()
    mentors = [world.mentor.leader_id, world.outsider.leader_id, world.grand_boss.leader_id]
    for leader_id in mentors:
        r = client.post(
            f"/api/programmes/{programme_id}/mentor-offers/", {"leader": leader_id, "capacity": 2}
        )
        assert r.status_code == 201, r.json()
    return programme_id


@pytest.mark.stack
def test_programme_run_accept_on_the_real_stack(world, client_for, celery_worker_factory):
    celery_worker_factory(env={"SPARRING_MATCH_RUN_STEP_DELAY": "0.5"})
    hr = client_for(world.hr)
    programme_id = _populate(world, hr)
    r = hr.post(f"/api/programmes/{programme_id}/match-runs/")
    assert r.status_code == 202
    run_id = r.json()["id"]
    seen: list[tuple[str, int]] = []

    def done() -> bool:
        body = hr.get(f"/api/match-runs/{run_id}/").json()
        seen.append((body["status"], body["progress"]))
        return body["status"] in ("succeeded", "failed")

    wait_for(done, timeout=60, what=lambda: f"run to finish; seen {seen[-5:]}")
    assert seen[-1] == ("succeeded", 100)
    assert any(status == "running" and 0 < p < 100 for status, p in seen), seen  # progress seen
    proposals = hr.get(f"/api/programmes/{programme_id}/proposals/").json()["results"]
    assert len(proposals) == 3
    mette = next(p for p in proposals if p["mentee"]["name"] == "Mette Kjær")
    assert hr.post(f"/api/proposals/{mette['id']}/approve/").status_code == 200
    assert (
        client_for(world.new_leader)
        .post(f"/api/proposals/{mette['id']}/accept/")
        .json()["mentorship"]
        is None
    )
    accepted = client_for(world.mentor).post(f"/api/proposals/{mette['id']}/accept/").json()
    mentorship = client_for(world.new_leader).get(f"/api/mentorships/{accepted['mentorship']}/")
    assert mentorship.json()["status"] == "active"
    assert mentorship.json()["mentor"]["name"] == "Jens Bak"


@pytest.mark.stack
def test_worker_killed_mid_run_completes_exactly_once(world, client_for, celery_worker_factory):
    knobs = {"SPARRING_MATCH_RUN_STEP_DELAY": "1.5", "SPARRING_MATCH_RUN_LEASE": "3"}
    worker = celery_worker_factory(env=knobs)
    hr = client_for(world.hr)
    programme_id = _populate(world, hr)
    run_id = hr.post(f"/api/programmes/{programme_id}/match-runs/").json()["id"]

    def mid_run() -> bool:
        run = MatchRun.objects.get(id=run_id)
        return run.status == "running" and 0 < run.progress < 70

    wait_for(mid_run, timeout=60, what="the run to be mid-way")
    worker.kill()
    run = MatchRun.objects.get(id=run_id)
    assert run.status == "running" and not Proposal.objects.filter(run_id=run_id).exists()
    # A new worker after the lease has passed picks the abandoned run up.
    threading.Event().wait(3.5)
    worker.start()
    wait_for(
        lambda: MatchRun.objects.get(id=run_id).status == "succeeded",
        timeout=60,
        what=lambda: f"the run to finish; worker log:\n{worker.log()[-3000:]}",
    )
    run = MatchRun.objects.get(id=run_id)
    assert run.attempts == 2 and run.progress == 100
    proposals = Proposal.objects.filter(run_id=run_id)
    assert proposals.count() == 3
    assert proposals.values("enrolment").distinct().count() == 3  # no duplicates
    # A late redelivery of the original message is harmless.
    assert match_run_execute(run_id=run_id).attempts == 2
    assert Proposal.objects.filter(run_id=run_id).count() == 3


@pytest.mark.postgres
def test_twenty_concurrent_accepts_against_capacity_three(world):
    if connection.vendor != "postgresql":
        pytest.fail("needs PostgreSQL: run with DATABASE_URL=postgres://...")
    programme = Programme.objects.create(
        organisation=world.org, name="Kapacitet", starts_on="2025-01-01"
    )
    offer = MentorOffer.objects.create(programme=programme, leader=world.mentor.leader, capacity=3)
    from django.utils import timezone

    proposals = []
    for _ in range(20):
        mentee = f.LeaderFactory(unit=f.UnitFactory(department=world.children.departments.first()))
        enrolment = enrolment_create(programme=programme, leader=mentee)
        proposals.append(
            Proposal.objects.create(
                programme=programme,
                enrolment=enrolment,
                offer=offer,
                origin="manual",
                status="offered",
                mentee_accepted_at=timezone.now(),
            )
        )
    barrier = threading.Barrier(20)
    outcomes: list[str] = []
    lock = threading.Lock()

    def accept(proposal: Proposal) -> None:
        try:
            barrier.wait()
            proposal_accept(proposal=proposal, leader=world.mentor.leader)
            result = "ok"
        except Conflict:
            result = "full"
        except Exception as exc:  # anything else is a bug the test must show
            result = f"error: {exc!r}"
        finally:
            connection.close()  # each thread had its own connection
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=accept, args=(p,)) for p in proposals]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert sorted(outcomes) == ["full"] * 17 + ["ok"] * 3
    assert Mentorship.objects.filter(offer=offer, status="active").count() == 3
    offer.refresh_from_db()
    assert offer.active_count == 3
