"""Reads on the mentoring app: what a caller may see, with related rows loaded up front.

Reads of another person's private data (a mentee's support-need topics on a proposal) are
written to the access log here, where they are read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django.db.models import OuterRef, Prefetch, Q, QuerySet, Subquery
from django.http import Http404

from backend.mentoring.ics import proposal_invitation
from backend.mentoring.models import (
    Enrolment,
    Flag,
    MatchRun,
    MentorOffer,
    Mentorship,
    Programme,
    Proposal,
    Suggestion,
)
from backend.people.access import hr_scope_q, is_hr, is_hr_for
from backend.people.hooks import record_access_many
from backend.people.models import Leader, SupportNeed, User


@dataclass(frozen=True)
class Meeting:
    """A mentoring meeting for a leader's calendar: a logged check-in or a planned first meeting.

    ``kind`` is ``"first_meeting"`` (planned; ``at`` may be ``None`` when only the deadline is
    known, then ``date`` is the deadline) or ``"check_in"`` (a meeting that took place).
    """

    mentorship_id: int
    kind: str
    date: dt.date
    at: dt.datetime | None
    minutes: int | None
    with_name: str


def mentor_for_leader(*, leader_id: int) -> Leader | None:
    """Return the mentor of the leader's active mentorship (the newest if several), else None."""
    mentorship = (
        Mentorship.objects.filter(mentee_id=leader_id, status=Mentorship.Status.ACTIVE)
        .select_related("mentor__unit__department__administration")
        .order_by("-started_on", "-id")
        .first()
    )
    return mentorship.mentor if mentorship is not None else None


def meetings_for_leader(*, leader_id: int) -> list[Meeting]:
    """Return the leader's mentoring meetings (as mentee or mentor), oldest first.

    Planned first meetings of active pairs that have not met yet, and every logged check-in of
    the leader's pairs. No notes: the calendar shows that a meeting is, not what was said.
    """
    mentorships = list(
        Mentorship.objects.filter(Q(mentee_id=leader_id) | Q(mentor_id=leader_id))
        .select_related("mentee", "mentor")
        .prefetch_related("check_ins")
    )
    meetings: list[Meeting] = []
    for mentorship in mentorships:
        other = mentorship.mentor if mentorship.mentee_id == leader_id else mentorship.mentee
        if (
            mentorship.status == Mentorship.Status.ACTIVE
            and mentorship.first_met_on is None
            and (mentorship.first_meeting_at or mentorship.first_meeting_due)
        ):
            at = mentorship.first_meeting_at
            date = at.date() if at is not None else mentorship.first_meeting_due
            assert date is not None
            meetings.append(
                Meeting(mentorship.id, "first_meeting", date, at, None, other.full_name)
            )
        seen: set[dt.date] = set()
        for check_in in mentorship.check_ins.all():
            # Both may log the same meeting; the calendar shows it once.
            if check_in.met_on in seen:
                continue
            seen.add(check_in.met_on)
            meetings.append(
                Meeting(
                    mentorship.id,
                    "check_in",
                    check_in.met_on,
                    None,
                    check_in.minutes,
                    other.full_name,
                )
            )
    meetings.sort(key=lambda m: (m.date, m.mentorship_id, m.kind))
    return meetings


# --- HR and participant reads ------------------------------------------------------------
#
# Every read takes the acting user as ``actor`` and is scoped by it: HR sees its organisation
# (its administrations when scoped), a leader their own proposals, suggestions and pairs. A row
# outside the actor's scope is not found (``Http404``), never forbidden.

T = TypeVar("T")


@dataclass(frozen=True)
class Listing(Generic[T]):
    """A whole (unpaged) list and its length, as ``{"count": ..., "results": [...]}``."""

    results: list[T]

    @property
    def count(self) -> int:
        """How many rows the list has."""
        return len(self.results)


def programmes_visible_to(*, actor: User) -> QuerySet[Programme]:
    """HR sees its organisation's programmes; nobody else lists them."""
    if not is_hr(actor) or actor.organisation_id is None:
        return Programme.objects.none()
    return Programme.objects.filter(organisation_id=actor.organisation_id)


def programme_for_hr_or_404(*, actor: User, programme_id: int) -> Programme:
    """Return the programme if the actor is HR of its organisation, else raise 404."""
    programme = programmes_visible_to(actor=actor).filter(id=programme_id).first()
    if programme is None:
        raise Http404
    return programme


def enrolments_for_hr(*, actor: User, programme_id: int) -> QuerySet[Enrolment]:
    """The programme's enrolments whose leader is in the HR actor's scope."""
    programme = programme_for_hr_or_404(actor=actor, programme_id=programme_id)
    return (
        Enrolment.objects.filter(programme=programme)
        .filter(hr_scope_q(actor, prefix="leader__"))
        .select_related("leader__unit__department__administration")
        .order_by("enrolled_at", "id")
    )


def manual_queue_for_hr(*, actor: User, programme_id: int) -> QuerySet[Enrolment]:
    """Mentees HR must match by hand, oldest first."""
    return enrolments_for_hr(actor=actor, programme_id=programme_id).filter(
        status=Enrolment.Status.MANUAL
    )


def offers_for_hr(*, actor: User, programme_id: int) -> QuerySet[MentorOffer]:
    """The programme's mentor offers whose leader is in the HR actor's scope."""
    programme = programme_for_hr_or_404(actor=actor, programme_id=programme_id)
    return (
        MentorOffer.objects.filter(programme=programme)
        .filter(hr_scope_q(actor, prefix="leader__"))
        .select_related("programme", "leader__unit__department__administration")
        .prefetch_related("topics")
        .order_by("id")
    )


def match_runs_for_hr(*, actor: User, programme_id: int) -> QuerySet[MatchRun]:
    """The programme's match runs (HR of its organisation)."""
    programme = programme_for_hr_or_404(actor=actor, programme_id=programme_id)
    return MatchRun.objects.filter(programme=programme).select_related("created_by")


def match_run_for_hr_or_404(*, actor: User, run_id: int) -> MatchRun:
    """Return the run to HR of its organisation, else 404."""
    if actor.organisation_id is None:
        raise Http404
    run = (
        MatchRun.objects.filter(id=run_id, programme__organisation_id=actor.organisation_id)
        .select_related("created_by")
        .first()
    )
    if run is None or not is_hr(actor):
        raise Http404
    return run


# --- proposals ----------------------------------------------------------------------------


def _proposal_qs() -> QuerySet[Proposal]:
    return Proposal.objects.select_related(
        "programme",
        "enrolment__leader__unit__department__administration",
        "offer__leader__unit__department__administration",
    ).prefetch_related(
        Prefetch(
            "enrolment__leader__support_needs",
            queryset=SupportNeed.objects.filter(status=SupportNeed.Status.OPEN).select_related(
                "topic"
            ),
            to_attr="open_needs",
        )
    )


def proposals_for_hr(*, actor: User, programme_id: int) -> QuerySet[Proposal]:
    """The programme's proposals whose mentee is in the HR actor's scope.

    Rows only: pass the page shown to ``proposals_seen``, which logs the read of the mentees'
    topics.
    """
    programme = programme_for_hr_or_404(actor=actor, programme_id=programme_id)
    return (
        _proposal_qs()
        .filter(programme=programme)
        .filter(hr_scope_q(actor, prefix="enrolment__leader__"))
        .order_by("-created_at", "-id")
    )


def proposals_for_leader(*, actor: User) -> QuerySet[Proposal]:
    """The actor's own proposals: as mentee (open or accepted only) and as mentor."""
    if actor.leader_id is None:
        return Proposal.objects.none()
    as_mentee = Q(enrolment__leader_id=actor.leader_id) & Q(
        status__in=[Proposal.Status.OFFERED, Proposal.Status.ACCEPTED]
    )
    as_mentor = Q(offer__leader_id=actor.leader_id) & ~Q(status=Proposal.Status.DRAFT)
    return _proposal_qs().filter(as_mentee | as_mentor).order_by("-created_at", "-id")


def proposal_visible_or_404(*, actor: User, proposal_id: int) -> Proposal:
    """Return the proposal to HR in scope, its mentee or its mentor (not a draft); else 404.

    Rows only: ``proposal_seen_or_404`` is the read that shows it (and logs it).
    """
    proposal = _proposal_qs().filter(id=proposal_id).first()
    if proposal is None:
        raise Http404
    mentee = proposal.enrolment.leader
    if is_hr_for(actor, mentee):
        return proposal
    if proposal.status != Proposal.Status.DRAFT and actor.leader_id in (
        mentee.id,
        proposal.offer.leader_id,
    ):
        return proposal
    raise Http404


@dataclass(frozen=True)
class ProposalSeen:
    """A proposal and who reads it: ``reader`` is ``"hr"``, ``"mentee"`` or ``"mentor"``.

    What the reader is shown (``ProposalOutputSerializer``) depends on it: ``needs`` are the
    mentee's open needs this reader may see (HR: all, for matching; the mentor: only those the
    mentee shares; the mentee: none, it is their own), ``reasons`` the stored match reasons
    this reader may see (the mentor's name no topic the mentee has not shared).
    """

    proposal: Proposal
    reader: str
    needs: tuple[SupportNeed, ...] = ()
    reasons: tuple[dict[str, Any], ...] = ()


def _needs_for(reader: str, proposal: Proposal) -> tuple[SupportNeed, ...]:
    mentee = proposal.enrolment.leader
    needs = getattr(mentee, "open_needs", None)
    if needs is None:
        needs = list(
            mentee.support_needs.filter(status=SupportNeed.Status.OPEN).select_related("topic")
        )
    if reader == "hr":
        return tuple(needs)
    if reader == "mentor":
        return tuple(n for n in needs if n.shared_with_mentor)
    return ()


def _reasons_for(reader: str, proposal: Proposal, needs: Sequence[SupportNeed]) -> tuple[Any, ...]:
    """The stored reasons; for the mentor, topics limited to the needs the mentee shares."""
    stored = list(proposal.reasons or [])
    if reader != "mentor":
        return tuple(stored)
    shared = {n.topic.slug for n in needs}
    out: list[Any] = []
    for reason in stored:
        code = reason.get("code") if isinstance(reason, Mapping) else None
        if code == "covers_none":
            continue  # it would tell the mentor that needs exist which they are not shown
        if code == "covers":
            params = reason.get("params") or {}
            topics = [t for t in params.get("topics") or () if t in shared]
            if not topics:
                continue
            reason = {**reason, "params": {**params, "topics": topics}}
        out.append(reason)
    return tuple(out)


def proposal_reader(*, actor: User, proposal: Proposal) -> str:
    """Return as whom the actor reads the proposal: its mentor, its mentee, or HR."""
    if actor.leader_id == proposal.offer.leader_id:
        return "mentor"
    if actor.leader_id == proposal.enrolment.leader_id:
        return "mentee"
    return "hr"


# What the access log says when a proposal shows someone the mentee's support-need topics.
_TOPICS_READ = "support_need_topics"
_TOPICS_PURPOSE = {
    "mentor": "Mentorforslag: de emner mentee har delt med mentor",
    "hr": "Mentormatch: forslag med mentees emner",
}


def proposal_seen_as(*, reader: str, proposal: Proposal) -> ProposalSeen:
    """The proposal with what ``reader`` may see of the mentee's needs and the match reasons."""
    needs = _needs_for(reader, proposal)
    return ProposalSeen(proposal, reader, needs, _reasons_for(reader, proposal, needs))


def proposals_seen(*, actor: User, proposals: Iterable[Proposal]) -> list[ProposalSeen]:
    """The proposals as ``actor`` reads them, each read of a mentee's topics logged.

    HR sees the topics the mentee wants help with (for matching); the mentor only the topics
    the mentee chose to share. Either is a read of another person's private data, so it goes
    to the access log (one insert per page and purpose); the mentor's entry names the topics
    read, and a mentor shown no topic reads none (no entry). The mentee's own reads are not
    logged.
    """
    seen = [
        proposal_seen_as(reader=proposal_reader(actor=actor, proposal=p), proposal=p)
        for p in proposals
    ]
    by_purpose: dict[str, dict[int, Leader]] = {}
    for s in seen:
        if s.reader == "mentee" or (s.reader == "mentor" and not s.needs):
            continue
        purpose = _TOPICS_PURPOSE[s.reader]
        if s.reader == "mentor":
            labels = ", ".join(n.topic.label_da for n in s.needs)
            purpose = f"{purpose}: {labels}"[:300]
        mentee = s.proposal.enrolment.leader
        by_purpose.setdefault(purpose, {})[mentee.id] = mentee
    for purpose, mentees in by_purpose.items():
        record_access_many(
            actor=actor, subject_leaders=list(mentees.values()), purpose=purpose, what=_TOPICS_READ
        )
    return seen


def proposal_seen_or_404(*, actor: User, proposal_id: int) -> ProposalSeen:
    """One proposal as the actor may see it (HR in scope, its mentee or mentor), read logged."""
    proposal = proposal_visible_or_404(actor=actor, proposal_id=proposal_id)
    return proposals_seen(actor=actor, proposals=[proposal])[0]


def proposals_seen_by_leader(*, actor: User) -> Listing[ProposalSeen]:
    """The actor's own proposals (as mentee and as mentor), the mentor's reads logged."""
    return Listing(proposals_seen(actor=actor, proposals=proposals_for_leader(actor=actor)))


def proposal_invitation_ics(
    *, actor: User, proposal_id: int, start: dt.datetime | None, minutes: int, location: str
) -> bytes:
    """The ICS invitation to the first meeting, for the proposal's mentee or mentor only.

    Without ``start`` the proposal's first-meeting slot is used; without either, 404.
    """
    proposal = proposal_visible_or_404(actor=actor, proposal_id=proposal_id)
    if actor.leader_id not in (proposal.enrolment.leader_id, proposal.offer.leader_id):
        raise Http404
    start = start or proposal.first_meeting_at
    if start is None:
        raise Http404
    return proposal_invitation(proposal=proposal, start=start, minutes=minutes, location=location)


def suggestions_for_leader(*, actor: User) -> QuerySet[Suggestion]:
    """The mentee's suggestions from the latest run of each self-match programme."""
    if actor.leader_id is None:
        return Suggestion.objects.none()
    latest = (
        Suggestion.objects.filter(enrolment=OuterRef("enrolment"))
        .order_by("-run__created_at")
        .values("run_id")[:1]
    )
    return (
        Suggestion.objects.filter(enrolment__leader_id=actor.leader_id)
        .exclude(enrolment__programme__mode=Programme.Mode.HR)
        .exclude(enrolment__status__in=[Enrolment.Status.MATCHED, Enrolment.Status.WITHDRAWN])
        .filter(run_id=Subquery(latest))
        .select_related("offer__leader__unit__department__administration")
        .order_by("enrolment_id", "rank")
    )


# --- mentorships, check-ins, flags --------------------------------------------------------


def mentorships_visible_to(*, actor: User) -> QuerySet[Mentorship]:
    """HR: its scope's pairs; a leader: their own pairs, as mentee or mentor. Bosses: none."""
    qs = Mentorship.objects.select_related(
        "programme",
        "mentee__unit__department__administration",
        "mentor__unit__department__administration",
    )
    if is_hr(actor):
        return qs.filter(hr_scope_q(actor, prefix="mentee__"))
    if actor.leader_id is None:
        return qs.none()
    return qs.filter(Q(mentee_id=actor.leader_id) | Q(mentor_id=actor.leader_id))


def mentorship_visible_or_404(*, actor: User, mentorship_id: int) -> Mentorship:
    """Return the mentorship to its pair or HR in scope; anyone else gets 404."""
    mentorship = mentorships_visible_to(actor=actor).filter(id=mentorship_id).first()
    if mentorship is None:
        raise Http404
    return mentorship


@dataclass(frozen=True)
class CheckInSeen:
    """A check-in as one reader sees it: ``note`` is ``None`` when it is not theirs to read."""

    id: int
    author: str
    mine: bool
    met_on: dt.date
    minutes: int
    note_shared: bool
    note: str | None


def check_ins_visible_to(*, actor: User, mentorship_id: int) -> Listing[CheckInSeen]:
    """The pair's check-ins; a note only to its writer, or to the pair when shared; HR: none."""
    mentorship = mentorship_visible_or_404(actor=actor, mentorship_id=mentorship_id)
    in_pair = actor.leader_id in (mentorship.mentee_id, mentorship.mentor_id)
    rows = []
    for check_in in mentorship.check_ins.select_related("author").order_by("-met_on", "-id"):
        mine = actor.leader_id == check_in.author_id
        rows.append(
            CheckInSeen(
                id=check_in.id,
                author=check_in.author.full_name,
                mine=mine,
                met_on=check_in.met_on,
                minutes=check_in.minutes,
                note_shared=check_in.note_shared,
                note=check_in.note if mine or (in_pair and check_in.note_shared) else None,
            )
        )
    return Listing(rows)


def flags_for_hr(*, actor: User) -> QuerySet[Flag]:
    """Open flags on pairs in the HR actor's scope."""
    if not is_hr(actor):
        return Flag.objects.none()
    return (
        Flag.objects.filter(resolved_at__isnull=True)
        .filter(hr_scope_q(actor, prefix="mentorship__mentee__"))
        .select_related("mentorship__mentee", "mentorship__mentor", "suggested_mentor")
        .order_by("-created_at", "-id")
    )
