"""What a pass over a streamed ``scores`` array keeps: each mentee's best pairs and the checks.

:class:`PairSink` receives the decoded items chunk by chunk (:func:`matching.stream.walk_scores`)
and keeps, per mentee, the ``keep`` best-scoring pairs and a bound on every pair it dropped,
plus what the whole-file path's checks need to name the first bad item: the first item of
the wrong shape or type, the first occurrence of every id, the first score that is not finite
and the first repeated pair (one bit per mentee x mentor). :class:`StreamedTable` is the
result: a :class:`~matching.model.ScoreTable` of the kept pairs that knows the file's errors.
"""

from __future__ import annotations

from operator import itemgetter
from typing import Any, Protocol

import numpy as np
from numpy.typing import NDArray

from matching.errors import InputError
from matching.model import ScoreTable
from matching.stream_fast import FastColumns, id_words

__all__ = ["KEEP", "Best", "PairSink", "Rescan", "StreamedTable"]

KEEP = 64  # best pairs kept per mentee on the first pass
_POOL = 1_000_000  # pairs gathered before the pool is cut back to each mentee's best
_MAX_BITS = 8 * 2**30  # repeated pairs are tracked in at most 1 GiB of bits

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.intp]


class Rescan(Protocol):
    """Another pass over the same array (the file is read again)."""

    def first_equal(self, k: int) -> int:
        """The first item listing the same pair as item ``k``."""

    def best(
        self, keep: IntArray
    ) -> tuple[NDArray[np.int32], NDArray[np.int32], FloatArray, FloatArray]:
        """:meth:`Best.result` of a pass keeping ``keep[c]`` pairs of mentee code ``c``."""

    def find(self, e: NDArray[np.int32], r: NDArray[np.int32]) -> FloatArray:
        """The scores of the pairs ``(e[k], r[k])`` (codes); NaN for a pair not listed."""


def _columns(items: list[Any]) -> tuple[list[Any], list[Any], list[Any]] | None:
    """The three columns when every item is ``[str, str, number]``, checked in C; else None."""
    if not ({list}.issuperset(map(type, items)) and {3}.issuperset(map(len, items))):
        return None
    columns = [list(map(itemgetter(k), items)) for k in range(3)]
    if (
        {str}.issuperset(map(type, columns[0]))
        and {str}.issuperset(map(type, columns[1]))
        and {int, float}.issuperset(map(type, columns[2]))
    ):
        return columns[0], columns[1], columns[2]
    return None


def _item_errors(items: list[Any], index: int) -> tuple[InputError | None, InputError | None]:
    """The first item of a wrong shape and the first score that is not a number, as the
    whole-file checks word them (``scores[k]...``, ``k`` counted from ``index``)."""
    shape = number = None
    for k, item in enumerate(items, start=index):
        if not isinstance(item, list) or len(item) != 3:
            shape = InputError(f"scores[{k}]", "must be a list of 3 items")
        elif not isinstance(item[0], str):
            shape = InputError(f"scores[{k}][0]", "must be a string")
        elif not isinstance(item[1], str):
            shape = InputError(f"scores[{k}][1]", "must be a string")
        elif number is None and (isinstance(item[2], bool) or not isinstance(item[2], int | float)):
            number = InputError(f"scores[{k}][2]", "must be a number")
        if shape is not None:
            return shape, number
    return None, number


class _Ids:
    """Codes of one id column: in order of first appearance, with each id's first item.

    Ids come as strings (a decoded chunk) or as the words of :mod:`matching.stream_fast`;
    ``key``/``code``/``words`` hold every id so far in the second form, sorted by key.
    """

    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        self.first: list[IntArray] = []
        self.key = np.zeros(0, dtype=np.uint64)
        self.code = np.zeros(0, dtype=np.int32)
        self.words = np.zeros((0, 2), dtype=np.uint64)
        self.synced = 0

    def _sync(self) -> None:
        """Add the ids named since the last call to the sorted keys."""
        if self.synced == len(self.index):
            return
        found = [
            (code, w)
            for code, name in enumerate(self.index)
            if code >= self.synced and (w := id_words(name)) is not None
        ]
        self.synced = len(self.index)
        if not found:
            return
        words = np.array([w for _, w in found], dtype=np.uint64).reshape(-1, 2)
        key = np.concatenate((self.key, FastColumns.key(words)))
        order = np.argsort(key, kind="stable")
        self.key = key[order]
        self.code = np.concatenate((self.code, [c for c, _ in found])).astype(np.int32)[order]
        self.words = np.concatenate((self.words, words))[order]

    def encode_words(self, words: NDArray[np.uint64], base: int) -> NDArray[np.int32] | None:
        """Codes of ids given as words; ``None`` if two ids share a key (then the strings
        decide)."""
        self._sync()
        key = FastColumns.key(words)
        pos = np.minimum(np.searchsorted(self.key, key), max(len(self.key) - 1, 0))
        found = self.key[pos] == key if len(self.key) else np.zeros(len(key), dtype=bool)
        if (self.words[pos[found]] != words[found]).any():
            return None
        codes = np.where(found, self.code[pos] if len(self.key) else -1, -1).astype(np.int32)
        if found.all():
            return codes
        new = np.flatnonzero(~found)
        _, first, inverse = np.unique(key[new], return_index=True, return_inverse=True)
        if (words[new] != words[new][first][inverse]).any():
            return None
        order = np.argsort(first)
        rank = np.empty(len(order), dtype=np.int32)
        rank[order] = np.arange(len(order), dtype=np.int32) + len(self.index)
        for u in order.tolist():
            name = words[new[first[u]]].tobytes().rstrip(b"\0").decode("ascii")
            self.index[name] = len(self.index)
        codes[new] = rank[inverse.ravel()]
        self.first.append(base + new[first[order]])
        return codes

    def encode(self, names: list[str], base: int) -> NDArray[np.int32]:
        get = self.index.__getitem__
        try:
            return np.fromiter(map(get, names), dtype=np.int32, count=len(names))
        except KeyError:
            pass
        old = len(self.index)
        for name in dict.fromkeys(names):
            self.index.setdefault(name, len(self.index))
        codes = np.fromiter(map(get, names), dtype=np.int32, count=len(names))
        where = np.flatnonzero(codes >= old)
        _, first = np.unique(codes[where], return_index=True)  # new codes are consecutive
        self.first.append(base + where[first])
        return codes

    def names(self) -> tuple[str, ...]:
        return tuple(self.index)

    def first_item(self, code: int) -> int:
        return int(np.concatenate(self.first)[code])


class _Bits:
    """One bit per (mentee code, mentor code): which pairs were seen, grown as codes appear."""

    def __init__(self) -> None:
        self.rows = np.zeros((0, 0), dtype=np.uint8)
        self.off = False  # too many ids to track (see StreamedTable.check_values)

    def _fit(self, n: int, m: int) -> None:
        rows, cols = self.rows.shape
        if n <= rows and m <= cols * 8:
            return
        n2 = rows if n <= rows else max(n, 2 * rows)
        c2 = cols if m <= cols * 8 else max((m + 7) // 8, 2 * cols)
        if n2 * c2 > _MAX_BITS // 8:
            self.off = True
            self.rows = np.zeros((0, 0), dtype=np.uint8)
            return
        grown = np.zeros((n2, c2), dtype=np.uint8)
        grown[:rows, :cols] = self.rows
        self.rows = grown

    def first_repeat(self, e: NDArray[np.int32], r: NDArray[np.int32]) -> tuple[int, int]:
        """Mark the chunk's pairs seen; returns ``(k, j)``: the chunk's first repeated pair
        and, when it repeats a pair of the same chunk, that pair's item (else -1); or -1s."""
        if self.off or len(e) == 0:
            return -1, -1
        self._fit(int(e.max()) + 1, int(r.max()) + 1)
        if self.off:
            return -1, -1
        key = e.astype(np.int64) * (self.rows.shape[1] * 8) + r
        flat = self.rows.reshape(-1)
        bit = np.left_shift(1, key & 7).astype(np.uint8)
        before = (flat[key >> 3] & bit) != 0
        ordered = np.sort(key, kind="stable")
        if before.any() or (ordered[1:] == ordered[:-1]).any():
            order = np.argsort(key, kind="stable")
            again = np.zeros(len(key), dtype=bool)
            again[order[1:]] = key[order[1:]] == key[order[:-1]]
            k = int(np.argmax(before | again))
            if before[k]:
                return k, -1
            return k, int(order[np.searchsorted(key[order], key[k])])
        byte = ordered >> 3
        starts = np.flatnonzero(np.r_[True, byte[1:] != byte[:-1]])
        masks = np.bitwise_or.reduceat(np.left_shift(1, ordered & 7).astype(np.uint8), starts)
        flat[byte[starts]] |= masks
        return -1, -1


class Best:
    """Each mentee's ``keep`` best pairs (by score, then by first appearance) among those fed,
    and a bound per mentee on the pairs it dropped (``-inf`` when none was dropped).

    ``keep`` is one count for every mentee or a count per mentee code (0: ignore the mentee).
    """

    def __init__(self, keep: int | IntArray) -> None:
        self.keep = keep
        self.cut = np.full(0, -np.inf)  # a pair must beat this to enter (the keep-th best)
        self.dropped = np.zeros(0, dtype=bool)
        self.pool: list[tuple[NDArray[np.int32], NDArray[np.int32], FloatArray]] = []
        self.size, self.limit = 0, _POOL

    def add(self, e: NDArray[np.int32], r: NDArray[np.int32], s: FloatArray) -> None:
        if len(e) == 0:
            return
        n = int(e.max()) + 1
        if n > len(self.cut):
            self.cut = np.concatenate((self.cut, np.full(n - len(self.cut), -np.inf)))
            self.dropped = np.concatenate((self.dropped, np.zeros(n - len(self.dropped), bool)))
        enter = s > self.cut[e]
        if not isinstance(self.keep, int):
            enter &= self.keep[e] > 0
        self.dropped[e[~enter]] = True
        e, r, s = e[enter], r[enter], s[enter]
        if len(e) > self.limit // 8:  # mostly new mentees: cut them back here, in chunk order
            e, r, s = self._best(e, r, s)
        self.pool.append((e, r, s))
        self.size += len(e)
        if self.size > self.limit:
            self._compact()
            self.limit = max(_POOL, 2 * self.size)

    def _best(
        self, e: NDArray[np.int32], r: NDArray[np.int32], s: FloatArray
    ) -> tuple[NDArray[np.int32], NDArray[np.int32], FloatArray]:
        """Each mentee's best pairs among ``(e, r, s)``; raises the cuts (the ``keep``-th
        best of some of a mentee's pairs is at most the ``keep``-th best of all of them)."""
        order = np.lexsort((-s, e), axis=0) if len(e) else np.zeros(0, dtype=np.intp)
        e, r, s = e[order], r[order], s[order]
        rank = np.arange(len(e)) - np.searchsorted(e, e)
        keep = self.keep if isinstance(self.keep, int) else self.keep[e]
        over = rank >= keep
        self.dropped[e[over]] = True
        last = rank == keep - 1
        self.cut[e[last]] = np.maximum(self.cut[e[last]], s[last])
        return e[~over], r[~over], s[~over]

    def _compact(self) -> None:
        if not self.pool:
            return
        e, r, s = self._best(*(np.concatenate(c) for c in zip(*self.pool, strict=True)))
        self.pool = [(e, r, s)]
        self.size = len(e)

    def result(self) -> tuple[NDArray[np.int32], NDArray[np.int32], FloatArray, FloatArray]:
        """``(mentee codes, mentor codes, scores, bound per mentee code)``."""
        self._compact()
        e, r, s = self.pool[0] if self.pool else (np.zeros(0, np.int32),) * 2 + (np.zeros(0),)
        return e, r, s, np.where(self.dropped, self.cut, -np.inf)


class PairSink:
    """The first pass over a streamed ``scores`` array (see the module docstring)."""

    def __init__(self, keep: int = KEEP) -> None:
        self.count = 0
        self.mentees, self.mentors = _Ids(), _Ids()
        self.shape: InputError | None = None
        self.number: InputError | None = None
        self.nonfinite = -1
        self.repeat = (-1, -1)  # (item, earlier item or -1 when it lies in an earlier chunk)
        self.low, self.high = np.inf, -np.inf
        self.bits = _Bits()
        self.best = Best(keep)

    def feed(self, items: list[Any], index: int) -> None:
        """Take the decoded items of one chunk; ``index`` is the first item's position."""
        self.count = index + len(items)
        if self.shape is not None:
            return  # nothing but a later syntax error can change the answer now
        columns = _columns(items)
        if columns is None:
            shape, number = _item_errors(items, index)
            self.shape = shape
            self.number = self.number or number
            return
        if self.number is not None:
            return
        e = self.mentees.encode(columns[0], index)
        r = self.mentors.encode(columns[1], index)
        self._take(e, r, np.array(columns[2], dtype=float), index)

    def feed_fast(self, columns: FastColumns, index: int) -> bool:
        """:meth:`feed` of a chunk read by :func:`matching.stream_fast.fast_columns`; false
        when the ids need their strings (then :meth:`feed` is called with the items)."""
        n = len(columns.values)
        if self.shape is not None or self.number is not None:
            self.count = index + n
            return True  # items of the right shape and type change nothing
        e = self.mentees.encode_words(columns.mentee_words, index)
        r = None if e is None else self.mentors.encode_words(columns.mentor_words, index)
        if e is None or r is None:
            return False
        self.count = index + n
        self._take(e, r, columns.values, index)
        return True

    def _take(self, e: NDArray[np.int32], r: NDArray[np.int32], s: FloatArray, index: int) -> None:
        """The checks and the screening of a chunk's pairs (codes and scores)."""
        if self.nonfinite >= 0 or self.repeat[0] >= 0:
            return  # the answer is an error; ids are still read (an unknown one comes first)
        finite = np.isfinite(s)
        bad = np.flatnonzero(~finite)
        stop = int(bad[0]) if len(bad) else len(s)
        k, j = self.bits.first_repeat(e[:stop], r[:stop])
        if k >= 0:
            self.repeat = (index + k, index + j if j >= 0 else -1)
            return
        if len(bad):
            self.nonfinite = index + stop
            return
        if len(s):
            self.low, self.high = min(self.low, float(s.min())), max(self.high, float(s.max()))
        self.best.add(e, r, s)

    def table(self, rescan: Rescan) -> StreamedTable:
        """The kept pairs as a table; ``rescan`` reads the array again when needed."""
        e, r, s, bound = self.best.result()
        return StreamedTable(self, e, r, s, bound, rescan)


class StreamedTable(ScoreTable):
    """The pairs a streamed pass kept (each mentee's best), standing for the whole array.

    Unlike a plain :class:`ScoreTable` it does not hold every pair: ``len`` and iteration
    cover the kept ones. ``bound[c]`` bounds the scores of mentee code ``c``'s pairs left out
    (``-inf``: none); ``listed``, ``low`` and ``high`` describe the whole array. The checks
    name the first bad item of the whole array as the whole-file path does.
    """

    __slots__ = ("bound", "high", "listed", "low", "rescan", "sink")

    def __init__(
        self,
        sink: PairSink,
        e: NDArray[np.int32],
        r: NDArray[np.int32],
        s: FloatArray,
        bound: FloatArray,
        rescan: Rescan,
    ) -> None:
        super().__init__(sink.mentees.names(), e, sink.mentors.names(), r, s)
        self.sink, self.rescan = sink, rescan
        self.listed, self.low, self.high = sink.count, sink.low, sink.high
        self.bound = np.concatenate((bound, np.full(len(self.mentee_names) - len(bound), -np.inf)))

    def check_items(self) -> None:
        """The parse checks: the first item of a wrong shape, else the first bad number."""
        if self.sink.shape is not None:
            raise self.sink.shape
        if self.sink.number is not None:
            raise self.sink.number

    def check_ids(self, mentees: set[str], mentors: set[str]) -> None:
        """The first item naming an unknown mentee or mentor."""
        firsts = []
        for ids, known in ((self.sink.mentees, mentees), (self.sink.mentors, mentors)):
            bad = [code for code, name in enumerate(ids.index) if name not in known]
            firsts.append((ids.first_item(bad[0]), bad[0]) if bad else None)
        e, r = firsts
        if e is not None and (r is None or e[0] <= r[0]):
            raise InputError(f"scores[{e[0]}][0]", f"{self.mentee_names[e[1]]!r} is not a mentee")
        if r is not None:
            raise InputError(f"scores[{r[0]}][1]", f"{self.mentor_names[r[1]]!r} is not a mentor")

    def check_values(self) -> None:
        """The first score that is not finite or pair listed twice (whichever comes first)."""
        k, j = self.sink.repeat
        if self.sink.nonfinite >= 0 and (k < 0 or self.sink.nonfinite < k):
            raise InputError(f"scores[{self.sink.nonfinite}][2]", "must be a finite number")
        if k >= 0:
            first = self.rescan.first_equal(k) if j < 0 else j
            raise InputError(f"scores[{k}]", f"duplicate pair (also scores[{first}])")
        if self.sink.bits.off:
            raise InputError("scores", "too many distinct ids to check for repeated pairs")

    def __bool__(self) -> bool:
        return self.listed > 0  # even when no pair was kept (the checks then tell why)

    def __repr__(self) -> str:
        return f"StreamedTable({len(self)} of {self.listed} pairs kept)"
