"""GDPR contribution of the mentoring app: enrolments, offers, proposals, pairs, check-ins,
pulses and exit surveys.

Called by ``backend.privacy`` (see ``backend/privacy/registry.py``). The leader's own export
shows their own check-in notes and notes the other party shared with the pair, never the other
party's private notes; HR's export shows no note at all. Erasure keeps mentorship and proposal
rows (programme statistics count them) stripped of every note, reason and survey answer.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from backend.mentoring.models import (
    CheckIn,
    Enrolment,
    ExitSurvey,
    Flag,
    LeaderEntry,
    MatchRun,
    Meeting,
    MentorOffer,
    Mentorship,
    Proposal,
    Pulse,
    Suggestion,
)
from backend.mentoring.reasons import labels_where, render_json, render_list
from backend.people.models import Leader
from matching.wording import Labels


def _iso(value: Any) -> Any:
    return value.isoformat() if value is not None and hasattr(value, "isoformat") else value


def export_leader(leader: Leader, *, notes: bool = True) -> dict[str, Any]:
    """Return the leader's mentoring rows as a mentee and as a mentor.

    ``notes=False`` (HR's export): no check-in note, the leader's own or a shared one.
    """
    entry = LeaderEntry.objects.filter(leader=leader).first()
    # Reasons in Danish with the organisation's topic labels (backend/mentoring/reasons.py).
    labels = labels_where(organisation_id=leader.organisation_id)
    return {
        "entry_route": entry.route if entry else None,
        "enrolments": _enrolments(leader, labels),
        "mentor_offers": _mentor_offers(leader),
        "suggestions": _suggestions(leader, labels),
        "proposals": _proposals(leader, labels),
        "mentorships": _mentorships(leader),
        "check_ins": _check_ins(leader, notes=notes),
        **_pulses_and_surveys(leader, notes=notes),
    }


def _said(code: Any, labels: Labels) -> str:
    """One stored reason in Danish, or "" when there is none."""
    return render_json(code, lang="da", labels=labels) if code else ""


def _enrolments(leader: Leader, labels: Labels) -> list[dict[str, Any]]:
    """The leader's enrolments as a mentee."""
    return [
        {
            "programme": e.programme.name,
            "route": e.route,
            "status": e.status,
            "manual_reason": _said(e.manual_reason_code, labels),
            "second_mentorship_reason": e.second_mentorship_reason,
            "enrolled_at": _iso(e.enrolled_at),
            "matched_at": _iso(e.matched_at),
        }
        for e in Enrolment.objects.filter(leader=leader).select_related("programme")
    ]


def _mentor_offers(leader: Leader) -> list[dict[str, Any]]:
    """The leader's offers to be a mentor."""
    return [
        {
            "programme": o.programme.name,
            "state": o.state,
            "capacity": o.capacity,
            "hours_per_month": o.hours_per_month,
            "paused": o.paused,
            "topics": [t.label_da for t in o.topics.all()],
            "availability": o.availability,
            "override_reason": o.override_reason,
        }
        for o in MentorOffer.objects.filter(leader=leader)
        .select_related("programme")
        .prefetch_related("topics")
    ]


def _suggestions(leader: Leader, labels: Labels) -> list[dict[str, Any]]:
    """The mentors suggested to the leader, with the reasons in Danish."""
    return [
        {
            "mentor": s.offer.leader.full_name,
            "rank": s.rank,
            "reasons": render_list(s.reasons, lang="da", labels=labels),
        }
        for s in Suggestion.objects.filter(enrolment__leader=leader).select_related("offer__leader")
    ]


def _proposals(leader: Leader, labels: Labels) -> list[dict[str, Any]]:
    """Proposals with the leader as mentee or mentor, oldest first."""
    proposals = (
        Proposal.objects.filter(Q(enrolment__leader=leader) | Q(offer__leader=leader))
        .select_related("programme", "enrolment__leader", "offer__leader")
        .order_by("created_at", "id")
    )
    return [
        {
            "programme": p.programme.name,
            "as": "mentee" if p.enrolment.leader_id == leader.id else "mentor",
            "mentee": p.enrolment.leader.full_name,
            "mentor": p.offer.leader.full_name,
            "status": p.status,
            "origin": p.origin,
            "reasons": render_list(p.reasons, lang="da", labels=labels),
            "offered_at": _iso(p.offered_at),
            "decided_at": _iso(p.decided_at),
        }
        for p in proposals
    ]


def _mentorships(leader: Leader) -> list[dict[str, Any]]:
    """Pairs with the leader as mentee or mentor, by start date."""
    mentorships = (
        Mentorship.objects.filter(Q(mentee=leader) | Q(mentor=leader))
        .select_related("programme", "mentee", "mentor")
        .order_by("started_on", "id")
    )
    return [
        {
            "id": ms.id,
            "programme": ms.programme.name,
            "as": "mentee" if ms.mentee_id == leader.id else "mentor",
            "mentee": ms.mentee.full_name,
            "mentor": ms.mentor.full_name,
            "status": ms.status,
            "started_on": _iso(ms.started_on),
            "ended_on": _iso(ms.ended_on),
            "end_reason": ms.end_reason,
        }
        for ms in mentorships
    ]


def _check_ins(leader: Leader, *, notes: bool) -> list[dict[str, Any]]:
    """Check-ins of the leader's pairs: her notes, the other party's when shared (HR: none)."""
    check_ins = (
        CheckIn.objects.filter(Q(mentorship__mentee=leader) | Q(mentorship__mentor=leader))
        .select_related("author")
        .order_by("met_on", "id")
    )
    return [
        {
            "mentorship": c.mentorship_id,
            "author": "self" if c.author_id == leader.id else c.author.full_name,
            "met_on": _iso(c.met_on),
            "minutes": c.minutes,
            # The other party's note only when they shared it with the pair; HR: none.
            **(
                {"note": c.note if c.author_id == leader.id or c.note_shared else None}
                if notes
                else {}
            ),
            "note_shared": c.note_shared,
        }
        for c in check_ins
    ]


def _pulses_and_surveys(leader: Leader, *, notes: bool) -> dict[str, Any]:
    """The leader's own meeting pulses and exit-survey answers (comments: hers only, not HR's)."""
    pulses = Pulse.objects.filter(leader=leader).order_by("met_on", "id")
    surveys = ExitSurvey.objects.filter(leader=leader).order_by("created_at", "id")
    return {
        "pulses": [
            {
                "mentorship": p.mentorship_id,
                "met_on": _iso(p.met_on),
                "score": p.score,
                **({"comment": p.comment} if notes else {}),
            }
            for p in pulses
        ],
        "exit_surveys": [
            {
                "mentorship": s.mentorship_id,
                "rating": s.rating,
                "goals_met": s.goals_met,
                "would_recommend": s.would_recommend,
                **({"comment": s.comment} if notes else {}),
            }
            for s in surveys
        ],
    }


@transaction.atomic
def erase_leader(leader: Leader) -> None:
    """Strip the leader's mentoring rows of every note and reason; end live pairs. Idempotent."""
    now = timezone.now()
    mine = Q(mentee=leader) | Q(mentor=leader)
    # Live pairs end (the place is freed exactly once: only rows still active are touched).
    for mentorship in Mentorship.objects.select_for_update().filter(
        mine, status=Mentorship.Status.ACTIVE
    ):
        Mentorship.objects.filter(id=mentorship.id).update(
            status=Mentorship.Status.ENDED_EARLY, ended_on=timezone.localdate()
        )
        MentorOffer.objects.filter(id=mentorship.offer_id, active_count__gt=0).update(
            active_count=F("active_count") - 1
        )
    Mentorship.objects.filter(mine).update(end_reason="", exit_survey={}, first_meeting_at=None)
    # Notes about the pair are about both people: none survive, whoever wrote them.
    CheckIn.objects.filter(Q(mentorship__mentee=leader) | Q(mentorship__mentor=leader)).update(
        note="", note_shared=False
    )
    Flag.objects.filter(Q(mentorship__mentee=leader) | Q(mentorship__mentor=leader)).update(
        reason="", resolved_at=now
    )
    Flag.objects.filter(suggested_mentor=leader).update(suggested_mentor=None)
    # Where a pair met is about both: planned meetings keep their times, not their places.
    Meeting.objects.filter(Q(mentorship__mentee=leader) | Q(mentorship__mentor=leader)).update(
        location=""
    )
    # Pulses and survey answers keep their scores (programme quality counts them), no comment.
    Pulse.objects.filter(leader=leader).update(comment="")
    ExitSurvey.objects.filter(leader=leader).update(comment="")
    proposals = Proposal.objects.filter(Q(enrolment__leader=leader) | Q(offer__leader=leader))
    proposals.filter(status__in=Proposal.OPEN).update(
        status=Proposal.Status.WITHDRAWN, decided_at=now
    )
    proposals.update(reasons=[], components={}, override_reason="", decline_reason="")
    Suggestion.objects.filter(Q(enrolment__leader=leader) | Q(offer__leader=leader)).delete()
    Enrolment.objects.filter(leader=leader).exclude(status=Enrolment.Status.MATCHED).update(
        status=Enrolment.Status.WITHDRAWN
    )
    Enrolment.objects.filter(leader=leader).update(
        manual_reason_code=None, second_mentorship_reason=""
    )
    MentorOffer.objects.filter(leader=leader).update(
        paused=True, availability="", override_reason=""
    )
    LeaderEntry.objects.filter(leader=leader).delete()
    # Match runs keep their totals; the leader's own lines in their logs go.
    runs = MatchRun.objects.filter(programme__organisation_id=leader.organisation_id)
    for run in runs.only("id", "excluded", "result"):
        excluded = [e for e in run.excluded if e.get("leader") not in (leader.id, str(leader.id))]
        result = dict(run.result)
        unmatched = result.get("unmatched")
        if isinstance(unmatched, list):
            result["unmatched"] = [u for u in unmatched if u.get("leader") != leader.id]
        if excluded != run.excluded or result != run.result:
            MatchRun.objects.filter(id=run.id).update(excluded=excluded, result=result)
