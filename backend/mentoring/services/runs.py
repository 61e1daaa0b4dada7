"""Match runs: queue a run, execute it in a worker (claim, solve, write), recover lost runs.

One run at a time per programme (a partial unique index); a run is claimed with a lease and a
heartbeat, so a run whose worker died is taken over, and a retried task is harmless.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
import uuid
from collections.abc import Mapping
from types import SimpleNamespace
from typing import Any

from django.conf import settings
from django.db import IntegrityError, InterfaceError, OperationalError, connection, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from backend.api.exceptions import Conflict, ServiceError
from backend.bulk import bulk_insert_rows
from backend.celery import app as celery_app
from backend.mentoring.models import (
    Enrolment,
    MatchRun,
    Programme,
    Proposal,
    Suggestion,
)
from backend.mentoring.problem import (
    Built,
    policy_from_json,
    policy_to_json,
    problem_for_programme,
)
from backend.mentoring.reasons import NO_MENTEES, NO_MENTORS, ReasonsJson, reason_json
from backend.mentoring.selectors import programme_for_hr_or_404
from backend.mentoring.services.notices import notify_leader
from backend.notifications import links
from backend.people.models import User

logger = logging.getLogger(__name__)


# Reasons a mentee or mentor was left out of a run, for HR (English and Danish).
EXCLUSION_REASONS = {
    "withdrawn": "Withdrawn from the programme",
    "left_organisation": "Has left the organisation",
    "open_proposal": "Already has an open proposal",
    "already_matched": "Already matched",
    "enrolled_as_mentee": "Enrolled as a mentee in the same programme",
    "paused": "The mentor has paused",
    "invitation_open": "Invited as a mentor, has not answered yet",
    "invitation_declined": "Declined the invitation to mentor",
    "mentee_elsewhere": "Enrolled as a mentee in another programme (no HR override)",
    "first_year": "In their first year as a leader (no HR override)",
    "active_mentorship_elsewhere": "Already has an active mentorship (HR has not allowed a second)",
}


def match_run_step_delay() -> float:
    """Seconds to sleep after each phase of a run (test-only knob; 0 in production).

    ``SPARRING_MATCH_RUN_STEP_DELAY`` lets the stack test observe a run mid-way and kill the
    worker while it runs.
    """
    return float(settings.SPARRING_MATCH_RUN_STEP_DELAY)


def match_run_lease() -> float:
    """Seconds after its last heartbeat when a running run counts as abandoned (worker died).

    ``SPARRING_MATCH_RUN_LEASE`` (default 600); a run's phases beat far more often than that.
    """
    return float(settings.SPARRING_MATCH_RUN_LEASE)


# The run's Celery task, sent by name: ``backend.mentoring.tasks`` imports this module, so this
# module does not import it back. The tasks module is imported when Django starts (the app's
# ``ready``), so the task is registered and eager mode runs it in-process.
MATCH_RUN_EXECUTE_TASK = "mentoring.match_run_execute"


def match_run_send(*, run_id: int) -> None:
    """Send the run's task to the workers (or run it now in eager mode)."""
    celery_app.signature(MATCH_RUN_EXECUTE_TASK, args=(run_id,)).delay()


def match_run_start(*, programme: Programme, user: User | None) -> MatchRun:
    """Queue a match run for a programme and dispatch its task after commit.

    One run at a time per programme: a partial unique index refuses a second active run, which
    the API reports as 409.
    """
    policy_from_json(programme.policy)  # a broken policy fails now, not in the worker
    try:
        with transaction.atomic():
            run = MatchRun.objects.create(
                programme=programme, created_by=user, policy=programme.policy
            )
    except IntegrityError as exc:
        raise Conflict(
            _("A match run for this programme is already queued or running."), code="run_active"
        ) from exc
    transaction.on_commit(lambda: _dispatch(run.id))
    return run


def _dispatch(run_id: int) -> None:
    """Send the run's task; if the broker is unreachable, leave the run queued.

    The run row is committed as QUEUED either way, and ``match_runs_recover`` sends it again
    once a worker reaches the broker, so HR gets "queued" rather than a server error.
    """
    try:
        match_run_send(run_id=run_id)
    except Exception:
        logger.warning("broker unreachable; match run %s stays queued for recovery", run_id)


class _LostClaim(Exception):
    """Another worker took the run over (ours was presumed dead); stop quietly."""


def _beat(run_id: int, claim: str, progress: int) -> None:
    """Save progress and a heartbeat, committed at once so the UI sees it while the run works."""
    updated = MatchRun.objects.filter(
        id=run_id, claim=claim, status=MatchRun.Status.RUNNING
    ).update(progress=progress, heartbeat_at=timezone.now())
    if not updated:
        raise _LostClaim
    delay = match_run_step_delay()
    if delay:
        time.sleep(delay)


def _claim(run_id: int) -> tuple[MatchRun, str | None]:
    """Take the run for this worker, or return ``None`` if it is done or alive elsewhere."""
    claim = uuid.uuid4().hex
    with transaction.atomic():
        # The lock makes two deliveries of the same task line up; the second sees the first's claim.
        run = MatchRun.objects.select_for_update().get(id=run_id)
        now = timezone.now()
        if run.status in (MatchRun.Status.SUCCEEDED, MatchRun.Status.FAILED):
            return run, None
        if (
            run.status == MatchRun.Status.RUNNING
            and run.heartbeat_at is not None
            and (now - run.heartbeat_at).total_seconds() < match_run_lease()
        ):
            return run, None  # another worker is on it
        run.status = MatchRun.Status.RUNNING
        run.claim = claim
        run.attempts += 1
        run.started_at = run.started_at or now
        run.heartbeat_at = now
        run.progress = 0
        run.save(
            update_fields=["status", "claim", "attempts", "started_at", "heartbeat_at", "progress"]
        )
    return run, claim


def _solve(built: Built, policy_json: Mapping[str, Any]) -> tuple[Any, Any]:
    """Call the matcher once for the assignment and the ranked suggestions."""
    from matching import assign_and_suggest

    return assign_and_suggest(built.problem, policy=policy_from_json(policy_json))


def _empty(built: Built) -> Any:
    """The assignment of a run with no mentees or no mentors: every mentee unmatched, saying
    which is missing (``reasons.NO_MENTORS`` / ``reasons.NO_MENTEES``)."""
    code = NO_MENTEES if not built.problem.mentees else NO_MENTORS
    unmatched = tuple(
        SimpleNamespace(mentee=m.id, reason=code, blocked={}) for m in built.problem.mentees
    )
    return SimpleNamespace(pairs=(), unmatched=unmatched, total_score=0.0, optimal=True)


def match_run_execute(*, run_id: int) -> MatchRun:
    """Run the matcher for a queued run and write its proposals, exactly once.

    Safe to deliver twice and to retry after a worker died: the claim (under a row lock) lets
    one worker at a time work on the run, a run abandoned past its lease may be taken over, and
    the proposals, the suggestions and the final status are written in one transaction that
    re-checks the claim, with a unique ``(run, mentee)`` constraint behind it.
    """
    from matching.errors import MatchingError

    run, claim = _claim(run_id)
    if claim is None:
        return run
    timings: dict[str, float] = {}
    try:
        t0 = time.perf_counter()
        programme = Programme.objects.get(id=run.programme_id)
        _beat(run_id, claim, 5)
        built = problem_for_programme(programme=programme)
        timings["load"] = round(time.perf_counter() - t0, 4)
        _beat(run_id, claim, 30)
        t1 = time.perf_counter()
        if not built.problem.mentees or not built.problem.mentors:
            # Nothing to solve: say exactly that (0 mentees, or 0 mentors), not a hard rule.
            assignment, suggestions = _empty(built), ()
        else:
            assignment, suggestions = _solve(built, run.policy)
        timings["solve"] = round(time.perf_counter() - t1, 4)
        _beat(run_id, claim, 70)
        t2 = time.perf_counter()
        run = _write_result(
            run_id=run_id,
            claim=claim,
            programme=programme,
            built=built,
            assignment=assignment,
            suggestions=suggestions,
            timings=timings,
            t_write=t2,
        )
    except _LostClaim:
        return MatchRun.objects.get(id=run_id)
    except (OperationalError, InterfaceError):
        # The database connection broke mid-run. Nothing of the result was written (it is one
        # transaction), so give the run back to the queue on a fresh connection and let the task
        # retry it; if even that fails, the lease lets a later delivery take it over.
        connection.close()
        MatchRun.objects.filter(id=run_id, claim=claim).update(
            status=MatchRun.Status.QUEUED, claim="", heartbeat_at=None, progress=0
        )
        raise
    except (MatchingError, ServiceError) as exc:
        _fail(run_id, claim, str(exc))
        return MatchRun.objects.get(id=run_id)
    except Exception as exc:
        logger.exception("match run %s failed", run_id)
        _fail(run_id, claim, f"{type(exc).__name__}: {exc}"[:2000])
        return MatchRun.objects.get(id=run_id)
    return run


def _fail(run_id: int, claim: str, message: str) -> None:
    MatchRun.objects.filter(id=run_id, claim=claim).update(
        status=MatchRun.Status.FAILED, error=message, finished_at=timezone.now()
    )


def _write_result(
    *,
    run_id: int,
    claim: str,
    programme: Programme,
    built: Built,
    assignment: Any,
    suggestions: Any,
    timings: dict[str, float],
    t_write: float,
) -> MatchRun:
    """Write proposals, suggestions, enrolment states and the audit log in one transaction."""
    now = timezone.now()
    with transaction.atomic():
        run = MatchRun.objects.select_for_update().get(id=run_id)
        if run.status != MatchRun.Status.RUNNING or run.claim != claim:
            raise _LostClaim
        proposals = []
        if programme.mode != Programme.Mode.SELF:
            proposals = _proposals_from(run=run, built=built, assignment=assignment)
        bulk_insert_rows(Proposal, PROPOSAL_FIELDS, proposals)
        rows = _suggestions_from(run=run, built=built, suggestions=suggestions)
        bulk_insert_rows(Suggestion, SUGGESTION_FIELDS, rows)
        # The run's proposals are in the table now: one statement, however many mentees.
        Enrolment.objects.filter(
            id__in=Proposal.objects.filter(run_id=run_id, origin=Proposal.Origin.RUN).values(
                "enrolment_id"
            )
        ).update(status=Enrolment.Status.PROPOSED)
        # The manual queue: unmatched in HR mode; without a single suggestion otherwise.
        suggested = {row[1] for row in rows}  # SUGGESTION_FIELDS[1]: the enrolment
        for u in assignment.unmatched:
            enrolment_id = built.enrolment_of[u.mentee]
            if programme.mode == Programme.Mode.HR or enrolment_id not in suggested:
                Enrolment.objects.filter(id=enrolment_id).update(
                    status=Enrolment.Status.MANUAL, manual_reason_code=reason_json(u.reason)
                )
        timings["write"] = round(time.perf_counter() - t_write, 4)
        run.status = MatchRun.Status.SUCCEEDED
        run.progress = 100
        run.finished_at = now
        run.heartbeat_at = now
        run.policy = policy_to_json(policy_from_json(run.policy))
        run.input_summary = built.summary
        run.excluded = [
            {**e, "reason_text": EXCLUSION_REASONS.get(e["reason"], e["reason"])}
            for e in built.excluded
        ]
        run.result = _run_result(
            built=built, assignment=assignment, proposals=len(proposals), suggestions=len(rows)
        )
        run.timings = timings
        run.save()
        if programme.mode != Programme.Mode.HR:
            for enrolment_id in suggested:
                _notify_mentee_suggestions(enrolment_id=enrolment_id, run_id=run.id)
    return run


# The columns a run writes of each proposal and suggestion (the others take their defaults),
# written as rows of values: no model instance for 60 000 rows (``backend/bulk.py``).
PROPOSAL_FIELDS = (
    "programme_id",
    "run_id",
    "origin",
    "enrolment_id",
    "offer_id",
    "status",
    "score",
    "components",
    "reasons",
)
SUGGESTION_FIELDS = (
    "run_id",
    "enrolment_id",
    "offer_id",
    "rank",
    "score",
    "components",
    "reasons",
)


def _proposals_from(*, run: MatchRun, built: Built, assignment: Any) -> list[tuple[Any, ...]]:
    """The run's draft proposals for HR to review: one per assigned pair not fixed before
    (values of ``PROPOSAL_FIELDS``)."""
    reasons_json = ReasonsJson()
    return [
        (
            run.programme_id,
            run.id,
            Proposal.Origin.RUN.value,
            built.enrolment_of[pair.mentee],
            built.offer_of[pair.mentor],
            Proposal.Status.DRAFT.value,
            pair.score,
            dict(pair.components),
            reasons_json(pair.reasons),
        )
        for pair in assignment.pairs
        if not pair.fixed
    ]


def _suggestions_from(*, run: MatchRun, built: Built, suggestions: Any) -> list[tuple[Any, ...]]:
    """The run's suggested mentors for each mentee, ranked from 1 (values of
    ``SUGGESTION_FIELDS``)."""
    offer_of = built.offer_of
    reasons_json = ReasonsJson()
    return [
        (
            run.id,
            built.enrolment_of[suggestion.mentee],
            offer_of[pair.mentor],
            rank,
            pair.score,
            dict(pair.components),
            reasons_json(pair.reasons),
        )
        for suggestion in suggestions
        for rank, pair in enumerate(suggestion.mentors, start=1)
    ]


def _run_result(
    *, built: Built, assignment: Any, proposals: int, suggestions: int
) -> dict[str, Any]:
    """The run's decision log for HR: counts, total score, and why each mentee is unmatched."""
    empty = None
    if not built.problem.mentees:
        empty = NO_MENTEES
    elif not built.problem.mentors:
        empty = NO_MENTORS
    return {
        "empty": empty,
        "proposals": proposals,
        "suggestions": suggestions,
        "total_score": assignment.total_score,
        "optimal": assignment.optimal,
        "unmatched": [
            {
                "leader": int(u.mentee),
                "enrolment": built.enrolment_of[u.mentee],
                "reason": reason_json(u.reason),
                "blocked": dict(u.blocked),
            }
            for u in assignment.unmatched
        ],
    }


def _notify_mentee_suggestions(*, enrolment_id: int, run_id: int) -> None:
    leader_id = Enrolment.objects.filter(id=enrolment_id).values_list("leader_id", flat=True)[0]
    notify_leader(
        leader_id=leader_id,
        kind="mentoring.suggestions",
        subject=gettext_lazy("Choose your mentor"),
        body=gettext_lazy("Suggested mentors are ready for you to choose from."),
        url=links.mentoring_suggestions(),
        dedupe_key=f"mentoring.suggestions.{run_id}",
    )


def match_runs_recover() -> list[int]:
    """Re-dispatch runs whose worker died (heartbeat past the lease) or whose task was lost.

    Called when a worker starts (``worker_ready``). A run still alive elsewhere is left alone by
    the claim check, so dispatching one too many is harmless.
    """
    now = timezone.now()
    cutoff = now - dt.timedelta(seconds=match_run_lease())
    # A queued run normally starts within seconds; one still queued after a minute (or the
    # lease, if shorter) most likely lost its message.
    queued_cutoff = now - dt.timedelta(seconds=min(60, match_run_lease()))
    ids = list(
        MatchRun.objects.filter(
            Q(status=MatchRun.Status.RUNNING, heartbeat_at__lt=cutoff)
            | Q(status=MatchRun.Status.QUEUED, created_at__lt=queued_cutoff)
        ).values_list("id", flat=True)
    )
    for run_id in ids:
        match_run_send(run_id=run_id)
    return ids


def match_run_start_as(*, actor: User, programme_id: int) -> MatchRun:
    """HR for the whole organisation (``IsOrgWideHR``) starts a run of its programme."""
    programme = programme_for_hr_or_404(actor=actor, programme_id=programme_id)
    return match_run_start(programme=programme, user=actor)
