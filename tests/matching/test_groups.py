"""Tests of the group composer (no database)."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matching.errors import InputError
from matching.groups.command import groups_command
from matching.groups.compose import compose_groups
from matching.groups.model import (
    GroupPolicy,
    Person,
    diversity_scores,
    grouping_objective,
    grouping_violations,
)

# --------------------------------------------------------------------------- helpers


def partitions(items: list[int]) -> Iterator[list[list[int]]]:
    """Every set partition of ``items`` (independent of the solver's enumeration)."""
    if not items:
        yield []
        return
    first, rest = items[0], items[1:]
    for part in partitions(rest):
        for g in range(len(part)):
            yield [*part[:g], [first] + part[g], *part[g + 1 :]]
        yield [[first], *part]


def brute_force(
    n: int, d: dict[tuple[int, int], float], lo: int, hi: int, apart: set[tuple[int, int]]
) -> float | None:
    best = None
    for part in partitions(list(range(n))):
        if any(not lo <= len(g) <= hi for g in part):
            continue
        if any((a, b) in apart for g in part for a, b in itertools.combinations(sorted(g), 2)):
            continue
        value = sum(
            d.get((a, b), 0.0) for g in part for a, b in itertools.combinations(sorted(g), 2)
        )
        if best is None or value > best:
            best = value
    return best


@st.composite
def tiny_instances(draw: st.DrawFn, max_n: int = 8, with_apart: bool = True):  # type: ignore[no-untyped-def]
    n = draw(st.integers(1, max_n))
    lo = draw(st.integers(1, 4))
    hi = draw(st.integers(lo, 5))
    pairs = list(itertools.combinations(range(n), 2))
    d = {p: float(draw(st.integers(-3, 20))) for p in pairs if draw(st.booleans()) or n < 4}
    apart = set()
    if with_apart and pairs:
        apart = set(draw(st.lists(st.sampled_from(pairs), max_size=3, unique=True)))
    return n, d, lo, hi, apart


def solve(
    n: int, d: dict[tuple[int, int], float], lo: int, hi: int, apart: set[tuple[int, int]], **kw
):  # type: ignore[no-untyped-def]
    people = [Person(f"p{i}") for i in range(n)]
    return compose_groups(
        people,
        group_size=(lo, hi),
        apart=[(f"p{a}", f"p{b}") for a, b in sorted(apart)],
        distances=[(f"p{a}", f"p{b}", v) for (a, b), v in sorted(d.items())],
        seed=7,
        **kw,
    )


def municipality(n: int, seed: int) -> tuple[list[Person], list[tuple[str, str]]]:
    """A small sign-up with bosses, shared units and ties."""
    rng = np.random.default_rng(seed)
    admins = ["BU", "SS", "BE", "KT", "ST"]
    people = []
    for i in range(n):
        boss = f"L{int(rng.integers(i))}" if i > 0 and rng.random() < 0.2 else None
        unit = f"U{int(rng.integers(n // 2 + 1))}" if rng.random() < 0.3 else f"own{i}"
        people.append(
            Person(
                f"L{i}",
                admins[int(rng.integers(5))],
                unit,
                (boss,) if boss else (),
                {
                    "experience_years": int(rng.integers(0, 30)),
                    "service_type": ["school", "daycare", "care_home", "library"][
                        int(rng.integers(4))
                    ],
                },
            )
        )
    ties = sorted({(f"L{a}", f"L{b}") for a, b in rng.integers(0, n, size=(n, 2)) if a < b})
    return people, ties


# --------------------------------------------------------------------------- feasibility


@pytest.mark.parametrize(
    "n, lo, hi, seed", [(23, 5, 7, 1), (40, 5, 7, 2), (31, 3, 4, 3), (17, 2, 6, 4), (60, 6, 6, 5)]
)
def test_groups_keep_sizes_apart_line_and_unit(n: int, lo: int, hi: int, seed: int) -> None:
    people, ties = municipality(n, seed)
    apart = [("L1", "L2"), ("L3", "L4")]
    g = compose_groups(people, group_size=(lo, hi), apart=apart, ties=ties, seed=seed, rounds=300)
    placed = [pid for group in g.groups for pid in group]
    assert sorted(placed) == sorted(p.id for p in people)
    assert all(lo <= len(group) <= hi for group in g.groups)
    assert grouping_violations(people, g.groups, group_size=(lo, hi), apart=apart) == ()
    where = {pid: k for k, group in enumerate(g.groups) for pid in group}
    for p in people:
        for boss in p.line:
            assert where[p.id] != where[boss]
        for q in people:
            if p.id != q.id and p.unit == q.unit:
                assert where[p.id] != where[q.id]
    assert g.objective == pytest.approx(grouping_objective(people, g.groups, ties=ties))


def test_distances_mode_does_not_separate_line_or_unit_unless_asked() -> None:
    people = [Person("a", unit="U"), Person("b", unit="U"), Person("c"), Person("d")]
    d = [("a", "b", 10), ("c", "d", 10)]
    assert compose_groups(people, group_size=(2, 2), distances=d, seed=0).objective == 20
    strict = GroupPolicy(separate_unit=True)
    g = compose_groups(people, group_size=(2, 2), distances=d, seed=0, policy=strict)
    assert g.objective == 0 and ("a", "b") not in g.groups


def test_diversity_model_mixes_administrations() -> None:
    people = [Person(f"{a}{i}", a, f"{a}{i}") for a in "XYZ" for i in range(4)]
    g = compose_groups(people, group_size=(3, 3), seed=3, rounds=300)
    assert g.proven_optimal is False
    for group in g.groups:
        assert sorted(pid[0] for pid in group) == ["X", "Y", "Z"]


def test_unit_with_more_leaders_than_groups_is_an_input_error() -> None:
    people = [Person(f"L{i}", unit="U1" if i < 5 else f"U{i}") for i in range(16)]
    with pytest.raises(InputError) as err:
        compose_groups(people, group_size=(4, 4), seed=0)
    assert err.value.field == "people"


# --------------------------------------------------------------------------- optimality


@settings(
    max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(tiny_instances())
def test_exact_on_tiny_instances_equals_brute_force(inst) -> None:  # type: ignore[no-untyped-def]
    n, d, lo, hi, apart = inst
    expected = brute_force(n, d, lo, hi, apart)
    if expected is None:
        with pytest.raises(InputError):
            solve(n, d, lo, hi, apart)
        return
    g = solve(n, d, lo, hi, apart)
    assert g.proven_optimal and g.stopped_by == "optimal"
    assert g.objective == pytest.approx(expected)
    assert all(lo <= len(group) <= hi for group in g.groups)
    for a, b in apart:
        assert not any({f"p{a}", f"p{b}"} <= set(group) for group in g.groups)


@settings(
    max_examples=120, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(tiny_instances(max_n=8, with_apart=False))
def test_heuristic_finds_the_optimum_on_tiny_instances(inst) -> None:  # type: ignore[no-untyped-def]
    n, d, lo, hi, apart = inst
    expected = brute_force(n, d, lo, hi, apart)
    if expected is None:
        return
    g = solve(n, d, lo, hi, apart, exact_up_to=0, rounds=60)
    assert not g.proven_optimal
    assert all(lo <= len(group) <= hi for group in g.groups)
    assert g.objective == pytest.approx(expected)


# --------------------------------------------------------------------------- determinism


def test_same_seed_same_grouping() -> None:
    people, ties = municipality(50, 11)
    runs = [
        compose_groups(people, group_size=(5, 7), ties=ties, seed=5, rounds=200) for _ in range(2)
    ]
    assert runs[0].stopped_by == "rounds"
    assert runs[0].groups == runs[1].groups and runs[0].objective == runs[1].objective
    assert runs[0].seed == 5


def test_without_a_round_budget_the_search_uses_its_time() -> None:
    people, ties = municipality(40, 3)
    g = compose_groups(people, group_size=(5, 7), ties=ties, seed=5, time_limit_s=0.6)
    assert g.stopped_by == "time" and g.rounds > 0
    assert 0.6 <= g.seconds < 3.0
    budget = compose_groups(people, group_size=(5, 7), ties=ties, seed=5, rounds=5)
    assert budget.stopped_by == "rounds" and budget.rounds == 5  # a budget still ends it


def test_the_groups_command_without_max_rounds_runs_until_its_time_limit() -> None:
    out = groups_command(command_input(time_limit_s=0.3))
    assert out["stopped_by"] == "time" and out["seconds"] >= 0.3
    assert set(out) == {"groups", "objective", "seconds", "proven_optimal", "rounds",
                        "stopped_by", "seed"}  # fmt: skip


def test_seed_none_reports_the_seed_it_drew() -> None:
    people, ties = municipality(30, 2)
    first = compose_groups(people, group_size=(5, 7), ties=ties, rounds=50)
    again = compose_groups(people, group_size=(5, 7), ties=ties, rounds=50, seed=first.seed)
    assert first.groups == again.groups


def test_output_is_sorted() -> None:
    people, ties = municipality(30, 4)
    g = compose_groups(people, group_size=(5, 7), ties=ties, seed=1, rounds=50)
    assert all(list(group) == sorted(group) for group in g.groups)
    assert list(g.groups) == sorted(g.groups)


# --------------------------------------------------------------------------- objective


def test_grouping_objective_follows_a_move_by_hand() -> None:
    people = [Person(x) for x in "abcdef"]
    d = [(a, b, float(ord(a) * ord(b) % 7)) for a, b in itertools.combinations("abcdef", 2)]
    base = grouping_objective(people, [["a", "b", "c"], ["d", "e", "f"]], distances=d)
    moved = grouping_objective(people, [["a", "b"], ["c", "d", "e", "f"]], distances=d)
    w = {(a, b): v for a, b, v in d}
    assert moved - base == pytest.approx(
        w["c", "d"] + w["c", "e"] + w["c", "f"] - w["a", "c"] - w["b", "c"]
    )


def test_grouping_objective_of_the_diversity_model() -> None:
    people = [
        Person("a", "BU", attributes={"experience_years": 1, "service_type": "school"}),
        Person("b", "SS", attributes={"experience_years": 21, "service_type": "school"}),
        Person("c", "BU", attributes={"experience_years": 6, "service_type": "daycare"}),
    ]
    # a-b: administration 3 + experience 2 = 5; a-c: experience 1 + service 1 - tie 2 = 0;
    # b-c: 3 + 2 + 1 = 6
    assert diversity_scores(people, ties=[("a", "c")]) == [[0, 5, 0], [5, 0, 6], [0, 6, 0]]
    assert grouping_objective(people, [["a", "b", "c"]], ties=[("a", "c")]) == 11
    assert grouping_objective(people, [["a", "b"], ["c"]]) == 5


def test_grouping_violations_name_the_rule() -> None:
    people = [
        Person("boss", "K", "U1"),
        Person("lea", "K", "U2", ("boss",)),
        Person("ole", "S", "U2"),
        Person("ida", "S", "U3"),
    ]
    bad = grouping_violations(
        people, [["boss", "lea"], ["ole", "ida"]], group_size=(2, 2), apart=[("ole", "ida")]
    )
    assert [v.rule for v in bad] == ["line", "apart"]
    bad = grouping_violations(people, [["lea", "ole"], ["boss", "ida"]], group_size=(2, 2))
    assert [(v.rule, v.people) for v in bad] == [("unit", ("lea", "ole"))]


def test_grouping_objective_rejects_unknown_and_repeated_ids() -> None:
    people = [Person("a"), Person("b")]
    with pytest.raises(InputError) as err:
        grouping_objective(people, [["a", "x"]])
    assert err.value.field == "groups[0][1]"
    with pytest.raises(InputError):
        grouping_objective(people, [["a"], ["a", "b"]])


# --------------------------------------------------------------------------- command


def command_input(**changes):  # type: ignore[no-untyped-def]
    data = {
        "people": [
            {
                "id": f"L{i}",
                "administration": "BU" if i % 2 else "SS",
                "unit": f"U{i}",
                "line": [],
                "attributes": {"experience_years": i, "service_type": "school"},
            }
            for i in range(12)
        ],
        "group_size": {"min": 3, "max": 4},
        "apart": [["L1", "L3"]],
        "ties": [["L1", "L4"]],
        "distances": None,
        "seed": 42,
        "time_limit_s": 5,
    }
    data.update(changes)
    return data


def test_groups_command_result_follows_the_contract() -> None:
    out = groups_command(command_input(max_rounds=300))
    json.dumps(out)
    assert {"groups", "objective", "seconds"} <= set(out)
    assert isinstance(out["objective"], float) and isinstance(out["seconds"], float)
    assert sorted(x for g in out["groups"] for x in g) == sorted(f"L{i}" for i in range(12))
    assert not any({"L1", "L3"} <= set(g) for g in out["groups"])
    assert out == {**groups_command(command_input(max_rounds=300)), "seconds": out["seconds"]}


def test_groups_command_with_distances() -> None:
    data = command_input(distances=[["L0", "L1", 3.5], ["L2", "L5", 1]], max_rounds=20)
    out = groups_command(data)
    assert out["rounds"] <= 20
    assert out["objective"] == pytest.approx(
        grouping_objective(
            [Person(f"L{i}") for i in range(12)],
            out["groups"],
            distances=[("L0", "L1", 3.5), ("L2", "L5", 1)],
        )
    )


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"colour": "red"}, "colour"),
        ({"people": [{"id": "a", "age": 3}]}, "people[0].age"),
        ({"people": [{"id": "a"}, {"id": "a"}]}, "people[1].id"),
        ({"people": [{"administration": "x"}]}, "people[0].id"),
        ({"people": [{"id": "a", "line": "b"}]}, "people[0].line"),
        ({"people": [{"id": "a", "attributes": {"x": {"y": 1}}}]}, "people[0].attributes.x"),
        ({"apart": [["L1", "nobody"]]}, "apart[0][1]"),
        ({"apart": [["L1", "L1"]]}, "apart[0]"),
        ({"apart": [["L1", "L2"], ["L2", "L1"]]}, "apart[1]"),
        ({"apart": [["L1"]]}, "apart[0]"),
        ({"ties": [["ghost", "L1"]]}, "ties[0][0]"),
        ({"distances": [["L1", "L2", "far"]]}, "distances[0][2]"),
        ({"distances": [["L1", "L2", 1], ["L2", "L1", 2]]}, "distances[1]"),
        ({"distances": [["L1", "L9", 1], ["L1", "zz", 2]]}, "distances[1][1]"),
        ({"group_size": {"min": 5, "max": 5}}, "group_size"),
        ({"group_size": {"min": 4, "max": 3}}, "group_size.max"),
        ({"group_size": {"min": 0, "max": 3}}, "group_size.min"),
        ({"group_size": {"min": 3}}, "group_size.max"),
        ({"group_size": {"min": 3, "max": 4, "avg": 3}}, "group_size.avg"),
        ({"seed": "x"}, "seed"),
        ({"time_limit_s": 0}, "time_limit_s"),
        ({"max_rounds": 0}, "max_rounds"),
        ({"policy": {"weight": 1}}, "policy.weight"),
        ({"people": []}, "people"),
    ],
)
def test_groups_command_errors_name_the_field(changes, field) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError) as err:
        groups_command(command_input(**changes))
    assert err.value.field == field


def test_impossible_apart_on_tiny_input_is_an_input_error() -> None:
    data = command_input(
        people=[{"id": x} for x in "abcd"],
        group_size={"min": 2, "max": 2},
        apart=[["a", "b"], ["a", "c"], ["a", "d"]],
        ties=[],
    )
    with pytest.raises(InputError) as err:
        groups_command(data)
    assert err.value.field == "apart"
