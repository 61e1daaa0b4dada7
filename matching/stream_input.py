"""A large ``assign`` input read with its ``scores`` streamed, as :func:`json.load` reads it.

:func:`read_assign_input` gives the parsed input with ``scores`` as a
:class:`~matching.screen.StreamedTable` (each mentee's best pairs, the checks of the whole
array, and further passes over the file on demand). The other fields are decoded as one text:
the file with the items of its ``scores`` arrays left out. A file that is not UTF-8 or not
JSON gets the message the whole-file path gives, at the same position (the error path reads
the file again to count characters and lines, as the standard library counts them on the
text with its newlines translated).
"""

from __future__ import annotations

import codecs
import contextlib
import json
import os
from bisect import bisect_left
from operator import itemgetter
from typing import Any

import numpy as np
from numpy.typing import NDArray

from matching import screen, stream
from matching.screen import Best, FloatArray, IntArray, PairSink
from matching.stream import (
    Invalid,
    Layout,
    Source,
    Unreadable,
    fast_decode,
    stream_array,
    walk_scores,
)
from matching.stream_fast import FastColumns

__all__ = ["CannotRead", "InvalidJson", "read_assign_input"]

_BLOCK = 16 * 2**20  # bytes read at once when the error path counts
_CONTEXT = 2**20  # text after an error kept for the standard library to word it


class CannotRead(Exception):
    """The file is not UTF-8 (the message is :class:`UnicodeDecodeError`'s)."""


class InvalidJson(Exception):
    """The file is not JSON (the message is :class:`json.JSONDecodeError`'s)."""


class _FileRescan:
    """Further passes over the streamed array of a file (see :class:`~matching.screen.Rescan`)."""

    def __init__(self, path: str, open_at: int, sink: PairSink, chunk: int) -> None:
        self.path, self.open_at, self.sink, self.chunk = path, open_at, sink, chunk

    def _pass(self, feed: Any) -> None:
        """Read the array again, feeding ``feed(items, index)`` with the decoded items."""

        class _Feed:
            def feed(self, items: list[Any], index: int) -> None:
                feed(items, index)

        with open(self.path, "rb") as f:
            stream_array(Source(f, self.chunk, self.open_at), self.open_at, _Feed(), self.chunk)

    def _pairs(self, take: Any) -> None:
        """Read the array again, feeding ``take(e, r, s)`` with codes and scores."""
        mentees, mentors = self.sink.mentees, self.sink.mentors

        class _Codes:
            def feed(self, items: list[Any], index: int) -> None:
                columns = [list(map(itemgetter(k), items)) for k in range(3)]
                take(
                    np.fromiter(map(mentees.index.__getitem__, columns[0]), np.int32, len(items)),
                    np.fromiter(map(mentors.index.__getitem__, columns[1]), np.int32, len(items)),
                    np.array(columns[2], dtype=float),
                )

            def feed_fast(self, columns: FastColumns, index: int) -> bool:
                e = mentees.encode_words(columns.mentee_words, index)
                r = None if e is None else mentors.encode_words(columns.mentor_words, index)
                if e is None or r is None:
                    return False
                take(e, r, columns.values)
                return True

        with open(self.path, "rb") as f:
            stream_array(Source(f, self.chunk, self.open_at), self.open_at, _Codes(), self.chunk)

    def find(self, e: NDArray[np.int32], r: NDArray[np.int32]) -> FloatArray:
        """The scores of the pairs ``(e[k], r[k])`` (codes); NaN for a pair not listed."""
        width = len(self.sink.mentors.index)
        wanted = np.sort(e.astype(np.int64) * width + r)
        found = np.full(len(wanted), np.nan)

        def take(a: NDArray[np.int32], b: NDArray[np.int32], s: FloatArray) -> None:
            keys = a.astype(np.int64) * width + b
            at = np.minimum(np.searchsorted(wanted, keys), len(wanted) - 1)
            hit = wanted[at] == keys
            found[at[hit]] = s[hit]

        if len(wanted):
            self._pairs(take)
        return found[np.searchsorted(wanted, e.astype(np.int64) * width + r)]

    def first_equal(self, k: int) -> int:
        found: list[Any] = []

        class _Stop(Exception):
            pass

        def pair_at(items: list[Any], index: int) -> None:
            if index <= k < index + len(items):
                found.append(tuple(items[k - index][:2]))
                raise _Stop

        def first(items: list[Any], index: int) -> None:
            for j, item in enumerate(items, start=index):
                if tuple(item[:2]) == found[0]:
                    found.append(j)
                    raise _Stop

        for feed in (pair_at, first):
            with contextlib.suppress(_Stop):
                self._pass(feed)
        return int(found[1])

    def best(
        self, keep: IntArray
    ) -> tuple[NDArray[np.int32], NDArray[np.int32], FloatArray, FloatArray]:
        best = Best(keep)
        self._pairs(best.add)
        return best.result()


def read_assign_input(
    path: str, *, chunk: int | None = None, keep: int | None = None
) -> dict[str, Any] | None:
    """The parsed ``assign`` input of ``path`` with ``scores`` streamed; ``None`` when the
    file does not hold an object (the whole-file path reads it then).

    Raises :class:`CannotRead` or :class:`InvalidJson` with the whole-file path's message,
    and :class:`OSError` when the file cannot be opened. ``chunk`` (bytes decoded at once)
    and ``keep`` (pairs kept per mentee on the first pass) default to
    :data:`matching.stream.CHUNK` and :data:`matching.screen.KEEP`.
    """
    chunk = chunk or stream.CHUNK
    keep = keep or screen.KEEP
    layout = Layout()
    try:
        with open(path, "rb") as f:
            if not walk_scores(f, layout, lambda: PairSink(keep), chunk=chunk):
                return None
            skeleton, cuts = _skeleton(f, layout.arrays, os.fstat(f.fileno()).st_size)
    except Unreadable:
        raise CannotRead(_first_unreadable(path)) from None
    except Invalid as err:
        bad = _utf8_error(path)
        if bad is not None:
            raise CannotRead(bad.message()) from None
        raise InvalidJson(_invalid_message(path, layout, err)) from None
    data = fast_decode(skeleton)
    if data is None:
        try:
            text = skeleton.decode("utf-8")
        except UnicodeDecodeError:
            raise CannotRead(_first_unreadable(path)) from None
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:  # after the arrays: the walk checked before
            at = _file_offset(skeleton, exc.pos, cuts)
            raise InvalidJson(_message(path, exc.msg, at)) from None
    assert isinstance(data, dict)
    if layout.scores is not None:
        rescan = _FileRescan(path, layout.scores_at, layout.scores, chunk)
        data["scores"] = layout.scores.table(rescan)
    return data


def _skeleton(f: Any, arrays: list[tuple[int, int]], stop: int) -> tuple[bytes, list[int]]:
    """The file's bytes up to ``stop`` without the arrays' items, and where each left-out
    run was (skeleton offset, bytes left out)."""
    parts: list[bytes] = []
    cuts: list[int] = []
    pos = 0
    for open_at, close in arrays:
        if open_at >= stop:
            break
        f.seek(pos)
        parts.append(f.read(open_at + 1 - pos))
        cuts.extend((sum(map(len, parts)), min(close, stop) - open_at - 1))
        pos = min(close, stop)
    f.seek(pos)
    parts.append(f.read(max(stop - pos, 0)))
    return b"".join(parts), cuts


def _file_offset(raw: bytes, pos: int, cuts: list[int]) -> int:
    """Byte offset in the file of character ``pos`` of ``raw``'s translated text."""
    at = _byte_of(raw.decode("utf-8"), pos)
    return at + sum(cuts[k + 1] for k in range(0, len(cuts), 2) if cuts[k] <= at)


def _byte_of(text: str, pos: int) -> int:
    """Byte offset (UTF-8) in ``text`` of character ``pos`` of its newline-translated text."""
    pairs, start = [], text.find("\r\n")
    while start >= 0:
        pairs.append(start + 1)
        start = text.find("\r\n", start + 2)
    x = pos
    while True:
        nxt = pos + bisect_left(pairs, x)
        if nxt == x:
            break
        x = nxt
    return len(text[:x].encode("utf-8", "surrogatepass"))


def _invalid_message(path: str, layout: Layout, err: Invalid) -> str:
    """The standard library's message for the first place where the file is not JSON."""
    with open(path, "rb") as f:
        size = os.fstat(f.fileno()).st_size
        done = [a for a in layout.arrays if a[1] < err.at]
        stop = layout.open + 1 if err.chunk is not None else min(size, err.at + _CONTEXT)
        skeleton, cuts = _skeleton(f, done, stop)
    text = skeleton.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        if err.chunk is None or exc.pos < len(text):
            return _message(path, exc.msg, _file_offset(skeleton, exc.pos, cuts))
    assert err.chunk is not None
    prefix, buf, chunk_at = err.chunk
    raw = buf[: _CONTEXT + len(buf) // 2]
    body = raw.decode("utf-8", "ignore")  # a sequence cut at the end of the buffer
    try:
        json.loads(prefix + body.replace("\r\n", "\n").replace("\r", "\n"))
    except json.JSONDecodeError as exc:
        return _message(path, exc.msg, chunk_at + _byte_of(body, exc.pos - len(prefix)))
    raise AssertionError("the chunk failed to decode")  # pragma: no cover


def _message(path: str, msg: str, at: int) -> str:
    """``msg`` at byte ``at`` of the file, worded as :class:`json.JSONDecodeError` does."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    chars, lines, column, held = 0, 1, 0, ""
    with open(path, "rb") as f:
        left = at
        while left > 0:
            block = f.read(min(_BLOCK, left))
            if not block:
                break
            left -= len(block)
            text = held + decoder.decode(block, final=left <= 0)
            held = "\r" if text.endswith("\r") and left > 0 else ""
            text = (text[:-1] if held else text).replace("\r\n", "\n").replace("\r", "\n")
            chars += len(text)
            newlines = text.count("\n")
            lines += newlines
            column = len(text) - text.rfind("\n") - 1 if newlines else column + len(text)
    return f"{msg}: line {lines} column {column + 1} (char {chars})"


def _utf8_error(path: str) -> Unreadable | None:
    """The first byte sequence of the file that is not UTF-8, if any."""
    with open(path, "rb") as f:
        offset, carry = 0, b""
        while True:
            block = f.read(_BLOCK)
            data = carry + block
            try:
                data.decode("utf-8")
                carry = b""
            except UnicodeDecodeError as err:
                if block and err.reason == "unexpected end of data" and err.end == len(data):
                    carry = data[err.start :]
                    data = data[: err.start]
                else:
                    return Unreadable(
                        offset + err.start, offset + err.end, data[err.start], err.reason
                    )
            if not block:
                return None
            offset += len(data)


def _first_unreadable(path: str) -> str:
    bad = _utf8_error(path)
    assert bad is not None
    return bad.message()
