"""Hard rules and the scoring model, vectorised over blocks of mentees.

The score of a pair is a sum of components (see :class:`ModelScorer`). Almost all of it is
*bilinear*: every mentee gets a feature row ``F[i]`` and every mentor a row ``G[j]`` such that
``F[i] @ G[j]`` is the score, so a block of rows costs one BLAS matrix product. Only the
organisation tree (administration, department, unit) is compared elementwise on integer codes,
because it has thousands of nodes nationally; and the leader network adds a sparse correction.

The organisation tree has a fixed depth (municipality, administration, department, unit), so
the lowest common ancestor of two leaders, and with it the graded distance, follows from
comparing the codes of their ancestors; no per-pair tree search is needed. The leader network
is an undirected graph whose distances up to 2 come from sparse adjacency products.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from matching.model import EDUCATION_LEVELS, Context, Mentee, Mentor, Policy

__all__ = ["ModelScorer", "Rules", "Scorer", "TableScorer"]

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.intp]
BoolArray = NDArray[np.bool_]

# Parts of the context component; they sum to 1 so the component lies in [0, weights.context].
_SERVICE_TYPE, _STAFF, _SITES, _ROUND_THE_CLOCK, _SPECIALIST = 0.25, 0.25, 0.15, 0.2, 0.15
# Parts of the experience component: years more than the mentee (up to 10) and education.
_YEARS, _EDUCATION = 0.6, 0.4
_STAFF_BANDS = 12  # span of control in powers of two: 1, 2-3, 4-7, ..., 2048+
_SITE_BANDS = 5  # 1, 2, 3, 4, 5+ sites
_YEAR_BANDS = 16  # 0, 1, ..., 15+ years as a leader
_PAIR_CHUNK = 65_536  # pairs scored at once by ModelScorer.pair_scores


def _codes(values: Sequence[str | None], vocabulary: dict[str, int], missing: int) -> IntArray:
    """Integer codes of ``values``; ``missing`` (negative) for ``None``."""
    return np.array(
        [missing if v is None else vocabulary.setdefault(v, len(vocabulary)) for v in values],
        dtype=np.intp,
    )


class Rules:
    """The hard rules as data: which pairs are never allowed.

    Codes of mentees use -1 and codes of mentors -2 for a missing field, so two leaders whose
    field is unknown never compare equal: a rule whose field is omitted does not apply.
    """

    def __init__(
        self,
        mentees: Sequence[Mentee],
        mentors: Sequence[Mentor],
        forbidden: Sequence[tuple[int, int]],
        *,
        require_other_administration: bool,
    ) -> None:
        self.require_other_administration = require_other_administration
        administrations: dict[str, int] = {}
        departments: dict[str, int] = {}
        units: dict[str, int] = {}

        def department(leader: Mentee | Mentor) -> str | None:
            if leader.department is None or leader.administration is None:
                return None
            return f"{leader.administration}\x1f{leader.department}"

        self.adm_e = _codes([p.administration for p in mentees], administrations, -1)
        self.adm_r = _codes([p.administration for p in mentors], administrations, -2)
        self.dep_e = _codes([department(p) for p in mentees], departments, -1)
        self.dep_r = _codes([department(p) for p in mentors], departments, -2)
        self.unit_e = _codes([p.unit for p in mentees], units, -1)
        self.unit_r = _codes([p.unit for p in mentors], units, -2)
        n, m = len(mentees), len(mentors)
        mentee_index = {p.id: i for i, p in enumerate(mentees)}
        mentor_index = {p.id: j for j, p in enumerate(mentors)}
        line = [
            (i, mentor_index[b]) for i, p in enumerate(mentees) for b in p.line if b in mentor_index
        ]
        line += [
            (mentee_index[b], j) for j, p in enumerate(mentors) for b in p.line if b in mentee_index
        ]
        self.line = _pair_matrix(line, n, m)
        self.forbidden = _pair_matrix(list(forbidden), n, m)

    def forbid(self, S: NDArray[np.floating], rows: IntArray) -> None:
        """Set ``S[k, j] = -inf`` (in place) where mentee ``rows[k]`` may not have mentor ``j``."""
        np.copyto(S, -np.inf, where=self.unit_e[rows, None] == self.unit_r[None, :])
        if self.require_other_administration:
            np.copyto(S, -np.inf, where=self.adm_e[rows, None] == self.adm_r[None, :])
        for matrix in (self.line, self.forbidden):
            sub = matrix[rows].tocoo()
            S[sub.row, sub.col] = -np.inf

    def allowed_pairs(self, rows: IntArray, cols: IntArray) -> BoolArray:
        """Elementwise version of :meth:`allowed` for pairs ``(rows[k], cols[k])``."""
        ok = self.unit_e[rows] != self.unit_r[cols]
        if self.require_other_administration:
            ok &= self.adm_e[rows] != self.adm_r[cols]
        for matrix in (self.line, self.forbidden):
            ok &= _at(matrix, rows, cols) == 0
        return ok

    def blocked_counts(self, i: int) -> dict[str, int]:
        """How many mentors each hard rule excludes for mentee ``i`` (rules may overlap)."""
        counts = {
            "line": int(self.line[i].nnz),
            "same_unit": int(np.count_nonzero(self.unit_r == self.unit_e[i])),
            "forbidden": int(self.forbidden[i].nnz),
        }
        if self.require_other_administration:
            counts["same_administration"] = int(np.count_nonzero(self.adm_r == self.adm_e[i]))
        return counts


def _at(matrix: sp.csr_matrix, rows: IntArray, cols: IntArray) -> NDArray[np.generic]:
    """Entries ``matrix[rows[k], cols[k]]`` as a dense 1-d array."""
    if len(rows) == 0:
        return np.zeros(0, dtype=matrix.dtype)
    return np.asarray(matrix[rows, cols]).ravel()


def _pair_matrix(pairs: list[tuple[int, int]], n: int, m: int) -> sp.csr_matrix:
    """A 0/1 CSR matrix with a one at every listed pair."""
    if not pairs:
        return sp.csr_matrix((n, m), dtype=np.int8)
    r, c = np.array(pairs, dtype=np.intp).T
    matrix = sp.csr_matrix((np.ones(len(r), dtype=np.int8), (r, c)), shape=(n, m))
    matrix.data[:] = 1  # duplicates were summed
    return matrix


class Scorer:
    """Scores of allowed pairs; disallowed pairs score ``-inf``."""

    rules: Rules
    n: int
    m: int

    #: Bound on the error of :meth:`rows` with ``screening=True``: a screened score plus this
    #: margin is an upper bound of the exact score.
    screening_margin: float = 0.0

    def rows(self, rows: IntArray, *, screening: bool = False) -> NDArray[np.floating]:
        """Dense scores of mentees ``rows`` against every mentor (``-inf`` if not allowed).

        With ``screening`` the scores may be computed faster in float32, within
        :attr:`screening_margin` of the exact float64 scores.
        """
        raise NotImplementedError

    def allowed_pairs(self, rows: IntArray, cols: IntArray) -> BoolArray:
        """Whether each pair ``(rows[k], cols[k])`` is allowed."""
        return self.rules.allowed_pairs(rows, cols)

    def components(self, rows: IntArray, cols: IntArray) -> dict[str, FloatArray]:
        """The score components of pairs ``(rows[k], cols[k])``; they sum to the score."""
        raise NotImplementedError

    def pair_scores(self, rows: IntArray, cols: IntArray) -> FloatArray:
        """Exact scores of pairs ``(rows[k], cols[k])``: the sum of their components."""
        parts = list(self.components(rows, cols).values())
        return np.sum(parts, axis=0) if parts else np.zeros(len(rows))

    def all_pairs(self) -> tuple[IntArray, IntArray, FloatArray] | None:
        """Every allowed pair with its score when that list is sparse, else ``None``."""
        return None

    def tie_distances(self, rows: IntArray, cols: IntArray) -> NDArray[np.int8]:
        """Distance of each pair in the leader network: 1 (tied), 2 (shared contact) or 0."""
        return np.zeros(len(rows), dtype=np.int8)

    def not_scored_count(self, i: int) -> int:
        """Mentors without a given score for mentee ``i`` (only in the scores mode)."""
        return 0


class TableScorer(Scorer):
    """Scores given by the caller (the spec's ``scores``): the only allowed pairs."""

    def __init__(
        self, rules: Rules, rows: IntArray, cols: IntArray, values: FloatArray, n: int, m: int
    ) -> None:
        self.rules, self.n, self.m = rules, n, m
        keep = rules.allowed_pairs(rows, cols)
        rows, cols, values = rows[keep], cols[keep], values[keep]
        # Validation rejects a pair listed twice, so the keys are distinct and one argsort
        # gives the order by (mentee, mentor).
        keys = rows * m + cols
        order = np.argsort(keys)
        self._rows, self._cols, self._values = rows[order], cols[order], values[order]
        self._keys = keys[order]
        self._indptr = np.searchsorted(self._rows, np.arange(n + 1))
        self._given = np.bincount(rows, minlength=n)

    def rows(self, rows: IntArray, *, screening: bool = False) -> FloatArray:
        out = np.full((len(rows), self.m), -np.inf)
        for k, i in enumerate(rows):
            lo, hi = self._indptr[i], self._indptr[i + 1]
            out[k, self._cols[lo:hi]] = self._values[lo:hi]
        return out

    def _positions(self, rows: IntArray, cols: IntArray) -> tuple[IntArray, BoolArray]:
        """Where each pair sits in the sorted table, and whether it is there at all."""
        keys = rows * self.m + cols
        pos = np.minimum(np.searchsorted(self._keys, keys), max(len(self._keys) - 1, 0))
        found = self._keys[pos] == keys if len(self._keys) else np.zeros(len(keys), dtype=bool)
        return pos, found

    def allowed_pairs(self, rows: IntArray, cols: IntArray) -> BoolArray:
        return self._positions(rows, cols)[1]

    def components(self, rows: IntArray, cols: IntArray) -> dict[str, FloatArray]:
        return {"given": self._values[self._positions(rows, cols)[0]]}

    def all_pairs(self) -> tuple[IntArray, IntArray, FloatArray]:
        return self._rows, self._cols, self._values

    def not_scored_count(self, i: int) -> int:
        return int(self.m - self._given[i])


@dataclass(frozen=True, slots=True)
class _Part:
    """One component's bilinear features: ``score += F @ G.T``."""

    name: str
    F: FloatArray
    G: FloatArray


class ModelScorer(Scorer):
    """The project's scoring model (see the brief, "What a good mentor match is").

    Components, each reported per pair:

    ``needs``
        ``weights.needs * sum_t need[t] * strength[t]``: the mentor's strengths cover the needs.
    ``context``
        ``weights.context`` times a weighted share of: same service type (0.25); comparable span
        of control, in powers of two, falling to 0 at three bands apart (0.25); at least as
        many sites, falling by half a point per missing site (0.15); same 24-hour operation
        (0.2); same specialist/general kind (0.15). Unknown facts count 0.
    ``cross_administration``
        ``weights.cross_administration`` times the graded distance on the organisation tree:
        1 for another administration, 0.5 for another department (or an unknown one) in the
        same administration, 0 for the same department.
    ``experience``
        ``weights.experience`` times 0.6 x (the mentor's years as a leader beyond the mentee's,
        up to 10, divided by 10) plus 0.4 x the leadership education level.
    ``network``
        ``weights.network`` times the novelty in the leader network: 0 when the two already
        have a tie, 0.5 when they share a contact, 1 otherwise (0 for all when no ties given).

    The load component is added by the solver (``-weights.load`` per earlier mentee).
    """

    def __init__(
        self,
        rules: Rules,
        mentees: Sequence[Mentee],
        mentors: Sequence[Mentor],
        ties: Sequence[tuple[int, int]],
        policy: Policy,
        nodes: int | None = None,
    ) -> None:
        self.rules, self.n, self.m = rules, len(mentees), len(mentors)
        w = policy.weights
        self._half_cross = 0.5 * w.cross_administration
        parts = [
            _needs_part(mentees, mentors, w.needs),
            _context_part(mentees, mentors, w.context),
            _Part(
                "cross_administration",
                (rules.adm_e >= 0).astype(float)[:, None],
                (w.cross_administration * (rules.adm_r >= 0).astype(float))[:, None],
            ),
            _experience_part(mentees, mentors, w.experience),
        ]
        self._network = sp.csr_matrix((self.n, self.m))
        self._distance = sp.csr_matrix((self.n, self.m), dtype=np.int8)
        if ties:
            parts.append(_Part("network", np.ones((self.n, 1)), np.full((self.m, 1), w.network)))
            self._distance = _tie_distances(ties, self.n, self.m, nodes)
            self._network = self._distance.astype(float)
            self._network.data = np.where(self._distance.data == 1, -w.network, -w.network / 2)
        self._F = np.ascontiguousarray(np.hstack([p.F for p in parts]))
        self._G = np.ascontiguousarray(np.hstack([p.G for p in parts]))
        self._Gt = np.ascontiguousarray(self._G.T)
        self._F32, self._Gt32 = self._F.astype(np.float32), self._Gt.astype(np.float32)
        # float32 products carry a relative error below (D + 2) * 2**-24 of sum |F||G|; the
        # margin bounds that sum by its largest value and adds a factor of 8 for safety.
        bound = float(np.abs(self._F).max(initial=0) * np.abs(self._Gt).sum(axis=0).max(initial=0))
        self.screening_margin = 8 * (self._F.shape[1] + 2) * 2.0**-24 * (1 + bound)
        self._slices: dict[str, slice] = {}
        start = 0
        for p in parts:
            self._slices[p.name] = slice(start, start + p.F.shape[1])
            start += p.F.shape[1]

    def rows(self, rows: IntArray, *, screening: bool = False) -> NDArray[np.floating]:
        S = self._F32[rows] @ self._Gt32 if screening else self._F[rows] @ self._Gt
        r = self.rules
        same_administration = r.adm_e[rows, None] == r.adm_r[None, :]
        if not r.require_other_administration:  # else these pairs are forbidden below
            np.subtract(S, self._half_cross, out=S, where=same_administration)
            np.subtract(S, self._half_cross, out=S, where=r.dep_e[rows, None] == r.dep_r[None, :])
        net = self._network[rows].tocoo()
        S[net.row, net.col] += net.data
        r.forbid(S, rows)
        return S

    def components(self, rows: IntArray, cols: IntArray) -> dict[str, FloatArray]:
        out = {
            name: np.einsum("kd,dk->k", self._F[rows, sl], self._Gt[sl][:, cols])
            for name, sl in self._slices.items()
        }
        r = self.rules
        same = (r.adm_e[rows] == r.adm_r[cols]).astype(float)
        same += r.dep_e[rows] == r.dep_r[cols]
        out["cross_administration"] -= self._half_cross * same
        if "network" in out:
            out["network"] += _at(self._network, rows, cols)
        return out

    def tie_distances(self, rows: IntArray, cols: IntArray) -> NDArray[np.int8]:
        return _at(self._distance, rows, cols).astype(np.int8)

    def pair_scores(self, rows: IntArray, cols: IntArray) -> FloatArray:
        out = np.empty(len(rows))
        r = self.rules
        for start in range(0, len(rows), _PAIR_CHUNK):
            i, j = rows[start : start + _PAIR_CHUNK], cols[start : start + _PAIR_CHUNK]
            same = (r.adm_e[i] == r.adm_r[j]).astype(float) + (r.dep_e[i] == r.dep_r[j])
            out[start : start + len(i)] = (
                np.einsum("kd,kd->k", self._F[i], self._G[j])
                - self._half_cross * same
                + _at(self._network, i, j)
            )
        return out


def _needs_part(mentees: Sequence[Mentee], mentors: Sequence[Mentor], weight: float) -> _Part:
    topics = sorted(
        {t for p in mentees for t in p.needs} | {t for p in mentors for t in p.strengths}
    )
    index = {t: k for k, t in enumerate(topics)}
    F = np.zeros((len(mentees), len(topics)))
    G = np.zeros((len(mentors), len(topics)))
    for i, p in enumerate(mentees):
        for t, v in p.needs.items():
            F[i, index[t]] = weight * v
    for j, q in enumerate(mentors):
        for t, v in q.strengths.items():
            G[j, index[t]] = v
    return _Part("needs", F, G)


def _one_hot(bands: IntArray, size: int) -> FloatArray:
    """Rows of ``bands`` as one-hot vectors; a negative band (unknown) gives a zero row."""
    out = np.zeros((len(bands), size + 1))
    out[np.arange(len(bands)), np.where(bands < 0, size, bands)] = 1.0
    return out[:, :size]


def _values(values: Sequence[float | None]) -> FloatArray:
    """Numbers as floats, ``nan`` for unknown."""
    return np.array([np.nan if v is None else float(v) for v in values], dtype=float)


def _bands(values: FloatArray, size: int, *, log2: bool = False, start: int = 0) -> IntArray:
    """Band of each value, ``floor(log2 v)`` or ``v - start`` clipped to ``[0, size)``; -1 when
    unknown."""
    known = ~np.isnan(values)
    x = np.where(known, values, start)
    raw = np.log2(np.maximum(x, 1)) if log2 else x - start
    return np.where(known, np.clip(np.floor(raw), 0, size - 1), -1).astype(np.intp)


def _equal_flag(values: Sequence[bool | None]) -> FloatArray:
    """Two columns ``[v, not v]`` so that the product of two rows is ``v == w`` (0 if unknown)."""
    return _one_hot(np.array([-1 if v is None else int(v) for v in values], dtype=np.intp), 2)


def _context_part(mentees: Sequence[Mentee], mentors: Sequence[Mentor], weight: float) -> _Part:
    ce: list[Context] = [p.context for p in mentees]
    cr: list[Context] = [q.context for q in mentors]
    types: dict[str, int] = {}
    for c in (*ce, *cr):
        if c.service_type is not None:
            types.setdefault(c.service_type, len(types))
    size = max(len(types), 1)
    b = np.arange(_STAFF_BANDS)
    staff_kernel = np.clip(1 - np.abs(b[:, None] - b[None, :]) / 3, 0, None)
    s = np.arange(_SITE_BANDS)
    sites_kernel = np.clip(1 - np.clip(s[:, None] - s[None, :], 0, None) / 2, 0, None)

    def side(cs: list[Context], mentor: bool) -> FloatArray:
        staff = _one_hot(
            _bands(_values([c.staff for c in cs]), _STAFF_BANDS, log2=True), _STAFF_BANDS
        )
        sites = _one_hot(_bands(_values([c.sites for c in cs]), _SITE_BANDS, start=1), _SITE_BANDS)
        if not mentor:  # the kernels sit on the mentee side: F = onehot @ K
            staff, sites = staff @ staff_kernel, sites @ sites_kernel
        service = np.array(
            [-1 if c.service_type is None else types[c.service_type] for c in cs], dtype=np.intp
        )
        blocks = [
            _one_hot(service, size),
            staff,
            sites,
            _equal_flag([c.round_the_clock for c in cs]),
            _equal_flag([c.specialist for c in cs]),
        ]
        if not mentor:  # the weights too sit on the mentee side
            parts = (_SERVICE_TYPE, _STAFF, _SITES, _ROUND_THE_CLOCK, _SPECIALIST)
            blocks = [weight * share * b for share, b in zip(parts, blocks, strict=True)]
        return np.hstack(blocks)

    return _Part("context", side(ce, mentor=False), side(cr, mentor=True))


def _experience_part(mentees: Sequence[Mentee], mentors: Sequence[Mentor], weight: float) -> _Part:
    y = np.arange(_YEAR_BANDS)
    kernel = np.clip(y[None, :] - y[:, None], 0, 10) / 10
    # A mentee with unknown experience is taken as new (0 years); a mentor's unknown years
    # give no credit.
    years_e = _one_hot(
        _bands(np.nan_to_num(_values([p.experience_years for p in mentees])), _YEAR_BANDS),
        _YEAR_BANDS,
    )
    years_r = _one_hot(
        _bands(_values([q.experience_years for q in mentors]), _YEAR_BANDS), _YEAR_BANDS
    )
    education = np.array([EDUCATION_LEVELS.get(q.education or "none", 0.0) for q in mentors])
    F = np.hstack([weight * _YEARS * years_e @ kernel, np.full((len(mentees), 1), weight)])
    G = np.hstack([years_r, _EDUCATION * education[:, None]])
    return _Part("experience", F, G)


def _tie_distances(
    ties: Sequence[tuple[int, int]], n: int, m: int, nodes: int | None = None
) -> sp.csr_matrix:
    """Sparse ``(n, m)`` matrix: 1 where mentee and mentor are tied, 2 where they share a contact.

    Nodes ``0..n-1`` are the mentees, ``n..n+m-1`` the mentors and ``n+m..nodes-1`` leaders
    outside the problem (a contact shared through them counts). This is the shortest-path
    distance in the undirected leader network cut off at 2 (what
    ``networkx.single_source_shortest_path_length(G, i, cutoff=2)`` gives per mentee; the tests
    check the two agree), computed for all mentees at once as sparse products of the adjacency
    matrix, because building an ``nx.Graph`` alone costs more than the whole assignment.
    """
    a, b = np.array(ties, dtype=np.intp).reshape(-1, 2).T
    size = max(n + m, nodes or 0)
    A = sp.csr_matrix(
        (np.ones(2 * len(a), dtype=np.int32), (np.r_[a, b], np.r_[b, a])), shape=(size, size)
    )
    A.data[:] = 1  # repeated ties count once
    direct = sp.csr_matrix(A[:n, n : n + m])
    two = sp.csr_matrix(A[:n] @ A[:, n : n + m])
    two.data[:] = 2
    distance = two - two.multiply(direct) + direct  # a tie (1) wins over a contact (2)
    distance = sp.csr_matrix(distance, dtype=np.int8)
    distance.eliminate_zeros()
    return distance
