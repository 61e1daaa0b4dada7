"""Exactness: the matcher equals the brute-force optimum on random tiny instances."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matching import Mentee, Mentor, Policy, Problem, Weights, assign_mentors
from matching.assign import _prepare

SETTINGS = settings(
    max_examples=500,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def brute_force(
    base: np.ndarray, capacity: list[int], fixed: dict[int, int], load: float, objective: str
) -> tuple[int, float]:
    """Best (pairs, total score) by trying every assignment; ``base`` is ``-inf`` if disallowed.

    A mentor with ``c`` mentees pays ``load * (0 + 1 + ... + c - 1)``. Under the score objective
    every new pair must keep a positive net score when the weakest pairs take the cheapest
    slots after the fixed ones.
    """
    n, m = base.shape
    open_rows = [i for i in range(n) if i not in fixed]
    options = [[-1] + [j for j in range(m) if np.isfinite(base[i, j])] for i in open_rows]
    best: tuple[int, float] | None = None
    for choice in itertools.product(*options):
        count = [0] * m
        for j in fixed.values():
            count[j] += 1
        new: list[list[float]] = [[] for _ in range(m)]
        for i, j in zip(open_rows, choice, strict=True):
            if j >= 0:
                count[j] += 1
                new[j].append(base[i, j])
        if any(c > cap for c, cap in zip(count, capacity, strict=True)):
            continue
        if objective == "score" and any(
            s - load * (count[j] - len(new[j]) + t) <= 0
            for j in range(m)
            for t, s in enumerate(sorted(new[j]))
        ):
            continue
        total = sum(base[i, j] for i, j in fixed.items()) + sum(sum(v) for v in new)
        total -= load * sum(c * (c - 1) / 2 for c in count)
        pairs = len(fixed) + sum(j >= 0 for j in choice)
        key = (pairs if objective == "participation" else 0, total)
        if best is None or key[0] > best[0] or (key[0] == best[0] and key[1] > best[1] + 1e-9):
            best = (key[0], total)
    assert best is not None
    return best


def check(problem: Problem, policy: Policy, candidates: int = 24) -> None:
    result = assign_mentors(problem, policy=policy, candidates=candidates)
    assert result.optimal
    prep = _prepare(problem, policy)
    ids_e = [p.id for p in prep.mentees]
    ids_r = [p.id for p in prep.mentors]
    base = prep.scorer.rows(np.arange(len(ids_e)))
    fixed = {ids_e.index(a): ids_r.index(b) for a, b in problem.fixed}
    pairs, total = brute_force(
        base, [p.capacity for p in prep.mentors], fixed, prep.load, policy.objective
    )
    assert result.total_score == pytest.approx(total, abs=1e-7)
    if policy.objective == "participation":
        assert len(result.pairs) == pairs
    # Feasibility: capacity, and a positive score for every new pair under "score".
    used = {m: 0 for m in ids_r}
    for p in result.pairs:
        used[p.mentor] += 1
        assert np.isfinite(base[ids_e.index(p.mentee), ids_r.index(p.mentor)])
        if policy.objective == "score" and not p.fixed:
            assert p.score > 0
    assert all(used[m.id] <= m.capacity for m in problem.mentors)
    assert math.isclose(result.total_score, math.fsum(p.score for p in result.pairs))


@st.composite
def scored_problems(draw: st.DrawFn) -> tuple[Problem, Policy]:
    """The general capacitated assignment problem: given scores, forbidden and fixed pairs."""
    n = draw(st.integers(0, 5))
    m = draw(st.integers(0, 4))
    mentees = tuple(Mentee(f"E{i}") for i in range(n))
    mentors = tuple(Mentor(f"M{j}", capacity=draw(st.integers(0, 2))) for j in range(m))
    values = st.sampled_from([-2.0, -0.5, 0.0, 0.5, 1.0, 1.0, 2.5, 3.0, 7.25])
    scores = tuple(
        (f"E{i}", f"M{j}", draw(values)) for i in range(n) for j in range(m) if draw(st.booleans())
    )
    listed = [(a, b) for a, b, _ in scores]
    forbidden = tuple(p for p in listed if draw(st.integers(0, 9)) == 0)
    fixed: list[tuple[str, str]] = []
    room = {mt.id: mt.capacity for mt in mentors}
    for a, b in listed:
        if (
            (a, b) not in forbidden
            and room[b]
            and all(a != x for x, _ in fixed)
            and draw(st.integers(0, 7)) == 0
        ):
            fixed.append((a, b))
            room[b] -= 1
    policy = Policy(objective=draw(st.sampled_from(["participation", "score"])))
    problem = Problem(
        mentees=mentees, mentors=mentors, scores=scores, forbidden=forbidden, fixed=tuple(fixed)
    )
    return problem, policy


@SETTINGS
@given(scored_problems())
def test_given_scores_equal_the_brute_force_optimum(case: tuple[Problem, Policy]) -> None:
    check(*case)


@st.composite
def model_problems(draw: st.DrawFn) -> tuple[Problem, Policy, int]:
    """Profiles scored by the model, with ties, lines and units; load weights vary."""
    topics = ["budget", "roster", "employment_law"]
    level = st.sampled_from([0.0, 0.5, 1.0])
    n = draw(st.integers(1, 5))
    m = draw(st.integers(1, 4))
    mentees = tuple(
        Mentee(
            f"E{i}",
            administration=draw(st.sampled_from(["A", "B", None])),
            unit=draw(st.sampled_from(["U1", "U2", None])),
            line=tuple(draw(st.lists(st.sampled_from([f"M{j}" for j in range(m)]), max_size=1))),
            needs={t: draw(level) for t in topics},
            experience_years=draw(st.integers(0, 3)),
        )
        for i in range(n)
    )
    mentors = tuple(
        Mentor(
            f"M{j}",
            capacity=draw(st.integers(0, 3)),
            administration=draw(st.sampled_from(["A", "B", "C"])),
            unit=draw(st.sampled_from(["U1", "U3"])),
            strengths={t: draw(level) for t in topics},
            experience_years=draw(st.integers(0, 20)),
        )
        for j in range(m)
    )
    people = [p.id for p in mentees] + [p.id for p in mentors]
    ties = tuple(
        (a, b) for a, b in itertools.combinations(people, 2) if draw(st.integers(0, 4)) == 0
    )
    policy = Policy(
        objective=draw(st.sampled_from(["participation", "score"])),
        require_other_administration=draw(st.booleans()),
        weights=Weights(
            load=draw(st.sampled_from([0.0, 0.25, 1.5])), needs=draw(st.sampled_from([1.0, 4.0]))
        ),
    )
    return Problem(mentees=mentees, mentors=mentors, ties=ties), policy, draw(st.integers(1, 3))


@SETTINGS
@given(model_problems())
def test_model_scores_equal_the_brute_force_optimum_even_when_pruned(
    case: tuple[Problem, Policy, int],
) -> None:
    problem, policy, candidates = case
    check(problem, policy, candidates=candidates)
