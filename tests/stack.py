"""Run the real stack from tests: a ``celery -A backend worker`` process on the test database.

Used by tests marked ``stack`` (PostgreSQL + Redis, see ``.ci/run``). The worker gets the
same settings as the test process, with ``DATABASE_URL`` pointing at pytest-django's *test*
database (tests must use ``django_db(transaction=True)`` so their rows are committed and
visible to the worker) and the same ``CELERY_BROKER_URL``.

Example::

    @pytest.mark.stack
    @pytest.mark.django_db(transaction=True)
    def test_something(celery_worker):
        ...                               # the worker is running
        celery_worker.kill()              # SIGKILL, mid-task
        celery_worker.start()             # a fresh worker process

Knobs passed to the worker through ``env`` (documented in docs/mentoring.md):
``SPARRING_MATCH_RUN_STEP_DELAY`` (seconds to pause after each phase of a match run) and
``SPARRING_MATCH_RUN_LEASE`` (seconds after which an abandoned run is taken over).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent


def stack_database_url() -> str:
    """Return a ``DATABASE_URL`` for the database the test process is connected to now."""
    s = connection.settings_dict
    if connection.vendor != "postgresql":
        raise RuntimeError("the real stack needs PostgreSQL (set DATABASE_URL)")
    auth = quote(s["USER"] or "")
    if s.get("PASSWORD"):
        auth += ":" + quote(s["PASSWORD"])
    return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


class Worker:
    """A Celery worker subprocess (prefork, one child) that can be started, killed, restarted."""

    def __init__(self, *, env: Mapping[str, str] | None = None, concurrency: int = 1) -> None:
        self.env = dict(env or {})
        self.concurrency = concurrency
        self.process: subprocess.Popen[bytes] | None = None
        self.log_path = Path(tempfile.mkstemp(prefix="celery-worker-", suffix=".log")[1])

    def start(self, *, timeout: float = 60) -> None:
        """Start a worker and wait until it reports ready (its recovery hook has run then)."""
        env = {k: v for k, v in os.environ.items() if k != "CELERY_TASK_ALWAYS_EAGER"}
        env.update(
            DATABASE_URL=stack_database_url(),
            DJANGO_SETTINGS_MODULE="backend.settings",
            PYTHONPATH=str(ROOT),
            **self.env,
        )
        self.log_path.write_text("")
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "backend",
                "worker",
                "--loglevel=INFO",
                f"--concurrency={self.concurrency}",
                "--pool=prefork",
                f"--hostname=stack-{uuid.uuid4().hex[:8]}@%h",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: kill() takes the children too
        )
        wait_for(
            lambda: " ready." in self.log(),
            timeout=timeout,
            what=lambda: f"worker ready; log:\n{self.log()[-3000:]}",
        )

    def log(self) -> str:
        """The worker's output so far."""
        return self.log_path.read_text(errors="replace")

    def kill(self) -> None:
        """SIGKILL the worker and its pool children at once: no ack, no cleanup."""
        assert self.process is not None
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)
        self.process = None

    def stop(self) -> None:
        """Stop the worker (warm shutdown, then SIGKILL after 20 s)."""
        if self.process is None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=20)
        except (subprocess.TimeoutExpired, ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        self.process = None


def wait_for(
    condition: Callable[[], object],
    *,
    timeout: float,
    what: Callable[[], str] | str,
    interval: float = 0.1,
) -> None:
    """Poll ``condition`` until it is truthy; fail the test with ``what`` on timeout."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(interval)
    pytest.fail(f"timed out after {timeout}s waiting for {what() if callable(what) else what}")


@pytest.fixture
def celery_worker_factory(settings) -> Iterator[Callable[..., Worker]]:
    """Return a factory of started workers; all are stopped at the end of the test.

    The test process itself dispatches to the broker (eager mode off), like the web server.
    """
    from backend.celery import app

    eager = app.conf.task_always_eager
    app.conf.task_always_eager = False
    app.control.purge()  # messages of earlier test runs would point at rows that are gone
    settings.CELERY_TASK_ALWAYS_EAGER = False
    workers: list[Worker] = []

    def make(*, env: Mapping[str, str] | None = None, concurrency: int = 1) -> Worker:
        worker = Worker(env=env, concurrency=concurrency)
        workers.append(worker)
        worker.start()
        return worker

    yield make
    for worker in workers:
        worker.stop()
    app.conf.task_always_eager = eager


@pytest.fixture
def celery_worker(celery_worker_factory: Callable[..., Worker]) -> Worker:
    """One running worker on the test database."""
    return celery_worker_factory()
