"""Ranked suggestions for self-matching, and a match run's assignment with its suggestions.

:func:`suggest_mentors` ranks each open mentee's best allowed mentors with free capacity.
:func:`assign_and_suggest` gives what :func:`matching.assign_mentors` and
:func:`suggest_mentors` give for the same problem, but prepares and screens it once: the
assignment's screening already keeps each mentee's best mentors with a bound on every pair left
out, so a mentee's suggestions come from those candidates whenever the bound proves that no
pair left out could be among them, and from the full row of scores otherwise.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray

from matching._blas import single_threaded_blas
from matching.assign import (
    _CANDIDATES,
    FloatArray,
    IntArray,
    _assignment,
    _blocks,
    _Candidates,
    _explain_unmatched,
    _open_rows,
    _pairs,
    _prepare,
    _Prepared,
    _top_candidates,
)
from matching.model import DEFAULT_POLICY, Assignment, Policy, Problem, Suggestion
from matching.scoring import ModelScorer

__all__ = ["assign_and_suggest", "suggest_mentors"]


def suggest_mentors(problem: Problem, *, policy: Policy = DEFAULT_POLICY) -> tuple[Suggestion, ...]:
    """Rank the ``policy.top_n`` best mentors for each mentee without a fixed mentor.

    For self-matching: only mentors allowed by the hard rules and with free capacity (after
    fixed pairs) are listed, best score first, ties by mentor id; the score includes the load
    of the mentor's current mentees. Under the score objective only positive scores are
    listed. A mentee with no suggestion gets the reason and what would help.

    Parameters
    ----------
    problem : Problem
        As for :func:`matching.assign_mentors`.
    policy : Policy, optional
        ``top_n``, objective, hard-rule switches and weights.

    Returns
    -------
    tuple of Suggestion
        One per mentee without a fixed mentor, sorted by mentee id.

    References
    ----------
    .. [1] A. E. Roth, "Who Gets What - and Why", Houghton Mifflin Harcourt (2015): offering
       a short ranked list keeps self-matching markets thick without overwhelming choosers.

    Examples
    --------
    >>> from matching.model import Mentee, Mentor, Policy, Problem
    >>> problem = Problem(
    ...     mentees=(Mentee("A", administration="Kultur", needs={"budget": 1.0}),),
    ...     mentors=(Mentor("M1", capacity=1, administration="Social",
    ...                     strengths={"budget": 0.5}),
    ...              Mentor("M2", capacity=1, administration="Social",
    ...                     strengths={"budget": 1.0}),
    ...              Mentor("M3", capacity=1, administration="Kultur")))
    >>> [(p.mentor, p.score) for p in suggest_mentors(problem)[0].mentors]
    [('M2', 5.0), ('M1', 3.0)]
    """
    with single_threaded_blas():
        prep = _prepare(problem, policy)
        open_rows = _open_rows(prep)
        return _suggestions(prep, open_rows, *_exact_top(prep, open_rows))


def assign_and_suggest(
    problem: Problem, *, policy: Policy = DEFAULT_POLICY, candidates: int = _CANDIDATES
) -> tuple[Assignment, tuple[Suggestion, ...]]:
    """``(assign_mentors(problem), suggest_mentors(problem))``, validating and screening once.

    A match run needs both. The assignment's screening keeps each open mentee's best
    ``candidates`` mentors and an upper bound of the net score of every mentor left out (the
    very screening :func:`matching.assign_mentors` does, so the assignment is the same one even
    among equally good optima); a mentee's suggestions are ranked among its candidates, by the
    score each pair is shown with, when its ``top_n``-th suggestion scores above that bound or
    nothing left out could be listed at all; only the other mentees' rows are scored in full.
    The result equals the two calls' (``tests/matching/test_assign_and_suggest.py``).

    Examples
    --------
    >>> from matching.model import Mentee, Mentor, Problem
    >>> problem = Problem(
    ...     mentees=(Mentee("A", administration="Kultur", needs={"budget": 1.0}),),
    ...     mentors=(Mentor("M1", capacity=1, administration="Social",
    ...                     strengths={"budget": 0.5}),
    ...              Mentor("M2", capacity=1, administration="Social",
    ...                     strengths={"budget": 1.0})))
    >>> assignment, suggestions = assign_and_suggest(problem)
    >>> assignment.pairs[0].mentor, [p.mentor for p in suggestions[0].mentors]
    ('M2', ['M2', 'M1'])
    """
    with single_threaded_blas():
        prep = _prepare(problem, policy)
        open_rows = _open_rows(prep)
        if len(open_rows) == 0 or not prep.mentors:
            return _assignment(prep, candidates), _suggestions(
                prep, open_rows, *_exact_top(prep, open_rows)
            )
        cand = _top_candidates(prep, open_rows, max(1, candidates))
        rows, cols, unsure = _top_from_candidates(prep, open_rows, cand)
        if len(unsure):
            more_rows, more_cols = _exact_top(prep, unsure)
            rows, cols = np.concatenate((rows, more_rows)), np.concatenate((cols, more_cols))
            order = np.argsort(rows, kind="stable")  # each row's own order is kept
            rows, cols = rows[order], cols[order]
        suggestions = _suggestions(prep, open_rows, rows, cols)
        return _assignment(prep, candidates, cand), suggestions


_TIE = 1e-9  # relative: products, pair sums and the shown scores differ far less than this


def _hair(cut: FloatArray) -> FloatArray:
    """How far below a cut a value may be and still tie with it (``-inf`` cuts: none)."""
    return _TIE * (1.0 + np.abs(np.where(np.isfinite(cut), cut, 0.0)))


def _exact_top(prep: _Prepared, rows: IntArray) -> tuple[IntArray, IntArray]:
    """The ``top_n`` suggested mentors of each mentee in ``rows`` from its full row of scores:
    parallel arrays (mentee, mentor), grouped by mentee in ``rows``' order, best first.

    The row picks out the mentors within a hair of its ``top_n``-th value, and :func:`_ranked`
    orders those by the score a user is shown, as the one pass does.
    """
    top_n = prep.policy.top_n
    picked_rows: list[IntArray] = []
    picked_cols: list[IntArray] = []
    for block in _blocks(rows, prep.scorer.m):
        net = prep.scorer.rows(block) - prep.penalty
        for k, i in enumerate(block.tolist()):
            cols = np.flatnonzero(np.isfinite(net[k])).astype(np.intp)
            if len(cols) > top_n:
                values = net[k][cols]
                cut = np.partition(values, len(cols) - top_n)[len(cols) - top_n]
                cols = cols[values >= cut - _hair(np.array(cut))]
            picked_rows.append(np.full(len(cols), i, dtype=np.intp))
            picked_cols.append(cols)
    if not picked_rows:
        return np.zeros(0, dtype=np.intp), np.zeros(0, dtype=np.intp)
    out_rows, out_cols, _, rank = _ranked(
        prep, np.concatenate(picked_rows), np.concatenate(picked_cols)
    )
    keep = rank < top_n
    order = np.argsort(np.searchsorted(rows, out_rows[keep]), kind="stable")
    return out_rows[keep][order], out_cols[keep][order]


def _near_top(rows: IntArray, values: FloatArray, top_n: int) -> NDArray[np.bool_]:
    """Which pairs score within a hair of their mentee's ``top_n``-th best value (all of a
    mentee's pairs when it has no more than ``top_n``): :func:`_exact_top`'s pick, for many
    mentees at once."""
    if len(rows) == 0:
        return np.zeros(0, dtype=bool)
    _, mentee = np.unique(rows, return_inverse=True)
    order = np.lexsort((-values, mentee))
    rank = np.empty(len(rows), dtype=np.intp)
    rank[order] = np.arange(len(rows)) - np.searchsorted(mentee[order], mentee[order])
    cut = np.full(int(mentee.max()) + 1, -np.inf)
    last = rank == top_n - 1
    cut[mentee[last]] = values[last]
    cut = cut[mentee]
    return values >= cut - _hair(cut)


def _shown_scores(prep: _Prepared, rows: IntArray, cols: IntArray) -> FloatArray:
    """The score each pair is shown with (as :func:`matching.assign._pairs` gives it: the
    exact sum of its components, the load of the mentor's current mentees included)."""
    comps = prep.scorer.components(rows, cols)
    if isinstance(prep.scorer, ModelScorer):
        comps["load"] = 0.0 - prep.load * prep.first[cols].astype(float)
    columns = [v.tolist() for v in comps.values()]
    return np.array([math.fsum(parts) for parts in zip(*columns, strict=True)], dtype=float)


def _ranked(
    prep: _Prepared, rows: IntArray, cols: IntArray
) -> tuple[IntArray, IntArray, FloatArray, IntArray]:
    """The pairs that may be suggested (a mentor with free capacity; a positive score under
    the score objective) by mentee, best shown score first, ties by mentor id: ``(rows,
    cols, shown scores, rank within the mentee's list)``."""
    shown = _shown_scores(prep, rows, cols)
    listed = np.isfinite(prep.penalty[cols])
    listed &= shown > 0 if prep.policy.objective == "score" else np.isfinite(shown)
    rows, cols, shown = rows[listed], cols[listed], shown[listed]
    order = np.lexsort((cols, -shown, rows))
    rows, cols, shown = rows[order], cols[order], shown[order]
    return rows, cols, shown, np.arange(len(rows)) - np.searchsorted(rows, rows)


def _top_from_candidates(
    prep: _Prepared, open_rows: IntArray, cand: _Candidates
) -> tuple[IntArray, IntArray, IntArray]:
    """Suggestions ranked among the screened candidates, and the open mentees (``unsure``)
    whose candidates cannot prove their list: returns ``(rows, cols, unsure)``.

    A full list is proven when the screening's bound puts every mentor left out below its
    last suggestion; a short one when nothing left out could be listed at all.
    """
    top_n = prep.policy.top_n
    net = cand.scores - prep.penalty[cand.cols]
    finite = np.isfinite(net)
    rows, cols = cand.rows[finite], cand.cols[finite]
    near = _near_top(rows, net[finite], top_n)
    rows, cols, shown, rank = _ranked(prep, rows[near], cols[near])
    floor = 0.0 if prep.policy.objective == "score" else -np.inf
    last = rank == top_n - 1
    local_last = np.searchsorted(open_rows, rows[last])
    bound = np.full(len(open_rows), floor)
    bound[local_last] = shown[last] - _hair(shown[last])
    full = np.zeros(len(open_rows), dtype=bool)
    full[local_last] = True
    sure = np.where(full, cand.threshold < bound, cand.threshold <= floor)
    keep = (rank < top_n) & sure[np.searchsorted(open_rows, rows)]
    return rows[keep], cols[keep], open_rows[~sure]


def _suggestions(
    prep: _Prepared, open_rows: IntArray, rows: IntArray, cols: IntArray
) -> tuple[Suggestion, ...]:
    """One :class:`Suggestion` per open mentee from the ranked pairs ``(rows, cols)`` (grouped
    by mentee in ``open_rows``' order); a mentee with none gets the reason and what would help."""
    pairs = _pairs(prep, rows, cols, prep.first[cols])
    starts = np.searchsorted(rows, open_rows, side="left")
    ends = np.searchsorted(rows, open_rows, side="right")
    missing = open_rows[starts == ends]
    reasons = {}
    if len(missing):
        reasons = {u.mentee: u.reason for u in _explain_unmatched(prep, missing, prep.first)}
    out = []
    for i, start, end in zip(open_rows.tolist(), starts.tolist(), ends.tolist(), strict=True):
        mentee = prep.mentees[i].id
        out.append(Suggestion(mentee, tuple(pairs[start:end]), reasons.get(mentee)))
    return tuple(out)
