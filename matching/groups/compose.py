"""Compose learning networks: split sign-ups into diverse groups within size bounds.

HR composes cross-administration learning networks "after sign-up" (the brief, finding 5).
:func:`compose_groups` takes the sign-ups and returns groups that mix administrations, spread
experience and service types and avoid existing ties, never put a leader with their boss, a
colleague from their own unit, or an ``apart`` pair together, and keep every group within the
size bounds.

The scores and rules come from :mod:`matching.groups.model`; the engines from
:mod:`matching.groups.search`: an iterated local search after Lai & Hao's iterated maxima
search over the move and swap neighbourhoods of Gallego et al., with O(1) delta evaluation
from a numpy gain matrix; tiny instances (``<= exact_up_to`` people) are solved exactly by
enumerating every partition, and the result says so (``proven_optimal``).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np

from matching.errors import InputError
from matching.groups.model import (
    DEFAULT_GROUP_POLICY,
    BoolMatrix,
    FloatMatrix,
    Grouping,
    GroupPolicy,
    GroupSize,
    Person,
    distance_matrix,
    diversity_matrix,
    forbidden_matrix,
    group_size_from,
    index_people,
    is_number,
    objective_of,
    pair_indices,
    rules_for,
)
from matching.groups.search import (
    SearchState,
    exhaustive_search,
    feasible_group_counts,
    iterated_maxima_search,
)

__all__ = ["compose_groups", "default_rounds"]


def default_rounds(n: int) -> int:
    """A round budget for reproducible runs: ``max(2000, 40 * n)`` local searches.

    Chosen so that 120 people finish in about 4-5 s on one 2020s laptop core, inside the
    default 10 s limit; pass it as ``rounds`` when the result must depend on the input and the
    seed only (tests, a run to repeat). Without ``rounds`` the search uses all its time.

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
    of the time (or of the round budget) screens candidate numbers of groups; the rest
    improves the best.

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
        Wall-clock limit of the search. Without ``rounds`` the search runs until this limit
        (``stopped_by == "time"``): the longer, the better the grouping.
    rounds : int, optional
        Budget of local-search rounds, for reproducible runs: the search stops after this many
        rounds, so the result is a function of the input and ``seed`` alone, unless the time
        limit comes first (``stopped_by == "time"``). :func:`default_rounds` gives a budget
        that fits the default limit. ``None`` (the default): no budget, time alone decides.
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
    size = group_size_from(group_size)
    n = len(people)
    if n == 0:
        raise InputError("people", "no people to group")
    W, F, why, (separate_line, separate_unit) = _scores_and_rules(
        people, apart=apart, ties=ties, distances=distances, policy=policy
    )

    def infeasible(*, proven: bool = True) -> InputError:
        # blame ``apart`` when only apart pairs are forbidden, else the people's own rules
        field = "apart" if all(r == "apart" for r in why.values()) else "people"
        message = _infeasible_message(n, size, separate_line, separate_unit, proven=proven)
        return InputError(field, message)

    _check_options(n, size, time_limit_s=time_limit_s, rounds=rounds)
    if seed is None:
        seed = int(np.random.SeedSequence().generate_state(1)[0])
    rng = np.random.default_rng(seed)

    if n <= exact_up_to:
        found = exhaustive_search(W, F, size.min, size.max)
        if found is None:
            raise infeasible()
        return _grouping(people, np.array(found.labels), W, started, True, 0, "optimal", seed)

    counts = _candidate_counts(n, size, W, _largest_unit_clique(F) if F.any() else 1)
    if not counts:
        raise infeasible()
    state, done, stopped_by = _search_counts(
        W,
        F,
        counts,
        size,
        rng,
        budget=None if rounds is None else int(rounds),
        started=started,
        time_limit_s=float(time_limit_s),
    )
    labels = state.labels
    if (F & (labels[:, None] == labels[None, :])).any():
        raise infeasible(proven=False)
    return _grouping(people, labels, W, started, False, done, stopped_by, seed)


def _scores_and_rules(
    people: Sequence[Person],
    *,
    apart: Iterable[Sequence[str]],
    ties: Iterable[Sequence[str]],
    distances: Iterable[Sequence[Any]] | None,
    policy: GroupPolicy,
) -> tuple[FloatMatrix, BoolMatrix, dict[tuple[int, int], str], tuple[bool, bool]]:
    """Pair scores, forbidden pairs (and the rule behind each), and the (line, unit) switches."""
    index = index_people(people)
    apart_pairs = pair_indices(apart, index, "apart")
    tie_pairs = pair_indices(ties, index, "ties")
    if distances is not None:
        W = distance_matrix(distances, index)
    else:
        W = diversity_matrix(people, index, tie_pairs, policy)
    separate_line, separate_unit = rules_for(policy, distances is not None)
    F, why = forbidden_matrix(
        people, index, apart_pairs, separate_line=separate_line, separate_unit=separate_unit
    )
    return W, F, why, (separate_line, separate_unit)


def _check_options(n: int, size: GroupSize, *, time_limit_s: float, rounds: int | None) -> None:
    if not is_number(time_limit_s) or not (time_limit_s > 0):
        raise InputError("time_limit_s", f"must be a positive number, got {time_limit_s!r}")
    if rounds is not None and (isinstance(rounds, bool) or rounds < 1):
        raise InputError("max_rounds", f"must be a positive integer, got {rounds!r}")
    if not feasible_group_counts(n, size.min, size.max):
        raise InputError(
            "group_size",
            f"{n} people cannot be split into groups of {size.min} to {size.max}",
        )


def _search_counts(
    W: FloatMatrix,
    F: BoolMatrix,
    counts: Sequence[int],
    size: GroupSize,
    rng: np.random.Generator,
    *,
    budget: int | None,
    started: float,
    time_limit_s: float,
) -> tuple[SearchState, int, str]:
    """Iterated maxima search over the candidate numbers of groups; best state, rounds, stop.

    With several counts, each gets an equal share of the first 10% of the time (and of the
    rounds, with a budget) to screen it; the best screened state is then improved with the
    rest. ``budget=None`` searches until the deadline.
    """
    deadline = started + time_limit_s
    unlimited = budget is None
    if budget is None:
        budget = sys.maxsize
    # A penalty larger than any achievable positive score makes every violation cost more
    # than all diversity together, so the search removes violations first.
    penalty = float(np.clip(W, 0.0, None).sum()) / 2.0 + 1.0
    Wp = W - penalty * F
    if len(counts) == 1:
        return iterated_maxima_search(
            Wp, counts[0], size.min, size.max, rng, rounds=budget, deadline=deadline
        )
    done = 0
    screen = sys.maxsize if unlimited else max(1, budget // (10 * len(counts)))
    best = None
    for x, k in enumerate(counts):
        # each count gets an equal share of the first 10% of the time
        share = started + time_limit_s * 0.1 * (x + 1) / len(counts)
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
    return (best if best.value > state.value else state), done, stopped_by


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
