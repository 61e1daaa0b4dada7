"""Mentor assignment: the whole cohort and incremental rounds (suggestions: matching.suggest).

The pipeline is: validate, sort everything by id (so the same input gives the same output in
any order), score each mentee against every mentor in blocks keeping its best candidates,
solve the capacitated assignment exactly on the candidate graph (:mod:`matching.solver`), and
prove that no pair left out could improve it (reduced costs); pairs that could are added and
the graph solved again. The answer is marked ``optimal`` only when that proof succeeds.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from matching._blas import single_threaded_blas
from matching.errors import InputError
from matching.model import (
    DEFAULT_POLICY,
    Assignment,
    Mentee,
    Mentor,
    Pair,
    Policy,
    Problem,
    ScoreTable,
    Unmatched,
)
from matching.reasons import PairReasons, unmatched_reason
from matching.scoring import ModelScorer, Rules, Scorer, TableScorer
from matching.solver import solve_slots
from matching.validate import validate_policy, validate_problem

__all__ = ["assign_mentors"]

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.intp]

_BLOCK_CELLS = 4_000_000  # scores held at once while scanning (32 MB of float64)
_CANDIDATES = 24  # best mentors per mentee kept before the optimality proof
_THREADS = min(4, os.cpu_count() or 1)
_NO_SCORES = ScoreTable.from_columns((), (), ())


@dataclass(frozen=True, slots=True)
class _Prepared:
    """A validated problem in index space: mentees and mentors sorted by id."""

    mentees: tuple[Mentee, ...]
    mentors: tuple[Mentor, ...]
    scorer: Scorer
    fixed: tuple[tuple[int, int], ...]  # (mentee, mentor), sorted by mentee
    first: IntArray  # fixed mentees per mentor: the first free slot
    free: IntArray  # free slots per mentor
    capacity: IntArray
    load: float
    policy: Policy
    ties_given: bool

    @property
    def penalty(self) -> FloatArray:
        """Price of each mentor's first free slot; ``inf`` when the mentor is full."""
        return np.where(self.free > 0, self.load * self.first, np.inf)


def _prepare(problem: Problem, policy: Policy) -> _Prepared:
    validate_policy(policy)
    validate_problem(problem)
    mentees = tuple(sorted(problem.mentees, key=lambda p: p.id))
    mentors = tuple(sorted(problem.mentors, key=lambda p: p.id))
    ei = {p.id: i for i, p in enumerate(mentees)}
    ri = {p.id: j for j, p in enumerate(mentors)}
    rules = Rules(
        mentees,
        mentors,
        [(ei[a], ri[b]) for a, b in problem.forbidden],
        require_other_administration=policy.require_other_administration,
    )
    scorer: Scorer
    if problem.scores is not None:
        table = problem.scores
        if not isinstance(table, ScoreTable):
            table = ScoreTable.from_columns(*zip(*table, strict=True)) if table else _NO_SCORES
        # Codes index the distinct ids; map them once to positions in the sorted order.
        rows = np.array([ei[a] for a in table.mentee_names], dtype=np.intp)[table.mentee_codes]
        cols = np.array([ri[b] for b in table.mentor_names], dtype=np.intp)[table.mentor_codes]
        scorer = TableScorer(rules, rows, cols, table.values, len(mentees), len(mentors))
    else:
        # Nodes of the tie graph: mentees first, then mentors.
        node = {**ei, **{who: len(mentees) + j for who, j in ri.items()}}
        # Leaders outside the problem (the wider network) get nodes after the mentors.
        for a, b in problem.ties:
            node.setdefault(a, len(node))
            node.setdefault(b, len(node))
        ties = [(node[a], node[b]) for a, b in problem.ties]
        scorer = ModelScorer(rules, mentees, mentors, ties, policy, nodes=len(node))
    capacity = np.array([p.capacity for p in mentors], dtype=np.intp)
    first = np.zeros(len(mentors), dtype=np.intp)
    allowed = scorer.allowed_pairs(
        np.array([ei[a] for a, _ in problem.fixed], dtype=np.intp),
        np.array([ri[b] for _, b in problem.fixed], dtype=np.intp),
    )
    for k, (a, b) in enumerate(problem.fixed):
        if not allowed[k]:
            raise InputError(
                f"fixed[{k}]",
                f"{a!r} and {b!r} break a hard rule ({_broken_rule(scorer, ei[a], ri[b])})",
            )
        first[ri[b]] += 1
        if first[ri[b]] > capacity[ri[b]]:
            raise InputError(f"fixed[{k}]", f"overfills mentor {b!r} (capacity {capacity[ri[b]]})")
    fixed = tuple(sorted((ei[a], ri[b]) for a, b in problem.fixed))
    return _Prepared(
        mentees=mentees,
        mentors=mentors,
        scorer=scorer,
        fixed=fixed,
        first=first,
        free=capacity - first,
        capacity=capacity,
        load=0.0 if problem.scores is not None else policy.weights.load,
        policy=policy,
        ties_given=bool(problem.ties) and problem.scores is None,
    )


def _broken_rule(scorer: Scorer, i: int, j: int) -> str:
    rules = scorer.rules
    if rules.line[i, j]:
        return "one is in the other's line"
    if rules.forbidden[i, j]:
        return "the pair is forbidden"
    if rules.unit_e[i] == rules.unit_r[j]:
        return "same unit"
    if rules.adm_e[i] == rules.adm_r[j] and rules.require_other_administration:
        return "same administration"
    return "the pair has no score in scores"


def _blocks(rows: IntArray, m: int) -> Iterator[IntArray]:
    size = max(1, _BLOCK_CELLS // max(m, 1))
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


@dataclass(frozen=True, slots=True)
class _Candidates:
    rows: IntArray  # global mentee index
    cols: IntArray
    scores: FloatArray
    threshold: FloatArray  # per open mentee: best net score left out (-inf: none)


def _top_candidates(prep: _Prepared, open_rows: IntArray, count: int) -> _Candidates:
    """Each open mentee's ``count`` best allowed mentors with free capacity, by net score."""
    scorer, penalty = prep.scorer, prep.penalty
    positive_only = prep.policy.objective == "score"
    listed = scorer.all_pairs()
    if listed is not None:  # the caller listed every allowed pair: keep them all
        rows, cols, scores = listed
        net = scores - penalty[cols]
        keep = np.isin(rows, open_rows) & (net > 0 if positive_only else np.isfinite(net))
        return _Candidates(rows[keep], cols[keep], scores[keep], np.full(len(open_rows), -np.inf))
    m = scorer.m
    closed = prep.free <= 0

    def screen(block: IntArray) -> tuple[IntArray, IntArray, FloatArray]:
        # Screening in float32; exact scores of the kept pairs are computed afterwards, and
        # the margin keeps each threshold an upper bound of the exact scores left out.
        net = scorer.rows(block, screening=True)
        if closed.any():
            np.copyto(net, -np.inf, where=closed[None, :])
        if prep.first.any():
            net -= (prep.load * prep.first).astype(net.dtype)
        if m > count:
            part = np.argpartition(net, m - count - 1, axis=1)
            top = part[:, m - count :]
            left = np.take_along_axis(net, part[:, m - count - 1 : m - count], 1)[:, 0]
            threshold = left.astype(float) + scorer.screening_margin
        else:
            top = np.broadcast_to(np.arange(m), (len(block), m))
            threshold = np.full(len(block), -np.inf)
        ok = np.isfinite(np.take_along_axis(net, top, 1))
        return np.broadcast_to(block[:, None], top.shape)[ok], top[ok], threshold

    # numpy releases the GIL in products, comparisons and partitions: blocks run in parallel
    # (BLAS itself is single-threaded meanwhile, see matching._blas). One block runs inline:
    # starting threads costs more than a small problem.
    blocks = list(_blocks(open_rows, m))
    if len(blocks) == 1 or _THREADS == 1:
        screened = [screen(b) for b in blocks]
    else:
        with ThreadPoolExecutor(max_workers=_THREADS) as pool:
            screened = list(pool.map(screen, blocks))
    rows = np.concatenate([r for r, _, _ in screened]).astype(np.intp)
    cols = np.concatenate([c for _, c, _ in screened]).astype(np.intp)
    thresholds = np.concatenate([t for _, _, t in screened])
    return _Candidates(rows, cols, scorer.pair_scores(rows, cols), thresholds)


def _open_rows(prep: _Prepared) -> IntArray:
    """Mentees without a fixed mentor, in index (= id) order."""
    fixed = [i for i, _ in prep.fixed]
    return np.setdiff1d(np.arange(len(prep.mentees)), fixed).astype(np.intp)


def _solve(
    prep: _Prepared, candidates: int, cand: _Candidates | None = None
) -> tuple[IntArray, bool]:
    """Mentor of every mentee (fixed ones included; -1 if none) and whether proven optimal.

    ``cand`` are the screened candidates when the caller has them already (they are computed
    otherwise); any candidate set with valid thresholds gives the same result.
    """
    n, m = len(prep.mentees), len(prep.mentors)
    mentor = np.full(n, -1, dtype=np.intp)
    for i, j in prep.fixed:
        mentor[i] = j
    open_rows = _open_rows(prep)
    if len(open_rows) == 0 or m == 0:
        return mentor, True
    if cand is None:
        cand = _top_candidates(prep, open_rows, candidates)
    rows, cols, scores = cand.rows, cand.cols, cand.scores
    threshold = cand.threshold.copy()  # raised below as pairs join the graph
    participation = prep.policy.objective == "participation"
    net = scores - prep.load * prep.first[cols]
    # Screening may miss the best pair of a mentee by at most the margin.
    top = (float(net.max()) if len(net) else 0.0) + prep.scorer.screening_margin
    # Model scores are >= 0; listed scores are all candidates. Net scores fall by the load.
    low = min(float(scores.min()) if len(scores) else 0.0, 0.0)
    low -= prep.load * max(int(prep.capacity.max()) - 1, 0)
    big = (len(open_rows) + 1) * (top - low) + abs(low) + 1.0 if participation else 0.0
    tol = 1e-9 * (1.0 + abs(top) + abs(low)) + 1e-13 * big
    while True:
        local = np.searchsorted(open_rows, rows)
        sol = solve_slots(
            local,
            cols,
            scores,
            n=len(open_rows),
            free=prep.free,
            first=prep.first,
            load=prep.load,
            unmatched_weight=-big,
            positive_only=not participation,
            tol=tol,
        )
        if not sol.certified:
            optimal = False
            break
        failing = np.flatnonzero(threshold > sol.u + tol)
        found = _violations(prep, open_rows[failing], sol.u[failing], sol.V, rows, cols, tol)
        if found is None:
            optimal = True
            break
        add_rows, add_cols, add_scores, threshold[failing] = found
        rows = np.concatenate((rows, add_rows))
        cols = np.concatenate((cols, add_cols))
        scores = np.concatenate((scores, add_scores))
    mentor[open_rows] = sol.mentor
    return mentor, optimal


def _violations(
    prep: _Prepared,
    rows: IntArray,
    u: FloatArray,
    V: FloatArray,
    cand_rows: IntArray,
    cand_cols: IntArray,
    tol: float,
) -> tuple[IntArray, IntArray, FloatArray, FloatArray] | None:
    """Excluded pairs of mentees ``rows`` that may have a positive reduced cost ``s - V_j - u_i``.

    Screened scores are used with their margin, so every pair that truly violates is returned
    (with its exact score), plus maybe a few that do not, which only enlarges the graph. Also
    returns, per mentee, an upper bound of the net scores still excluded; or ``None`` when no
    pair can violate, which proves the current solution optimal.
    """
    if len(rows) == 0:
        return None
    scorer = prep.scorer
    m, margin = scorer.m, scorer.screening_margin
    present = sp.csr_matrix(
        (np.ones(len(cand_rows), dtype=bool), (cand_rows, cand_cols)), shape=(scorer.n, m)
    )
    found_r, found_c, thresholds = [], [], []
    offset = 0
    for block in _blocks(rows, m):
        S = scorer.rows(block, screening=True)
        known = present[block].tocoo()
        S[known.row, known.col] = -np.inf
        u_block = u[offset : offset + len(block), None]
        offset += len(block)
        bad = S - V[None, :] - u_block > tol - margin
        r, c = np.nonzero(bad)
        found_r.append(block[r])
        found_c.append(c)
        S[bad] = -np.inf
        thresholds.append((S - prep.penalty[None, :]).max(axis=1) + margin)
    add_rows = np.concatenate(found_r).astype(np.intp)
    if len(add_rows) == 0:
        return None
    add_cols = np.concatenate(found_c).astype(np.intp)
    return add_rows, add_cols, scorer.pair_scores(add_rows, add_cols), np.concatenate(thresholds)


def _load_ranks(prep: _Prepared, rows: IntArray, mentor: IntArray, base: FloatArray) -> IntArray:
    """Slot of each mentee at its mentor: fixed mentees first, then the weakest pairs first.

    Any order of a mentor's mentees gives the same total; weakest-first keeps every pair made
    under the score objective at a positive score (the solver used such an order).
    """
    fixed = np.isin(rows, [i for i, _ in prep.fixed])
    order = np.lexsort((np.arange(len(mentor)), base, ~fixed, mentor))
    ranks = np.zeros(len(mentor), dtype=np.intp)
    sorted_mentors = mentor[order]
    starts = np.searchsorted(sorted_mentors, sorted_mentors)
    ranks[order] = np.arange(len(order)) - starts
    return ranks


def _pairs(prep: _Prepared, rows: IntArray, cols: IntArray, ranks: IntArray) -> list[Pair]:
    """Pairs with components, scores and reasons; ``ranks`` counts earlier mentees."""
    comps = prep.scorer.components(rows, cols)
    if isinstance(prep.scorer, ModelScorer):
        comps["load"] = 0.0 - prep.load * ranks.astype(float)  # 0.0 - 0 is 0.0, never -0.0
    fixed = set(prep.fixed)
    names = list(comps)
    # Plain floats per component, read once per column rather than once per pair.
    columns = [np.asarray(v, dtype=float).tolist() for v in comps.values()]
    distance = prep.scorer.tie_distances(rows, cols).tolist()
    reasons_of = PairReasons(prep.mentees, prep.mentors, ties_given=prep.ties_given)
    per_pair = zip(*columns, strict=True) if columns else [()] * len(rows)
    out = []
    for i, j, tie, rank, values in zip(
        rows.tolist(), cols.tolist(), distance, ranks.tolist(), per_pair, strict=True
    ):
        parts = dict(zip(names, values, strict=True))
        is_fixed = (i, j) in fixed
        out.append(
            Pair(
                mentee=prep.mentees[i].id,
                mentor=prep.mentors[j].id,
                score=math.fsum(values),
                components=parts,
                reasons=reasons_of(
                    i, j, parts, tie_distance=tie, earlier_mentees=rank, fixed=is_fixed
                ),
                fixed=is_fixed,
            )
        )
    return out


def _explain_unmatched(prep: _Prepared, rows: IntArray, used: IntArray) -> list[Unmatched]:
    """Why each mentee in ``rows`` has no mentor, given the mentors' used capacity."""
    out = []
    full = used >= prep.capacity
    net_price = prep.load * used
    score_objective = prep.policy.objective == "score"
    for block in _blocks(rows, prep.scorer.m):
        S = prep.scorer.rows(block)
        for k, i in enumerate(block.tolist()):
            allowed = np.isfinite(S[k])
            blocked = prep.scorer.rules.blocked_counts(i)
            if isinstance(prep.scorer, TableScorer):
                blocked["not_scored"] = prep.scorer.not_scored_count(i)
            full_ids = _ranked(S[k], allowed & full)
            free = allowed & ~full
            best_free = None
            if free.any():
                j = int(_ranked(S[k] - net_price, free)[0])
                best_free = (prep.mentors[j].id, float(S[k, j] - net_price[j]))
            reason = unmatched_reason(
                prep.mentees[i],
                blocked=blocked,
                allowed=int(allowed.sum()),
                full=[prep.mentors[j].id for j in full_ids],
                best_free=best_free,
                score_objective=score_objective,
                require_other_administration=prep.policy.require_other_administration,
            )
            out.append(
                Unmatched(
                    mentee=prep.mentees[i].id,
                    reason=reason,
                    blocked=blocked,
                    full_candidates=tuple(prep.mentors[j].id for j in full_ids[:5]),
                )
            )
    return out


def _ranked(values: FloatArray, mask: NDArray[np.bool_], limit: int | None = None) -> IntArray:
    """Indices where ``mask`` holds, by value descending, ties by index (i.e. by id); only the
    first ``limit`` when given (found by partition, so a short list of a long row is cheap).

    Examples
    --------
    >>> values = np.array([1.0, 3.0, 2.0, 3.0, -np.inf])
    >>> _ranked(values, np.isfinite(values)).tolist(), _ranked(values, values > 0, 2).tolist()
    ([1, 3, 2, 0], [1, 3])
    """
    idx = np.flatnonzero(mask)
    if limit is not None and len(idx) > limit:
        # Keep every index scoring at least the limit-th best, ties at the cut included.
        cut = np.partition(values[idx], len(idx) - limit)[len(idx) - limit]
        idx = idx[values[idx] >= cut]
    ranked = idx[np.lexsort((idx, -values[idx]))]
    return ranked if limit is None else ranked[:limit]


def assign_mentors(
    problem: Problem, *, policy: Policy = DEFAULT_POLICY, candidates: int = _CANDIDATES
) -> Assignment:
    """Return an optimal assignment of mentees to mentors within capacities.

    Hard rules: a mentor is never in the mentee's line nor the mentee in the mentor's; never
    in the same unit; never a forbidden pair; by default (``policy.require_other_administration``)
    in another administration; never over capacity; fixed pairs are kept and use capacity.
    Objective ``"participation"`` matches as many mentees as possible and then maximises the
    total score; ``"score"`` maximises the total score and never makes a pair scoring <= 0.
    Scores come from the model in :class:`matching.scoring.ModelScorer` or, when
    ``problem.scores`` is given, from that list (the general capacitated assignment problem).

    Exact over all allowed pairs: each mentee keeps its ``candidates`` best mentors, the
    slot-expanded candidate graph is solved as a sparse linear assignment (LAPJVsp), and dual
    potentials rebuilt from the matching prove that no left-out pair has a positive reduced
    cost; pairs that have one are added and the graph solved again. ``optimal`` is true only
    when the proof succeeds. Every pair carries its components and reasons, every unmatched
    mentee a reason and what would help. The same input gives the same output.

    Parameters
    ----------
    problem : Problem
        Mentees, mentors, ties, forbidden and fixed pairs, optional given scores.
    policy : Policy, optional
        Objective, hard-rule switches and weights.
    candidates : int, optional
        Mentors per mentee kept before the proof; affects speed only, never the result.

    Returns
    -------
    Assignment
        Pairs sorted by mentee id (fixed pairs included), unmatched mentees, the total score
        and whether the assignment is proven optimal.

    Raises
    ------
    InputError
        On an invalid problem or policy, or a fixed pair that breaks a hard rule or overfills
        a mentor; ``field`` names the JSON path.

    References
    ----------
    .. [1] R. Jonker, A. Volgenant, "A shortest augmenting path algorithm for dense and
       sparse linear assignment problems", Computing 38 (1987) 325-340.
    .. [2] R. K. Ahuja, T. L. Magnanti, J. B. Orlin, "Network Flows", Prentice Hall (1993),
       sections 9.4 (reduced cost optimality) and 12.4 (the assignment problem).

    Examples
    --------
    >>> from matching.model import Mentee, Mentor, Problem
    >>> problem = Problem(
    ...     mentees=(Mentee("A", administration="Børn og Unge", needs={"budget": 1.0}),
    ...              Mentee("B", administration="Kultur", needs={"roster": 1.0})),
    ...     mentors=(Mentor("M1", capacity=1, administration="Kultur", strengths={"budget": 1.0}),
    ...              Mentor("M2", capacity=1, administration="Børn og Unge",
    ...                     strengths={"roster": 1.0})))
    >>> result = assign_mentors(problem)
    >>> [(p.mentee, p.mentor, p.score) for p in result.pairs], result.optimal
    ([('A', 'M1', 5.0), ('B', 'M2', 5.0)], True)
    >>> [(r.code, dict(r.params)) for r in result.pairs[0].reasons]
    [('covers', {'topics': ('budget',)}), ('other_administration', {'administration': 'Kultur'})]
    """
    with single_threaded_blas():
        return _assign(problem, policy, candidates)


def _assign(problem: Problem, policy: Policy, candidates: int) -> Assignment:
    return _assignment(_prepare(problem, policy), candidates)


def _assignment(prep: _Prepared, candidates: int, cand: _Candidates | None = None) -> Assignment:
    """The assignment of a prepared problem (``cand``: screened candidates, if at hand)."""
    mentor, optimal = _solve(prep, max(1, candidates), cand)
    return assignment_of(prep, mentor, optimal)


def assignment_of(prep: _Prepared, mentor: IntArray, optimal: bool) -> Assignment:
    """The assignment ``mentor`` (each mentee's mentor index, -1 for none) with its pairs,
    reasons and unmatched mentees."""
    rows = np.flatnonzero(mentor >= 0).astype(np.intp)
    cols = mentor[rows]
    base = prep.scorer.pair_scores(rows, cols)
    pairs = _pairs(prep, rows, cols, _load_ranks(prep, rows, cols, base))
    used = np.bincount(cols, minlength=len(prep.mentors))
    unmatched = _explain_unmatched(prep, np.flatnonzero(mentor < 0).astype(np.intp), used)
    return Assignment(
        pairs=tuple(pairs),
        unmatched=tuple(unmatched),
        total_score=math.fsum(p.score for p in pairs),
        optimal=optimal,
    )
