"""Streaming reader of a large ``assign`` input: the ``scores`` array a few MB at a time.

A file listing every allowed pair of 10 000 mentees and 30 000 mentors is 7-8 GB: no parser
can hold it whole within 2 GB. The top-level object is walked here instead: every ``scores``
array is read in chunks cut at item boundaries and decoded one chunk at a time (orjson on
``[`` + chunk + ``]``, the standard library where it decides), while the other fields, which
are small, are decoded afterwards as one text (the file with the arrays' items left out).

A cut is first guessed (the last ``],`` of the block) and proven by the decoder itself: a cut
inside a string or a nested list leaves the wrapped chunk unbalanced, which no JSON parser
accepts; when the guess fails, a token scanner finds the cut exactly. Each chunk's items are
checked on whole columns and folded into :class:`matching.screen.PairSink`; what the
whole-file path would say about an item (the first bad shape, unknown id, non-finite score or
repeated pair, with the same field path) is worked out from what the sink records. Invalid
JSON and unreadable bytes get the standard library's message at the position in the whole
file (:mod:`matching.stream_errors`).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from matching.stream_fast import fast_columns

try:  # a C JSON parser, about twice as fast; the standard library's decides every doubt
    import orjson
except ImportError:  # pragma: no cover - orjson is a dependency, but matching runs without it
    orjson = None  # type: ignore[assignment]

__all__ = [
    "CHUNK",
    "STREAM_FROM",
    "Invalid",
    "Layout",
    "Source",
    "Unreadable",
    "fast_decode",
    "stream_array",
    "walk_scores",
]

#: Files at least this large have their ``scores`` streamed (``python -m matching assign``): at
#: 113 MB that is faster than decoding the whole file and needs a fifth of the memory;
#: the environment variable ``MATCHING_STREAM_FROM`` (bytes) sets another size (benchmarks).
STREAM_FROM = int(os.environ.get("MATCHING_STREAM_FROM", 64 * 2**20))
#: Bytes of ``scores`` items decoded at once.
CHUNK = 8 * 2**20

# Bytes of a number's digits -> "0", of ".eE+" -> "x", all others -> " ": an integer literal of
# 19 or more digits shows as " " followed by 19 "0" (see fast_decode).
_DIGIT_RUNS = bytes(
    ord("0") if c in b"0123456789" else ord("x") if c in b".eE+" else ord(" ") for c in range(256)
)
_WS = b" \t\n\r"
_SCAN = json.JSONDecoder()
_MAX_VALUE = 256 * 2**20  # a field other than scores read at once
# A whole string, or a structural character; a lone quote is a string not closed in the buffer.
_TOKEN = re.compile(rb'"(?:[^"\\]|\\.)*"|[\[\]{},]|"', re.S)


def fast_decode(raw: bytes) -> object:
    """``raw`` parsed by orjson when it gives what :func:`json.loads` gives, else ``None``.

    orjson rejects what the standard library accepts beyond strict JSON (``NaN``,
    ``Infinity``, ``1e400``, lone surrogates) and reads an integer outside the 64-bit range
    as a float; both parsers agree on everything else (floats are correctly rounded in both).
    So: no integer literal of 19 digits or more (cheap to rule out on the bytes; an id of such
    digits only costs the slow path) and no orjson error, or the standard library decides.

    Examples
    --------
    >>> fast_decode(b'[1, "a"]'), fast_decode(b"[NaN]"), fast_decode(b"[10000000000000000000]")
    ([1, 'a'], None, None)
    """
    if orjson is None:
        return None
    digits = raw.translate(_DIGIT_RUNS)
    if digits.startswith(b"0" * 19) or digits.find(b" " + b"0" * 19) >= 0:
        return None
    del digits
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError:
        return None


class Invalid(Exception):
    """The file is not valid JSON; ``at`` is the byte offset where the reader noticed it and
    ``wrapped``, when the error lies in a ``scores`` chunk, the chunk's text as decoded
    (``prefix`` + chunk) with the byte offset of the chunk in the file."""

    def __init__(self, at: int, chunk: tuple[str, bytes, int] | None = None) -> None:
        super().__init__(at)
        self.at = at
        self.chunk = chunk


class Unreadable(Exception):
    """A byte sequence that is not UTF-8: ``start``/``end`` are offsets in the file."""

    def __init__(self, start: int, end: int, byte: int, reason: str) -> None:
        super().__init__(start)
        self.start, self.end, self.byte, self.reason = start, end, byte, reason

    def message(self) -> str:
        """As :class:`UnicodeDecodeError` says it for the whole file."""
        if self.end - self.start == 1:
            where = f"byte 0x{self.byte:02x} in position {self.start}"
        else:
            where = f"bytes in position {self.start}-{self.end - 1}"
        return f"'utf-8' codec can't decode {where}: {self.reason}"


class Source:
    """A binary file read forwards in blocks; positions are byte offsets in the file."""

    def __init__(self, f: BinaryIO, block: int, start: int = 0) -> None:
        f.seek(start)
        self.f, self.block = f, block
        self.buf, self.base, self.eof = b"", start, False

    @property
    def end(self) -> int:
        """Offset just past the bytes read so far."""
        return self.base + len(self.buf)

    def fill(self, upto: int) -> None:
        """Read until the buffer reaches ``upto`` (or the end of the file)."""
        while self.end < upto and not self.eof:
            data = self.f.read(max(self.block, upto - self.end))
            if not data:
                self.eof = True
            self.buf += data

    def more(self) -> bool:
        """Read one more block; false at the end of the file."""
        before = self.end
        self.fill(self.end + self.block)
        return self.end > before

    def drop(self, pos: int) -> None:
        """Forget the bytes before ``pos``."""
        self.fill(pos)
        if pos > self.base:
            self.buf = self.buf[pos - self.base :]
            self.base = pos

    def byte(self, pos: int) -> int | None:
        self.fill(pos + 1)
        return self.buf[pos - self.base] if pos < self.end else None

    def skip_ws(self, pos: int) -> int:
        while True:
            self.fill(pos + 1)
            while pos < self.end and self.buf[pos - self.base] in _WS:
                pos += 1
            if pos < self.end or self.eof:
                return pos

    def token(self, pos: int) -> re.Match[bytes] | None:
        """The next whole token at or after ``pos`` (reads on while a string is open)."""
        while True:
            m = _TOKEN.search(self.buf, pos - self.base)
            if m is not None and m.group() != b'"':
                return m
            start = pos if m is None else self.base + m.start()
            if not self.more():
                return m
            pos = start


@dataclass
class Layout:
    """What the walk found: the streamed arrays (``(open, close)`` offsets of their brackets),
    the one being read (``open``), and the sink and offset of the ``scores`` value that
    counts (the last key, as :func:`json.load` keeps it)."""

    arrays: list[tuple[int, int]] = field(default_factory=list)
    open: int = -1
    scores: Any = None
    scores_at: int = -1


def walk_scores(
    f: BinaryIO, layout: Layout, make_sink: Callable[[], Any], *, chunk: int = CHUNK
) -> bool:
    """Walk the top-level object of ``f``, feeding every ``scores`` array to a new sink and
    noting in ``layout`` what it found.

    Returns false when the file does not start with an object (the whole-file reader decides
    then). Raises :class:`Invalid` where the file stops being JSON (the caller works out the
    standard library's message) and :class:`Unreadable` on bytes that are not UTF-8 inside a
    streamed array.
    """
    src = Source(f, chunk)
    pos = src.skip_ws(0)
    if src.byte(pos) != ord("{"):
        return False
    pos = src.skip_ws(pos + 1)
    if src.byte(pos) == ord("}"):
        return _after_object(src, pos, layout)
    while True:
        if src.byte(pos) != ord('"'):
            raise Invalid(pos)
        m = src.token(pos)
        if m is None or m.group() == b'"' or src.base + m.start() != pos:
            raise Invalid(pos)
        try:
            key = json.loads(m.group().decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            raise Invalid(pos) from None
        pos = src.skip_ws(src.base + m.end())
        if src.byte(pos) != ord(":"):
            raise Invalid(pos)
        pos = src.skip_ws(pos + 1)
        if key == "scores" and src.byte(pos) == ord("["):
            sink = make_sink()
            layout.open = pos
            close = stream_array(src, pos, sink, chunk)
            layout.arrays.append((pos, close))
            layout.scores, layout.scores_at = sink, pos
            pos = close + 1
        else:
            if key == "scores":
                layout.scores = None
            pos = _skip_value(src, pos)
        src.drop(pos)
        pos = src.skip_ws(pos)
        b = src.byte(pos)
        if b == ord("}"):
            return _after_object(src, pos, layout)
        if b != ord(","):
            raise Invalid(pos)
        pos = src.skip_ws(pos + 1)


def _after_object(src: Source, pos: int, layout: Layout) -> bool:
    pos = src.skip_ws(pos + 1)
    if src.byte(pos) is not None:
        raise Invalid(pos)
    return True


def _skip_value(src: Source, pos: int) -> int:
    """Offset just past the value at ``pos`` (lax: the standard library checks it later)."""
    b = src.byte(pos)
    if b is None:
        raise Invalid(pos)
    if b not in b'[{"':
        while True:
            src.fill(pos + 1)
            while pos < src.end and src.buf[pos - src.base] not in b",]} \t\n\r":
                pos += 1
            if pos < src.end or src.eof:
                return pos
    end = _decoded_end(src, pos)
    if end is not None:
        return end
    depth = 0  # not JSON: a lax token scan finds where it ends, the caller's decoder says why
    while True:
        m = src.token(pos)
        if m is None or m.group() == b'"':
            raise Invalid(pos)
        tok = m.group()
        pos = src.base + m.end()
        if tok in (b"[", b"{"):
            depth += 1
        elif tok in (b"]", b"}"):
            depth -= 1
        if depth <= 0 and tok != b",":
            return pos


def _decoded_end(src: Source, pos: int) -> int | None:
    """Offset just past the array, object or string at ``pos`` by the standard library's
    scanner (in C), reading on while the buffer cuts the value; ``None`` if it fails."""
    while True:
        raw = src.buf[pos - src.base :]
        cut = len(raw) if src.eof else max(raw.rfind(b","), raw.rfind(b"]"), raw.rfind(b"}")) + 1
        try:
            text = raw[:cut].decode("utf-8")
            _, end = _SCAN.raw_decode(text)
            return pos + len(text[:end].encode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            if src.eof or len(raw) > _MAX_VALUE:
                return None
            src.fill(src.end + max(len(raw), src.block))


def _guess_cut(buf: bytes, start: int, limit: int) -> int | None:
    """Index in ``buf`` of a comma after a ``]`` (the last one before ``limit``), if any."""
    j = limit
    for _ in range(4):
        j = buf.rfind(b"]", start, j)
        if j < 0:
            return None
        k = j + 1
        while k < len(buf) and buf[k] in _WS:
            k += 1
        if k < len(buf) and buf[k] == ord(","):
            return k
    return None


def _exact_cut(src: Source, pos: int, chunk: int) -> tuple[int, str]:
    """Where the chunk from ``pos`` ends, by a token scan that starts between two items.

    Returns ``(offset, kind)``: ``"comma"`` (a separator between items), ``"close"`` (the
    array's closing bracket) or ``"error"`` (the chunk ends just past where the array stops
    being JSON, or at the end of the file).
    """
    depth, comma = 1, -1
    while True:
        m = src.token(pos)
        if m is None or m.group() == b'"':
            if comma >= 0 and not src.eof:
                return comma, "comma"
            return src.end, "error"
        tok, at = m.group(), src.base + m.start()
        pos = src.base + m.end()
        if tok in (b"[", b"{"):
            depth += 1
        elif tok in (b"]", b"}"):
            depth -= 1
            if depth == 0:
                return (at, "close") if tok == b"]" else (pos, "error")
            if depth < 0:
                return pos, "error"
        elif tok == b"," and depth == 1:
            comma = at
            if at - src.base >= chunk:
                return comma, "comma"


def _decode_items(chunk: bytes, first: bool, closed: bool) -> list[Any] | None:
    """The items of a chunk (as :func:`json.loads` reads them), or ``None`` if not JSON.

    Raises :class:`UnicodeDecodeError` (offsets within the chunk) on bytes that are not UTF-8.
    """
    prefix = b"[" if first else b"[0,"
    wrapped = prefix + chunk + (b"]" if closed else b"")
    items = fast_decode(wrapped)
    if items is None:
        text = chunk.decode("utf-8")
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        try:
            items = json.loads(prefix.decode() + text + ("]" if closed else ""))
        except json.JSONDecodeError:
            return None
    assert isinstance(items, list)
    return items if first else items[1:]


def stream_array(src: Source, open_at: int, sink: Any, chunk: int) -> int:
    """Feed the items of the array opening at ``open_at`` to ``sink.feed(items, index)``;
    returns the offset of its closing bracket."""
    pos, first, index = open_at + 1, True, 0
    while True:
        src.drop(pos)
        src.fill(pos + chunk + 1)
        kind, cut = "comma", -1
        guess = _guess_cut(src.buf, 0, min(chunk, len(src.buf)))
        done = -1
        if guess is not None and guess > 0:
            cut = src.base + guess
            done = _feed(src, pos, cut, first, True, sink, index)
        if done < 0:
            cut, kind = _exact_cut(src, pos, chunk)
            done = _feed(src, pos, cut, first, kind != "error", sink, index)
            if done < 0 or kind == "error":
                prefix = "[" if first else "[0,"
                raise Invalid(cut, (prefix, src.buf, pos))
        index += done
        if kind == "close":
            return cut
        pos, first = cut + 1, False


def _feed(src: Source, pos: int, cut: int, first: bool, closed: bool, sink: Any, index: int) -> int:
    """Feed the chunk ``[pos, cut)`` to the sink (on its bytes when it takes them); returns
    the number of items, or -1 when the chunk is not JSON."""
    chunk = src.buf[pos - src.base : cut - src.base]
    if closed and hasattr(sink, "feed_fast"):
        columns = fast_columns(chunk)
        if columns is not None and sink.feed_fast(columns, index):
            return len(columns.values)
    try:
        items = _decode_items(chunk, first, closed)
    except UnicodeDecodeError as err:
        raise Unreadable(
            pos + err.start, pos + err.end, src.buf[pos - src.base + err.start], err.reason
        ) from None
    if items is None:
        return -1
    sink.feed(items, index)
    return len(items)
