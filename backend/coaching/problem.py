"""Coach requests and the coach pool as a matching problem, and the matcher's answer as rows.

The one place the coaching app maps its rows to :mod:`matching` and back. A request is a
mentee keyed by its leader (``L<leader id>``: one request in progress per leader), a coach a
mentor (an internal coach keyed by its leader too, so the matcher's line rule sees the line of
command up and down; an external coach ``X<coach id>``). The rules:

- never a coach in the requester's line of command, up or down (the matcher's hard rule: the
  mentor is not in the mentee's line, nor the mentee in the mentor's), nor in the same unit,
  nor the requester themself;
- another administration preferred, not required (``require_other_administration=False``: the
  cross-administration part of the score ranks it higher); an external coach counts as another
  administration;
- specialities that cover the request's topics rank higher (the needs part of the score);
- capacity respected: a coach's free places are its capacity less the leaders it coaches now,
  and the proposals of all open requests are assigned together (two requests never share the
  last place);
- the leader's preference (internal / external) and preferred language are hard filters.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q

from backend.coaching.models import Coach, CoachRequest
from backend.people.lines import leader_line_ids
from backend.people.models import Leader
from matching import Mentee, Mentor, Policy, Problem, Weights, assign_mentors, suggest_mentors
from matching.serialize import reason_to_dict

# External coaches stand outside every administration of the organisation.
EXTERNAL_ADMINISTRATION = "external"
POLICY = Policy(
    objective="participation",
    require_other_administration=False,
    weights=Weights(needs=4.0, context=0.0, cross_administration=1.5, experience=0.0, network=0.0),
    top_n=5,
)


@dataclass(frozen=True)
class Option:
    """A coach the matcher allows for a request, with its score and reasons (as stored)."""

    coach_id: int
    score: float
    reasons: list[dict[str, Any]]


@dataclass(frozen=True)
class Proposal:
    """The matcher's answer for one request: the proposed coach, the others, or why none."""

    proposed: Option | None
    options: list[Option]
    unmatched_reason: dict[str, Any] | None


def _administration(leader: Leader | None) -> str | None:
    unit = leader.unit if leader is not None else None
    if unit is None:
        return None
    return str(unit.department.administration_id)


def _line(leader_id: int) -> tuple[str, ...]:
    return tuple(f"L{i}" for i in leader_line_ids(leader_id=leader_id))


def coach_key(coach: Coach) -> str:
    """The coach's id in the problem (internal coaches by their leader)."""
    return f"L{coach.leader_id}" if coach.leader_id is not None else f"X{coach.id}"


def free_places(coaches: Iterable[Coach]) -> dict[int, int]:
    """Each coach's capacity less the leaders it coaches now (never below zero)."""
    ids = [c.id for c in coaches]
    busy = dict(
        Coach.objects.filter(id__in=ids)
        .annotate(n=Count("requests", filter=Q(requests__status=CoachRequest.Status.ASSIGNED)))
        .values_list("id", "n")
    )
    return {c.id: max(0, c.capacity - busy.get(c.id, 0)) for c in coaches}


def _mentee(request: CoachRequest) -> Mentee:
    return Mentee(
        id=f"L{request.leader_id}",
        administration=_administration(request.leader),
        unit=str(request.leader.unit_id) if request.leader.unit_id else None,
        line=_line(request.leader_id),
        needs={t.slug: 1.0 for t in request.topics.all()},
    )


def _mentor(coach: Coach, places: int) -> Mentor:
    strengths = {t.slug: 1.0 for t in coach.topics.all()}
    if coach.leader is None:
        return Mentor(
            id=coach_key(coach),
            capacity=places,
            administration=EXTERNAL_ADMINISTRATION,
            strengths=strengths,
        )
    return Mentor(
        id=coach_key(coach),
        capacity=places,
        administration=_administration(coach.leader),
        unit=str(coach.leader.unit_id) if coach.leader.unit_id else None,
        line=_line(coach.leader_id or 0),
        strengths=strengths,
    )


def _allowed(request: CoachRequest, coach: Coach) -> bool:
    """The leader's own filters: preference, language, and never themself."""
    if coach.leader_id is not None and coach.leader_id == request.leader_id:
        return False
    if request.preference != CoachRequest.Preference.ANY and coach.kind != request.preference:
        return False
    return not (request.language and coach.languages and request.language not in coach.languages)


def build_problem(
    requests: Sequence[CoachRequest], coaches: Sequence[Coach], places: Mapping[int, int]
) -> Problem:
    """The open requests and the active coaches with free places as one matching round."""
    mentees = tuple(_mentee(r) for r in requests)
    mentors = tuple(_mentor(c, places.get(c.id, 0)) for c in coaches)
    forbidden = tuple(
        (f"L{r.leader_id}", coach_key(c))
        for r in requests
        for c in coaches
        if not _allowed(r, c) and f"L{r.leader_id}" != coach_key(c)
    )
    return Problem(mentees=mentees, mentors=mentors, forbidden=forbidden)


def _coach_row_ids(coaches: Sequence[Coach]) -> dict[str, int]:
    return {coach_key(c): c.id for c in coaches}


def propose(requests: Sequence[CoachRequest], coaches: Sequence[Coach]) -> dict[int, Proposal]:
    """Propose a coach for each request (assigned together, within capacities) and the options.

    ``coaches`` are the active coaches of the organisation; a request's own leader as a coach
    is left out of its problem (the matcher takes no pair of a person with themself).
    """
    if not requests:
        return {}
    coaches = [c for c in coaches if c.status == Coach.Status.ACTIVE]
    places = free_places(coaches)
    out: dict[int, Proposal] = {}
    # A leader who is also a coach cannot sit on both sides of one problem: match them alone.
    coach_keys = {coach_key(c) for c in coaches}
    alone = [r for r in requests if f"L{r.leader_id}" in coach_keys]
    together = [r for r in requests if f"L{r.leader_id}" not in coach_keys]
    batches = [together] + [[r] for r in alone]
    for batch in batches:
        if not batch:
            continue
        pool = [c for c in coaches if not any(c.leader_id == r.leader_id for r in batch)]
        answers = _propose_batch(batch, pool, places)
        # A place proposed in one batch is not free for the next.
        for answer in answers.values():
            if answer.proposed is not None:
                places[answer.proposed.coach_id] -= 1
        out.update(answers)
    return out


def _propose_batch(
    requests: Sequence[CoachRequest], coaches: Sequence[Coach], places: Mapping[int, int]
) -> dict[int, Proposal]:
    by_key = _coach_row_ids(coaches)
    if not coaches:
        none = {"code": "no_coaches", "params": {}}
        return {r.id: Proposal(None, [], none) for r in requests}
    problem = build_problem(requests, coaches, places)
    assignment = assign_mentors(problem, policy=POLICY)
    suggestions = {s.mentee: s for s in suggest_mentors(problem, policy=POLICY)}
    pairs = {p.mentee: p for p in assignment.pairs}
    unmatched = {u.mentee: u for u in assignment.unmatched}
    out: dict[int, Proposal] = {}
    for request in requests:
        key = f"L{request.leader_id}"
        pair = pairs.get(key)
        proposed = (
            Option(by_key[pair.mentor], pair.score, [reason_to_dict(x) for x in pair.reasons])
            if pair is not None
            else None
        )
        suggestion = suggestions.get(key)
        options = [
            Option(by_key[p.mentor], p.score, [reason_to_dict(x) for x in p.reasons])
            for p in (suggestion.mentors if suggestion else ())
        ]
        miss = unmatched.get(key)
        out[request.id] = Proposal(
            proposed, options, reason_to_dict(miss.reason) if miss is not None else None
        )
    return out


def option_for(request: CoachRequest, coach: Coach) -> Option | None:
    """Whether the rules allow this coach for this request (with a free place): its reasons."""
    if coach.status != Coach.Status.ACTIVE or not _allowed(request, coach):
        return None
    places = free_places([coach])
    if places[coach.id] < 1:
        return None
    problem = build_problem([request], [coach], places)
    suggestion = suggest_mentors(problem, policy=POLICY)
    if not suggestion or not suggestion[0].mentors:
        return None
    pair = suggestion[0].mentors[0]
    return Option(coach.id, pair.score, [reason_to_dict(x) for x in pair.reasons])
