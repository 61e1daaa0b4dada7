"""Writes on the mentoring app: programmes, enrolment, match runs, proposals, pairs, check-ins.

Every function is keyword-only. Races are settled in the database: a partial unique index keeps
one active run per programme, ``(run, mentee)`` is unique for a run's proposals, and a mentor's
capacity is checked under a row lock on the offer *and* by a check constraint on its
``active_count``. Notifications never carry support-need content: they name people, dates and
links only.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import time
import uuid
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.db import IntegrityError, InterfaceError, OperationalError, connection, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.api.exceptions import Conflict, ServiceError
from backend.mentoring.models import (
    CheckIn,
    Enrolment,
    EntryRoute,
    Flag,
    LeaderEntry,
    MatchRun,
    MentorOffer,
    Mentorship,
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
from backend.mentoring.reasons import NO_FREE_SUGGESTION, reason_json, reasons_json
from backend.notifications.services import notify
from backend.people.models import Leader, Organisation, User
from backend.people.services import leader_line_ids

logger = logging.getLogger(__name__)

# Reasons a mentee or mentor was left out of a run, for HR (English and Danish).
EXCLUSION_REASONS = {
    "withdrawn": "Withdrawn from the programme",
    "left_organisation": "Has left the organisation",
    "open_proposal": "Already has an open proposal",
    "already_matched": "Already matched",
    "enrolled_as_mentee": "Enrolled as a mentee in the same programme",
    "paused": "The mentor has paused",
}


def _setting_float(name: str, default: float) -> float:
    """Read a float knob from Django settings, else the environment, else ``default``."""
    value = getattr(settings, name, None)
    if value is None:
        value = os.environ.get(name, "")
    return float(value) if value not in ("", None) else default


def match_run_step_delay() -> float:
    """Seconds to sleep after each phase of a run (test-only knob; 0 in production).

    ``SPARRING_MATCH_RUN_STEP_DELAY`` lets the stack test observe a run mid-way and kill the
    worker while it runs.
    """
    return _setting_float("SPARRING_MATCH_RUN_STEP_DELAY", 0.0)


def match_run_lease() -> float:
    """Seconds after its last heartbeat when a running run counts as abandoned (worker died).

    ``SPARRING_MATCH_RUN_LEASE`` (default 600); a run's phases beat far more often than that.
    """
    return _setting_float("SPARRING_MATCH_RUN_LEASE", 600.0)


# --- notifications ------------------------------------------------------------------------


def _notify_leader(
    *, leader_id: int, kind: str, subject: str, body: str = "", url: str = "", dedupe_key: str = ""
) -> None:
    """Notify the login of a leader, if the leader has one."""
    user = User.objects.filter(leader_id=leader_id).first()
    if user is not None:
        notify(user=user, kind=kind, subject=subject, body=body, url=url, dedupe_key=dedupe_key)


def _notify_hr(
    *,
    organisation_id: int,
    leader_id: int | None,
    kind: str,
    subject: str,
    url: str = "",
    dedupe_key: str = "",
) -> None:
    """Notify the HR users of an organisation who have ``leader_id`` in scope."""
    users = User.objects.filter(
        organisation_id=organisation_id, role__in=[User.Role.HR, User.Role.ADMIN]
    ).prefetch_related("hr_administrations")
    administration_id = None
    if leader_id is not None:
        administration_id = (
            Leader.objects.filter(id=leader_id)
            .values_list("unit__department__administration_id", flat=True)
            .first()
        )
    for user in users:
        scope = {a.id for a in user.hr_administrations.all()}
        if scope and administration_id not in scope:
            continue
        notify(user=user, kind=kind, subject=subject, url=url, dedupe_key=dedupe_key)


# --- programmes and enrolment -------------------------------------------------------------

PROGRAMME_FIELDS = {
    "name",
    "starts_on",
    "ends_on",
    "policy",
    "mode",
    "default_length_months",
    "meeting_cadence_weeks",
    "proposal_expiry_days",
    "first_meeting_days",
    "enrol_first_leader_job",
    "enrol_promotion",
    "enrol_other_sector",
    "enrol_window_days",
}


def _programme_validate(programme: Programme) -> None:
    policy_from_json(programme.policy)
    if programme.ends_on is not None and programme.ends_on < programme.starts_on:
        raise ServiceError(_("The programme cannot end before it starts."), field="ends_on")
    if programme.proposal_expiry_days < 1:
        raise ServiceError(
            _("Proposals must be open at least one day."), field="proposal_expiry_days"
        )


def programme_create(
    *,
    organisation: Organisation,
    created_by: User | None,
    name: str,
    starts_on: dt.date,
    **fields: Any,
) -> Programme:
    """Create a mentoring programme; the policy is validated against the matcher's ``Policy``."""
    unknown = set(fields) - PROGRAMME_FIELDS
    if unknown:
        raise ServiceError(_("Unknown field."), field=sorted(unknown)[0])
    programme = Programme(
        organisation=organisation, created_by=created_by, name=name, starts_on=starts_on, **fields
    )
    _programme_validate(programme)
    programme.save()
    return programme


def programme_update(*, programme: Programme, **fields: Any) -> Programme:
    """Update a programme's settings (the policy of runs already made is kept in each run)."""
    unknown = set(fields) - PROGRAMME_FIELDS
    if unknown:
        raise ServiceError(_("Unknown field."), field=sorted(unknown)[0])
    for name, value in fields.items():
        setattr(programme, name, value)
    _programme_validate(programme)
    programme.save()
    return programme


def entry_route_for(*, leader: Leader) -> str:
    """Return how the leader entered their role: HR's record, else derived from the profile."""
    entry = LeaderEntry.objects.filter(leader=leader).values_list("route", flat=True).first()
    if entry:
        return entry
    return EntryRoute.FIRST_LEADER_JOB if leader.first_leader_job else EntryRoute.PROMOTION


def leader_entry_set(*, leader: Leader, route: str) -> LeaderEntry:
    """Record how a leader entered their role (first job, promotion, another sector)."""
    if route not in EntryRoute.values:
        raise ServiceError(_("Unknown entry route."), field="route")
    entry, _created = LeaderEntry.objects.update_or_create(leader=leader, defaults={"route": route})
    return entry


def enrolment_create(
    *, programme: Programme, leader: Leader, route: str = EntryRoute.HR
) -> Enrolment:
    """Enrol a leader as a mentee (idempotent: an existing enrolment is returned)."""
    if leader.organisation_id != programme.organisation_id:
        raise ServiceError(_("The leader belongs to another organisation."), field="leader")
    if not leader.active:
        raise ServiceError(_("The leader is no longer active."), field="leader")
    enrolment, created = Enrolment.objects.get_or_create(
        programme=programme, leader=leader, defaults={"route": route}
    )
    if not created and enrolment.status == Enrolment.Status.WITHDRAWN:
        enrolment.status = Enrolment.Status.WAITING
        enrolment.save(update_fields=["status"])
    return enrolment


def enrolment_withdraw(*, enrolment: Enrolment) -> Enrolment:
    """Withdraw a mentee from a programme; an open proposal is withdrawn with them."""
    with transaction.atomic():
        Proposal.objects.filter(enrolment=enrolment, status__in=Proposal.OPEN).update(
            status=Proposal.Status.WITHDRAWN, decided_at=timezone.now()
        )
        enrolment.status = Enrolment.Status.WITHDRAWN
        enrolment.save(update_fields=["status"])
    return enrolment


def enrolment_ensure_new_leaders(
    *, programme: Programme, today: dt.date | None = None
) -> list[Enrolment]:
    """Enrol the organisation's new leaders as the programme defines them. Idempotent.

    A new leader is an active leader whose current role started within ``enrol_window_days``
    (and not before the window), entering by a route the programme enrols: first leader job,
    promotion or another sector. Returns the enrolments created now.
    """
    today = today or timezone.localdate()
    since = today - dt.timedelta(days=programme.enrol_window_days)
    # Keyed by plain str: a recorded entry's route comes back from the database as a str.
    routes: dict[str, bool] = {
        EntryRoute.FIRST_LEADER_JOB: programme.enrol_first_leader_job,
        EntryRoute.PROMOTION: programme.enrol_promotion,
        EntryRoute.OTHER_SECTOR: programme.enrol_other_sector,
    }
    enrolled = set(
        Enrolment.objects.filter(programme=programme).values_list("leader_id", flat=True)
    )
    recorded = dict(
        LeaderEntry.objects.filter(leader__organisation_id=programme.organisation_id).values_list(
            "leader_id", "route"
        )
    )
    candidates = (
        Leader.objects.filter(
            organisation_id=programme.organisation_id,
            active=True,
            role_start_date__gte=since,
            role_start_date__lte=today,
        )
        .exclude(id__in=enrolled)
        .values_list("id", "first_leader_job")
    )
    new = []
    for leader_id, first_job in candidates:
        route = recorded.get(leader_id) or (
            EntryRoute.FIRST_LEADER_JOB if first_job else EntryRoute.PROMOTION
        )
        if routes.get(route):
            new.append(Enrolment(programme=programme, leader_id=leader_id, route=route))
    # ignore_conflicts: a concurrent run of the task may have enrolled some of them already.
    Enrolment.objects.bulk_create(new, ignore_conflicts=True)
    return new


def mentor_offer_upsert(
    *,
    programme: Programme,
    leader: Leader,
    capacity: int,
    hours_per_month: int | None = None,
    paused: bool = False,
) -> MentorOffer:
    """Create or update a leader's mentor offer; capacity cannot go below current mentees."""
    if leader.organisation_id != programme.organisation_id:
        raise ServiceError(_("The leader belongs to another organisation."), field="leader")
    if capacity < 0 or capacity > 10:
        raise ServiceError(_("Capacity must be between 0 and 10."), field="capacity")
    with transaction.atomic():
        offer = (
            MentorOffer.objects.select_for_update()
            .filter(programme=programme, leader=leader)
            .first()
        )
        if offer is None:
            offer = MentorOffer(programme=programme, leader=leader)
        if capacity < offer.active_count:
            raise Conflict(
                _("The mentor already has %d mentees.") % offer.active_count, field="capacity"
            )
        offer.capacity, offer.hours_per_month, offer.paused = capacity, hours_per_month, paused
        offer.save()
    return offer


def mentor_offer_update(*, offer: MentorOffer, **fields: Any) -> MentorOffer:
    """Change capacity, hours per month or pause of an offer."""
    return mentor_offer_upsert(
        programme=offer.programme,
        leader=offer.leader,
        capacity=fields.get("capacity", offer.capacity),
        hours_per_month=fields.get("hours_per_month", offer.hours_per_month),
        paused=fields.get("paused", offer.paused),
    )


# --- match runs ---------------------------------------------------------------------------


def match_run_start(*, programme: Programme, user: User | None) -> MatchRun:
    """Queue a match run for a programme and dispatch its task after commit.

    One run at a time per programme: a partial unique index refuses a second active run, which
    the API reports as 409.
    """
    from backend.mentoring.tasks import match_run_execute_task

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
    transaction.on_commit(lambda: _dispatch(match_run_execute_task, run.id))
    return run


def _dispatch(task: Any, run_id: int) -> None:
    """Send the run's task; if the broker is unreachable, leave the run queued.

    The run row is committed as QUEUED either way, and ``match_runs_recover`` sends it again
    once a worker reaches the broker, so HR gets "queued" rather than a server error.
    """
    try:
        task.delay(run_id)
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
    """Call the matcher: the assignment and the ranked suggestions."""
    from matching import assign_mentors, suggest_mentors

    policy = policy_from_json(policy_json)
    return (
        assign_mentors(built.problem, policy=policy),
        suggest_mentors(built.problem, policy=policy),
    )


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
            for pair in assignment.pairs:
                if pair.fixed:
                    continue
                proposals.append(
                    Proposal(
                        programme=programme,
                        run=run,
                        origin=Proposal.Origin.RUN,
                        enrolment_id=built.enrolment_of[pair.mentee],
                        offer_id=built.offer_of[pair.mentor],
                        status=Proposal.Status.DRAFT,
                        score=pair.score,
                        components=dict(pair.components),
                        reasons=reasons_json(pair.reasons),
                    )
                )
        Proposal.objects.bulk_create(proposals)
        rows = []
        for suggestion in suggestions:
            enrolment_id = built.enrolment_of[suggestion.mentee]
            for rank, pair in enumerate(suggestion.mentors, start=1):
                rows.append(
                    Suggestion(
                        run=run,
                        enrolment_id=enrolment_id,
                        offer_id=built.offer_of[pair.mentor],
                        rank=rank,
                        score=pair.score,
                        components=dict(pair.components),
                        reasons=reasons_json(pair.reasons),
                    )
                )
        _suggestions_insert(rows)
        proposed = [p.enrolment_id for p in proposals]
        Enrolment.objects.filter(id__in=proposed).update(status=Enrolment.Status.PROPOSED)
        # The manual queue: unmatched in HR mode; without a single suggestion otherwise.
        suggested = {r.enrolment_id for r in rows}
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
        run.result = {
            "proposals": len(proposals),
            "suggestions": len(rows),
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
        run.timings = timings
        run.save()
        if programme.mode != Programme.Mode.HR:
            for enrolment_id in suggested:
                _notify_mentee_suggestions(enrolment_id=enrolment_id, run_id=run.id)
    return run


def _suggestions_insert(rows: list[Suggestion]) -> None:
    """Insert a run's suggestions; on PostgreSQL with COPY (5 000 rows: ~0.2 s, not ~5 s).

    ``bulk_create`` spends most of its time binding JSON parameters client-side; COPY streams
    the rows in one round trip inside the surrounding transaction.
    """
    if connection.vendor != "postgresql":
        Suggestion.objects.bulk_create(rows, batch_size=2000)
        return
    columns = "run_id, enrolment_id, offer_id, rank, score, components, reasons"
    with connection.cursor() as cursor:
        raw = cursor.cursor  # the psycopg cursor under Django's wrapper
        with raw.copy(f"COPY {Suggestion._meta.db_table} ({columns}) FROM STDIN") as copy:
            for r in rows:
                copy.write_row(
                    (
                        r.run_id,
                        r.enrolment_id,
                        r.offer_id,
                        r.rank,
                        r.score,
                        json.dumps(r.components),
                        json.dumps(r.reasons),
                    )
                )


def _notify_mentee_suggestions(*, enrolment_id: int, run_id: int) -> None:
    leader_id = Enrolment.objects.filter(id=enrolment_id).values_list("leader_id", flat=True)[0]
    _notify_leader(
        leader_id=leader_id,
        kind="mentoring.suggestions",
        subject=_("Choose your mentor"),
        body=_("Suggested mentors are ready for you to choose from."),
        url="/mentoring/suggestions",
        dedupe_key=f"mentoring.suggestions.{run_id}",
    )


def match_runs_recover() -> list[int]:
    """Re-dispatch runs whose worker died (heartbeat past the lease) or whose task was lost.

    Called when a worker starts (``worker_ready``). A run still alive elsewhere is left alone by
    the claim check, so dispatching one too many is harmless.
    """
    from backend.mentoring.tasks import match_run_execute_task

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
        match_run_execute_task.delay(run_id)
    return ids


# --- proposals ----------------------------------------------------------------------------


def _locked_proposal(proposal_id: int) -> Proposal:
    return Proposal.objects.select_for_update().select_related("programme").get(id=proposal_id)


def _offer(proposal: Proposal) -> None:
    """Send a proposal to the mentee and the mentor, with an expiry and a first-meeting slot."""
    now = timezone.now()
    programme = proposal.programme
    proposal.status = Proposal.Status.OFFERED
    proposal.offered_at = now
    proposal.expires_at = now + dt.timedelta(days=programme.proposal_expiry_days)
    if proposal.first_meeting_at is None:
        proposal.first_meeting_at = _first_meeting_slot(now, programme)
    proposal.save(update_fields=["status", "offered_at", "expires_at", "first_meeting_at"])
    mentee_id, mentor_id = Proposal.objects.filter(id=proposal.id).values_list(
        "enrolment__leader_id", "offer__leader_id"
    )[0]
    Enrolment.objects.filter(id=proposal.enrolment_id).update(status=Enrolment.Status.PROPOSED)
    url = f"/mentoring/proposals/{proposal.id}"
    if proposal.mentee_accepted_at is None:
        _notify_leader(
            leader_id=mentee_id,
            kind="mentoring.proposal",
            subject=_("You have a mentor proposal"),
            body=_("Open Sparring to see your proposed mentor and accept."),
            url=url,
            dedupe_key=f"mentoring.proposal.{proposal.id}.mentee",
        )
    _notify_leader(
        leader_id=mentor_id,
        kind="mentoring.proposal",
        subject=_("You are proposed as a mentor"),
        body=_("Open Sparring to meet your proposed mentee and accept or decline."),
        url=url,
        dedupe_key=f"mentoring.proposal.{proposal.id}.mentor",
    )


def _first_meeting_slot(now: dt.datetime, programme: Programme) -> dt.datetime:
    """A first-meeting proposal: 10:00 on the first weekday a week from now."""
    day = timezone.localtime(now).date() + dt.timedelta(days=7)
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(10, 0)))


def proposal_approve(*, proposal: Proposal, user: User) -> Proposal:
    """HR approves a draft proposal: it goes to the mentee and the mentor."""
    with transaction.atomic():
        proposal = _locked_proposal(proposal.id)
        if proposal.status != Proposal.Status.DRAFT:
            raise Conflict(_("Only a proposal awaiting review can be approved."), code="state")
        proposal.decided_by = user
        proposal.save(update_fields=["decided_by"])
        _offer(proposal)
    return proposal


def proposal_reject(*, proposal: Proposal, user: User, reason: str) -> Proposal:
    """HR rejects a proposal (a reason is required); the cascade finds the mentee another."""
    if not reason.strip():
        raise ServiceError(_("Say why the proposal is rejected."), field="reason")
    with transaction.atomic():
        proposal = _locked_proposal(proposal.id)
        if proposal.status not in Proposal.OPEN:
            raise Conflict(_("The proposal is no longer open."), code="state")
        proposal.status = Proposal.Status.REJECTED
        proposal.override_reason = reason[:400]
        proposal.decided_by, proposal.decided_at = user, timezone.now()
        proposal.save(update_fields=["status", "override_reason", "decided_by", "decided_at"])
        cascade_next(enrolment_id=proposal.enrolment_id)
    return proposal


def proposal_swap(*, proposal: Proposal, user: User, offer: MentorOffer, reason: str) -> Proposal:
    """HR replaces the proposed mentor with another (an override: a reason is required)."""
    if not reason.strip():
        raise ServiceError(_("An override needs a reason."), field="reason")
    if offer.programme_id != proposal.programme_id:
        raise ServiceError(_("The mentor is not in this programme."), field="offer")
    with transaction.atomic():
        proposal = _locked_proposal(proposal.id)
        if proposal.status not in Proposal.OPEN:
            raise Conflict(_("The proposal is no longer open."), code="state")
        if offer.id == proposal.offer_id:
            raise ServiceError(_("That is the proposed mentor already."), field="offer")
        proposal.status = Proposal.Status.SWAPPED
        proposal.override_reason = reason[:400]
        proposal.decided_by, proposal.decided_at = user, timezone.now()
        proposal.save(update_fields=["status", "override_reason", "decided_by", "decided_at"])
        return proposal_create_manual(
            enrolment=proposal.enrolment, offer=offer, user=user, reason=reason
        )


def _check_pair(enrolment: Enrolment, offer: MentorOffer) -> None:
    """Refuse a pair that breaks the unbreakable rules: self, or the mentor in the mentee's line."""
    if enrolment.leader_id == offer.leader_id:
        raise ServiceError(_("A leader cannot mentor themselves."), field="offer")
    if offer.leader_id in leader_line_ids(leader_id=enrolment.leader_id):
        raise ServiceError(_("The mentor is in the mentee's line of command."), field="offer")
    if enrolment.leader_id in leader_line_ids(leader_id=offer.leader_id):
        raise ServiceError(_("The mentee is in the mentor's line of command."), field="offer")


def proposal_create_manual(
    *, enrolment: Enrolment, offer: MentorOffer, user: User, reason: str
) -> Proposal:
    """HR pairs a mentee with a mentor by hand (from the manual queue, or as a swap)."""
    if not reason.strip():
        raise ServiceError(_("A manual match needs a reason."), field="reason")
    if offer.programme_id != enrolment.programme_id:
        raise ServiceError(_("The mentor is not in this programme."), field="offer")
    _check_pair(enrolment, offer)
    if offer.paused:
        raise ServiceError(_("The mentor has paused."), field="offer")
    with transaction.atomic():
        if Proposal.objects.filter(enrolment=enrolment, status__in=Proposal.OPEN).exists():
            raise Conflict(_("The mentee already has an open proposal."), code="open_proposal")
        try:
            with transaction.atomic():
                proposal = Proposal.objects.create(
                    programme_id=enrolment.programme_id,
                    enrolment=enrolment,
                    offer=offer,
                    origin=Proposal.Origin.MANUAL,
                    override_reason=reason[:400],
                    decided_by=user,
                    status=Proposal.Status.DRAFT,
                )
        except IntegrityError as exc:
            raise Conflict(
                _("The mentee already has an open proposal."), code="open_proposal"
            ) from exc
        proposal = Proposal.objects.select_related("programme").get(id=proposal.id)
        _offer(proposal)
        Enrolment.objects.filter(id=enrolment.id).update(manual_reason_code=None)
    return proposal


def suggestion_choose(*, suggestion: Suggestion, leader: Leader) -> Proposal:
    """Self-match: the mentee picks one of their suggested mentors; the mentor is asked."""
    enrolment = suggestion.enrolment
    if enrolment.leader_id != leader.id:
        raise ServiceError(_("Not your suggestion."), field="suggestion")
    if enrolment.programme.mode == Programme.Mode.HR:
        raise ServiceError(_("In this programme HR makes the match."), field="suggestion")
    offer = suggestion.offer
    if offer.paused or offer.active_count >= offer.capacity:
        raise Conflict(_("This mentor has no free place right now; pick another."), code="full")
    with transaction.atomic():
        open_ = Proposal.objects.select_for_update().filter(
            enrolment=enrolment, status__in=Proposal.OPEN
        )
        for previous in open_:
            if previous.mentor_accepted_at is not None:
                raise Conflict(_("Your mentor has already accepted."), code="state")
            previous.status = Proposal.Status.WITHDRAWN
            previous.decided_at = timezone.now()
            previous.save(update_fields=["status", "decided_at"])
        proposal = Proposal.objects.create(
            programme_id=enrolment.programme_id,
            run_id=suggestion.run_id,
            enrolment=enrolment,
            offer=offer,
            origin=Proposal.Origin.SELF,
            status=Proposal.Status.DRAFT,
            score=suggestion.score,
            components=suggestion.components,
            reasons=suggestion.reasons,
            mentee_accepted_at=timezone.now(),
        )
        proposal = Proposal.objects.select_related("programme").get(id=proposal.id)
        _offer(proposal)
    return proposal


def proposal_accept(*, proposal: Proposal, leader: Leader) -> Proposal:
    """The mentee or the mentor accepts; when both have, the mentorship starts.

    Capacity: the offer row is locked while the mentor's live pairs are counted, and the
    offer's ``active_count`` check constraint refuses an overfull mentor even if a code path
    forgot the lock. Lock order everywhere: proposal, then offer.
    """
    with transaction.atomic():
        proposal = _locked_proposal(proposal.id)
        mentee_id, mentor_id = Proposal.objects.filter(id=proposal.id).values_list(
            "enrolment__leader_id", "offer__leader_id"
        )[0]
        if proposal.status != Proposal.Status.OFFERED:
            raise Conflict(_("The proposal is not open for acceptance."), code="state")
        now = timezone.now()
        if leader.id == mentee_id:
            if proposal.mentee_accepted_at is None:
                proposal.mentee_accepted_at = now
        elif leader.id == mentor_id:
            if proposal.mentor_accepted_at is None:
                proposal.mentor_accepted_at = now
        else:
            raise ServiceError(_("Not your proposal."), field="proposal")
        if proposal.mentee_accepted_at and proposal.mentor_accepted_at:
            _mentorship_start(proposal, mentee_id=mentee_id, mentor_id=mentor_id)
        proposal.save(
            update_fields=["mentee_accepted_at", "mentor_accepted_at", "status", "decided_at"]
        )
    return proposal


def _mentorship_start(proposal: Proposal, *, mentee_id: int, mentor_id: int) -> Mentorship:
    # Locking the offer serialises every accept against this mentor: the count below cannot
    # change until we commit.
    offer = MentorOffer.objects.select_for_update().get(id=proposal.offer_id)
    live = Mentorship.objects.filter(offer=offer, status=Mentorship.Status.ACTIVE).count()
    if live >= offer.capacity:
        raise Conflict(_("The mentor has no free place."), code="capacity_full")
    programme = proposal.programme
    today = timezone.localdate()
    try:
        with transaction.atomic():
            # The database's own guard: active_count <= capacity (check constraint).
            MentorOffer.objects.filter(id=offer.id).update(active_count=F("active_count") + 1)
            mentorship = Mentorship.objects.create(
                programme=programme,
                proposal=proposal,
                enrolment_id=proposal.enrolment_id,
                offer=offer,
                mentee_id=mentee_id,
                mentor_id=mentor_id,
                started_on=today,
                planned_end_on=today + dt.timedelta(days=30 * programme.default_length_months),
                first_meeting_due=today + dt.timedelta(days=programme.first_meeting_days),
                first_meeting_at=proposal.first_meeting_at,
            )
    except IntegrityError as exc:
        raise Conflict(_("The mentor has no free place."), code="capacity_full") from exc
    proposal.status = Proposal.Status.ACCEPTED
    proposal.decided_at = timezone.now()
    Enrolment.objects.filter(id=proposal.enrolment_id).update(
        status=Enrolment.Status.MATCHED, matched_at=proposal.decided_at, manual_reason_code=None
    )
    url = f"/mentoring/mentorships/{mentorship.id}"
    for leader_id in (mentee_id, mentor_id):
        _notify_leader(
            leader_id=leader_id,
            kind="mentoring.started",
            subject=_("Your mentorship has started"),
            body=_("Plan your first meeting; the invitation is in Sparring."),
            url=url,
            dedupe_key=f"mentoring.started.{mentorship.id}",
        )
    return mentorship


def proposal_decline(*, proposal: Proposal, leader: Leader, reason: str = "") -> Proposal:
    """The mentor (or the mentee) declines; the cascade moves on to the next best mentor.

    The reason is for HR only. The mentee is told just that a new proposal is coming: whether a
    mentor said no is not theirs to carry.
    """
    with transaction.atomic():
        proposal = _locked_proposal(proposal.id)
        mentee_id, mentor_id = Proposal.objects.filter(id=proposal.id).values_list(
            "enrolment__leader_id", "offer__leader_id"
        )[0]
        if leader.id not in (mentee_id, mentor_id):
            raise ServiceError(_("Not your proposal."), field="proposal")
        if proposal.status != Proposal.Status.OFFERED:
            raise Conflict(_("The proposal is not open."), code="state")
        proposal.status = Proposal.Status.DECLINED
        proposal.decline_reason = reason[:400]
        proposal.decided_at = timezone.now()
        proposal.save(update_fields=["status", "decline_reason", "decided_at"])
        if leader.id == mentor_id:
            _notify_leader(
                leader_id=mentee_id,
                kind="mentoring.proposal_changed",
                subject=_("A new mentor proposal is on its way"),
                body=_("We are finding the best mentor for you; you will hear from us soon."),
                dedupe_key=f"mentoring.proposal_changed.{proposal.id}",
            )
        cascade_next(enrolment_id=proposal.enrolment_id)
    return proposal


def proposals_expire(*, now: dt.datetime | None = None) -> list[int]:
    """Expire offered proposals past their date and cascade each mentee on. Idempotent."""
    now = now or timezone.now()
    expired: list[int] = []
    ids = list(
        Proposal.objects.filter(status=Proposal.Status.OFFERED, expires_at__lt=now).values_list(
            "id", flat=True
        )
    )
    for proposal_id in ids:
        with transaction.atomic():
            proposal = _locked_proposal(proposal_id)
            if proposal.status != Proposal.Status.OFFERED:
                continue  # decided meanwhile
            proposal.status = Proposal.Status.EXPIRED
            proposal.decided_at = now
            proposal.save(update_fields=["status", "decided_at"])
            cascade_next(enrolment_id=proposal.enrolment_id)
            expired.append(proposal_id)
    return expired


def cascade_next(*, enrolment_id: int) -> Proposal | None:
    """Offer the mentee the next best mentor with a free place, else queue them for HR.

    Next best: the run's ranked suggestions for the mentee, skipping mentors who declined or
    were rejected for them, are paused or full; when none is left, the matcher re-solves for
    this one mentee against the current capacities; when that finds none, the mentee goes to
    HR's manual-match queue with the matcher's reason.
    """
    enrolment = Enrolment.objects.select_related("programme").get(id=enrolment_id)
    if enrolment.status == Enrolment.Status.WITHDRAWN:
        return None
    tried = set(
        Proposal.objects.filter(
            enrolment=enrolment,
            status__in=[
                Proposal.Status.DECLINED,
                Proposal.Status.REJECTED,
                Proposal.Status.EXPIRED,
                Proposal.Status.SWAPPED,
            ],
        ).values_list("offer_id", flat=True)
    )
    candidates = (
        Suggestion.objects.filter(enrolment=enrolment)
        .exclude(offer_id__in=tried)
        .filter(offer__paused=False, offer__active_count__lt=F("offer__capacity"))
        .order_by("-run__created_at", "rank")
    )
    # Leave room for the mentor's open proposals too: an offer with more open proposals than free
    # places would only produce a conflict at acceptance.
    for suggestion in candidates.select_related("offer"):
        offer = suggestion.offer
        pending = Proposal.objects.filter(offer=offer, status__in=Proposal.OPEN).count()
        if offer.active_count + pending < offer.capacity:
            return _cascade_propose(
                enrolment,
                offer_id=offer.id,
                score=suggestion.score,
                components=suggestion.components,
                reasons=suggestion.reasons,
            )
    reason = reason_json(NO_FREE_SUGGESTION)
    built = problem_for_programme(programme=enrolment.programme, only_enrolment_ids={enrolment.id})
    key = str(enrolment.leader_id)
    if key in built.enrolment_of:
        built.problem = _reduce_capacity(built, tried)
        from matching import assign_mentors

        assignment = assign_mentors(
            built.problem, policy=policy_from_json(enrolment.programme.policy)
        )
        for pair in assignment.pairs:
            if pair.mentee == key and not pair.fixed:
                return _cascade_propose(
                    enrolment,
                    offer_id=built.offer_of[pair.mentor],
                    score=pair.score,
                    components=dict(pair.components),
                    reasons=reasons_json(pair.reasons),
                )
        for unmatched in assignment.unmatched:
            if unmatched.mentee == key:
                reason = reason_json(unmatched.reason)
    Enrolment.objects.filter(id=enrolment.id).update(
        status=Enrolment.Status.MANUAL, manual_reason_code=reason
    )
    _notify_hr(
        organisation_id=enrolment.programme.organisation_id,
        leader_id=enrolment.leader_id,
        kind="mentoring.manual_queue",
        subject=_("A mentee needs a manual match"),
        url=f"/mentoring/programmes/{enrolment.programme_id}/manual-queue",
        dedupe_key=f"mentoring.manual.{enrolment.id}.{Proposal.objects.filter(enrolment=enrolment).count()}",
    )
    return None


def _reduce_capacity(built: Built, tried: set[int]) -> Any:
    """Forbid mentors already tried and count open proposals against capacity (re-solve)."""
    import dataclasses

    open_by_offer: dict[int, int] = {}
    for offer_id in Proposal.objects.filter(
        programme__in=Enrolment.objects.filter(id__in=built.enrolment_of.values()).values(
            "programme"
        ),
        status__in=Proposal.OPEN,
    ).values_list("offer_id", flat=True):
        open_by_offer[offer_id] = open_by_offer.get(offer_id, 0) + 1
    offer_to_mentor = {v: k for k, v in built.offer_of.items()}
    mentors = tuple(
        dataclasses.replace(
            m, capacity=max(0, m.capacity - open_by_offer.get(built.offer_of[m.id], 0))
        )
        for m in built.problem.mentors
    )
    forbidden = set(built.problem.forbidden)
    for mentee in built.problem.mentees:
        for offer_id in tried:
            if offer_id in offer_to_mentor:
                forbidden.add((mentee.id, offer_to_mentor[offer_id]))
    return dataclasses.replace(built.problem, mentors=mentors, forbidden=tuple(sorted(forbidden)))


def _cascade_propose(
    enrolment: Enrolment,
    *,
    offer_id: int,
    score: float | None,
    components: Mapping[str, float],
    reasons: list[dict[str, Any]],
) -> Proposal:
    proposal = Proposal.objects.create(
        programme_id=enrolment.programme_id,
        enrolment=enrolment,
        offer_id=offer_id,
        origin=Proposal.Origin.CASCADE,
        status=Proposal.Status.DRAFT,
        score=score,
        components=dict(components),
        reasons=list(reasons),
    )
    proposal = Proposal.objects.select_related("programme").get(id=proposal.id)
    _offer(proposal)
    return proposal


# --- mentorships and check-ins ------------------------------------------------------------


def mentorship_end(
    *,
    mentorship: Mentorship,
    leader: Leader | None,
    completed: bool,
    reason: str = "",
    exit_survey: Mapping[str, Any] | None = None,
) -> Mentorship:
    """End a mentorship: completed, or ended early (a reason is required). Frees the place."""
    if not completed and not reason.strip():
        raise ServiceError(_("Say why the mentorship ends early."), field="reason")
    with transaction.atomic():
        mentorship = Mentorship.objects.select_for_update().get(id=mentorship.id)
        if mentorship.status != Mentorship.Status.ACTIVE:
            raise Conflict(_("The mentorship has already ended."), code="state")
        MentorOffer.objects.select_for_update().filter(id=mentorship.offer_id).first()
        mentorship.status = (
            Mentorship.Status.COMPLETED if completed else Mentorship.Status.ENDED_EARLY
        )
        mentorship.ended_on = timezone.localdate()
        mentorship.end_reason = reason[:400]
        mentorship.exit_survey = dict(exit_survey or {})
        mentorship.save(update_fields=["status", "ended_on", "end_reason", "exit_survey"])
        MentorOffer.objects.filter(id=mentorship.offer_id, active_count__gt=0).update(
            active_count=F("active_count") - 1
        )
        Flag.objects.filter(mentorship=mentorship, resolved_at__isnull=True).update(
            resolved_at=timezone.now()
        )
    return mentorship


def check_in_log(
    *,
    mentorship: Mentorship,
    author: Leader,
    met_on: dt.date,
    minutes: int,
    note: str = "",
    note_shared: bool = False,
) -> CheckIn:
    """Log a meeting of the pair; the note stays the writer's unless shared with the pair."""
    if author.id not in (mentorship.mentee_id, mentorship.mentor_id):
        raise ServiceError(_("Only the pair can log their meetings."), field="mentorship")
    if met_on > timezone.localdate():
        raise ServiceError(_("A meeting cannot be logged ahead of time."), field="met_on")
    if met_on < mentorship.started_on - dt.timedelta(days=30):
        raise ServiceError(_("The date lies before the mentorship."), field="met_on")
    if not 1 <= minutes <= 24 * 60:
        raise ServiceError(_("Minutes must be between 1 and 1440."), field="minutes")
    with transaction.atomic():
        check_in = CheckIn.objects.create(
            mentorship=mentorship,
            author=author,
            met_on=met_on,
            minutes=minutes,
            note=note,
            note_shared=note_shared,
        )
        Mentorship.objects.filter(id=mentorship.id, first_met_on__isnull=True).update(
            first_met_on=met_on
        )
        Mentorship.objects.filter(id=mentorship.id, first_met_on__gt=met_on).update(
            first_met_on=met_on
        )
        Mentorship.objects.filter(id=mentorship.id).filter(
            Q(last_met_on__isnull=True) | Q(last_met_on__lt=met_on)
        ).update(last_met_on=met_on)
        Flag.objects.filter(
            mentorship=mentorship,
            resolved_at__isnull=True,
            kind__in=[Flag.Kind.INACTIVE, Flag.Kind.NO_FIRST_MEETING],
        ).update(resolved_at=timezone.now())
    return check_in


def _flag(
    *, mentorship: Mentorship, kind: str, reason: str, suggested_mentor_id: int | None = None
) -> Flag | None:
    """Open a flag for HR unless one of this kind is open already (idempotent)."""
    if Flag.objects.filter(mentorship=mentorship, kind=kind, resolved_at__isnull=True).exists():
        return None
    try:
        with transaction.atomic():
            flag = Flag.objects.create(
                mentorship=mentorship,
                kind=kind,
                reason=reason[:400],
                suggested_mentor_id=suggested_mentor_id,
            )
    except IntegrityError:
        return None
    _notify_hr(
        organisation_id=mentorship.programme.organisation_id,
        leader_id=mentorship.mentee_id,
        kind=f"mentoring.flag.{kind}",
        subject=_("A mentoring pair needs a look"),
        url="/mentoring/flags",
        dedupe_key=f"mentoring.flag.{flag.id}",
    )
    return flag


def nudges_send(*, today: dt.date | None = None) -> dict[str, int]:
    """Daily: ask "did you meet?" after the first-meeting deadline; nudge inactive pairs.

    Inactive: no meeting logged for two meeting cadences; both are nudged and HR gets a flag.
    Idempotent per day and pair through notification dedupe keys and one open flag per kind.
    """
    today = today or timezone.localdate()
    counts = {"did_you_meet": 0, "inactive": 0}
    active = Mentorship.objects.filter(status=Mentorship.Status.ACTIVE).select_related("programme")
    for mentorship in active.filter(first_met_on__isnull=True, first_meeting_due__lt=today):
        counts["did_you_meet"] += 1
        for leader_id in (mentorship.mentee_id, mentorship.mentor_id):
            _notify_leader(
                leader_id=leader_id,
                kind="mentoring.did_you_meet",
                subject=_("Did you meet?"),
                body=_(
                    "Log your first mentoring meeting in Sparring, or tell us if it hasn't "
                    "happened yet."
                ),
                url=f"/mentoring/mentorships/{mentorship.id}",
                dedupe_key=f"mentoring.did_you_meet.{mentorship.id}",
            )
        if (today - mentorship.first_meeting_due).days >= 14:  # type: ignore[operator]
            _flag(
                mentorship=mentorship,
                kind=Flag.Kind.NO_FIRST_MEETING,
                reason=_("No first meeting two weeks after the deadline."),
            )
    for mentorship in active.filter(last_met_on__isnull=False):
        gap = dt.timedelta(weeks=2 * mentorship.programme.meeting_cadence_weeks)
        if mentorship.last_met_on + gap >= today:  # type: ignore[operator]
            continue
        counts["inactive"] += 1
        for leader_id in (mentorship.mentee_id, mentorship.mentor_id):
            _notify_leader(
                leader_id=leader_id,
                kind="mentoring.nudge",
                subject=_("Time for a mentor meeting?"),
                body=_("It has been a while since your last meeting. Book the next one."),
                url=f"/mentoring/mentorships/{mentorship.id}",
                dedupe_key=f"mentoring.nudge.{mentorship.id}.{mentorship.last_met_on}",
            )
        _flag(
            mentorship=mentorship,
            kind=Flag.Kind.INACTIVE,
            reason=_("No meeting logged since %s.") % mentorship.last_met_on,
        )
    return counts


def pairs_recheck(*, organisation_id: int) -> list[Flag]:
    """Flag live pairs that now break a hard rule (new boss, unit moved) with a replacement.

    Rules re-checked: the mentor is not in the mentee's line (nor the reverse), and, where the
    programme's policy requires it, the two are in different administrations. The suggested
    replacement is the matcher's best mentor for the mentee now.
    """
    boss_of: dict[int, int | None] = dict(
        Leader.objects.filter(organisation_id=organisation_id).values_list("id", "boss_id")
    )
    admin_of: dict[int, int | None] = dict(
        Leader.objects.filter(organisation_id=organisation_id).values_list(
            "id", "unit__department__administration_id"
        )
    )
    flags: list[Flag] = []
    for mentorship in Mentorship.objects.filter(
        programme__organisation_id=organisation_id, status=Mentorship.Status.ACTIVE
    ).select_related("programme"):
        mentee, mentor = mentorship.mentee_id, mentorship.mentor_id
        reason = None
        if mentor in leader_line_ids(
            leader_id=mentee, boss_of=boss_of
        ) or mentee in leader_line_ids(leader_id=mentor, boss_of=boss_of):
            reason = _("The mentor is now in the mentee's line of command.")
        elif (
            policy_from_json(mentorship.programme.policy).require_other_administration
            and admin_of.get(mentee) is not None
            and admin_of.get(mentee) == admin_of.get(mentor)
        ):
            reason = _("Mentee and mentor are now in the same administration.")
        if reason is None:
            continue
        if Flag.objects.filter(
            mentorship=mentorship, kind=Flag.Kind.RULE_BROKEN, resolved_at__isnull=True
        ).exists():
            continue
        flag = _flag(
            mentorship=mentorship,
            kind=Flag.Kind.RULE_BROKEN,
            reason=reason,
            suggested_mentor_id=_replacement_for(mentorship),
        )
        if flag is not None:
            flags.append(flag)
    return flags


def _replacement_for(mentorship: Mentorship) -> int | None:
    """The matcher's best mentor with a free place for this mentee, other than the current one."""
    import dataclasses

    from matching import Mentee, suggest_mentors

    built = problem_for_programme(programme=mentorship.programme, only_enrolment_ids=set())
    key = str(mentorship.mentee_id)
    mentee = Leader.objects.select_related("unit__department__administration").get(
        id=mentorship.mentee_id
    )
    unit = mentee.unit
    # Only this mentee is ranked; the other live pairs hold their mentors' places.
    used: dict[str, int] = {}
    for _mentee, mentor in built.problem.fixed:
        used[mentor] = used.get(mentor, 0) + 1
    mentors = tuple(
        dataclasses.replace(m, capacity=max(0, m.capacity - used.get(m.id, 0)))
        for m in built.problem.mentors
        if m.id != str(mentorship.mentor_id)
    )
    probe = Mentee(
        id=key,
        administration=unit.department.administration.name if unit else None,
        department=str(unit.department_id) if unit else None,
        unit=str(unit.id) if unit else None,
        line=tuple(str(i) for i in leader_line_ids(leader_id=mentee.id)),
        needs=dict(mentee.support_needs.filter(status="open").values_list("topic__slug", "weight")),
    )
    probe = dataclasses.replace(probe, needs={k: v / 3 for k, v in probe.needs.items()})
    problem = dataclasses.replace(
        built.problem,
        mentees=(probe,),
        mentors=tuple(m for m in mentors if m.id != key),
        fixed=(),
        forbidden=(),
        ties=(),
    )
    policy = policy_from_json(mentorship.programme.policy)
    for suggestion in suggest_mentors(problem, policy=policy):
        if suggestion.mentee == key and suggestion.mentors:
            return int(suggestion.mentors[0].mentor)
    return None


def flag_resolve(*, flag: Flag) -> Flag:
    """HR marks a flag as handled."""
    if flag.resolved_at is None:
        flag.resolved_at = timezone.now()
        flag.save(update_fields=["resolved_at"])
    return flag
