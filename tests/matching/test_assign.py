"""Tests of the mentor assignment (no database): hard rules, objectives, modes, determinism."""

from __future__ import annotations

import dataclasses
import random

import numpy as np
import pytest

from matching import (
    Context,
    InputError,
    Mentee,
    Mentor,
    Policy,
    Problem,
    Reason,
    Weights,
    assign_mentors,
    suggest_mentors,
)
from matching.wording import render, render_all

SCORE = Policy(objective="score")


def pairs_of(problem: Problem, **kwargs: object) -> set[tuple[str, str]]:
    return {(p.mentee, p.mentor) for p in assign_mentors(problem, **kwargs).pairs}  # type: ignore[arg-type]


def cohort() -> Problem:
    """Three mentees, three mentors in three administrations; a tie and a line."""
    return Problem(
        mentees=(
            Mentee(
                "E1",
                administration="BU",
                department="Dag",
                unit="U1",
                line=("B1",),
                needs={"budget": 1.0, "roster": 0.5},
                context=Context(service_type="daycare", staff=40, sites=3),
            ),
            Mentee(
                "E2",
                administration="SS",
                department="Pleje",
                unit="U2",
                line=("M3",),
                needs={"roster": 1.0},
                context=Context(round_the_clock=True),
            ),
            Mentee("E3", administration="KT", unit="U3", needs={"employment_law": 1.0}),
        ),
        mentors=(
            Mentor(
                "M1",
                capacity=1,
                administration="SS",
                department="Pleje",
                unit="U9",
                strengths={"budget": 1.0, "roster": 1.0},
                experience_years=12,
                education="diploma",
                context=Context(round_the_clock=True),
            ),
            Mentor(
                "M2",
                capacity=1,
                administration="KT",
                unit="U8",
                strengths={"employment_law": 1.0, "budget": 0.5},
                experience_years=5,
            ),
            Mentor(
                "M3",
                capacity=2,
                administration="BU",
                unit="U7",
                strengths={"roster": 1.0},
                experience_years=20,
            ),
        ),
        ties=(("E1", "M2"),),
    )


def test_pairs_are_reported_with_components_and_reasons():
    result = assign_mentors(cohort())
    assert result.optimal
    assert [p.mentee for p in result.pairs] == ["E1", "E2", "E3"]
    for p in result.pairs:
        assert set(p.components) == {
            "needs",
            "context",
            "cross_administration",
            "experience",
            "network",
            "load",
        }
        assert p.score == pytest.approx(sum(p.components.values()))
        assert p.reasons and all(isinstance(r, Reason) for r in p.reasons)
        assert len(render_all(p.reasons)) == len(render_all(p.reasons, lang="da"))
    assert result.total_score == pytest.approx(sum(p.score for p in result.pairs))


def test_mentor_is_never_in_the_mentees_line_nor_the_mentee_in_the_mentors():
    problem = Problem(
        mentees=(Mentee("E1", line=("M1",)), Mentee("E2")),
        mentors=(Mentor("M1", capacity=2), Mentor("M2", capacity=2, line=("E2",))),
    )
    assert pairs_of(problem) == {("E1", "M2"), ("E2", "M1")}
    alone = dataclasses.replace(problem, mentors=problem.mentors[1:])
    unmatched = assign_mentors(alone).unmatched
    assert [u.mentee for u in unmatched] == ["E2"]
    assert unmatched[0].blocked["line"] == 1


def test_never_the_same_unit():
    problem = Problem(
        mentees=(Mentee("E1", unit="U1"),),
        mentors=(Mentor("M1", capacity=1, unit="U1"), Mentor("M2", capacity=1, unit="U2")),
    )
    assert pairs_of(problem) == {("E1", "M2")}


def test_forbidden_pairs_are_never_made():
    problem = Problem(
        mentees=(Mentee("E1"),), mentors=(Mentor("M1", capacity=1),), forbidden=(("E1", "M1"),)
    )
    result = assign_mentors(problem)
    assert not result.pairs
    assert result.unmatched[0].blocked["forbidden"] == 1
    assert result.unmatched[0].reason.code == "no_mentor_allowed"
    assert render(result.unmatched[0].reason).startswith("No mentor passes the hard rules")


def test_other_administration_by_default_and_a_policy_switch_relaxes_it():
    problem = Problem(
        mentees=(Mentee("E1", administration="BU"),),
        mentors=(Mentor("M1", capacity=1, administration="BU"),),
    )
    result = assign_mentors(problem)
    assert not result.pairs
    assert result.unmatched[0].reason.params["relax_administration"] is True
    assert "allow mentors from the same administration" in render(result.unmatched[0].reason)
    relaxed = Policy(require_other_administration=False)
    assert pairs_of(problem, policy=relaxed) == {("E1", "M1")}


def test_capacity_is_never_exceeded_and_participation_comes_first():
    problem = Problem(
        mentees=tuple(Mentee(f"E{i}", needs={"budget": 1.0}) for i in range(5)),
        mentors=(Mentor("M1", capacity=2, strengths={"budget": 1.0}), Mentor("M2", capacity=1)),
    )
    result = assign_mentors(problem)
    assert len(result.pairs) == 3
    assert sum(p.mentor == "M1" for p in result.pairs) == 2
    assert len(result.unmatched) == 2
    why = result.unmatched[0].reason
    assert why.code == "candidates_full" and why.params["needs"] == ("budget",)
    reason = render(why)
    assert "2 candidate(s) are full" in reason and "budget" in reason
    assert result.unmatched[0].full_candidates == ("M1", "M2")


def test_participation_objective_prefers_more_pairs_over_a_higher_score():
    # E1 is the only candidate for M2; E2 can only take M1. Score-wise E1-M1 is best alone.
    problem = Problem(
        mentees=(Mentee("E1"), Mentee("E2")),
        mentors=(Mentor("M1", capacity=1), Mentor("M2", capacity=1)),
        scores=(("E1", "M1", 10.0), ("E1", "M2", 1.0), ("E2", "M1", 1.0)),
    )
    both = assign_mentors(problem)
    assert {(p.mentee, p.mentor) for p in both.pairs} == {("E1", "M2"), ("E2", "M1")}
    assert both.total_score == 2.0
    best = assign_mentors(problem, policy=SCORE)
    assert {(p.mentee, p.mentor) for p in best.pairs} == {("E1", "M1")}
    assert best.total_score == 10.0


def test_score_objective_never_makes_a_pair_scoring_zero_or_less():
    problem = Problem(
        mentees=(Mentee("E1"), Mentee("E2"), Mentee("E3")),
        mentors=(Mentor("M1", capacity=3),),
        scores=(("E1", "M1", 0.0), ("E2", "M1", -1.0), ("E3", "M1", 0.5)),
    )
    assert pairs_of(problem, policy=SCORE) == {("E3", "M1")}
    unmatched = assign_mentors(problem, policy=SCORE).unmatched
    assert unmatched[0].reason.code == "no_positive_score"
    assert "No free mentor with a positive score" in render(unmatched[0].reason)
    # Participation accepts negative scores to match everyone.
    assert len(pairs_of(problem)) == 3


def test_given_scores_are_the_only_allowed_pairs_and_hard_rules_still_apply():
    problem = Problem(
        mentees=(Mentee("E1", unit="U1"), Mentee("E2")),
        mentors=(Mentor("M1", capacity=2, unit="U1"), Mentor("M2", capacity=2)),
        scores=(("E1", "M1", 5.0), ("E1", "M2", 1.0)),
    )
    result = assign_mentors(problem)
    assert {(p.mentee, p.mentor) for p in result.pairs} == {("E1", "M2")}
    assert result.pairs[0].components == {"given": 1.0}
    assert result.unmatched[0].blocked["not_scored"] == 2


def test_fixed_pairs_are_kept_and_use_capacity():
    problem = dataclasses.replace(cohort(), fixed=(("E3", "M1"),))
    result = assign_mentors(problem)
    kept = [p for p in result.pairs if p.fixed]
    assert [(p.mentee, p.mentor) for p in kept] == [("E3", "M1")]
    assert all(p.mentor != "M1" for p in result.pairs if not p.fixed)
    assert kept[0].reasons[0] == Reason("fixed")
    assert render(kept[0].reasons[0]).startswith("Kept")


def test_incremental_round_keeps_active_pairs_and_assigns_the_rest():
    first = assign_mentors(cohort())
    newcomer = Mentee("E4", administration="KT", unit="U4", needs={"budget": 1.0})
    active = tuple((p.mentee, p.mentor) for p in first.pairs)
    problem = dataclasses.replace(cohort(), mentees=(*cohort().mentees, newcomer), fixed=active)
    second = assign_mentors(problem)
    assert {(p.mentee, p.mentor) for p in second.pairs if p.fixed} == set(active)
    assert [p.mentee for p in second.pairs if not p.fixed] == ["E4"]


@pytest.mark.parametrize(
    ("fixed", "field"),
    [
        ((("E2", "M3"),), "fixed[0]"),  # M3 is in E2's line
        ((("E1", "M3"),), "fixed[0]"),  # same administration BU
        ((("E1", "M2"), ("E2", "M2")), "fixed[1]"),  # overfills M2 (capacity 1)
        ((("E1", "M2"), ("E1", "M1")), "fixed[1][0]"),  # E1 twice
    ],
)
def test_a_fixed_pair_that_breaks_a_rule_or_overfills_is_an_input_error(fixed, field):
    with pytest.raises(InputError) as err:
        assign_mentors(dataclasses.replace(cohort(), fixed=fixed))
    assert err.value.field == field


def test_ties_steer_towards_mentors_who_widen_the_network():
    mentees = (Mentee("E1"),)
    mentors = (Mentor("M1", capacity=1), Mentor("M2", capacity=1))
    tied = Problem(mentees=mentees, mentors=mentors, ties=(("E1", "M1"),))
    assert pairs_of(tied) == {("E1", "M2")}
    via = Problem(
        mentees=mentees,
        mentors=(*mentors, Mentor("M3", capacity=0)),
        ties=(("E1", "M3"), ("M3", "M2")),
    )
    result = assign_mentors(via, policy=Policy(weights=Weights(network=1.0)))
    assert [(p.mentee, p.mentor) for p in result.pairs] == [("E1", "M1")]
    suggested = suggest_mentors(via)[0].mentors
    assert [p.mentor for p in suggested] == ["M1", "M2"]
    assert suggested[1].components["network"] == pytest.approx(0.25)
    assert Reason("shared_contact") in suggested[1].reasons
    assert "Share a contact in the leader network" in render_all(suggested[1].reasons)


def test_organisation_distance_is_graded():
    mentee = Mentee("E1", administration="A", department="D1")
    mentors = (
        Mentor("M1", capacity=1, administration="B"),
        Mentor("M2", capacity=1, administration="A", department="D2"),
        Mentor("M3", capacity=1, administration="A", department="D1"),
    )
    problem = Problem(mentees=(mentee,), mentors=mentors)
    ranked = suggest_mentors(problem, policy=Policy(require_other_administration=False))[0]
    cross = {p.mentor: p.components["cross_administration"] for p in ranked.mentors}
    assert cross == {"M1": 1.0, "M2": 0.5, "M3": 0.0}


def test_load_is_spread_across_mentors():
    problem = Problem(
        mentees=(Mentee("E1", needs={"budget": 1.0}), Mentee("E2", needs={"budget": 1.0})),
        mentors=(
            Mentor("M1", capacity=2, strengths={"budget": 1.0}),
            Mentor("M2", capacity=2, strengths={"budget": 0.95}),
        ),
    )
    assert {p.mentor for p in assign_mentors(problem).pairs} == {"M1", "M2"}
    piled = Policy(weights=Weights(load=0.0))
    assert {p.mentor for p in assign_mentors(problem, policy=piled).pairs} == {"M1"}


def test_same_input_same_output_in_any_order():
    base = cohort()
    expected = assign_mentors(base)
    rng = random.Random(7)
    for _ in range(5):
        mentees, mentors = list(base.mentees), list(base.mentors)
        rng.shuffle(mentees)
        rng.shuffle(mentors)
        again = assign_mentors(
            dataclasses.replace(base, mentees=tuple(mentees), mentors=tuple(mentors))
        )
        assert again == expected


def test_pruned_candidate_lists_give_the_same_optimum():
    rng = random.Random(3)
    topics = ["budget", "roster", "employment_law", "sick_leave"]
    mentees = tuple(
        Mentee(
            f"E{i:02}",
            administration=rng.choice("ABC"),
            unit=f"U{rng.randrange(9)}",
            needs={t: rng.random() for t in rng.sample(topics, 2)},
        )
        for i in range(30)
    )
    mentors = tuple(
        Mentor(
            f"M{j:02}",
            capacity=rng.randrange(3),
            administration=rng.choice("ABC"),
            unit=f"U{rng.randrange(9)}",
            strengths={t: rng.random() for t in topics},
        )
        for j in range(20)
    )
    problem = Problem(mentees=mentees, mentors=mentors)
    for policy in (Policy(), SCORE):
        full = assign_mentors(problem, policy=policy, candidates=1000)
        pruned = assign_mentors(problem, policy=policy, candidates=1)
        assert pruned.optimal and full.optimal
        assert pruned.total_score == pytest.approx(full.total_score)
        assert len(pruned.pairs) == len(full.pairs)


def test_tie_distances_agree_with_networkx_shortest_paths():
    import networkx as nx

    from matching.assign import _prepare

    rng = random.Random(11)
    mentees = tuple(Mentee(f"E{i}") for i in range(12))
    mentors = tuple(Mentor(f"M{j}", capacity=1) for j in range(10))
    people = [p.id for p in (*mentees, *mentors)]
    ties = tuple({tuple(sorted(rng.sample(people, 2))) for _ in range(25)})
    prep = _prepare(Problem(mentees=mentees, mentors=mentors, ties=ties), Policy())
    G = nx.Graph(ties)
    for i, mentee in enumerate(prep.mentees):
        near = (
            nx.single_source_shortest_path_length(G, mentee.id, cutoff=2)
            if (mentee.id in G)
            else {}
        )
        for j, mentor in enumerate(prep.mentors):
            got = int(prep.scorer.tie_distances(np.array([i]), np.array([j]))[0])
            assert got == near.get(mentor.id, 0)


def test_a_shared_contact_outside_the_problem_lowers_the_network_part() -> None:
    """The contract (``matching-cli.md``): ties may name leaders who are neither mentees nor
    mentors; a mentor who shares such a contact with the mentee is at distance 2 (network 0.5 of
    the weight), a stranger at distance 3+ (the full weight), a direct tie 0."""
    from matching import assign_mentors, suggest_mentors
    from matching.model import Mentee, Mentor, Policy, Problem

    mentees = (Mentee(id="E"),)
    mentors = (Mentor(id="SHARED", capacity=1), Mentor(id="STRANGER", capacity=1))
    ties = (("E", "X"), ("X", "SHARED"), ("Y", "Z"))  # X and Y are outside the problem
    problem = Problem(mentees=mentees, mentors=mentors, ties=ties)
    policy = Policy()
    (suggestion,) = suggest_mentors(problem, policy=policy)
    network = {pair.mentor: pair.components["network"] for pair in suggestion.mentors}
    assert network["STRANGER"] == policy.weights.network
    assert network["SHARED"] == policy.weights.network / 2
    assert network["SHARED"] < network["STRANGER"]
    assert assign_mentors(problem, policy=policy).pairs[0].mentor == "STRANGER"
    direct = Problem(mentees=mentees, mentors=mentors, ties=(("E", "SHARED"),))
    (only,) = suggest_mentors(direct, policy=policy)
    assert {p.mentor: p.components["network"] for p in only.mentors}["SHARED"] == 0
