"""Exact capacitated assignment on a candidate graph, with an optimality certificate.

Why this solver: the problem is a maximum-weight b-matching on a bipartite graph with concave
(linear, decreasing) returns per mentor slot, which is a linear assignment problem once every
mentor is expanded into one column per free slot (slot ``k`` costs ``load * k`` more). The
slot-expanded graph is sparse (each mentee keeps a few dozen candidates), so SciPy's LAPJVsp
(:func:`scipy.sparse.csgraph.min_weight_full_bipartite_matching`, compiled, O(n E log n) in
practice far less) solves it in milliseconds to seconds, where a general min-cost flow in pure
Python or the blossom algorithm of ``networkx.max_weight_matching`` take minutes. A dummy
column per mentee lets every mentee stay unmatched at weight 0 (objective ``"score"``) or at a
penalty ``-M`` large enough to make participation lexicographically first.

LAPJVsp returns no dual solution, so we rebuild one: shortest alternating paths from every
column to a free column (a Bellman-Ford fixpoint, vectorised over the edges) give column
potentials ``v >= 0`` and mentee potentials ``u`` with ``u_i + v_c >= w_ic`` on every edge and
equality on the matching. Checking that inequality numerically certifies the matching optimal
on the candidate graph; the caller extends the certificate to pairs left out of the graph by
checking their reduced costs ``s_ij - V_j - u_i <= 0`` (LP duality; the assignment polytope is
integral).

References
----------
.. [1] R. Jonker, A. Volgenant, "A shortest augmenting path algorithm for dense and sparse
   linear assignment problems", Computing 38 (1987) 325-340.
.. [2] P. F. Crouse, "On implementing 2D rectangular assignment algorithms", IEEE Transactions
   on Aerospace and Electronic Systems 52(4) (2016).
.. [3] R. K. Ahuja, T. L. Magnanti, J. B. Orlin, "Network Flows", Prentice Hall (1993),
   ch. 9 and 12 (reduced costs, optimality conditions, assignment).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray
from scipy.sparse.csgraph import min_weight_full_bipartite_matching

__all__ = ["SlotSolution", "solve_slots"]

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.intp]


@dataclass(frozen=True, slots=True)
class SlotSolution:
    """Result of :func:`solve_slots` for ``n`` mentees and ``m`` mentors.

    ``mentor[i]`` is the mentor of mentee ``i`` or -1. ``u[i]`` is the mentee's dual potential
    and ``V[j] = min_k (v_jk + load * (first_j + k))`` the cheapest price of a slot of mentor
    ``j`` (``inf`` when the mentor is full), so a pair ``(i, j)`` outside the graph cannot
    improve the solution when ``score_ij <= u[i] + V[j]``. ``certified`` is true when the
    duals were verified feasible on every edge of the graph.
    """

    mentor: IntArray
    u: FloatArray
    V: FloatArray
    certified: bool


def solve_slots(
    rows: IntArray,
    cols: IntArray,
    scores: FloatArray,
    *,
    n: int,
    free: IntArray,
    first: IntArray,
    load: float,
    unmatched_weight: float,
    positive_only: bool,
    tol: float,
) -> SlotSolution:
    """Maximise the total weight of a capacitated assignment of ``n`` mentees.

    Pair ``(rows[e], cols[e])`` scores ``scores[e]``; mentor ``j`` has ``free[j]`` free slots and
    its ``k``-th free slot costs ``load * (first[j] + k)``. A mentee left unmatched scores
    ``unmatched_weight``. With ``positive_only`` a slot is used only at a positive net score.

    Examples
    --------
    >>> import numpy as np
    >>> sol = solve_slots(np.array([0, 0, 1]), np.array([0, 1, 0]), np.array([2.0, 1.0, 3.0]),
    ...                   n=2, free=np.array([1, 1]), first=np.array([0, 0]), load=0.0,
    ...                   unmatched_weight=0.0, positive_only=True, tol=1e-9)
    >>> sol.mentor.tolist(), sol.certified
    ([1, 0], True)
    """
    m = len(free)
    degree = np.bincount(cols, minlength=m)
    nslots = np.minimum(free, degree)  # more slots than candidates can never be used
    offset = np.concatenate(([0], np.cumsum(nslots)))
    total = int(offset[-1])
    reps = nslots[cols]
    edge = np.repeat(np.arange(len(rows)), reps)
    k = np.arange(len(edge)) - np.repeat(np.cumsum(reps) - reps, reps)
    e_rows, e_cols = rows[edge], offset[cols[edge]] + k
    e_w = scores[edge] - load * (first[cols[edge]] + k)
    if positive_only:
        keep = e_w > 0
        e_rows, e_cols, e_w = e_rows[keep], e_cols[keep], e_w[keep]
    # One dummy column per mentee: staying unmatched.
    e_rows = np.concatenate((e_rows, np.arange(n)))
    e_cols = np.concatenate((e_cols, total + np.arange(n)))
    e_w = np.concatenate((e_w, np.full(n, unmatched_weight)))
    top = float(e_w.max()) + 1.0 if n else 1.0
    graph = sp.csr_matrix((top - e_w, (e_rows, e_cols)), shape=(n, total + n))
    graph.sort_indices()
    if n:
        _, match = min_weight_full_bipartite_matching(graph)
    else:
        match = np.zeros(0, dtype=np.intp)
    u, D = _duals(graph, match, top, total, unmatched_weight)
    v = np.where(np.arange(total + n) < total, D, 0.0)
    slack = u[e_rows] + v[e_cols] - e_w
    certified = bool(np.all(slack >= -tol))
    slot_mentor = np.repeat(np.arange(m), nslots)
    mentor = np.full(n, -1, dtype=np.intp)
    real = match < total
    mentor[real] = slot_mentor[match[real]]
    # Cheapest slot price per mentor; slots never built are free (v = 0).
    V = np.where(free > nslots, load * (first + nslots), np.inf)
    slot_k = np.arange(total) - np.repeat(offset[:-1], nslots)
    np.minimum.at(V, slot_mentor, D[:total] + load * (first[slot_mentor] + slot_k))
    return SlotSolution(mentor=mentor, u=u, V=V, certified=certified)


def _duals(
    graph: sp.csr_matrix, match: IntArray, top: float, total: int, unmatched_weight: float
) -> tuple[FloatArray, FloatArray]:
    """Dual potentials of an optimal full matching of ``graph`` (costs ``top - w``).

    ``D[c]`` is the length of a shortest alternating path from column ``c`` to a free column
    (0 for free columns): row ``i = match^-1(c)`` leaves ``c`` for another neighbour ``c'``
    at cost ``cost(i, c') - cost(i, c)``. No negative cycle exists at an optimum, so the
    Bellman-Ford iteration below reaches the fixpoint within ``n + 1`` rounds; each round is
    one vectorised pass over the edges. Returns ``u`` (in weight units) and ``D``.
    """
    n = graph.shape[0]
    D = np.zeros(graph.shape[1])
    D[match] = np.inf
    if n == 0:
        return np.zeros(0), D
    starts = graph.indptr[:-1]
    cost_match = np.asarray(graph[np.arange(n), match]).ravel()
    for _ in range(n + 2):
        R = np.minimum.reduceat(graph.data + D[graph.indices], starts)
        D_next = D.copy()
        D_next[match] = R - cost_match
        if np.array_equal(D_next, D):
            break
        D = D_next
    u = top - cost_match - D[match]
    # A mentee left unmatched keeps the weight of staying so (its dummy column is priced 0).
    u[match >= total] = unmatched_weight
    return u, D
