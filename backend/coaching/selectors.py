"""Reads of the coaching app, each scoped by the actor.

A request is the leader's private data: the leader reads it in full; HR for the whole
organisation reads it with each read written to the leader's access log, unless the HR user is
a leader in the requester's line of command (up or down: then it does not exist for them);
the assigned internal coach reads who the leader is and how to reach them, never the text;
everyone else, the boss and the boss's boss above all, gets 404 and no count anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from backend.coaching.models import Coach, CoachRequest
from backend.coaching.problem import Option, propose
from backend.coaching.reasons import render_reasons
from backend.people.access import is_org_wide_hr, self_and_reports_q
from backend.people.hooks import record_access_many
from backend.people.lines import leader_line_ids
from backend.people.models import Leader, User

PURPOSE = "Coach request: matching and follow-up"
# Leaders a coach coaches now, counted in the query (no query per coach in a list).
COACHING_NOW = Count("requests", filter=Q(requests__status=CoachRequest.Status.ASSIGNED))
WHAT = "coach_request"


def _request_rows() -> QuerySet[CoachRequest]:
    return CoachRequest.objects.select_related(
        "leader__unit__department__administration", "coach__leader__unit"
    ).prefetch_related("topics", "coach__topics")


def coach_list_for_hr(*, actor: User) -> QuerySet[Coach]:
    """The organisation's coach pool (org-wide HR; anyone else sees none)."""
    if not is_org_wide_hr(actor):
        return Coach.objects.none()
    return (
        Coach.objects.filter(organisation_id=actor.organisation_id or 0)
        .select_related("leader__unit__department__administration")
        .prefetch_related("topics")
        .annotate(coaching_now=COACHING_NOW)
        .order_by("kind", "name", "id")  # a counted query keeps no Meta.ordering
    )


def coach_for_hr_or_404(*, actor: User, coach_id: int) -> Coach:
    """One coach of the pool, else ``Http404``."""
    coach = coach_list_for_hr(actor=actor).filter(id=coach_id).first()
    if coach is None:
        raise Http404
    return coach


def hr_request_scope(actor: User) -> QuerySet[CoachRequest]:
    """Requests org-wide HR may read: never its own, nor any in its own line, up or down."""
    if not is_org_wide_hr(actor):
        return CoachRequest.objects.none()
    rows = _request_rows().filter(organisation_id=actor.organisation_id or 0)
    if actor.leader_id is not None:
        above = leader_line_ids(leader_id=actor.leader_id)
        rows = rows.exclude(self_and_reports_q(actor, field="leader_id")).exclude(
            leader_id__in=above
        )
    return rows


def request_queue_for_hr(*, actor: User, page: list[CoachRequest]) -> list[CoachRequest]:
    """Record HR's read of one page of the queue in each leader's access log."""
    leaders: list[Leader] = [r.leader for r in page]
    record_access_many(actor=actor, subject_leaders=leaders, purpose=PURPOSE, what=WHAT)
    return page


def request_for_hr_or_404(*, actor: User, request_id: int, log: bool = True) -> CoachRequest:
    """One request in HR's scope (logged as a read of the leader's private data), else 404."""
    request = hr_request_scope(actor).filter(id=request_id).first()
    if request is None:
        raise Http404
    if log:
        record_access_many(
            actor=actor, subject_leaders=[request.leader], purpose=PURPOSE, what=WHAT
        )
    return request


def request_list_own(*, actor: User) -> QuerySet[CoachRequest]:
    """The caller's own requests, newest first (none for a user who is not a leader)."""
    if actor.leader_id is None:
        return CoachRequest.objects.none()
    return _request_rows().filter(leader_id=actor.leader_id)


def request_own_or_404(*, actor: User, request_id: int) -> CoachRequest:
    """One of the caller's own requests, else ``Http404``."""
    request = request_list_own(actor=actor).filter(id=request_id).first()
    if request is None:
        raise Http404
    return request


def coachee_list(*, actor: User) -> QuerySet[CoachRequest]:
    """For an internal coach: the leaders assigned to them (current and finished)."""
    if actor.leader_id is None:
        return CoachRequest.objects.none()
    return _request_rows().filter(
        Q(coach__leader_id=actor.leader_id),
        status__in=[CoachRequest.Status.ASSIGNED, CoachRequest.Status.FINISHED],
    )


def coachee_or_404(*, actor: User, request_id: int) -> CoachRequest:
    """One leader assigned to the caller as coach, else ``Http404``."""
    request = coachee_list(actor=actor).filter(id=request_id).first()
    if request is None:
        raise Http404
    return request


def open_requests(*, organisation_id: int) -> list[CoachRequest]:
    """Every open request of the organisation (the matcher proposes for them together)."""
    return list(
        _request_rows().filter(organisation_id=organisation_id, status=CoachRequest.Status.OPEN)
    )


def active_coaches(*, organisation_id: int) -> list[Coach]:
    """The organisation's active coaches."""
    return list(
        Coach.objects.filter(organisation_id=organisation_id, status=Coach.Status.ACTIVE)
        .select_related("leader__unit__department__administration")
        .prefetch_related("topics")
        .annotate(coaching_now=COACHING_NOW)
        .order_by("id")
    )


@dataclass(frozen=True)
class OptionView:
    """A coach the matcher allows for a request, its score and its reasons in words."""

    coach: Coach
    score: float
    reasons: list[str]


@dataclass(frozen=True)
class ProposalView:
    """The matcher's proposal for an open request, the other allowed coaches, or why none."""

    proposed: OptionView | None
    options: list[OptionView]
    unmatched_reason: str | None


def proposals_for(*, organisation_id: int, request_ids: list[int]) -> dict[int, ProposalView]:
    """Proposals for the open requests among ``request_ids`` (all open ones matched together)."""
    pending = open_requests(organisation_id=organisation_id)
    if not any(r.id in request_ids for r in pending):
        return {}
    coaches = active_coaches(organisation_id=organisation_id)
    by_id = {c.id: c for c in coaches}
    raw = propose(pending, coaches)

    def view(option: Option) -> OptionView:
        reasons = render_reasons(option.reasons, organisation_id=organisation_id)
        return OptionView(by_id[option.coach_id], option.score, reasons)

    out: dict[int, ProposalView] = {}
    for request_id in request_ids:
        proposal = raw.get(request_id)
        if proposal is None:
            continue
        unmatched = (
            render_reasons([proposal.unmatched_reason], organisation_id=organisation_id)[0]
            if proposal.unmatched_reason
            else None
        )
        out[request_id] = ProposalView(
            view(proposal.proposed) if proposal.proposed else None,
            [view(o) for o in proposal.options],
            unmatched,
        )
    return out


def request_page_for_hr(*, actor: User, page: list[CoachRequest]) -> list[CoachRequest]:
    """One page of HR's queue: each read logged, each open request with its proposal."""
    request_queue_for_hr(actor=actor, page=page)
    if actor.organisation_id is not None:
        views = proposals_for(
            organisation_id=actor.organisation_id, request_ids=[r.id for r in page]
        )
        for request in page:
            request.proposal = views.get(request.id)  # type: ignore[attr-defined]
    return page


def request_detail_for_hr(*, actor: User, request_id: int) -> CoachRequest:
    """One request for HR, logged, with the proposal and the other allowed coaches."""
    request = request_for_hr_or_404(actor=actor, request_id=request_id)
    views = proposals_for(organisation_id=request.organisation_id, request_ids=[request.id])
    request.proposal = views.get(request.id)  # type: ignore[attr-defined]
    return request
