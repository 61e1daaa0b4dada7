"""Checks of a problem and a policy, naming the offending field as a JSON path."""

from __future__ import annotations

import math
import operator
from collections.abc import Mapping, Sequence
from operator import itemgetter

import numpy as np

from matching.errors import InputError
from matching.model import EDUCATION_LEVELS, Context, Mentee, Mentor, Policy, Problem, ScoreTable
from matching.screen import StreamedTable

__all__ = ["validate_policy", "validate_problem"]

OBJECTIVES = ("participation", "score")


def _number(value: object, path: str, *, integer: bool = False) -> None:
    """``value`` must be a finite number >= 0 (an int when ``integer``)."""
    ok_type = isinstance(value, int) if integer else isinstance(value, int | float)
    if isinstance(value, bool) or not ok_type:
        raise InputError(path, f"must be {'an integer' if integer else 'a number'}")
    if not math.isfinite(float(value)) or float(value) < 0:  # type: ignore[arg-type]
        raise InputError(path, f"must be a finite number >= 0, got {value}")


def validate_policy(policy: Policy) -> None:
    """Raise :class:`~matching.errors.InputError` unless ``policy`` is usable.

    Examples
    --------
    >>> from matching.model import Policy
    >>> validate_policy(Policy(top_n=0))
    Traceback (most recent call last):
    ...
    matching.errors.InputError: policy.top_n: must be >= 1
    """
    if policy.objective not in OBJECTIVES:
        raise InputError("policy.objective", f"must be one of {', '.join(OBJECTIVES)}")
    for name in policy.weights.__slots__:
        _number(getattr(policy.weights, name), f"policy.weights.{name}")
    if isinstance(policy.top_n, bool) or not isinstance(policy.top_n, int) or policy.top_n < 1:
        raise InputError("policy.top_n", "must be >= 1")


def _profile(path: str, values: Mapping[str, float], context: Context, years: float | None) -> None:
    # Fast path for the common valid case; the loop finds the offending topic otherwise.
    if not all(type(v) in (int, float) and 0 <= v < math.inf for v in values.values()):
        for topic, weight in values.items():
            _number(weight, f"{path}.{topic}")
    for name in ("staff", "sites"):
        value = getattr(context, name)
        if value is not None:
            _number(value, f"{path.rsplit('.', 1)[0]}.context.{name}", integer=True)
    if years is not None:
        _number(years, f"{path.rsplit('.', 1)[0]}.experience_years")


def validate_problem(problem: Problem) -> None:
    """Raise :class:`~matching.errors.InputError` at the first invalid field of ``problem``.

    Checks duplicate ids, unknown ids in ``forbidden``, ``fixed`` and ``scores`` (``ties`` may
    name leaders outside the problem),
    capacities, numbers and duplicate pairs. Checks of a fixed pair against the hard rules and
    capacities need the policy and happen in :func:`matching.assign_mentors`.

    Examples
    --------
    >>> from matching.model import Mentee, Mentor, Problem
    >>> validate_problem(Problem(mentees=(Mentee("A"),), mentors=(Mentor("A", capacity=1),)))
    Traceback (most recent call last):
    ...
    matching.errors.InputError: mentors[0].id: duplicate id 'A' (also mentees[0].id)
    """
    seen: dict[str, str] = {}
    groups: tuple[tuple[str, Sequence[Mentee | Mentor]], ...] = (
        ("mentees", problem.mentees),
        ("mentors", problem.mentors),
    )
    for kind, people in groups:
        for k, person in enumerate(people):
            path = f"{kind}[{k}]"
            if not isinstance(person.id, str) or not person.id:
                raise InputError(f"{path}.id", "must be a non-empty string")
            if person.id in seen:
                raise InputError(
                    f"{path}.id", f"duplicate id {person.id!r} (also {seen[person.id]})"
                )
            seen[person.id] = f"{path}.id"
    for k, e in enumerate(problem.mentees):
        _profile(f"mentees[{k}].needs", e.needs, e.context, e.experience_years)
    for k, mentor in enumerate(problem.mentors):
        path = f"mentors[{k}]"
        _number(mentor.capacity, f"{path}.capacity", integer=True)
        _profile(f"{path}.strengths", mentor.strengths, mentor.context, mentor.experience_years)
        if mentor.education is not None and mentor.education not in EDUCATION_LEVELS:
            raise InputError(f"{path}.education", f"must be one of {', '.join(EDUCATION_LEVELS)}")
    mentees = {p.id for p in problem.mentees}
    mentors = {p.id for p in problem.mentors}
    for k, (a, b) in enumerate(() if _ties_valid(problem.ties) else problem.ties):
        for pos, who in enumerate((a, b)):
            if not isinstance(who, str) or not who:
                raise InputError(f"ties[{k}][{pos}]", "must be a non-empty string")
        if a == b:
            raise InputError(f"ties[{k}]", f"a tie needs two different leaders, got {a!r} twice")
    scores = problem.scores or ()
    table = scores if isinstance(scores, ScoreTable) else None
    pairs: list[tuple[str, tuple[str, str]]] = [
        *((f"forbidden[{k}]", p) for k, p in enumerate(problem.forbidden)),
        *((f"fixed[{k}]", p) for k, p in enumerate(problem.fixed)),
        *(
            (f"scores[{k}]", (p[0], p[1]))
            for k, p in enumerate(() if table is not None else scores)
        ),
    ]
    for path, (a, b) in pairs:
        if a not in mentees:
            raise InputError(f"{path}[0]", f"{a!r} is not a mentee")
        if b not in mentors:
            raise InputError(f"{path}[1]", f"{b!r} is not a mentor")
    if table is not None:
        _table_ids(table, mentees, mentors)
    fixed_mentees: dict[str, int] = {}
    for k, (a, _) in enumerate(problem.fixed):
        if a in fixed_mentees:
            raise InputError(
                f"fixed[{k}][0]", f"{a!r} already has a fixed mentor (fixed[{fixed_mentees[a]}])"
            )
        fixed_mentees[a] = k
    if table is not None:
        _table_scores(table)
        return
    scored: dict[tuple[str, str], int] = {}
    for k, (a, b, score) in enumerate(scores):
        if (
            isinstance(score, bool)
            or not isinstance(score, int | float)
            or not math.isfinite(score)
        ):
            raise InputError(f"scores[{k}][2]", "must be a finite number")
        if (a, b) in scored:
            raise InputError(f"scores[{k}]", f"duplicate pair (also scores[{scored[a, b]}])")
        scored[a, b] = k


def _ties_valid(ties: Sequence[tuple[str, str]]) -> bool:
    """Whether every tie names two different leaders (ids are non-empty strings; a tie may name
    a leader outside the problem, through whom a shared contact is seen), checked in C
    (``map``); when not, the loop in :func:`validate_problem` finds and names the first bad tie."""
    try:
        first = list(map(itemgetter(0), ties))
        second = list(map(itemgetter(1), ties))
        if set(map(len, ties)) - {2}:
            return False
        if set(map(type, first)) - {str} or set(map(type, second)) - {str}:
            return False
        if not all(first) or not all(second):
            return False
        return not any(map(operator.eq, first, second))
    except (TypeError, IndexError, KeyError):  # a malformed tie: the loop says what it said
        return False


def _table_ids(table: ScoreTable, mentees: set[str], mentors: set[str]) -> None:
    """The checks of unknown ids above, on whole columns: the first bad item, as they name it.

    Ids are checked once per distinct id, then looked up per pair through the codes.
    """
    if isinstance(table, StreamedTable):
        table.check_ids(mentees, mentors)
        return
    mentee_ok = np.array([a in mentees for a in table.mentee_names], dtype=bool)
    mentor_ok = np.array([b in mentors for b in table.mentor_names], dtype=bool)
    if mentee_ok.all() and mentor_ok.all():
        return
    bad_mentee = ~mentee_ok[table.mentee_codes]
    k = int(np.argmax(bad_mentee | ~mentor_ok[table.mentor_codes]))
    a, b, _ = table[k]
    if bad_mentee[k]:
        raise InputError(f"scores[{k}][0]", f"{a!r} is not a mentee")
    raise InputError(f"scores[{k}][1]", f"{b!r} is not a mentor")


def _table_scores(table: ScoreTable) -> None:
    """Finite scores and no pair twice, on whole columns; the first bad item as the loop names
    it (a score that is not finite before a repeated pair at the same item)."""
    if isinstance(table, StreamedTable):
        table.check_values()
        return
    n = len(table)
    if n == 0:
        return
    finite = np.isfinite(table.values)
    key = table.mentee_codes.astype(np.int64) * len(table.mentor_names) + table.mentor_codes
    order = np.argsort(key, kind="stable")  # equal keys keep their order: the first one leads
    ordered = key[order]
    repeat = np.zeros(n, dtype=bool)
    repeat[order[1:]] = ordered[1:] == ordered[:-1]
    if finite.all() and not repeat.any():
        return
    k = int(np.argmax(~finite | repeat))
    if not finite[k]:
        raise InputError(f"scores[{k}][2]", "must be a finite number")
    first = int(order[np.searchsorted(ordered, key[k])])
    raise InputError(f"scores[{k}]", f"duplicate pair (also scores[{first}])")
