"""Faults on the real stack: the database connection cut mid-task, the broker down for 30 s.

PostgreSQL + Redis + a real Celery worker process (``tests/stack.py``); run with::

    eval "$(SPARRING_TEST_PG_PORT=54340 SPARRING_TEST_REDIS_PORT=63840 scripts/services.sh start)"
    python -m pytest tests/trust/test_faults.py -m stack -q

The promise under test is the one of issue 8: a fault never loses a match run nor makes one
twice — the run completes exactly once (one set of proposals, one per mentee) after the fault.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from urllib.parse import urlparse

import pytest
from django.conf import settings
from django.db import connection
from rest_framework.test import APIClient

from backend.mentoring.models import MatchRun, Proposal
from backend.people import models as m
from tests import factories as f
from tests.conftest import World
from tests.stack import Worker, celery_worker_factory, wait_for  # noqa: F401 (fixture)

pytestmark = [pytest.mark.stack, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def start_worker(request: pytest.FixtureRequest) -> Callable[..., Worker]:
    """tests/stack.py's ``celery_worker_factory``: start workers, all stopped after the test."""
    return request.getfixturevalue("celery_worker_factory")  # type: ignore[no-any-return]


def programme_with_three_pairs(world: World, hr: APIClient, name: str) -> int:
    """A programme (through the API) with three mentees and three mentors; return its id."""
    r = hr.post("/api/programmes/", {"name": name, "starts_on": "2025-01-01"})
    assert r.status_code == 201, r.json()
    programme_id = r.json()["id"]
    culture = f.AdministrationFactory(organisation=world.org, name=f"Kultur ({name})")
    dept = f.DepartmentFactory(administration=culture)
    mentees = [world.new_leader.leader_id]
    mentees += [f.LeaderFactory(unit=f.UnitFactory(department=dept)).id for _ in range(2)]
    for leader_id in mentees:
        r = hr.post(f"/api/programmes/{programme_id}/enrolments/", {"leader": leader_id})
        assert r.status_code == 201, r.json()
    for leader_id in (world.mentor.leader_id, world.outsider.leader_id, world.grand_boss.leader_id):
        r = hr.post(
            f"/api/programmes/{programme_id}/mentor-offers/", {"leader": leader_id, "capacity": 2}
        )
        assert r.status_code == 201, r.json()
    return programme_id


def assert_completed_once(run_id: int) -> None:
    """The run succeeded, with one proposal per mentee and no duplicates."""
    run = MatchRun.objects.get(id=run_id)
    assert run.status == "succeeded" and run.progress == 100, (run.status, run.error)
    proposals = Proposal.objects.filter(run_id=run_id)
    assert proposals.count() == 3
    assert proposals.values("enrolment").distinct().count() == 3
    assert MatchRun.objects.filter(programme_id=run.programme_id).count() == 1


def worker_backends() -> list[int]:
    """PostgreSQL backends on the test database other than this process's own."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid() AND backend_type = 'client backend'"
        )
        return [row[0] for row in cursor.fetchall()]


def test_database_connection_terminated_mid_run_is_retried_and_completes_once(
    world: World,
    client_for: Callable[[m.User], APIClient],
    start_worker: Callable[..., Worker],
) -> None:
    knobs = {"SPARRING_MATCH_RUN_STEP_DELAY": "1.5", "SPARRING_MATCH_RUN_LEASE": "3"}
    worker = start_worker(env=knobs)
    hr = client_for(world.hr)
    programme_id = programme_with_three_pairs(world, hr, "Forbindelse afbrudt")
    r = hr.post(f"/api/programmes/{programme_id}/match-runs/")
    assert r.status_code == 202, r.json()
    run_id = r.json()["id"]

    def mid_run() -> bool:
        run = MatchRun.objects.get(id=run_id)
        return run.status == "running" and 0 < run.progress < 70

    wait_for(mid_run, timeout=60, what="the run to be mid-way")
    killed = []
    with connection.cursor() as cursor:
        for pid in worker_backends():
            cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
            killed.append(pid)
    assert killed, "the worker held no database connection mid-run"
    # No restart of the worker: the task itself must recover (retry on a fresh connection).
    wait_for(
        lambda: MatchRun.objects.get(id=run_id).status in ("succeeded", "failed"),
        timeout=90,
        what=lambda: (
            f"the run to finish after pg_terminate_backend; run "
            f"{MatchRun.objects.filter(id=run_id).values('status', 'progress').first()}"
            f"; worker log:\n{worker.log()[-3000:]}"
        ),
    )
    assert_completed_once(run_id)


# --- the broker down ----------------------------------------------------------------------------


class RedisServer:
    """Stop and start the test Redis named by ``CELERY_BROKER_URL`` (as scripts/services.sh)."""

    def __init__(self, url: str) -> None:
        parsed = urlparse(url)
        if parsed.scheme != "redis" or parsed.hostname not in ("127.0.0.1", "localhost"):
            raise RuntimeError(f"needs a loopback Redis broker, not {url!r}")
        self.port = parsed.port or 6379
        self.dir = tempfile.mkdtemp(prefix=f"trust-redis-{self.port}-")

    def ping(self) -> bool:
        result = subprocess.run(
            ["redis-cli", "-p", str(self.port), "ping"], capture_output=True, text=True, check=False
        )
        return result.stdout.strip() == "PONG"

    def stop(self) -> None:
        subprocess.run(
            ["redis-cli", "-p", str(self.port), "shutdown", "nosave"],
            capture_output=True,
            check=False,
        )
        wait_for(lambda: not self.ping(), timeout=10, what="Redis to stop")

    def start(self) -> None:
        if self.ping():
            return
        subprocess.run(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--daemonize",
                "yes",
                "--dir",
                self.dir,
                "--logfile",
                os.path.join(self.dir, "redis.log"),
            ],
            check=True,
        )
        wait_for(self.ping, timeout=10, what="Redis to start")


@pytest.fixture
def redis_server() -> Iterator[RedisServer]:
    """The broker's Redis; always running again when the test ends."""
    server = RedisServer(settings.CELERY_BROKER_URL)
    yield server
    server.start()
    shutil.rmtree(server.dir, ignore_errors=True)


def test_broker_down_for_30_seconds_runs_stay_queued_and_complete_afterwards(
    world: World,
    client_for: Callable[[m.User], APIClient],
    start_worker: Callable[..., Worker],
    redis_server: RedisServer,
) -> None:
    worker = start_worker(env={"SPARRING_MATCH_RUN_LEASE": "3"})
    hr = client_for(world.hr)
    programmes = [programme_with_three_pairs(world, hr, f"Mæglerfejl {i}") for i in range(2)]
    redis_server.stop()
    down_at = time.monotonic()
    answers = [hr.post(f"/api/programmes/{p}/match-runs/") for p in programmes]
    # HR is told the run is queued (not a server error), and the runs are in the database.
    assert [a.status_code for a in answers] == [202, 202], [a.content[:300] for a in answers]
    run_ids = [a.json()["id"] for a in answers]
    assert set(MatchRun.objects.filter(id__in=run_ids).values_list("status", flat=True)) == {
        "queued"
    }
    time.sleep(max(0.0, 30 - (time.monotonic() - down_at)))
    assert set(MatchRun.objects.filter(id__in=run_ids).values_list("status", flat=True)) == {
        "queued"
    }
    redis_server.start()
    # The same worker (it reconnects by itself): no restart, nothing done by hand.
    wait_for(
        lambda: all(r.status == "succeeded" for r in MatchRun.objects.filter(id__in=run_ids)),
        timeout=120,
        what=lambda: (
            f"the queued runs to complete after the broker came back: "
            f"{list(MatchRun.objects.filter(id__in=run_ids).values('id', 'status'))}"
            f"; worker log:\n{worker.log()[-3000:]}"
        ),
    )
    for run_id in run_ids:
        assert_completed_once(run_id)
