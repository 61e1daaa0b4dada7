"""Assignment when the given scores are too many to hold: screened pairs and passes over them.

A streamed ``scores`` array (:class:`~matching.screen.StreamedTable`) keeps each mentee's best
pairs and a bound on the scores of the pairs it left out, as the model scorer's screening
does (:mod:`matching.assign`). The kept pairs are solved exactly (:mod:`matching.solver`);
the dual potentials then prove that no pair left out could improve the assignment: a pair of
mentee ``i`` left out scores at most ``bound_i``, and it cannot improve when
``bound_i <= u_i + V_j`` for every mentor ``j``; as ``V_j >= 0``, ``bound_i <= u_i`` suffices.
Mentees failing that test get more of their pairs in a further pass over the file (all of
them when few mentees fail) and the problem is solved again; an unmatched mentee gets its
whole row, so that its reason counts every mentor as the whole-file path does. Hard rules,
fixed pairs and both objectives apply as in :func:`matching.assign_mentors`.
"""

from __future__ import annotations

import dataclasses

import numpy as np
from numpy.typing import NDArray

from matching._blas import single_threaded_blas
from matching.assign import (
    FloatArray,
    IntArray,
    _open_rows,
    _prepare,
    _Prepared,
    assignment_of,
)
from matching.model import DEFAULT_POLICY, Assignment, Policy, Problem, ScoreTable
from matching.screen import StreamedTable
from matching.solver import solve_slots
from matching.validate import validate_policy, validate_problem

__all__ = ["assign_screened"]

_BUDGET = 12_000_000  # pairs fetched in one further pass


def assign_screened(problem: Problem, *, policy: Policy = DEFAULT_POLICY) -> Assignment:
    """:func:`matching.assign_mentors` of a problem whose ``scores`` is a
    :class:`~matching.screen.StreamedTable`: the same checks (naming the first bad item of
    the whole array), an optimal assignment, and ``optimal`` only when proven over every
    pair of the array.

    Examples
    --------
    See ``tests/matching/test_streamed_scores.py``: the result equals the whole-file path's
    on random problems, under both objectives.
    """
    table = problem.scores
    assert isinstance(table, StreamedTable)
    validate_policy(policy)
    validate_problem(problem)
    with single_threaded_blas():
        return _Screened(problem, table, policy).run()


class _Screened:
    """The kept pairs by mentee code, the bound per code, and the loop of solves and passes."""

    def __init__(self, problem: Problem, table: StreamedTable, policy: Policy) -> None:
        self.problem, self.table, self.policy = problem, table, policy
        self.e, self.r, self.s = table.mentee_codes, table.mentor_codes, table.values
        self.bound = table.bound.copy()
        self.whole = np.isneginf(self.bound)  # codes whose every pair is held
        self._add_fixed()

    def _add_fixed(self) -> None:
        """Fixed pairs listed in the file but not kept (a rule check needs their score)."""
        if not self.problem.fixed:
            return
        ei = {name: c for c, name in enumerate(self.table.mentee_names)}
        ri = {name: c for c, name in enumerate(self.table.mentor_names)}
        pairs = [(ei[a], ri[b]) for a, b in self.problem.fixed if a in ei and b in ri]
        if not pairs:
            return
        e, r = (np.array(c, dtype=np.int32) for c in zip(*pairs, strict=True))
        width = max(len(ri), 1)
        held = np.isin(e.astype(np.int64) * width + r, self.e.astype(np.int64) * width + self.r)
        e, r = e[~held], r[~held]
        if len(e):
            s = self.table.rescan.find(e, r)
            listed = ~np.isnan(s)
            self._extend(e[listed], r[listed], s[listed])

    def _extend(self, e: NDArray[np.integer], r: NDArray[np.integer], s: FloatArray) -> None:
        self.e = np.concatenate((self.e, e.astype(np.int32)))
        self.r = np.concatenate((self.r, r.astype(np.int32)))
        self.s = np.concatenate((self.s, s))

    def _prepared(self) -> _Prepared:
        t = self.table
        kept = ScoreTable(t.mentee_names, self.e, t.mentor_names, self.r, self.s)
        return _prepare(dataclasses.replace(self.problem, scores=kept), self.policy)

    def run(self) -> Assignment:
        while True:
            prep = self._prepared()
            mentor, u, certified, tol = _solve(prep, self.table.low, self.table.high)
            code = {p.id: c for c, p in enumerate(prep.mentees)}
            rows_of = np.array(
                [code.get(name, -1) for name in self.table.mentee_names], dtype=np.intp
            )
            bound = np.full(len(prep.mentees), -np.inf)
            bound[rows_of] = self.bound
            whole = np.ones(len(prep.mentees), dtype=bool)
            whole[rows_of] = self.whole
            open_rows = _open_rows(prep)
            failing = open_rows[bound[open_rows] > u + tol] if certified else open_rows[:0]
            lonely = np.flatnonzero((mentor < 0) & ~whole)
            lonely = np.setdiff1d(lonely, [i for i, _ in prep.fixed])
            need = np.union1d(failing, lonely).astype(np.intp)
            if len(need) == 0:
                return _finish(prep, mentor, certified)
            by_row = np.full(len(prep.mentees), -1, dtype=np.intp)
            by_row[rows_of] = np.arange(len(rows_of))
            self._fetch(by_row[need], by_row[lonely])

    def _fetch(self, codes: IntArray, whole_codes: IntArray) -> None:
        """Another pass over the file: more pairs of mentee codes ``codes`` (every pair of
        ``whole_codes``, and of all of them when they are few)."""
        m = len(self.table.mentor_names)
        held = np.bincount(self.e, minlength=len(self.bound))
        keep = np.zeros(len(self.bound), dtype=np.intp)
        share = max(_BUDGET // max(len(codes), 1), 4 * int(held[codes].max(initial=1)))
        keep[codes] = min(m, share)
        keep[whole_codes] = m
        e, r, s, bound = self.table.rescan.best(keep)
        mine = keep[self.e] > 0
        self.e, self.r, self.s = self.e[~mine], self.r[~mine], self.s[~mine]
        self._extend(e, r, s)
        fetched = np.full(len(self.bound), -np.inf)
        fetched[: len(bound)] = bound
        self.bound[codes] = fetched[codes]
        self.whole[codes] = np.isneginf(self.bound[codes])


def _solve(prep: _Prepared, low: float, high: float) -> tuple[IntArray, FloatArray, bool, float]:
    """Mentor per mentee (-1: none), the open mentees' potentials ``u``, whether the
    solver's duals were verified on the kept pairs, and the tolerance of that check.

    As :func:`matching.assign._solve`, but the weight of leaving a mentee unmatched (the
    participation objective) is set from the lowest and highest score of the whole array, so
    that it outweighs every pair the file lists, kept or not.
    """
    n, m = len(prep.mentees), len(prep.mentors)
    mentor = np.full(n, -1, dtype=np.intp)
    for i, j in prep.fixed:
        mentor[i] = j
    open_rows = _open_rows(prep)
    if len(open_rows) == 0 or m == 0:
        return mentor, np.zeros(len(open_rows)), True, 0.0
    rows, cols, scores = prep.scorer.all_pairs()  # type: ignore[misc]
    keep = np.isin(rows, open_rows) & np.isfinite(prep.penalty[cols])
    rows, cols, scores = rows[keep], cols[keep], scores[keep]
    participation = prep.policy.objective == "participation"
    top, low = max(high, 0.0), min(low, 0.0)
    big = (len(open_rows) + 1) * (top - low) + abs(low) + 1.0 if participation else 0.0
    tol = 1e-9 * (1.0 + abs(top) + abs(low)) + 1e-13 * big
    sol = solve_slots(
        np.searchsorted(open_rows, rows),
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
    mentor[open_rows] = sol.mentor
    return mentor, sol.u, sol.certified, tol


def _finish(prep: _Prepared, mentor: IntArray, optimal: bool) -> Assignment:
    """The assignment with its pairs, reasons and unmatched mentees."""
    return assignment_of(prep, mentor, optimal)
