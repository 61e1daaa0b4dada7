"""The grouping model: people, size bounds, the diversity scores, the hard rules, the objective.

The problem is the maximally diverse grouping problem (MDGP) [1]_: given pairwise scores
``d(i, j)``, maximise the sum over groups of the sum of ``d`` over the pairs in the group. With
``distances`` the scores are taken as they are (the exact MDGP, for published benchmark
instances and analysts' own models); otherwise :func:`diversity_scores` derives them from the
people (see *The diversity model* in ``docs/groups.md``). The hard rules (``apart`` pairs,
a leader's line, one unit) become a boolean matrix of pairs that must not share a group.

This module also evaluates a given grouping (:func:`grouping_objective`,
:func:`grouping_violations`), e.g. after HR moved people by hand. The search lives in
:mod:`matching.groups.search`, the command line in :mod:`matching.groups.command`.

References
----------
.. [1] X. Lai, J.-K. Hao, "Iterated maxima search for the maximally diverse grouping
   problem", European Journal of Operational Research 254(3):780-800 (2016).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeGuard

import networkx as nx
import numpy as np
from numpy.typing import NDArray

from matching.errors import InputError

__all__ = [
    "DEFAULT_GROUP_POLICY",
    "AttributeValue",
    "BoolMatrix",
    "FloatMatrix",
    "GroupPolicy",
    "GroupSize",
    "Grouping",
    "IntVector",
    "Person",
    "Violation",
    "distance_matrix",
    "diversity_matrix",
    "diversity_scores",
    "forbidden_matrix",
    "group_size_from",
    "grouping_objective",
    "grouping_violations",
    "index_people",
    "is_number",
    "objective_of",
    "pair_indices",
    "rules_for",
]

FloatMatrix = NDArray[np.float64]
BoolMatrix = NDArray[np.bool_]
IntVector = NDArray[np.int64]

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


def index_people(people: Sequence[Person]) -> dict[str, int]:
    """Map each person's id to their position; refuse empty or duplicate ids."""
    index: dict[str, int] = {}
    for k, p in enumerate(people):
        if not isinstance(p.id, str) or not p.id:
            raise InputError(f"people[{k}].id", "must be a non-empty string")
        if p.id in index:
            raise InputError(f"people[{k}].id", f"duplicate id {p.id!r}")
        index[p.id] = k
    return index


def pair_indices(
    pairs: Iterable[Sequence[str]], index: Mapping[str, int], name: str
) -> list[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, of id pairs; refuse unknown ids, self-pairs, repeats."""
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


def distance_matrix(distances: Iterable[Sequence[Any]], index: Mapping[str, int]) -> FloatMatrix:
    """The symmetric score matrix of given ``[id_a, id_b, d]`` rows (missing pairs 0)."""
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
        if not is_number(d) or not math.isfinite(d):
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


def is_number(v: object) -> TypeGuard[int | float]:
    """True for ints and floats, not for booleans."""
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _attribute_distance(a: AttributeValue, b: AttributeValue, cap: float) -> float:
    """Distance in [0, 1] between two attribute values (0 when either is unknown).

    Texts and booleans: 1 when they differ. Numbers: ``min(|a - b|, cap) / cap``. Lists of
    texts: the Jaccard distance. Values of different kinds count as different.
    """
    if a is None or b is None:
        return 0.0
    if is_number(a) and is_number(b):
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
    index = index_people(people)
    return diversity_matrix(people, index, pair_indices(ties, index, "ties"), policy).tolist()


def diversity_matrix(
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
        numeric = [float(v) for v in values if is_number(v)]
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


def forbidden_matrix(
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


def group_size_from(group_size: GroupSize | tuple[int, int] | Mapping[str, int]) -> GroupSize:
    """Validated size bounds from a ``GroupSize``, a ``(min, max)`` pair or a mapping."""
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


def rules_for(policy: GroupPolicy, with_distances: bool) -> tuple[bool, bool]:
    """Whether to separate (line, unit): the policy's switches, else on without distances."""
    line = policy.separate_line if policy.separate_line is not None else not with_distances
    unit = policy.separate_unit if policy.separate_unit is not None else not with_distances
    return line, unit


def objective_of(W: FloatMatrix, labels: IntVector) -> float:
    """Sum of ``W`` over same-group pairs (the MDGP objective of a label vector).

    Examples
    --------
    >>> W = np.array([[0.0, 1.0, 5.0], [1.0, 0.0, 2.0], [5.0, 2.0, 0.0]])
    >>> objective_of(W, np.array([0, 1, 0]))
    5.0
    """
    same = labels[:, None] == labels[None, :]
    return float(np.triu(np.where(same, W, 0.0), 1).sum())


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
    index = index_people(people)
    tie_pairs = pair_indices(ties, index, "ties")
    if distances is not None:
        W = distance_matrix(distances, index)
    else:
        W = diversity_matrix(people, index, tie_pairs, policy)
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
    size = group_size_from(group_size)
    index = index_people(people)
    apart_pairs = pair_indices(apart, index, "apart")
    separate_line, separate_unit = rules_for(policy, with_distances)
    _F, why = forbidden_matrix(
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
