"""Celery tasks of the mentoring app: thin wrappers that take ids and call one service each.

The services never import this module (it imports them): ``services.runs`` sends the match-run
task by its name, and ``MentoringConfig.ready`` imports this module so the tasks are registered
in every process (eager mode runs them in-process by name).
"""

from __future__ import annotations

import logging
from typing import Any

from celery import bootsteps, shared_task
from django.db import InterfaceError, OperationalError

from backend.celery import app
from backend.mentoring.models import Programme
from backend.mentoring.services.mentorships import nudges_send, pairs_recheck
from backend.mentoring.services.programmes import enrolment_ensure_new_leaders
from backend.mentoring.services.proposals import proposals_expire
from backend.mentoring.services.runs import (
    MATCH_RUN_EXECUTE_TASK,
    match_run_execute,
    match_runs_recover,
)
from backend.people.models import Organisation

logger = logging.getLogger(__name__)


@shared_task(
    name=MATCH_RUN_EXECUTE_TASK,
    acks_late=True,
    reject_on_worker_lost=True,
    # A broken database connection gives the run back to the queue (see match_run_execute);
    # the retry then starts it afresh on a new connection.
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=2,
    retry_backoff_max=60,
    retry_jitter=False,
    max_retries=8,
)
def match_run_execute_task(run_id: int) -> None:
    """Run a queued match run (harmless when delivered twice: see ``match_run_execute``)."""
    match_run_execute(run_id=run_id)


@shared_task(name="mentoring.proposals_expire", acks_late=True)
def proposals_expire_task() -> int:
    """Expire open proposals past their date and cascade their mentees (beat, hourly)."""
    return len(proposals_expire())


@shared_task(name="mentoring.nudges_send", acks_late=True)
def nudges_send_task() -> dict[str, int]:
    """Send "did you meet?" prompts and inactivity nudges, flag to HR (beat, daily)."""
    return nudges_send()


@shared_task(name="mentoring.enrolment_ensure_new_leaders", acks_late=True)
def enrolment_ensure_new_leaders_task(programme_id: int | None = None) -> int:
    """Enrol new leaders in one programme, or in every running programme when no id is given."""
    programmes = Programme.objects.all()
    if programme_id is not None:
        programmes = programmes.filter(id=programme_id)
    return sum(len(enrolment_ensure_new_leaders(programme=p)) for p in programmes)


@shared_task(name="mentoring.pairs_recheck", acks_late=True)
def pairs_recheck_task(organisation_id: int | None = None) -> int:
    """Flag live pairs that now break a hard rule after an organisation change.

    Without an id (the daily beat job) every organisation is re-checked.
    """
    if organisation_id is not None:
        return len(pairs_recheck(organisation_id=organisation_id))
    ids = Organisation.objects.values_list("id", flat=True)
    return sum(len(pairs_recheck(organisation_id=org_id)) for org_id in ids)


@shared_task(name="mentoring.match_runs_recover", acks_late=True)
def match_runs_recover_task() -> list[int]:
    """Re-dispatch abandoned or never-delivered match runs (beat, every minute)."""
    return match_runs_recover()


class RecoverMatchRuns(bootsteps.StartStopStep):
    """Each time a worker (re)connects to the broker, pick up runs that were left behind.

    That covers a worker that died mid-run (its run's lease has passed) and runs queued while
    the broker was down (their message was never published): both are re-dispatched as soon as
    a worker can reach the broker again, without waiting for beat. Re-dispatching a run that is
    alive elsewhere is harmless: the claim check in ``match_run_execute`` turns it away.
    """

    requires = ("celery.worker.consumer.tasks:Tasks",)

    def start(self, parent: Any) -> None:
        try:
            recovered = match_runs_recover()
        except Exception:  # a worker must start even if the database is briefly unavailable
            logger.exception("could not recover match runs")
            return
        if recovered:
            logger.info("re-dispatched match runs %s", recovered)


app.steps["consumer"].add(RecoverMatchRuns)
