"""Retention: leaders who left more than ``SPARRING_RETENTION_DAYS`` ago are erased, once."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from backend.people.models import Leader, SupportNeed
from backend.privacy.models import Erasure
from backend.privacy.services import DEFAULT_RETENTION_DAYS, retention_days
from backend.privacy.tasks import retention_apply_task
from tests.trust.scene import Scene

pytestmark = pytest.mark.django_db

LEFT_ON = dt.date(2026, 1, 15)


def _leave(scene: Scene) -> Leader:
    Leader.objects.filter(id=scene.mette.id).update(left_on=LEFT_ON, active=False)
    return scene.mette


def test_the_default_is_two_years(settings) -> None:
    assert DEFAULT_RETENTION_DAYS == 730
    assert retention_days() == 730


def test_the_environment_sets_the_period(tmp_path) -> None:
    import os
    import subprocess
    import sys
    from pathlib import Path

    show = (
        "import django; django.setup();"
        "from backend.privacy.services import retention_days; print(retention_days())"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "backend.settings",
        "SPARRING_RETENTION_DAYS": "30",
        "SPARRING_VAR_DIR": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-c", show],
        cwd=Path(__file__).resolve().parents[3],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert result.stdout.strip() == "30"
    assert retention_days() == 730  # the default, in this process


def test_a_leader_is_kept_until_the_period_ends_then_erased_once(scene: Scene, settings) -> None:
    settings.SPARRING_RETENTION_DAYS = 365
    mette = _leave(scene)
    with time_machine.travel(dt.datetime(2027, 1, 15, 12, tzinfo=dt.UTC), tick=False):
        assert retention_apply_task.delay().get() == 0  # exactly 365 days: not yet
        assert SupportNeed.objects.filter(leader=mette).exists()
    with time_machine.travel(dt.datetime(2027, 1, 17, 12, tzinfo=dt.UTC), tick=False):
        assert retention_apply_task.delay().get() == 1
        snapshot = Leader.objects.filter(id=mette.id).values().get()
        assert retention_apply_task.delay().get() == 0  # run twice: same result
        assert Leader.objects.filter(id=mette.id).values().get() == snapshot
    erasure = Erasure.objects.get()
    assert (erasure.subject_id, erasure.trigger, erasure.actor) == (mette.id, "retention", None)
    assert snapshot["first_name"] == "Slettet"
    assert not SupportNeed.objects.filter(leader=mette).exists()


def test_leaders_still_employed_are_never_touched(scene: Scene, settings) -> None:
    settings.SPARRING_RETENTION_DAYS = 1
    with time_machine.travel(dt.datetime(2030, 1, 1, 12, tzinfo=dt.UTC), tick=False):
        assert retention_apply_task.delay().get() == 0
    assert not Erasure.objects.exists()
    assert Leader.objects.get(id=scene.mette.id).first_name == "Mette"


def test_the_task_is_registered_under_the_scheduled_name(settings) -> None:
    from backend.celery import app

    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "privacy.retention_apply" in scheduled
    assert "privacy.retention_apply" in app.tasks
