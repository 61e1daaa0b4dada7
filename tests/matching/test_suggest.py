"""Ranked suggestions for self-matching: top-N, hard rules, free capacity, reasons."""

from __future__ import annotations

from matching import Mentee, Mentor, Policy, Problem, Reason, suggest_mentors
from matching.wording import render


def problem() -> Problem:
    return Problem(
        mentees=(
            Mentee("E1", administration="A", needs={"budget": 1.0}),
            Mentee("E2", administration="A", line=("M1",)),
        ),
        mentors=(
            *(
                Mentor(f"M{j}", capacity=1, administration="B", strengths={"budget": j / 10})
                for j in range(1, 8)
            ),
            Mentor("M8", capacity=1, administration="A", strengths={"budget": 1.0}),
            Mentor("M9", capacity=0, administration="B", strengths={"budget": 1.0}),
        ),
        fixed=(("E2", "M7"),),
    )


def test_top_n_best_first_with_hard_rules_and_free_capacity():
    [first] = suggest_mentors(problem(), policy=Policy(top_n=3))
    assert first.mentee == "E1"  # E2 has a fixed mentor
    # M7 is full (fixed), M8 in the same administration, M9 has no capacity.
    assert [p.mentor for p in first.mentors] == ["M6", "M5", "M4"]
    scores = [p.score for p in first.mentors]
    assert scores == sorted(scores, reverse=True)
    assert first.mentors[0].reasons[0] == Reason("covers", {"topics": ("budget",)})
    assert render(first.mentors[0].reasons[0]) == "Covers budget"
    assert first.reason is None


def test_ties_in_score_are_broken_by_mentor_id():
    same = Problem(
        mentees=(Mentee("E1"),), mentors=tuple(Mentor(f"M{j}", capacity=1) for j in (3, 1, 2))
    )
    [only] = suggest_mentors(same, policy=Policy(top_n=2))
    assert [p.mentor for p in only.mentors] == ["M1", "M2"]


def test_a_mentee_without_suggestions_gets_a_reason():
    lonely = Problem(
        mentees=(Mentee("E1", administration="A", needs={"roster": 1.0}),),
        mentors=(Mentor("M1", capacity=1, administration="A"),),
    )
    [only] = suggest_mentors(lonely)
    assert only.mentors == ()
    assert only.reason is not None and only.reason.params["needs"] == ("roster",)
    assert "roster" in render(only.reason)
    assert "vagtplan" in render(only.reason, lang="da")


def test_score_objective_lists_only_positive_scores():
    given = Problem(
        mentees=(Mentee("E1"),),
        mentors=(Mentor("M1", capacity=1), Mentor("M2", capacity=1)),
        scores=(("E1", "M1", -1.0), ("E1", "M2", 2.0)),
    )
    [only] = suggest_mentors(given, policy=Policy(objective="score"))
    assert [(p.mentor, p.score) for p in only.mentors] == [("M2", 2.0)]
    [both] = suggest_mentors(given)
    assert [p.mentor for p in both.mentors] == ["M2", "M1"]
