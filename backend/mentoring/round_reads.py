"""Reads for running a round (HR's programme screens and the mentor's own offers).

- :func:`mentor_candidates` — leaders HR may invite, by criteria, each with the facts the
  guard rails look at (first year as a leader, enrolled as a mentee) and their offer, if any;
- :func:`offers_of_leader` / :func:`programmes_open_to_mentors` — the leader's own offers and
  the programmes they can volunteer for;
- :func:`programme_preview` — a dry run of the problem build (and the matcher, which is fast
  at a programme's size) so HR sees how many mentees would be matched before running.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from backend.mentoring.eligibility import in_first_year, mentee_leader_ids
from backend.mentoring.models import MentorOffer, Programme
from backend.mentoring.problem import policy_from_json, problem_for_programme
from backend.mentoring.selectors import programme_for_hr_or_404
from backend.people.access import hr_scope_q
from backend.people.models import Leader, User


@dataclass(frozen=True)
class MentorCandidate:
    """A leader HR may invite to mentor, with what the guard rails see."""

    leader: Leader
    years_as_leader: float
    first_year: bool
    mentee: bool
    has_login: bool
    offer_state: str | None


def mentor_candidates(
    *,
    actor: User,
    programme_id: int,
    min_years: float = 0,
    administration_id: int | None = None,
    exclude_first_year: bool = True,
    exclude_mentees: bool = True,
) -> list[MentorCandidate]:
    """Active leaders in HR's scope matching the criteria, by name (at most 500)."""
    programme = programme_for_hr_or_404(actor=actor, programme_id=programme_id)
    leaders = (
        Leader.objects.filter(hr_scope_q(actor), active=True, years_as_leader__gte=min_years)
        .select_related("unit__department__administration", "user")
        .order_by("last_name", "first_name", "id")
    )
    if administration_id is not None:
        leaders = leaders.filter(unit__department__administration_id=administration_id)
    rows = list(leaders[:500])
    mentees = mentee_leader_ids(
        organisation_id=programme.organisation_id, leader_ids=[r.id for r in rows]
    )
    states = dict(
        MentorOffer.objects.filter(programme=programme, leader__in=rows).values_list(
            "leader_id", "state"
        )
    )
    found = []
    for leader in rows:
        first = in_first_year(leader)
        if (exclude_first_year and first) or (exclude_mentees and leader.id in mentees):
            continue
        found.append(
            MentorCandidate(
                leader=leader,
                years_as_leader=float(leader.years_as_leader),
                first_year=first,
                mentee=leader.id in mentees,
                has_login=hasattr(leader, "user"),
                offer_state=states.get(leader.id),
            )
        )
    return found


def offers_of_leader(*, actor: User) -> QuerySet[MentorOffer]:
    """The acting leader's own offers and invitations, newest programme first."""
    if actor.leader_id is None:
        return MentorOffer.objects.none()
    return (
        MentorOffer.objects.filter(leader_id=actor.leader_id)
        .select_related("programme", "leader__unit__department__administration")
        .prefetch_related("topics")
        .order_by("-programme__starts_on", "id")
    )


def programmes_open_to_mentors(*, actor: User) -> QuerySet[Programme]:
    """Programmes of the leader's organisation that have not ended (to volunteer for)."""
    if actor.leader_id is None or actor.organisation_id is None:
        return Programme.objects.none()
    today = timezone.localdate()
    return Programme.objects.filter(organisation_id=actor.organisation_id).filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=today)
    )


@dataclass(frozen=True)
class Preview:
    """How a run would go now: who takes part, how many would be matched, who is left out."""

    mentees: int
    mentors: int
    capacity: int
    matched: int
    unmatched: int
    excluded: list[dict[str, Any]]


def programme_preview(
    *, actor: User, programme_id: int, policy: dict[str, Any] | None = None
) -> Preview:
    """Dry-run the problem build and the matcher with the programme's (or a draft) policy.

    Nothing is written. ``policy`` is the draft policy from the edit form (validated as the
    programme's would be).
    """
    from matching import assign_mentors

    programme = programme_for_hr_or_404(actor=actor, programme_id=programme_id)
    if policy is not None:
        programme.policy = policy  # in memory only, never saved
    checked = policy_from_json(programme.policy)
    built = problem_for_programme(programme=programme)
    matched = 0
    if built.problem.mentees and built.problem.mentors:
        matched = sum(1 for p in assign_mentors(built.problem, policy=checked).pairs if not p.fixed)
    counts = Counter((e["role"], e["reason"]) for e in built.excluded)
    free = len(built.problem.mentees) - len(built.problem.fixed)
    return Preview(
        mentees=free,
        mentors=len(built.problem.mentors),
        capacity=sum(m.capacity for m in built.problem.mentors) - len(built.problem.fixed),
        matched=matched,
        unmatched=free - matched,
        excluded=[
            {"role": role, "reason": reason, "count": n}
            for (role, reason), n in sorted(counts.items())
        ],
    )
