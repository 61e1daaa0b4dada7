"""Search engines behind :func:`matching.groups.compose.compose_groups`.

The engines work on a dense score matrix ``W`` (``n x n``, symmetric, zero diagonal) and a
boolean matrix ``forbidden`` of pairs that must not share a group (both built by
:mod:`matching.groups.model`). A grouping is a label vector ``labels`` (person -> group index).
The objective is the maximally diverse grouping problem (MDGP): the sum of ``W[i, j]`` over
pairs ``i < j`` with the same label (:func:`matching.groups.model.objective_of`).

Two engines:

* :func:`exhaustive_search` enumerates every partition (restricted growth strings) with size
  and forbidden-pair pruning: exact, for tiny instances.
* :func:`iterated_maxima_search` is an iterated local search after Lai & Hao (2016): steepest
  ascent over the move and swap neighbourhoods with numpy delta evaluation, weak perturbations
  between nearby local maxima and a strong perturbation of the best state after a run of
  non-improving rounds.
  Forbidden pairs are handled by a penalty larger than the whole positive score, so the search
  removes every violation it can before it looks at diversity.

The gain matrix ``C[i, g] = sum(W[i, j] for j in group g)`` makes every delta O(1):
moving ``i`` from ``a`` to ``b`` changes the objective by ``C[i, b] - C[i, a]``; swapping
``i`` (in ``a``) with ``j`` (in ``b``) by ``C[i, b] - C[i, a] + C[j, a] - C[j, b] - 2 W[i, j]``;
applying a move updates ``C`` in O(n).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from matching.groups.model import BoolMatrix, FloatMatrix, IntVector

__all__ = [
    "SearchResult",
    "SearchState",
    "exhaustive_search",
    "feasible_group_counts",
    "initial_labels",
    "iterated_maxima_search",
    "violations_of",
]


@dataclass(frozen=True, slots=True)
class SearchResult:
    """The best labels an engine found and how it stopped."""

    labels: tuple[int, ...]
    value: float  # objective under the penalised matrix (violations included)
    violations: int  # forbidden pairs sharing a group
    rounds: int  # local-search rounds run (0 for the exhaustive engine)
    stopped_by: str  # "optimal" | "rounds" | "time"


def feasible_group_counts(n: int, lo: int, hi: int) -> list[int]:
    """Numbers of groups ``k`` for which ``n`` people split into sizes within ``[lo, hi]``."""
    if n == 0:
        return []
    return [k for k in range(1, n + 1) if k * lo <= n <= k * hi]


def violations_of(forbidden: BoolMatrix, labels: IntVector) -> int:
    """Number of forbidden pairs that share a group."""
    same = labels[:, None] == labels[None, :]
    return int(np.triu(same & forbidden, 1).sum())


# --------------------------------------------------------------------------- exhaustive


def exhaustive_search(
    W: FloatMatrix, forbidden: BoolMatrix, lo: int, hi: int
) -> SearchResult | None:
    """Return a best partition by enumeration, or ``None`` when no feasible partition exists.

    People are placed in index order into an existing group (with room and no forbidden
    partner) or a new one; a branch is cut when the people left cannot bring every open group
    up to ``lo``. Ties keep the first partition found, so the result is deterministic.
    """
    n = W.shape[0]
    w = W.tolist()
    bad = forbidden.tolist()
    members: list[list[int]] = []
    labels = [0] * n
    best_value = -np.inf
    best_labels: list[int] | None = None

    def place(i: int, value: float, deficit: int) -> None:
        # deficit: people still needed to bring every open group up to lo
        nonlocal best_value, best_labels
        left = n - i
        if deficit > left:
            return
        if i == n:
            if value > best_value:
                best_value = value
                best_labels = labels.copy()
            return
        wi = w[i]
        bi = bad[i]
        for g, group in enumerate(members):
            if len(group) >= hi or any(bi[m] for m in group):
                continue
            gain = 0.0
            for m in group:
                gain += wi[m]
            labels[i] = g
            group.append(i)
            place(i + 1, value + gain, deficit - (1 if len(group) <= lo else 0))
            group.pop()
        # open a new group with i in it
        if deficit + lo - 1 <= left - 1:
            labels[i] = len(members)
            members.append([i])
            place(i + 1, value, deficit + lo - 1)
            members.pop()

    place(0, 0.0, 0)
    if best_labels is None:
        return None
    return SearchResult(tuple(best_labels), float(best_value), 0, 0, "optimal")


# --------------------------------------------------------------------------- local search


class SearchState:
    """A grouping with its gain matrix, kept consistent under moves and swaps."""

    __slots__ = ("C", "W", "k", "labels", "sizes", "value")

    def __init__(self, W: FloatMatrix, labels: IntVector, k: int) -> None:
        self.W = W
        self.k = k
        self.labels = labels.copy()
        onehot = np.zeros((W.shape[0], k))
        onehot[np.arange(W.shape[0]), labels] = 1.0
        self.C: FloatMatrix = W @ onehot
        self.sizes: IntVector = np.bincount(labels, minlength=k).astype(np.int64)
        self.value = float(self.C[np.arange(W.shape[0]), labels].sum() / 2.0)

    def copy(self) -> SearchState:
        other = SearchState.__new__(SearchState)
        other.W = self.W
        other.k = self.k
        other.labels = self.labels.copy()
        other.C = self.C.copy()
        other.sizes = self.sizes.copy()
        other.value = self.value
        return other

    def move(self, i: int, b: int) -> None:
        a = int(self.labels[i])
        self.value += float(self.C[i, b] - self.C[i, a])
        col = self.W[:, i]
        self.C[:, a] -= col
        self.C[:, b] += col
        self.labels[i] = b
        self.sizes[a] -= 1
        self.sizes[b] += 1

    def swap(self, i: int, j: int) -> None:
        a = int(self.labels[i])
        b = int(self.labels[j])
        C = self.C
        self.value += float(C[i, b] - C[i, a] + C[j, a] - C[j, b] - 2.0 * self.W[i, j])
        diff = self.W[:, i] - self.W[:, j]
        C[:, a] -= diff
        C[:, b] += diff
        self.labels[i] = b
        self.labels[j] = a

    def resync(self) -> None:
        """Recompute ``C`` and the value from scratch (bounds float drift on long runs)."""
        fresh = SearchState(self.W, self.labels, self.k)
        self.C = fresh.C
        self.value = fresh.value


def _local_search(s: SearchState, lo: int, hi: int, eps: float) -> None:
    """Steepest ascent over move and swap neighbourhoods until no move improves by > eps."""
    n = s.W.shape[0]
    idx = np.arange(n)
    W2 = 2.0 * s.W
    while True:
        labels = s.labels
        C = s.C
        own = C[idx, labels]
        # swaps: A[i, j] = C[i, g(j)] - C[i, g(i)]; delta = A + A.T - 2 W
        A = C[:, labels] - own[:, None]
        S = A + A.T - W2
        S[labels[:, None] == labels[None, :]] = -np.inf
        flat = int(np.argmax(S))
        best_swap = S.flat[flat]
        best_move = -np.inf
        if lo < hi:
            can_leave = s.sizes[labels] > lo
            can_enter = s.sizes < hi
            if can_leave.any() and can_enter.any():
                M = C - own[:, None]
                M[~can_leave, :] = -np.inf
                M[:, ~can_enter] = -np.inf
                M[idx, labels] = -np.inf
                mflat = int(np.argmax(M))
                best_move = M.flat[mflat]
        if max(best_swap, best_move) <= eps:
            return
        if best_move >= best_swap:
            i, b = divmod(mflat, s.k)
            s.move(i, b)
        else:
            i, j = divmod(flat, n)
            s.swap(i, j)


def _perturb(s: SearchState, strength: int, lo: int, hi: int, rng: np.random.Generator) -> None:
    """Apply ``strength`` random swaps (and, when sizes allow, moves) between groups."""
    n = s.W.shape[0]
    if s.k < 2:
        return
    for _ in range(strength):
        i = int(rng.integers(n))
        if lo < hi and rng.random() < 0.3:
            a = int(s.labels[i])
            if s.sizes[a] > lo:
                room = np.flatnonzero(s.sizes < hi)
                room = room[room != a]
                if room.size:
                    s.move(i, int(room[rng.integers(room.size)]))
                    continue
        others = np.flatnonzero(s.labels != s.labels[i])
        j = int(others[rng.integers(others.size)])
        s.swap(i, j)


def initial_labels(n: int, k: int, rng: np.random.Generator) -> IntVector:
    """A random grouping into ``k`` groups of sizes ``floor(n/k)`` or ``ceil(n/k)``."""
    base, extra = divmod(n, k)
    sizes = [base + 1] * extra + [base] * (k - extra)
    labels = np.repeat(np.arange(k), sizes)
    return rng.permutation(labels).astype(np.int64)


# Tuning of the search (see bench/groups.py); module constants so experiments can vary them.
ALPHA_PER_PERSON = 0.5  # rounds without a new best before a strong perturbation, per person
STRONG_FRACTION = 0.25  # share of people changed by a strong perturbation
WEAK_MIN, WEAK_SPAN = 2, 2  # a weak perturbation makes 2-3 random changes
RESTART_FROM_BEST = True  # strong perturbation from the best state (better in bench runs)


def iterated_maxima_search(
    W: FloatMatrix,
    k: int,
    lo: int,
    hi: int,
    rng: np.random.Generator,
    *,
    rounds: int,
    deadline: float,
    start: IntVector | None = None,
) -> tuple[SearchState, int, str]:
    """Iterated maxima search for ``k`` groups; return the best state, rounds run, stop reason.

    One *round* is one perturbation followed by one local search. A round of weak perturbation
    (2-3 random changes) is accepted when it does not lower the current value, which lets the
    search walk across plateaus of equal local maxima; after ``alpha`` rounds without a new
    best, a strong perturbation (about a quarter of the people) of the best state so far
    restarts the walk nearby.
    """
    n = W.shape[0]
    scale = float(np.abs(W).max()) if n else 0.0
    eps = 1e-9 * (1.0 + scale)
    labels0 = start if start is not None else initial_labels(n, k, rng)
    cur = SearchState(W, labels0, k)
    _local_search(cur, lo, hi, eps)
    best = cur.copy()
    alpha = max(20, int(n * ALPHA_PER_PERSON))
    strong = max(3, int(n * STRONG_FRACTION))
    stale = 0
    done = 0
    stopped_by = "rounds"
    while done < rounds:
        if time.perf_counter() >= deadline:
            stopped_by = "time"
            break
        done += 1
        cand = cur.copy()
        if stale >= alpha:
            if RESTART_FROM_BEST:
                cand = best.copy()
            _perturb(cand, strong, lo, hi, rng)
            stale = 0
            _local_search(cand, lo, hi, eps)
            cur = cand
        else:
            _perturb(cand, WEAK_MIN + int(rng.integers(WEAK_SPAN)), lo, hi, rng)
            _local_search(cand, lo, hi, eps)
            if cand.value >= cur.value - eps:
                cur = cand
        if cur.value > best.value + eps:
            cur.resync()
            best = cur.copy()
            stale = 0
        else:
            stale += 1
    return best, done, stopped_by
