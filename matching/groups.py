"""Compose learning networks: split sign-ups into diverse groups within size bounds.

HR composes cross-administration learning networks "after sign-up" (the brief, finding 5). This
module takes the sign-ups and returns groups that mix administrations, spread experience and
service types and avoid existing ties, never put a leader with their boss, a colleague from
their own unit, or an ``apart`` pair together, and keep every group within the size bounds.

The problem is the maximally diverse grouping problem (MDGP) [1]_: given pairwise scores
``d(i, j)``, maximise the sum over groups of the sum of ``d`` over the pairs in the group. With
``distances`` the scores are taken as they are (the exact MDGP, for published benchmark
instances and analysts' own models); otherwise :func:`diversity_scores` derives them from the
people (see *The diversity model* in ``docs/groups.md``).

The solver is an iterated local search after Lai & Hao's iterated maxima search [2]_ over the
move and swap neighbourhoods of Gallego et al. [3]_, with O(1) delta evaluation from a numpy
gain matrix; tiny instances (``<= exact_up_to`` people) are solved exactly by enumerating every
partition, and the result says so (``proven_optimal``).
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeGuard

import networkx as nx
import numpy as np

from matching._groups_search import (
    BoolMatrix,
    FloatMatrix,
    exhaustive_search,
    feasible_group_counts,
    iterated_maxima_search,
    objective_of,
)
from matching.errors import InputError

__all__ = [
    "DEFAULT_GROUP_POLICY",
    "GroupPolicy",
    "GroupSize",
    "Grouping",
    "Person",
    "Violation",
    "compose_groups",
    "default_rounds",
    "diversity_scores",
    "grouping_objective",
    "grouping_violations",
    "groups_command",
]

AttributeValue = str | int | float | bool | Sequence[str] | None


# --------------------------------------------------------------------------- data


@dataclass(frozen=True, slots=True)
class Person:
    """A leader who signed up for a learning network.

    ``line`` lists the person's managers, nearest first (ids; managers who did not sign up are
    simply absent from the grouping). ``attributes`` holds profile facts used by the diversity
    model: ``experience_years`` (number), ``service_type`` (text) and any others (text, number,
    boolean or a list of texts). ``None`` for ``administration`` or ``unit`` means unknown: the
    rules that need the field do not apply to the person.
    """

    id: str
    administration: str | None = None
    unit: str | None = None
    line: tuple[str, ...] = ()
    attributes: Mapping[str, AttributeValue] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class GroupSize:
    """Bounds on the size of every group: ``min <= len(group) <= max``."""

    min: int
    max: int


@dataclass(frozen=True, slots=True)
class GroupPolicy:
    """Weights of the diversity model and switches for the hard rules.

    The weights are per pair in the same group (see :func:`diversity_scores`). The rule switches
    ``separate_line`` (never a leader with anyone in their ``line``) and ``separate_unit`` (never
    two leaders of the same unit) default to ``None``: on with the diversity model, off when
    ``distances`` are given (then the problem is exactly the MDGP with ``apart`` pairs; encode
    other rules as ``apart`` pairs or switch them on here).
    """

    administration: float = 3.0  # the pair leads in different administrations
    experience: float = 2.0  # times min(|years_i - years_j|, experience_cap) / cap
    experience_cap: float = 10.0
    service_type: float = 1.0  # different service types
    other_attribute: float = 0.5  # each other attribute: differs (text) / spread (number)
    tie: float = -2.0  # already tied in the leader network
    second_degree_tie: float = -0.5  # share a tie (friend of a friend)
    separate_line: bool | None = None
    separate_unit: bool | None = None


DEFAULT_GROUP_POLICY = GroupPolicy()


@dataclass(frozen=True, slots=True)
class Grouping:
    """A grouping and how it was found.

    ``groups`` are sorted: ids within a group by text, groups by their first id. ``objective``
    is the sum of pair scores within groups. ``proven_optimal`` is true only when exhaustive
    search proved that no feasible grouping scores higher. ``stopped_by`` is ``"optimal"``,
    ``"rounds"`` (the round budget ran out: the result depends on the input and ``seed`` only)
    or ``"time"`` (the time limit cut the search: a faster machine may do better). ``seed`` is
    the seed used, so a run with ``seed=None`` can be repeated.
    """

    groups: tuple[tuple[str, ...], ...]
    objective: float
    seconds: float
    proven_optimal: bool
    rounds: int
    stopped_by: str
    seed: int


@dataclass(frozen=True, slots=True)
class Violation:
    """A hard rule a grouping breaks: ``rule`` is ``"apart"``, ``"line"``, ``"unit"`` or
    ``"group_size"``; ``people`` the ids involved; ``message`` a sentence for HR."""

    rule: str
    people: tuple[str, ...]
    message: str


# --------------------------------------------------------------------------- model


def _index(people: Sequence[Person]) -> dict[str, int]:
    index: dict[str, int] = {}
    for k, p in enumerate(people):
        if not isinstance(p.id, str) or not p.id:
            raise InputError(f"people[{k}].id", "must be a non-empty string")
        if p.id in index:
            raise InputError(f"people[{k}].id", f"duplicate id {p.id!r}")
        index[p.id] = k
    return index


def _pairs(
    pairs: Iterable[Sequence[str]], index: Mapping[str, int], name: str
) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    seen: set[tuple[int, int]] = set()
    for k, pair in enumerate(pairs):
        if isinstance(pair, str) or len(pair) != 2:
            raise InputError(f"{name}[{k}]", "must be a pair of two ids")
        for m, pid in enumerate(pair):
            if pid not in index:
                raise InputError(f"{name}[{k}][{m}]", f"unknown id {pid!r}")
        a, b = index[pair[0]], index[pair[1]]
        if a == b:
            raise InputError(f"{name}[{k}]", f"pairs {pair[0]!r} with itself")
        key = (min(a, b), max(a, b))
        if key in seen:
            raise InputError(f"{name}[{k}]", f"duplicate pair {pair[0]!r}, {pair[1]!r}")
        seen.add(key)
        out.append(key)
    return out


def _distance_matrix(distances: Iterable[Sequence[Any]], index: Mapping[str, int]) -> FloatMatrix:
    n = len(index)
    W = np.zeros((n, n))
    seen: set[tuple[int, int]] = set()
    for k, row in enumerate(distances):
        if isinstance(row, str) or len(row) != 3:
            raise InputError(f"distances[{k}]", "must be [id_a, id_b, d]")
        for m in (0, 1):
            if row[m] not in index:
                raise InputError(f"distances[{k}][{m}]", f"unknown id {row[m]!r}")
        d = row[2]
        if not _is_number(d) or not math.isfinite(d):
            raise InputError(f"distances[{k}][2]", f"must be a finite number, got {d!r}")
        a, b = index[row[0]], index[row[1]]
        if a == b:
            raise InputError(f"distances[{k}]", f"pairs {row[0]!r} with itself")
        key = (min(a, b), max(a, b))
        if key in seen:
            raise InputError(f"distances[{k}]", f"duplicate pair {row[0]!r}, {row[1]!r}")
        seen.add(key)
        W[a, b] = W[b, a] = float(d)
    return W


def _is_number(v: object) -> TypeGuard[int | float]:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _attribute_distance(a: AttributeValue, b: AttributeValue, cap: float) -> float:
    """Distance in [0, 1] between two attribute values (0 when either is unknown).

    Texts and booleans: 1 when they differ. Numbers: ``min(|a - b|, cap) / cap``. Lists of
    texts: the Jaccard distance. Values of different kinds count as different.
    """
    if a is None or b is None:
        return 0.0
    if _is_number(a) and _is_number(b):
        return min(abs(float(a) - float(b)), cap) / cap if cap > 0 else 0.0
    if isinstance(a, (tuple, list)) and isinstance(b, (tuple, list)):
        sa, sb = set(a), set(b)
        union = sa | sb
        return 1.0 - len(sa & sb) / len(union) if union else 0.0
    return 0.0 if a == b else 1.0


def diversity_scores(
    people: Sequence[Person],
    *,
    ties: Iterable[Sequence[str]] = (),
    policy: GroupPolicy = DEFAULT_GROUP_POLICY,
) -> list[list[float]]:
    """Return the pair scores of the project's diversity model as a nested list.

    ``score(i, j)`` adds, for the pair sharing a group:

    * ``policy.administration`` when both administrations are known and differ;
    * ``policy.experience * min(|years_i - years_j|, cap) / cap`` for ``experience_years``;
    * ``policy.service_type`` when both service types are known and differ;
    * ``policy.other_attribute`` times a distance in [0, 1] for every other attribute both
      have: 1 if texts or booleans differ, the absolute difference over the attribute's range
      for numbers, the Jaccard distance for lists of texts;
    * ``policy.tie`` when the pair are tied in the leader network (``ties``) and
      ``policy.second_degree_tie`` when they only share a tie (networkx shortest paths).

    Parameters
    ----------
    people : sequence of Person
    ties : iterable of id pairs
        Existing relations in the leader network (undirected).
    policy : GroupPolicy

    Returns
    -------
    list of list of float
        A symmetric matrix with a zero diagonal, rows and columns in the order of ``people``.

    Examples
    --------
    >>> a = Person("a", administration="Kultur", attributes={"experience_years": 2})
    >>> b = Person("b", administration="Børn og Unge", attributes={"experience_years": 12})
    >>> c = Person("c", administration="Kultur", attributes={"experience_years": 7})
    >>> diversity_scores([a, b, c], ties=[("a", "c")])
    [[0.0, 5.0, -1.0], [5.0, 0.0, 4.0], [-1.0, 4.0, 0.0]]
    """
    index = _index(people)
    return _diversity_matrix(people, index, _pairs(ties, index, "ties"), policy).tolist()


def _diversity_matrix(
    people: Sequence[Person],
    index: Mapping[str, int],
    tie_pairs: Sequence[tuple[int, int]],
    policy: GroupPolicy,
) -> FloatMatrix:
    n = len(people)
    W = np.zeros((n, n))
    admin = [p.administration for p in people]
    for i in range(n):
        for j in range(i + 1, n):
            if admin[i] is not None and admin[j] is not None and admin[i] != admin[j]:
                W[i, j] += policy.administration
    keys = sorted({key for p in people for key in p.attributes})
    for key in keys:
        values = [p.attributes.get(key) for p in people]
        numeric = [float(v) for v in values if _is_number(v)]
        if key == "experience_years":
            weight, cap = policy.experience, policy.experience_cap
        elif key == "service_type":
            weight, cap = policy.service_type, 0.0
        else:
            weight = policy.other_attribute
            cap = (max(numeric) - min(numeric)) if numeric else 0.0
        if weight == 0.0:
            continue
        for i in range(n):
            vi = values[i]
            for j in range(i + 1, n):
                d = _attribute_distance(vi, values[j], cap)
                if d:
                    W[i, j] += weight * d
    if tie_pairs and (policy.tie or policy.second_degree_tie):
        G = nx.Graph()
        G.add_nodes_from(range(n))
        G.add_edges_from(tie_pairs)
        for i, lengths in nx.all_pairs_shortest_path_length(G, cutoff=2):
            for j, length in lengths.items():
                if j > i:
                    W[i, j] += policy.tie if length == 1 else policy.second_degree_tie
    return W + W.T


def _forbidden_matrix(
    people: Sequence[Person],
    index: Mapping[str, int],
    apart: Sequence[tuple[int, int]],
    *,
    separate_line: bool,
    separate_unit: bool,
) -> tuple[BoolMatrix, dict[tuple[int, int], str]]:
    """Boolean matrix of pairs that must not share a group, and the rule behind each pair."""
    n = len(people)
    F = np.zeros((n, n), dtype=bool)
    why: dict[tuple[int, int], str] = {}

    def forbid(a: int, b: int, rule: str) -> None:
        key = (min(a, b), max(a, b))
        F[a, b] = F[b, a] = True
        why.setdefault(key, rule)

    for a, b in apart:
        forbid(a, b, "apart")
    if separate_line:
        for i, p in enumerate(people):
            for boss in p.line:
                j = index.get(boss)
                if j is not None and j != i:
                    forbid(i, j, "line")
    if separate_unit:
        by_unit: dict[str, list[int]] = {}
        for i, p in enumerate(people):
            if p.unit is not None:
                by_unit.setdefault(p.unit, []).append(i)
        for members in by_unit.values():
            for x, a in enumerate(members):
                for b in members[x + 1 :]:
                    forbid(a, b, "unit")
    return F, why


def _size(group_size: GroupSize | tuple[int, int] | Mapping[str, int]) -> GroupSize:
    if isinstance(group_size, GroupSize):
        lo, hi = group_size.min, group_size.max
    elif isinstance(group_size, Mapping):
        lo, hi = group_size["min"], group_size["max"]
    else:
        lo, hi = group_size
    for name, v in (("min", lo), ("max", hi)):
        if isinstance(v, bool) or not isinstance(v, int):
            raise InputError(f"group_size.{name}", f"must be an integer, got {v!r}")
    if lo < 1:
        raise InputError("group_size.min", f"must be at least 1, got {lo}")
    if hi < lo:
        raise InputError("group_size.max", f"must be at least min ({lo}), got {hi}")
    return GroupSize(lo, hi)


def _rules(policy: GroupPolicy, with_distances: bool) -> tuple[bool, bool]:
    line = policy.separate_line if policy.separate_line is not None else not with_distances
    unit = policy.separate_unit if policy.separate_unit is not None else not with_distances
    return line, unit


# --------------------------------------------------------------------------- solver


def default_rounds(n: int) -> int:
    """Round budget used when ``rounds=None``: ``max(2000, 40 * n)`` local searches.

    Chosen so that 120 people finish in about 4-5 s on one 2020s laptop core, inside the
    default 10 s limit; then the result depends on the input and the seed only.

    Examples
    --------
    >>> default_rounds(40), default_rounds(120)
    (2000, 4800)
    """
    return max(2000, 40 * n)


def _candidate_counts(n: int, size: GroupSize, W: FloatMatrix, min_groups: int) -> list[int]:
    """Numbers of groups worth searching, fewest first.

    With non-negative scores, fewer (larger) groups have more pairs and nearly always score
    higher, so only the three smallest counts are tried; with negative scores up to eight
    counts spread over the feasible range are.
    """
    counts = [k for k in feasible_group_counts(n, size.min, size.max) if k >= min_groups]
    if (W >= 0).all():
        return counts[:3]
    if len(counts) <= 8:
        return counts
    picks = np.linspace(0, len(counts) - 1, 8).round().astype(int)
    return [counts[p] for p in sorted(set(picks.tolist()))]


def _largest_unit_clique(F: BoolMatrix) -> int:
    """A lower bound on the number of groups that ``F`` needs: a greedy clique size."""
    n = F.shape[0]
    best = 1 if n else 0
    order = np.argsort(-F.sum(axis=1), kind="stable")
    for start in order[: min(n, 50)]:
        clique = [int(start)]
        for v in order:
            v = int(v)
            if v not in clique and all(F[v, c] for c in clique):
                clique.append(v)
        best = max(best, len(clique))
    return best


def compose_groups(
    people: Sequence[Person],
    *,
    group_size: GroupSize | tuple[int, int] | Mapping[str, int],
    apart: Iterable[Sequence[str]] = (),
    ties: Iterable[Sequence[str]] = (),
    distances: Iterable[Sequence[Any]] | None = None,
    seed: int | None = None,
    time_limit_s: float = 10.0,
    rounds: int | None = None,
    exact_up_to: int = 10,
    policy: GroupPolicy = DEFAULT_GROUP_POLICY,
) -> Grouping:
    """Split people into groups within size bounds, maximising the diversity within groups.

    Maximises the sum over groups of the pair scores within each group (the maximally diverse
    grouping problem [1]_) subject to: every group's size within ``group_size``; no ``apart``
    pair in one group; and, unless switched off in ``policy``, no leader with anyone in their
    ``line`` and no two leaders of one unit. The number of groups is free within the bounds.

    Pair scores are ``distances`` when given (missing pairs 0), otherwise
    :func:`diversity_scores` of the people and ``ties``.

    Solver: up to ``exact_up_to`` people, every partition is enumerated (exact; tiny
    instances). Otherwise an iterated local search after Lai & Hao's iterated maxima search
    [2]_: steepest ascent over the *move* (one person to another group, sizes permitting) and
    *swap* neighbourhoods [3]_ with O(1) deltas from a gain matrix (numpy), weak perturbations
    between nearby local maxima and a strong perturbation after a run without improvement.
    Hard rules are a penalty larger than the total positive score, so they dominate. About 10%
    of the rounds screen candidate numbers of groups; the rest improve the best.

    Parameters
    ----------
    people : sequence of Person
    group_size : GroupSize or (min, max) or {"min": .., "max": ..}
    apart : iterable of id pairs
        Pairs that must not share a group.
    ties : iterable of id pairs
        Existing relations in the leader network; used by the diversity model only.
    distances : iterable of (id_a, id_b, d), optional
        Pair scores for the exact MDGP objective.
    seed : int, optional
        Seed of the random generator; ``None`` draws one (reported in the result).
    time_limit_s : float
        Wall-clock limit of the search.
    rounds : int, optional
        Budget of local-search rounds; ``None`` uses :func:`default_rounds`. With a budget the
        result is a function of the input and ``seed`` alone, unless the time limit comes
        first (``stopped_by == "time"``). Pass a large number to let time alone decide.
    exact_up_to : int
        Enumerate all partitions when there are at most this many people.
    policy : GroupPolicy
        Weights of the diversity model and the hard-rule switches.

    Returns
    -------
    Grouping

    Raises
    ------
    matching.errors.InputError
        Bad ids or pairs, impossible size bounds (``group_size``), or hard rules that cannot
        all be kept (``apart``; proven on tiny instances, otherwise when the search fails).

    References
    ----------
    .. [1] X. Lai, J.-K. Hao, "Iterated maxima search for the maximally diverse grouping
       problem", European Journal of Operational Research 254(3):780-800 (2016).
    .. [2] M. Gallego, M. Laguna, R. Martí, A. Duarte, "Tabu search with strategic
       oscillation for the maximally diverse grouping problem", Journal of the Operational
       Research Society 64(5):724-734 (2013).
    .. [3] K. S. Weitz, S. Lakshminarayanan, "An empirical comparison of heuristic methods for
       creating maximally diverse groups", Journal of the Operational Research Society
       49(6):635-646 (1998).

    Examples
    --------
    Four people, groups of two, maximise the sum of distances within groups:

    >>> people = [Person(x) for x in "abcd"]
    >>> d = [("a", "b", 1), ("a", "c", 5), ("a", "d", 2), ("b", "c", 2), ("b", "d", 6),
    ...      ("c", "d", 1)]
    >>> g = compose_groups(people, group_size=(2, 2), distances=d, seed=1)
    >>> g.groups, g.objective, g.proven_optimal
    ((('a', 'c'), ('b', 'd')), 11.0, True)

    The diversity model mixes administrations, avoids existing ties and never seats a leader
    with their boss:

    >>> people = [Person("boss", "Kultur", "U1"), Person("lea", "Kultur", "U2", ("boss",)),
    ...           Person("ole", "Social", "U3"), Person("ida", "Social", "U4")]
    >>> compose_groups(people, group_size=(2, 2), ties=[("boss", "ole")], seed=1).groups
    (('boss', 'ida'), ('lea', 'ole'))
    """
    started = time.perf_counter()
    size = _size(group_size)
    n = len(people)
    if n == 0:
        raise InputError("people", "no people to group")
    index = _index(people)
    apart_pairs = _pairs(apart, index, "apart")
    tie_pairs = _pairs(ties, index, "ties")
    with_distances = distances is not None
    if distances is not None:
        W = _distance_matrix(distances, index)
    else:
        W = _diversity_matrix(people, index, tie_pairs, policy)
    separate_line, separate_unit = _rules(policy, with_distances)
    F, why = _forbidden_matrix(
        people, index, apart_pairs, separate_line=separate_line, separate_unit=separate_unit
    )
    # the field to blame when the rules cannot all be kept
    rules_field = "apart" if all(r == "apart" for r in why.values()) else "people"
    if not _is_number(time_limit_s) or not (time_limit_s > 0):
        raise InputError("time_limit_s", f"must be a positive number, got {time_limit_s!r}")
    if rounds is not None and (isinstance(rounds, bool) or rounds < 1):
        raise InputError("max_rounds", f"must be a positive integer, got {rounds!r}")
    if not feasible_group_counts(n, size.min, size.max):
        raise InputError(
            "group_size",
            f"{n} people cannot be split into groups of {size.min} to {size.max}",
        )
    if seed is None:
        seed = int(np.random.SeedSequence().generate_state(1)[0])
    rng = np.random.default_rng(seed)

    if n <= exact_up_to:
        found = exhaustive_search(W, F, size.min, size.max)
        if found is None:
            raise InputError(
                rules_field, _infeasible_message(n, size, separate_line, separate_unit)
            )
        return _grouping(people, np.array(found.labels), W, started, True, 0, "optimal", seed)

    budget = default_rounds(n) if rounds is None else int(rounds)
    deadline = started + float(time_limit_s)
    # A penalty larger than any achievable positive score makes every violation cost more
    # than all diversity together, so the search removes violations first.
    penalty = float(np.clip(W, 0.0, None).sum()) / 2.0 + 1.0
    Wp = W - penalty * F
    min_groups = _largest_unit_clique(F) if F.any() else 1
    counts = _candidate_counts(n, size, W, min_groups)
    if not counts:
        raise InputError(rules_field, _infeasible_message(n, size, separate_line, separate_unit))

    done = 0
    if len(counts) == 1:
        k = counts[0]
        state, used, stopped_by = iterated_maxima_search(
            Wp, k, size.min, size.max, rng, rounds=budget, deadline=deadline
        )
        done += used
    else:
        screen = max(1, budget // (10 * len(counts)))
        best = None
        for x, k in enumerate(counts):
            # each count gets an equal share of the first 10% of the time
            share = started + float(time_limit_s) * 0.1 * (x + 1) / len(counts)
            cand, used, _ = iterated_maxima_search(
                Wp,
                k,
                size.min,
                size.max,
                rng,
                rounds=screen,
                deadline=max(share, time.perf_counter() + 1e-3),
            )
            done += used
            if best is None or cand.value > best.value:
                best = cand
        assert best is not None
        state, used, stopped_by = iterated_maxima_search(
            Wp,
            best.k,
            size.min,
            size.max,
            rng,
            rounds=max(1, budget - done),
            deadline=deadline,
            start=best.labels,
        )
        done += used
        if best.value > state.value:
            state = best
    labels = state.labels
    if (F & (labels[:, None] == labels[None, :])).any():
        raise InputError(
            rules_field,
            _infeasible_message(n, size, separate_line, separate_unit, proven=False),
        )
    return _grouping(people, labels, W, started, False, done, stopped_by, seed)


def _infeasible_message(
    n: int, size: GroupSize, line: bool, unit: bool, *, proven: bool = True
) -> str:
    rules = (
        ["apart pairs"]
        + (["leaders and their bosses"] if line else [])
        + (["colleagues from one unit"] if unit else [])
    )
    what = ", ".join(rules)
    if proven:
        return f"no split of {n} people into groups of {size.min} to {size.max} keeps {what} apart"
    return (
        f"found no split of {n} people into groups of {size.min} to {size.max} that keeps "
        f"{what} apart; relax the size bounds or the rules"
    )


def _grouping(
    people: Sequence[Person],
    labels: np.ndarray,
    W: FloatMatrix,
    started: float,
    proven: bool,
    rounds: int,
    stopped_by: str,
    seed: int,
) -> Grouping:
    members: dict[int, list[str]] = {}
    for i, g in enumerate(labels.tolist()):
        members.setdefault(int(g), []).append(people[i].id)
    groups = sorted(tuple(sorted(m)) for m in members.values())
    return Grouping(
        groups=tuple(groups),
        objective=round(objective_of(W, np.asarray(labels)), 9) + 0.0,
        seconds=time.perf_counter() - started,
        proven_optimal=proven,
        rounds=rounds,
        stopped_by=stopped_by,
        seed=seed,
    )


# --------------------------------------------------------------------------- evaluation


def _labels_for(groups: Sequence[Sequence[str]], index: Mapping[str, int]) -> np.ndarray:
    labels = np.full(len(index), -1, dtype=np.int64)
    for g, group in enumerate(groups):
        for m, pid in enumerate(group):
            if pid not in index:
                raise InputError(f"groups[{g}][{m}]", f"unknown id {pid!r}")
            if labels[index[pid]] >= 0:
                raise InputError(f"groups[{g}][{m}]", f"{pid!r} is in more than one group")
            labels[index[pid]] = g
    return labels


def grouping_objective(
    people: Sequence[Person],
    groups: Sequence[Sequence[str]],
    *,
    ties: Iterable[Sequence[str]] = (),
    distances: Iterable[Sequence[Any]] | None = None,
    policy: GroupPolicy = DEFAULT_GROUP_POLICY,
) -> float:
    """Return the objective of a given grouping, e.g. after HR moved people by hand.

    The same objective :func:`compose_groups` maximises: the sum of pair scores within groups
    (``distances`` when given, otherwise :func:`diversity_scores`). People left out of every
    group contribute nothing; hard rules are not checked here (see :func:`grouping_violations`).

    Parameters
    ----------
    people : sequence of Person
    groups : sequence of sequences of ids
    ties, distances, policy
        As for :func:`compose_groups`.

    Returns
    -------
    float

    Raises
    ------
    matching.errors.InputError
        An unknown id, or a person in two groups.

    Examples
    --------
    >>> people = [Person(x) for x in "abcd"]
    >>> d = [("a", "b", 1), ("a", "c", 5), ("b", "d", 6)]
    >>> grouping_objective(people, [["a", "c"], ["b", "d"]], distances=d)
    11.0
    >>> grouping_objective(people, [["a", "b"], ["c", "d"]], distances=d)
    1.0
    """
    index = _index(people)
    tie_pairs = _pairs(ties, index, "ties")
    if distances is not None:
        W = _distance_matrix(distances, index)
    else:
        W = _diversity_matrix(people, index, tie_pairs, policy)
    labels = _labels_for(groups, index)
    placed = labels >= 0
    sub = labels[placed]
    return round(objective_of(W[np.ix_(placed, placed)], sub), 9) + 0.0


def grouping_violations(
    people: Sequence[Person],
    groups: Sequence[Sequence[str]],
    *,
    group_size: GroupSize | tuple[int, int] | Mapping[str, int],
    apart: Iterable[Sequence[str]] = (),
    with_distances: bool = False,
    policy: GroupPolicy = DEFAULT_GROUP_POLICY,
) -> tuple[Violation, ...]:
    """Return every hard rule a given grouping breaks (empty when it keeps them all).

    Checks the size bounds, that everyone is in a group, ``apart`` pairs and — per ``policy``
    (defaults as in :func:`compose_groups`; ``with_distances`` selects the distances defaults)
    — leaders with their bosses and colleagues from one unit.

    Examples
    --------
    >>> people = [Person("boss", "Kultur", "U1"), Person("lea", "Kultur", "U2", ("boss",)),
    ...           Person("ole", "Social", "U3")]
    >>> [v.message for v in grouping_violations(people, [["boss", "lea", "ole"]],
    ...                                         group_size=(2, 3))]
    ["'lea' is in a group with 'boss', who is in their line"]
    >>> grouping_violations(people, [["boss", "ole"], ["lea"]], group_size=(2, 3))[0].rule
    'group_size'
    """
    size = _size(group_size)
    index = _index(people)
    apart_pairs = _pairs(apart, index, "apart")
    separate_line, separate_unit = _rules(policy, with_distances)
    _F, why = _forbidden_matrix(
        people, index, apart_pairs, separate_line=separate_line, separate_unit=separate_unit
    )
    labels = _labels_for(groups, index)
    out: list[Violation] = []
    for g, group in enumerate(groups):
        if not size.min <= len(group) <= size.max:
            out.append(
                Violation(
                    "group_size",
                    tuple(group),
                    f"group {g + 1} has {len(group)} people; allowed {size.min} to {size.max}",
                )
            )
    missing = [people[i].id for i in np.flatnonzero(labels < 0).tolist()]
    if missing:
        out.append(
            Violation(
                "group_size",
                tuple(missing),
                "not in any group: " + ", ".join(repr(m) for m in missing),
            )
        )
    for (a, b), rule in sorted(why.items()):
        if labels[a] < 0 or labels[a] != labels[b]:
            continue
        pa, pb = people[a].id, people[b].id
        if rule == "line":
            low, high = (pa, pb) if pb in people[a].line else (pb, pa)
            msg = f"{low!r} is in a group with {high!r}, who is in their line"
        elif rule == "unit":
            msg = f"{pa!r} and {pb!r} lead in the same unit ({people[a].unit})"
        else:
            msg = f"{pa!r} and {pb!r} must be apart"
        out.append(Violation(rule, (pa, pb), msg))
    return tuple(out)


# --------------------------------------------------------------------------- command line

_TOP_FIELDS = {
    "people",
    "group_size",
    "apart",
    "ties",
    "distances",
    "seed",
    "time_limit_s",
    "max_rounds",
    "policy",
}
_PERSON_FIELDS = {"id", "administration", "unit", "line", "attributes"}
_POLICY_FIELDS = {
    "administration",
    "experience",
    "experience_cap",
    "service_type",
    "other_attribute",
    "tie",
    "second_degree_tie",
    "separate_line",
    "separate_unit",
}


def _person_from(k: int, raw: Any) -> Person:
    where = f"people[{k}]"
    if not isinstance(raw, Mapping):
        raise InputError(where, "must be an object")
    for key in raw:
        if key not in _PERSON_FIELDS:
            raise InputError(f"{where}.{key}", "unknown field")
    if "id" not in raw:
        raise InputError(f"{where}.id", "missing")
    pid = raw["id"]
    if not isinstance(pid, str) or not pid:
        raise InputError(f"{where}.id", "must be a non-empty string")
    texts: dict[str, str | None] = {}
    for name in ("administration", "unit"):
        v = raw.get(name)
        if v is not None and not isinstance(v, str):
            raise InputError(f"{where}.{name}", "must be a string or null")
        texts[name] = v
    line = raw.get("line") or []
    if not isinstance(line, list) or not all(isinstance(x, str) for x in line):
        raise InputError(f"{where}.line", "must be a list of ids")
    attributes = raw.get("attributes") or {}
    if not isinstance(attributes, Mapping):
        raise InputError(f"{where}.attributes", "must be an object")
    clean: dict[str, AttributeValue] = {}
    for key, v in attributes.items():
        ok = (
            v is None
            or isinstance(v, (str, bool))
            or (_is_number(v) and math.isfinite(v))
            or (isinstance(v, list) and all(isinstance(x, str) for x in v))
        )
        if not ok:
            raise InputError(
                f"{where}.attributes.{key}",
                "must be text, a finite number, a boolean, a list of texts or null",
            )
        clean[key] = tuple(v) if isinstance(v, list) else v
    return Person(pid, texts["administration"], texts["unit"], tuple(line), clean)


def _pair_list(data: Mapping[str, Any], name: str, width: int) -> list[Any]:
    raw = data.get(name)
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise InputError(name, "must be a list")
    for k, row in enumerate(raw):
        if not isinstance(row, list) or len(row) != width:
            shape = "[id_a, id_b, d]" if width == 3 else "[id_a, id_b]"
            raise InputError(f"{name}[{k}]", f"must be {shape}")
    return raw


def groups_command(data: dict[str, Any]) -> dict[str, Any]:
    """Run the ``groups`` command of the command-line contract on parsed JSON.

    Input and result as in ``spec/matching-cli.md`` (section ``groups``), extended with the
    optional input fields ``max_rounds`` (see ``rounds`` in :func:`compose_groups`) and
    ``policy`` (fields of :class:`GroupPolicy`), and the result fields ``proven_optimal``,
    ``rounds``, ``stopped_by`` and ``seed``.

    Raises
    ------
    matching.errors.InputError
        Naming the offending field; the command line exits with status 2.

    Examples
    --------
    >>> out = groups_command({
    ...     "people": [{"id": x} for x in "abcd"],
    ...     "group_size": {"min": 2, "max": 2},
    ...     "distances": [["a", "c", 5], ["b", "d", 6], ["a", "b", 1]],
    ...     "seed": 42})
    >>> out["groups"], out["objective"], out["proven_optimal"]
    ([['a', 'c'], ['b', 'd']], 11.0, True)
    >>> groups_command({"people": [], "group_size": {"min": 2, "max": 2}, "colour": 1})
    Traceback (most recent call last):
    ...
    matching.errors.InputError: colour: unknown field
    """
    if not isinstance(data, Mapping):
        raise InputError("$", "the input must be a JSON object")
    for key in data:
        if key not in _TOP_FIELDS:
            raise InputError(str(key), "unknown field")
    raw_people = data.get("people")
    if not isinstance(raw_people, list):
        raise InputError("people", "must be a list of people")
    people = [_person_from(k, p) for k, p in enumerate(raw_people)]
    gs = data.get("group_size")
    if not isinstance(gs, Mapping):
        raise InputError("group_size", 'must be an object {"min": .., "max": ..}')
    for key in gs:
        if key not in ("min", "max"):
            raise InputError(f"group_size.{key}", "unknown field")
    for key in ("min", "max"):
        if key not in gs:
            raise InputError(f"group_size.{key}", "missing")
    seed = data.get("seed")
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int) or seed < 0):
        raise InputError("seed", f"must be a non-negative integer or null, got {seed!r}")
    time_limit = data.get("time_limit_s", 10.0)
    if time_limit is None:
        time_limit = 10.0
    if not _is_number(time_limit) or not (math.isfinite(time_limit) and time_limit > 0):
        raise InputError("time_limit_s", f"must be a positive number, got {time_limit!r}")
    max_rounds = data.get("max_rounds")
    if max_rounds is not None and (
        isinstance(max_rounds, bool) or not isinstance(max_rounds, int) or max_rounds < 1
    ):
        raise InputError("max_rounds", f"must be a positive integer or null, got {max_rounds!r}")
    raw_policy = data.get("policy") or {}
    if not isinstance(raw_policy, Mapping):
        raise InputError("policy", "must be an object")
    policy_args: dict[str, Any] = {}
    for key, v in raw_policy.items():
        if key not in _POLICY_FIELDS:
            raise InputError(f"policy.{key}", "unknown field")
        if key.startswith("separate_"):
            if v is not None and not isinstance(v, bool):
                raise InputError(f"policy.{key}", "must be true, false or null")
        elif not _is_number(v) or not math.isfinite(v):
            raise InputError(f"policy.{key}", f"must be a finite number, got {v!r}")
        policy_args[key] = v
    if float(policy_args.get("experience_cap", 1.0)) <= 0:
        raise InputError("policy.experience_cap", "must be positive")
    distances = data.get("distances")
    result = compose_groups(
        people,
        group_size=(gs["min"], gs["max"]),
        apart=_pair_list(data, "apart", 2),
        ties=_pair_list(data, "ties", 2),
        distances=None if distances is None else _pair_list(data, "distances", 3),
        seed=seed,
        time_limit_s=float(time_limit),
        rounds=max_rounds,
        policy=GroupPolicy(**policy_args),
    )
    return {
        "groups": [list(g) for g in result.groups],
        "objective": result.objective,
        "seconds": round(result.seconds, 3),
        "proven_optimal": result.proven_optimal,
        "rounds": result.rounds,
        "stopped_by": result.stopped_by,
        "seed": result.seed,
    }
