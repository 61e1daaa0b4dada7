"""The embedded default needs no other service: tasks go through a SQLite broker to a worker."""

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _env(var_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "CELERY_BROKER_URL")}
    env.update(SPARRING_VAR_DIR=str(var_dir), CELERY_TASK_ALWAYS_EAGER="0")
    return env


def test_a_task_goes_through_the_sqlite_broker_to_a_worker(tmp_path: Path) -> None:
    env = _env(tmp_path)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=300,
    )
    publish = (
        "import django; django.setup();"
        "from onboarding.tasks import plans_ensure_task;"
        "plans_ensure_task.delay(424242, '2026-01-01')"
    )
    subprocess.run(
        [sys.executable, "-c", publish],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "backend.settings"},
        check=True,
        timeout=120,
    )
    broker = tmp_path / "celery-broker.sqlite3"

    def waiting() -> int:
        with sqlite3.connect(broker) as db:
            return db.execute("SELECT count(*) FROM kombu_message WHERE visible = 1").fetchone()[0]

    assert waiting() == 1
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "backend",
            "worker",
            "--pool=solo",
            "--loglevel=INFO",
            "--without-heartbeat",
            "--without-mingle",
            "--without-gossip",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 90
        while waiting() and time.monotonic() < deadline:
            time.sleep(0.5)
        assert waiting() == 0, "the worker did not take the task from the SQLite broker"
    finally:
        worker.terminate()
        output = worker.communicate(timeout=60)[0]
    # The task ran (and failed as it should for an organisation that does not exist).
    assert "onboarding.plans_ensure" in output
