"""The peer finder at scale: every candidate's peer score at once, over precomputed arrays.

:func:`matching.peers.peer_score` scores one pair with Python objects; at 10 000 leaders that is
10 000 calls per question. :class:`PeerIndex` holds the same facts as numpy arrays (one row per
candidate, target-group words as a sparse 0/1 matrix), built once while the data stays the same;
:func:`peer_scores` computes every candidate's score in a few vector operations — the same
floats, added in the same order and rounded the same way as the one-by-one score — and
:func:`peer_top` ranks them as :func:`matching.peers.rank_peers` does. The caller scores only the
top rows one by one again for their reasons.

Examples
--------
>>> from matching.peers import PeerProfile, rank_peers
>>> people = [PeerProfile("2", "school", order="b"), PeerProfile("3", "school", order="a"),
...           PeerProfile("4", "daycare")]
>>> me = PeerProfile("1", "school", administration="x")
>>> [people[i].id for i in peer_top(build_peer_index(people), me, limit=2)]
['3', '2']
>>> [p.profile.id for p in rank_peers(me, people, limit=2)]
['3', '2']
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy import sparse

from matching.peers import DEFAULT_PEER_WEIGHTS, PeerProfile, PeerWeights, target_words

__all__ = ["PeerIndex", "build_peer_index", "peer_scores", "peer_top"]

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]


@dataclass(frozen=True, eq=False)
class PeerIndex:
    """The candidates' peer facts as arrays, row ``i`` for ``profiles[i]``.

    ``words`` is a CSR matrix of candidates × target-group words (1 where the word occurs),
    ``vocabulary`` maps a word to its column.
    """

    profiles: tuple[PeerProfile, ...]
    service_type: npt.NDArray[np.int64]
    service_codes: dict[str, int]
    specialist: BoolArray
    round_the_clock: BoolArray
    solo: BoolArray
    staff_count: FloatArray
    sites: npt.NDArray[np.int64]
    administration: npt.NDArray[np.int64]
    administration_codes: dict[str, int]
    words: sparse.csr_matrix
    word_counts: FloatArray
    vocabulary: dict[str, int]
    order_rank: npt.NDArray[np.int64]

    def __len__(self) -> int:
        return len(self.profiles)


def _codes(values: Sequence[str]) -> tuple[npt.NDArray[np.int64], dict[str, int]]:
    """Map strings to small integers, in order of first appearance."""
    codes: dict[str, int] = {}
    array = np.fromiter((codes.setdefault(v, len(codes)) for v in values), np.int64, len(values))
    return array, codes


def build_peer_index(profiles: Sequence[PeerProfile]) -> PeerIndex:
    """Return the arrays :func:`peer_shortlist` scores, one row per profile, in their order.

    Examples
    --------
    >>> index = build_peer_index([PeerProfile("1", "school", target_group="Børn og unge"),
    ...                           PeerProfile("2", "daycare", staff_count=12)])
    >>> len(index), index.words.shape, index.staff_count.tolist()
    (2, (2, 2), [0.0, 12.0])
    """
    n = len(profiles)
    service, service_codes = _codes([p.service_type for p in profiles])
    administration, administration_codes = _codes([p.administration for p in profiles])
    vocabulary: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    for row, profile in enumerate(profiles):
        for word in target_words(profile.target_group):
            rows.append(row)
            cols.append(vocabulary.setdefault(word, len(vocabulary)))
    words = sparse.csr_matrix(
        (np.ones(len(rows)), (np.array(rows, np.int64), np.array(cols, np.int64))),
        shape=(n, max(1, len(vocabulary))),
    )
    return PeerIndex(
        profiles=tuple(profiles),
        service_type=service,
        service_codes=service_codes,
        specialist=np.fromiter((p.is_specialist for p in profiles), np.bool_, n),
        round_the_clock=np.fromiter((p.round_the_clock for p in profiles), np.bool_, n),
        solo=np.fromiter((p.solo for p in profiles), np.bool_, n),
        staff_count=np.fromiter((p.staff_count or 0 for p in profiles), np.float64, n),
        sites=np.fromiter((p.sites for p in profiles), np.int64, n),
        administration=administration,
        administration_codes=administration_codes,
        words=words,
        word_counts=np.asarray(words.sum(axis=1)).ravel(),
        vocabulary=vocabulary,
        order_rank=_order_rank(profiles),
    )


def _order_rank(profiles: Sequence[PeerProfile]) -> npt.NDArray[np.int64]:
    """Each profile's place when sorted by ``order`` and then id (the ranking's tie-break)."""
    by_order = sorted(range(len(profiles)), key=lambda i: (profiles[i].order, profiles[i].id))
    rank = np.empty(len(profiles), np.int64)
    rank[by_order] = np.arange(len(profiles))
    return rank


def _core(index: PeerIndex, me: PeerProfile, w: PeerWeights) -> FloatArray:
    """Every candidate's core score (service type, specialist, target group, 24-hour), added
    in :func:`matching.peers.peer_score`'s order, so each float is the one it computes."""
    n = len(index)
    score = np.zeros(n)
    code = index.service_codes.get(me.service_type)
    if code is not None and me.service_type not in w.generic_service_types:
        score += np.where(index.service_type == code, w.service_type, 0.0)
    if me.is_specialist:
        score += np.where(index.specialist, w.specialist, 0.0)
    mine = target_words(me.target_group)
    if mine:
        columns = [index.vocabulary[word] for word in mine if word in index.vocabulary]
        shared = np.asarray(index.words[:, columns].sum(axis=1)).ravel() if columns else np.zeros(n)
        union = len(mine) + index.word_counts - shared
        jaccard = np.divide(shared, union, out=np.zeros(n), where=union > 0)
        counts = (index.word_counts > 0) & (jaccard >= w.target_group_min_similarity)
        score += np.where(counts, w.target_group * jaccard, 0.0)
    if me.round_the_clock:
        score += np.where(index.round_the_clock, w.round_the_clock, 0.0)
    return score


def _rounded(scores: FloatArray) -> FloatArray:
    """Round to three decimals exactly as Python's ``round`` does (once per distinct value)."""
    values, where = np.unique(scores, return_inverse=True)
    return np.array([round(float(v), 3) for v in values])[where]


def peer_scores(
    index: PeerIndex, me: PeerProfile, *, weights: PeerWeights = DEFAULT_PEER_WEIGHTS
) -> FloatArray:
    """Return every candidate's peer score for ``me`` (0 for a non-peer): the same numbers
    :func:`matching.peers.peer_score` gives, computed in the same order and rounded the same way.

    Examples
    --------
    >>> from matching.peers import peer_score
    >>> people = [PeerProfile("2", "daycare", staff_count=15, administration="b"),
    ...           PeerProfile("3", "school")]
    >>> me = PeerProfile("1", "daycare", staff_count=20, administration="a")
    >>> peer_scores(build_peer_index(people), me).tolist()
    [4.5, 0.0]
    >>> peer_score(me, people[0]).score
    4.5
    """
    w = weights
    core = _core(index, me, w)
    score = core.copy()
    if me.solo:
        score += np.where(index.solo, w.solo, 0.0)
    if me.staff_count:
        staff = index.staff_count
        low, high = np.minimum(staff, me.staff_count), np.maximum(staff, me.staff_count)
        ratio = np.divide(low, high, out=np.zeros(len(index)), where=staff > 0)
        score += np.where((staff > 0) & (ratio >= w.span_min_ratio), w.span, 0.0)
    if me.sites > 1:
        score += np.where(index.sites > 1, w.sites, 0.0)
    mine = index.administration_codes.get(me.administration, -1)
    score += np.where(index.administration != mine, w.other_administration, 0.0)
    return _rounded(np.where(core > 0, score, 0.0))


def peer_top(
    index: PeerIndex,
    me: PeerProfile,
    *,
    allowed: BoolArray | None = None,
    weights: PeerWeights = DEFAULT_PEER_WEIGHTS,
    limit: int = 20,
) -> list[int]:
    """Return the rows of ``me``'s best peers, best first, at most ``limit`` (clamped to 1..100):
    the order :func:`matching.peers.rank_peers` gives (score, then ``order``, then id).

    ``allowed`` (a boolean per row) removes candidates the caller excludes.

    Examples
    --------
    >>> people = [PeerProfile("2", "school", order="b"),
    ...           PeerProfile("3", "school", is_specialist=True, order="a"),
    ...           PeerProfile("4", "daycare"), PeerProfile("5", "school", order="a")]
    >>> me = PeerProfile("1", "school", is_specialist=True)
    >>> [people[i].id for i in peer_top(build_peer_index(people), me)]
    ['3', '5', '2']
    """
    scores = peer_scores(index, me, weights=weights)
    if allowed is not None:
        scores = np.where(allowed, scores, 0.0)
    peers = np.flatnonzero(scores > 0)
    limit = max(1, min(limit, 100))
    if len(peers) > 4 * limit:
        # Only peers scoring at least the limit-th best can be in the top.
        cut = np.partition(scores[peers], len(peers) - limit)[len(peers) - limit]
        peers = peers[scores[peers] >= cut]
    ranked = peers[np.lexsort((index.order_rank[peers], -scores[peers]))]
    return ranked[:limit].tolist()
