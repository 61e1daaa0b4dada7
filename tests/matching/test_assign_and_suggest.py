"""A match run's one pass (``assign_and_suggest``) equals the two calls it replaces.

The run screens the problem once and ranks each mentee's suggestions among the assignment's
candidates when the screening's bound proves the list; these tests compare everything a user
sees (pairs, scores, components, reasons, unmatched reasons, the order of suggestions) with
``assign_mentors`` and ``suggest_mentors`` called separately.
"""

from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matching import (
    Mentee,
    Mentor,
    Policy,
    Problem,
    Weights,
    assign_and_suggest,
    assign_mentors,
    suggest_mentors,
)
from matching import suggest as suggest_module


def same_as_separate_calls(problem: Problem, policy: Policy, candidates: int = 24) -> None:
    assignment, suggestions = assign_and_suggest(problem, policy=policy, candidates=candidates)
    assert assignment == assign_mentors(problem, policy=policy, candidates=candidates)
    assert suggestions == suggest_mentors(problem, policy=policy)


@st.composite
def problems(draw: st.DrawFn) -> tuple[Problem, Policy, int]:
    """Model-scored problems with many equal scores (three levels, repeated profiles), full
    mentors, fixed pairs, lines and units; short and long suggestion lists."""
    topics = ["budget", "roster", "employment_law"]
    level = st.sampled_from([0.0, 0.5, 1.0])
    n = draw(st.integers(0, 6))
    m = draw(st.integers(0, 9))
    mentor_ids = [f"M{j}" for j in range(m)]
    mentees = tuple(
        Mentee(
            f"E{i}",
            administration=draw(st.sampled_from(["A", "B", None])),
            unit=draw(st.sampled_from(["U1", "U2", None])),
            line=tuple(draw(st.lists(st.sampled_from(mentor_ids), max_size=1))) if m else (),
            needs={t: draw(level) for t in topics},
        )
        for i in range(n)
    )
    mentors = tuple(
        Mentor(
            f"M{j}",
            capacity=draw(st.integers(0, 2)),
            administration=draw(st.sampled_from(["A", "B", "C"])),
            unit=draw(st.sampled_from(["U1", "U3"])),
            strengths={t: draw(level) for t in topics},
        )
        for j in range(m)
    )
    fixed = []
    room = {mt.id: mt.capacity for mt in mentors}
    for mentee in mentees:
        free = [
            mt
            for mt in mentors
            if room[mt.id]
            and mt.unit != mentee.unit
            and mt.administration != mentee.administration
            and mt.id not in mentee.line
        ]
        if free and draw(st.integers(0, 4)) == 0:
            fixed.append((mentee.id, free[0].id))
            room[free[0].id] -= 1
    policy = Policy(
        objective=draw(st.sampled_from(["participation", "score"])),
        require_other_administration=draw(st.booleans()),
        top_n=draw(st.integers(1, 4)),
        weights=Weights(load=draw(st.sampled_from([0.0, 0.25, 9.0]))),
    )
    problem = Problem(mentees=mentees, mentors=mentors, fixed=tuple(fixed))
    return problem, policy, draw(st.integers(1, 3))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems())
def test_one_pass_equals_the_two_calls_on_random_problems(
    case: tuple[Problem, Policy, int],
) -> None:
    same_as_separate_calls(*case)


def test_one_pass_equals_the_two_calls_on_given_scores() -> None:
    mentees = tuple(Mentee(f"E{i}") for i in range(4))
    mentors = tuple(Mentor(f"M{j}", capacity=1) for j in range(3))
    scores = tuple(
        (e.id, r.id, float((i * 7 + j * 3) % 5) - 1.0)
        for i, e in enumerate(mentees)
        for j, r in enumerate(mentors)
        if (i + j) % 4
    )
    for objective in ("participation", "score"):
        same_as_separate_calls(
            Problem(mentees=mentees, mentors=mentors, scores=scores, fixed=(("E1", "M0"),)),
            Policy(objective=objective, top_n=2),
        )


def test_a_tie_at_the_screening_cut_is_ranked_from_the_full_row(monkeypatch) -> None:
    """Five mentors score the same for the mentee; the screening keeps one. Its bound equals
    the kept score, so the list is not proven and the full row decides: the lowest id."""
    taken: list[list[int]] = []
    exact_top = suggest_module._exact_top

    def spy(prep, rows):  # type: ignore[no-untyped-def]
        taken.append(rows.tolist())
        return exact_top(prep, rows)

    monkeypatch.setattr(suggest_module, "_exact_top", spy)
    mentors = tuple(
        Mentor(f"M{j}", capacity=1, administration="B", strengths={"budget": 1.0}) for j in range(5)
    )
    problem = Problem(
        mentees=(Mentee("E0", administration="A", needs={"budget": 1.0}),), mentors=mentors
    )
    policy = Policy(top_n=1)
    assignment, suggestions = assign_and_suggest(problem, policy=policy, candidates=1)
    assert taken == [[0]]  # the mentee's row was scored in full
    assert [p.mentor for p in suggestions[0].mentors] == ["M0"]
    assert suggestions == suggest_mentors(problem, policy=policy)
    assert assignment == assign_mentors(problem, policy=policy)


def test_a_large_run_ranks_from_the_candidates_and_equals_the_two_calls(monkeypatch) -> None:
    """600 mentees x 1 800 mentors with varied profiles: almost every list is proven from the
    candidates (few rows scored in full), and the result is the two calls' to the last bit."""
    rng = np.random.default_rng(7)
    topics = [f"t{k}" for k in range(12)]
    administrations = ["A", "B", "C", "D", "E"]

    def profile() -> dict[str, float]:
        chosen = rng.choice(len(topics), size=3, replace=False)
        return {topics[k]: float(rng.integers(1, 5)) / 4 for k in chosen}

    mentees = tuple(
        Mentee(
            f"E{i:04d}",
            administration=administrations[i % 5],
            unit=f"U{i % 40}",
            needs=profile(),
            experience_years=float(rng.integers(0, 3)),
        )
        for i in range(600)
    )
    mentors = tuple(
        Mentor(
            f"M{j:04d}",
            capacity=int(rng.integers(0, 3)),
            administration=administrations[j % 5],
            unit=f"U{j % 40}",
            strengths=profile(),
            experience_years=float(rng.integers(2, 25)),
        )
        for j in range(1800)
    )
    problem = Problem(mentees=mentees, mentors=mentors)
    full_rows: list[int] = []
    exact_top = suggest_module._exact_top

    def spy(prep, rows):  # type: ignore[no-untyped-def]
        full_rows.extend(rows.tolist())
        return exact_top(prep, rows)

    monkeypatch.setattr(suggest_module, "_exact_top", spy)
    policy = Policy()
    assignment, suggestions = assign_and_suggest(problem, policy=policy)
    assert len(full_rows) < 60, len(full_rows)
    monkeypatch.undo()
    assert suggestions == suggest_mentors(problem, policy=policy)
    assert assignment == assign_mentors(problem, policy=policy)
    assert all(len(s.mentors) == policy.top_n for s in suggestions)
