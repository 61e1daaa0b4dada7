"""The one place where database rows become :mod:`matching` dataclasses and back.

A matching problem for a programme is built from a handful of set-based queries (no per-row
queries, so 1 000 mentees × 3 000 mentors load in well under a second):

- mentees: enrolments waiting for a match; their *needs* are open support needs (also those
  raised from onboarding's "I need help") as ``weight / 3``;
- mentors: offers that are not paused; *strengths* are competencies as ``level / 3``;
- both: administration, department and unit ids, the unit's context (service type, staff,
  sites, 24-hour, specialist), years as leader and the line of command (from an in-memory map
  of boss links, one query for the whole organisation);
- ``ties``: the participants' public ties in the leader graph (``backend/networks/graph.py``),
  also to leaders outside the problem, so a shared contact (distance 2) is seen; read as an
  edge array (``backend/networks/public_ties.py``) without building the graph;
- ``fixed``: the programme's active pairs (they keep their slot); ``forbidden``: pairs the
  mentor declined or HR rejected before, and pairs active or ended early in any programme;
- left out, with the reason (``Built.excluded``): the guard rails of
  ``backend/mentoring/eligibility.py`` (unanswered invitations, first-year leaders and
  mentees as mentors without HR's override, mentees with an active mentorship elsewhere).

Matcher ids are leader ids as strings, so that ``line`` and ``ties`` speak the same language.
Nothing private crosses into the matcher but topic keys and weights; notes never do.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.api.exceptions import ServiceError
from backend.mentoring.eligibility import (
    days_as_leader,
    mentee_leader_ids,
    min_leader_days,
    pairs_never_again,
)
from backend.mentoring.models import Enrolment, MentorOffer, Mentorship, Programme, Proposal
from backend.networks.public_ties import public_tie_pairs
from backend.people.lines import leader_line_ids
from backend.people.models import (
    Competency,
    Leader,
    LeadershipEducation,
    SupportNeed,
)
from matching.errors import InputError
from matching.model import Context, Mentee, Mentor, Policy, Problem
from matching.serialize import policy_from_dict
from matching.validate import validate_policy

_EDUCATION = {
    LeadershipEducation.NONE: "none",
    LeadershipEducation.IN_PROGRESS: "none",
    LeadershipEducation.DIPLOMA: "diploma",
    LeadershipEducation.MASTER: "master",
}

_LEADER_FIELDS = (
    "id",
    "active",
    "boss_id",
    "years_as_leader",
    "first_leader_job",
    "role_start_date",
    "leadership_education",
    "unit_id",
    "unit__department_id",
    "unit__department__administration_id",
    "unit__department__administration__name",
    "unit__service_type",
    "unit__staff_count",
    "unit__sites",
    "unit__round_the_clock",
    "unit__is_specialist",
)


def policy_from_json(data: Mapping[str, Any] | None) -> Policy:
    """Return the matcher's ``Policy`` for a programme's policy JSON; raise ``ServiceError``.

    The JSON is the matcher's own (``matching.policy_from_dict``): ``{"objective": "score",
    "require_other_administration": false, "top_n": 5, "weights": {"needs": 4, ...}}``; missing
    fields take the defaults, unknown fields are refused with the field's path.
    """
    try:
        policy = policy_from_dict(dict(data or {}))
        validate_policy(policy)
    except InputError as exc:
        raise ServiceError(f"{exc.field}: {exc.message}", field="policy") from exc
    if policy.top_n > 20:
        raise ServiceError(_("policy.top_n: at most 20."), field="policy")
    return policy


def policy_to_json(policy: Policy) -> dict[str, Any]:
    """Return the policy as plain JSON (for the run's audit log)."""
    return dataclasses.asdict(policy)


@dataclass
class Built:
    """A problem and the maps back to rows, plus what was left out of it and why."""

    problem: Problem
    enrolment_of: dict[str, int]  # matcher mentee id -> Enrolment.id
    offer_of: dict[str, int]  # matcher mentor id -> MentorOffer.id
    excluded: list[dict[str, Any]] = field(default_factory=list)
    summary: dict[str, Any] = field(default_factory=dict)


def _context(row: Mapping[str, Any]) -> Context:
    if row["unit_id"] is None:
        return Context()
    return Context(
        service_type=row["unit__service_type"],
        staff=row["unit__staff_count"],
        sites=row["unit__sites"],
        round_the_clock=row["unit__round_the_clock"],
        specialist=row["unit__is_specialist"],
    )


def _str(value: Any) -> str | None:
    return None if value is None else str(value)


def problem_for_programme(
    *, programme: Programme, only_enrolment_ids: set[int] | None = None
) -> Built:
    """Build the matching problem of a programme from the database.

    ``only_enrolment_ids`` limits the mentees to re-solve (the cascade after a decline uses it
    for one mentee); active pairs are always included as ``fixed`` so capacities hold.
    """
    organisation_id = programme.organisation_id
    lines = _Lines(organisation_id)
    excluded: list[dict[str, Any]] = []

    enrolments, active_pairs, offers = _programme_rows(programme)
    # Subqueries, not lists of ids: tens of thousands of parameters cost seconds to send.
    enrolled, offering = _leader_ids_of(programme)
    rows = {
        r["id"]: r
        for r in Leader.objects.filter(Q(id__in=enrolled) | Q(id__in=offering)).values(
            *_LEADER_FIELDS
        )
    }

    mentees_anywhere = mentee_leader_ids(organisation_id=organisation_id, leader_ids=offering)
    mentor_rows, capacity = _mentors_taking_part(
        offers=offers,
        rows=rows,
        enrolments=enrolments,
        active_pairs=active_pairs,
        mentees_anywhere=mentees_anywhere,
        out=excluded,
    )
    require_other = policy_from_json(programme.policy).require_other_administration
    fixed_pairs = _fixed_pairs(
        active_pairs=active_pairs,
        mentor_rows=mentor_rows,
        rows=rows,
        capacity=capacity,
        lines=lines,
        require_other=require_other,
    )
    open_enrolments = set(
        Proposal.objects.filter(programme=programme, status__in=Proposal.OPEN).values_list(
            "enrolment_id", flat=True
        )
    )
    mentee_rows = _mentees_taking_part(
        enrolments=enrolments,
        rows=rows,
        paired_enrolments={p["enrolment_id"] for p in active_pairs},
        fixed_mentees={mentee for mentee, _mentor in fixed_pairs},
        open_enrolments=open_enrolments,
        only_enrolment_ids=only_enrolment_ids,
        mentored_elsewhere=_mentored_elsewhere(programme),
        out=excluded,
    )
    mentees, mentors = _participants(
        programme=programme,
        mentee_rows=mentee_rows,
        mentor_rows=mentor_rows,
        rows=rows,
        capacity=capacity,
        lines=lines,
    )
    mentee_ids, mentor_ids = set(mentee_rows), set(mentor_rows)
    fixed = tuple(sorted((str(a), str(b)) for a, b in fixed_pairs))
    ties = _ties(mentee_ids=mentee_ids, mentor_ids=mentor_ids, organisation_id=organisation_id)
    forbidden = _forbidden(programme, mentee_ids, mentor_ids, fixed_pairs)
    problem = Problem(mentees=mentees, mentors=mentors, ties=ties, forbidden=forbidden, fixed=fixed)
    return Built(
        problem=problem,
        enrolment_of={str(k): v["id"] for k, v in mentee_rows.items()},
        offer_of={str(k): v["id"] for k, v in mentor_rows.items()},
        excluded=excluded,
        summary={
            "enrolled": len(enrolments),
            "mentees": len(mentees),
            "mentors": len(mentors),
            "capacity": sum(m.capacity for m in mentors),
            "live_pairs": len(active_pairs),
            "fixed": len(fixed),
            "ties": len(ties),
            "forbidden": len(forbidden),
            "excluded": len(excluded),
        },
    )


def _leader_ids_of(programme: Programme) -> tuple[QuerySet[Any, Any], QuerySet[Any, Any]]:
    """Subqueries of the leader ids enrolled in the programme and offering to mentor in it."""
    return (
        Enrolment.objects.filter(programme=programme).values("leader_id"),
        MentorOffer.objects.filter(programme=programme).values("leader_id"),
    )


def _mentored_elsewhere(programme: Programme) -> set[int]:
    """Enrolled leaders who are the mentee of an active mentorship in another programme."""
    enrolled, _offering = _leader_ids_of(programme)
    return set(
        Mentorship.objects.filter(mentee_id__in=enrolled, status=Mentorship.Status.ACTIVE)
        .exclude(programme=programme)
        .values_list("mentee_id", flat=True)
    )


def _programme_rows(programme: Programme) -> tuple[list[Any], list[Any], list[Any]]:
    """The programme's enrolments, active pairs and mentor offers, as plain rows.

    Each offer's ``held``: places promised in open proposals (awaiting HR or the pair), which a
    run does not give away again.
    """
    enrolments = list(
        Enrolment.objects.filter(programme=programme).values(
            "id", "leader_id", "status", "second_mentorship_reason"
        )
    )
    active_pairs = list(
        Mentorship.objects.filter(programme=programme, status=Mentorship.Status.ACTIVE).values(
            "enrolment_id", "mentee_id", "mentor_id", "offer_id"
        )
    )
    offers: list[dict[str, Any]] = [
        dict(o)
        for o in MentorOffer.objects.filter(programme=programme).values(
            "id", "leader_id", "capacity", "paused", "active_count", "state", "override_reason"
        )
    ]
    held = Counter(
        Proposal.objects.filter(programme=programme, status__in=Proposal.OPEN).values_list(
            "offer_id", flat=True
        )
    )
    for o in offers:
        o["held"] = held[o["id"]]
    return enrolments, active_pairs, offers


class _Lines:
    """Each leader's line of command (their bosses' ids as strings), read once per leader."""

    def __init__(self, organisation_id: int) -> None:
        self.boss_of: dict[int, int | None] = dict(
            Leader.objects.filter(organisation_id=organisation_id).values_list("id", "boss_id")
        )
        self.lines: dict[int, tuple[str, ...]] = {}

    def __call__(self, leader_id: int) -> tuple[str, ...]:
        if leader_id not in self.lines:
            self.lines[leader_id] = tuple(
                str(i) for i in leader_line_ids(leader_id=leader_id, boss_of=self.boss_of)
            )
        return self.lines[leader_id]


def _mentor_exclusion(
    o: Mapping[str, Any],
    leader: Mapping[str, Any],
    *,
    enrolled_leaders: set[int],
    mentees_anywhere: set[int],
    live: int,
    today: dt.date,
    min_days: int,
) -> str | None:
    """Why an offer does not take part in the run (None: it does); ``today`` and ``min_days``
    (``min_leader_days()``) are read once per run, not once per offer."""
    if o["state"] == MentorOffer.State.INVITED:
        return "invitation_open"
    if o["state"] == MentorOffer.State.DECLINED:
        return "invitation_declined"
    if o["leader_id"] in enrolled_leaders:
        return "enrolled_as_mentee"
    if not leader["active"]:
        return "left_organisation"
    if o["paused"] and not live:
        return "paused"
    if not o["override_reason"]:
        if o["leader_id"] in mentees_anywhere:
            return "mentee_elsewhere"
        days = days_as_leader(
            years_as_leader=leader["years_as_leader"],
            first_leader_job=leader["first_leader_job"],
            role_start_date=leader["role_start_date"],
            today=today,
        )
        if days < min_days:
            return "first_year"
    return None


def _mentors_taking_part(
    *,
    offers: Sequence[Mapping[str, Any]],
    rows: Mapping[int, Mapping[str, Any]],
    enrolments: Sequence[Mapping[str, Any]],
    active_pairs: Sequence[Mapping[str, Any]],
    mentees_anywhere: set[int],
    out: list[dict[str, Any]],
) -> tuple[dict[int, Mapping[str, Any]], dict[int, int]]:
    """The offers that take part (leader id -> offer) and each mentor's capacity.

    Accepted (not an open or declined invitation), not paused (a paused mentor keeps only their
    live pairs), not enrolled as a mentee, still active, and past their first year as a leader
    and not a mentee elsewhere unless HR overrode it. The others go to ``out`` with the reason.
    """
    mentor_rows: dict[int, Mapping[str, Any]] = {}  # leader id -> offer
    capacity: dict[int, int] = {}
    live_by_offer: dict[int, int] = defaultdict(int)
    for p in active_pairs:
        live_by_offer[p["offer_id"]] += 1
    enrolled_leaders = {e["leader_id"] for e in enrolments}
    today, min_days = timezone.localdate(), min_leader_days()
    for o in offers:
        reason = _mentor_exclusion(
            o,
            rows[o["leader_id"]],
            enrolled_leaders=enrolled_leaders,
            mentees_anywhere=mentees_anywhere,
            live=live_by_offer[o["id"]],
            today=today,
            min_days=min_days,
        )
        if reason:
            out.append({"leader": o["leader_id"], "role": "mentor", "reason": reason})
            continue
        mentor_rows[o["leader_id"]] = o
        base = min(o["capacity"], live_by_offer[o["id"]]) if o["paused"] else o["capacity"]
        # Live pairs keep their places (they are fixed); open proposals hold theirs.
        capacity[o["leader_id"]] = max(live_by_offer[o["id"]], base - o["held"])
    return mentor_rows, capacity


def _fixed_pairs(
    *,
    active_pairs: Sequence[Mapping[str, Any]],
    mentor_rows: Mapping[int, Mapping[str, Any]],
    rows: Mapping[int, Mapping[str, Any]],
    capacity: dict[int, int],
    lines: _Lines,
    require_other: bool,
) -> list[tuple[int, int]]:
    """The live pairs that stay as they are (``fixed``), as (mentee, mentor) leader ids.

    A pair that no longer keeps the hard rules (the organisation changed under it;
    ``pairs_recheck`` flags it) is not fixed: its slot is just held (``capacity`` lowered).
    """
    fixed_pairs: list[tuple[int, int]] = []
    for p in active_pairs:
        mentee, mentor = p["mentee_id"], p["mentor_id"]
        if mentor not in mentor_rows:
            continue
        a, b = rows[mentee], rows[mentor]
        keeps_rules = (
            str(mentor) not in lines(mentee)
            and str(mentee) not in lines(mentor)
            and (a["unit_id"] is None or a["unit_id"] != b["unit_id"])
            and not (
                require_other
                and a["unit__department__administration_id"] is not None
                and a["unit__department__administration_id"]
                == b["unit__department__administration_id"]
            )
        )
        if keeps_rules:
            fixed_pairs.append((mentee, mentor))
        else:
            capacity[mentor] -= 1
    return fixed_pairs


def _mentees_taking_part(
    *,
    enrolments: Sequence[Mapping[str, Any]],
    rows: Mapping[int, Mapping[str, Any]],
    paired_enrolments: set[int],
    fixed_mentees: set[int],
    open_enrolments: set[int],
    only_enrolment_ids: set[int] | None,
    mentored_elsewhere: set[int],
    out: list[dict[str, Any]],
) -> dict[int, Mapping[str, Any]]:
    """The enrolments that take part (leader id -> enrolment); the others go to ``out``."""
    mentee_rows: dict[int, Mapping[str, Any]] = {}  # leader id -> enrolment
    for e in enrolments:
        leader = rows[e["leader_id"]]
        reason = None
        if e["id"] in paired_enrolments:
            if e["leader_id"] in fixed_mentees:
                mentee_rows[e["leader_id"]] = e  # kept as a fixed pair
            continue
        if e["status"] == Enrolment.Status.WITHDRAWN:
            reason = "withdrawn"
        elif not leader["active"]:
            reason = "left_organisation"
        elif e["id"] in open_enrolments:
            reason = "open_proposal"
        elif e["status"] == Enrolment.Status.MATCHED:
            reason = "already_matched"
        elif e["leader_id"] in mentored_elsewhere and not e["second_mentorship_reason"]:
            reason = "active_mentorship_elsewhere"
        elif only_enrolment_ids is not None and e["id"] not in only_enrolment_ids:
            continue
        if reason:
            out.append({"leader": e["leader_id"], "role": "mentee", "reason": reason})
        else:
            mentee_rows[e["leader_id"]] = e
    return mentee_rows


def _participants(
    *,
    programme: Programme,
    mentee_rows: Mapping[int, Mapping[str, Any]],
    mentor_rows: Mapping[int, Mapping[str, Any]],
    rows: Mapping[int, Mapping[str, Any]],
    capacity: Mapping[int, int],
    lines: _Lines,
) -> tuple[tuple[Mentee, ...], tuple[Mentor, ...]]:
    """The matcher's mentees (with their open needs) and mentors (with their strengths)."""
    # Read for everyone enrolled / offering (subqueries), kept for those taking part.
    enrolled, offering = _leader_ids_of(programme)
    needs: dict[int, dict[str, float]] = defaultdict(dict)
    for leader_id, slug, weight in SupportNeed.objects.filter(
        leader_id__in=enrolled, status=SupportNeed.Status.OPEN, topic__active=True
    ).values_list("leader_id", "topic__slug", "weight"):
        if leader_id in mentee_rows:
            needs[leader_id][slug] = weight / 3
    strengths: dict[int, dict[str, float]] = defaultdict(dict)
    for leader_id, slug, level in Competency.objects.filter(
        leader_id__in=offering, topic__active=True
    ).values_list("leader_id", "topic__slug", "level"):
        if leader_id in mentor_rows:
            strengths[leader_id][slug] = level / 3
    # Topics the mentor said they can help with when offering: at least "good" (2 of 3).
    leader_of_offer = {o["id"]: leader_id for leader_id, o in mentor_rows.items()}
    for offer_id, slug in MentorOffer.topics.through.objects.filter(
        mentoroffer__programme=programme, topic__active=True
    ).values_list("mentoroffer_id", "topic__slug"):
        if offer_id in leader_of_offer:
            leader_id = leader_of_offer[offer_id]
            strengths[leader_id][slug] = max(strengths[leader_id].get(slug, 0.0), 2 / 3)

    mentees = tuple(
        Mentee(
            id=str(leader_id),
            administration=rows[leader_id]["unit__department__administration__name"],
            department=_str(rows[leader_id]["unit__department_id"]),
            unit=_str(rows[leader_id]["unit_id"]),
            line=lines(leader_id),
            needs=needs.get(leader_id, {}),
            context=_context(rows[leader_id]),
            experience_years=float(rows[leader_id]["years_as_leader"]),
        )
        for leader_id in sorted(mentee_rows)
    )
    mentors = tuple(
        Mentor(
            id=str(leader_id),
            capacity=max(0, capacity[leader_id]),
            administration=rows[leader_id]["unit__department__administration__name"],
            department=_str(rows[leader_id]["unit__department_id"]),
            unit=_str(rows[leader_id]["unit_id"]),
            line=lines(leader_id),
            strengths=strengths.get(leader_id, {}),
            context=_context(rows[leader_id]),
            experience_years=float(rows[leader_id]["years_as_leader"]),
            education=_EDUCATION.get(rows[leader_id]["leadership_education"], "none"),
        )
        for leader_id in sorted(mentor_rows)
    )
    return mentees, mentors


def _forbidden(
    programme: Programme,
    mentee_ids: set[int],
    mentor_ids: set[int],
    fixed_pairs: Sequence[tuple[int, int]],
) -> tuple[tuple[str, str], ...]:
    """Pairs never proposed: declined or rejected in this programme, and pairs that are active
    or ended early in any programme of the organisation (the programme's own live pairs are
    ``fixed`` instead)."""
    declined = set(
        Proposal.objects.filter(
            programme=programme,
            status__in=[Proposal.Status.DECLINED, Proposal.Status.REJECTED],
        ).values_list("enrolment__leader_id", "offer__leader_id")
    )
    never = pairs_never_again(organisation_id=programme.organisation_id)
    keep = set(fixed_pairs)
    return tuple(
        sorted(
            (str(mentee), str(mentor))
            for mentee, mentor in declined | never
            if mentee in mentee_ids and mentor in mentor_ids and (mentee, mentor) not in keep
        )
    )


def _ties(
    *, mentee_ids: set[int], mentor_ids: set[int], organisation_id: int
) -> tuple[tuple[str, str], ...]:
    """The participants' public ties in the leader network: the smaller leader id first, sorted.

    Every public tie of a mentee or a mentor — line, unit, department, open networks,
    mentorships — also to leaders outside the problem, so that the matcher sees a shared
    contact (distance 2) and not only a direct tie. Private ties (informal and members-only
    networks) stay out: the score is shown to HR. These are the edges of the leader graph's
    ``G_public`` (``backend/networks/graph.py``), read as an array without building the graph
    (``backend/networks/public_ties.py``).
    """
    pairs = public_tie_pairs(organisation_id=organisation_id)
    participants = np.fromiter(mentee_ids | mentor_ids, dtype=np.int64)
    pairs = pairs[np.isin(pairs, participants).any(axis=1)]
    # The smaller id first, as strings (the matcher's ids), in the order the strings sort.
    first, second = pairs[:, 0].astype(str), pairs[:, 1].astype(str)
    order = np.lexsort((second, first))
    return tuple(zip(first[order].tolist(), second[order].tolist(), strict=True))
