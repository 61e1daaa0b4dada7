"""The common case of a ``scores`` chunk read on its bytes with numpy, no object per item.

A chunk qualifies when it is ASCII without a backslash and, once the whitespace outside
strings is removed, every item is exactly ``["id","id",number]`` with ids of at most 16 bytes
and numbers in JSON's grammar (integers below 19 digits): then it is valid JSON whose items
the standard library would read as two strings and a number, and the columns come out of
array arithmetic. Anything else (escapes, other shapes, long ids, bad numbers) returns
``None`` and the chunk is decoded by a JSON parser instead, which also words any error.
Numbers are converted by numpy's cast of byte strings to float64 (correctly rounded, as the
parsers do).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

__all__ = ["FastColumns", "fast_columns"]

_WIDTH = 16  # longest id read here (two 64-bit words)
_MIX = np.uint64(0x9E3779B97F4A7C15)
_NUMBER_BYTES = np.zeros(256, dtype=bool)
_NUMBER_BYTES[list(b"0123456789+-.eE")] = True

# 10**0 .. 10**27, exact in the extended type (5**27 < 2**64): built by exact products.
_POWERS = np.cumprod(np.full(28, 10, dtype=np.longdouble)) / np.longdouble(10)

U8 = NDArray[np.uint8]
U64 = NDArray[np.uint64]


@dataclass(frozen=True, slots=True)
class FastColumns:
    """A chunk's columns: per id column the two words of each id (zero-padded bytes), their
    mix as one lookup key, and the scores."""

    mentee_words: U64  # shape (n, 2)
    mentor_words: U64
    values: NDArray[np.float64]

    @staticmethod
    def key(words: U64) -> U64:
        """One 64-bit key per id: exact (the first word) for ids of up to 8 bytes."""
        with np.errstate(over="ignore"):
            return np.asarray(words[:, 0] ^ (words[:, 1] * _MIX), dtype=np.uint64)


def id_words(name: str) -> tuple[int, int] | None:
    """The two words of an id as :func:`fast_columns` reads it, or ``None`` when it cannot
    be read there (not ASCII, longer than 16 bytes, or a byte the fast path refuses).

    Examples
    --------
    >>> id_words("E1") == tuple(np.frombuffer(b"E1".ljust(16, b"\\0"), np.uint64).tolist())
    True
    """
    raw = name.encode("utf-8", "surrogatepass")
    if len(raw) > _WIDTH or not raw.isascii() or any(c < 32 or c in b'"\\' for c in raw):
        return None
    w0, w1 = np.frombuffer(raw.ljust(_WIDTH, b"\0"), np.uint64).tolist()
    return int(w0), int(w1)


def _ids(b: U8, start: NDArray[np.intp], length: NDArray[np.intp]) -> U64:
    width = 8 if int(length.max(initial=0)) <= 8 else _WIDTH
    at = start[:, None] + np.arange(width)
    raw = b[np.minimum(at, len(b) - 1)]
    raw[np.arange(width)[None, :] >= length[:, None]] = 0
    if width == 8:
        raw = np.concatenate((raw, np.zeros_like(raw)), axis=1)
    return np.ascontiguousarray(raw).view(np.uint64).reshape(-1, 2)


def _numbers(b: U8, start: NDArray[np.intp], end: NDArray[np.intp]) -> NDArray[np.float64] | None:
    """The numbers ``b[start[k]:end[k]]`` as :func:`json.loads` reads them, or ``None``
    unless each is a JSON number (an integer of 19 digits or more is left to the parsers)."""
    length = end - start
    width = int(length.max())
    if int(length.min()) < 1 or width > 32:
        return None
    cols = np.arange(width)
    pad = cols[None, :] >= length[:, None]
    M = b[np.minimum(start[:, None] + cols, len(b) - 1)]
    M[pad] = 0
    if not (_NUMBER_BYTES[M] | pad).all():
        return None
    digit = (M >= 48) & (M <= 57)
    dot = ord(".") == M
    exp = (ord("e") == M) | (ord("E") == M)
    # float() also takes "+1", "01", "1." and ".5"; JSON does not.
    lead = (M[:, 0] == ord("-")).astype(np.intp)
    rows = np.arange(len(M))
    first = M[rows, np.minimum(lead, width - 1)]
    second = M[rows, np.minimum(lead + 1, width - 1)]
    zero = (first == ord("0")) & (lead + 1 < length)
    if (
        (M[:, 0] == ord("+")).any()
        or (zero & (second >= 48) & (second <= 57)).any()
        or (dot[:, 1:] & ~digit[:, :-1]).any()
        or dot[:, 0].any()
        or (dot[:, :-1] & ~digit[:, 1:]).any()
        or dot[:, -1].any()
    ):
        return None
    integer = ~(dot | exp).any(axis=1)
    if (integer & (length - lead >= 19)).any():
        return None
    values, exact = _decimal(M, digit, dot, exp, lead)
    if not exact.all():
        try:
            slow = np.ascontiguousarray(M[~exact]).view(f"S{width}").ravel()
            values[~exact] = slow.astype(np.float64)
        except ValueError:  # not a number after all ("1e", "-", "1e+-2", "1.2.3")
            return None
    values[(values == 0) & integer] = 0.0  # "-0" is the integer 0, never -0.0
    return values


def _decimal(
    M: U8, digit: NDArray[np.bool_], dot: NDArray[np.bool_], exp: NDArray[np.bool_], lead: Any
) -> tuple[NDArray[np.float64], NDArray[np.bool_]]:
    """The numbers of ``M`` (one per row) where they can be computed exactly here, and where.

    A number ``m * 10**k`` with ``m < 10**19`` and ``|k| <= 27`` has ``m`` and ``10**|k|``
    exact in the 64-bit mantissa of the x87 extended type, so one multiplication or division
    rounds the true value once; rounding that to float64 gives the correctly rounded value
    unless it lies exactly halfway between two float64 values (then the caller converts the
    row another way), as it does where the extended type is not 80 bits wide.
    """
    n, width = M.shape
    values = np.zeros(n)
    if np.finfo(np.longdouble).nmant != 63 or n == 0:
        return values, np.zeros(n, dtype=bool)
    cols = np.arange(width)
    at_e = np.where(exp.any(axis=1), exp.argmax(axis=1), width)
    at_dot = np.where(dot.any(axis=1), dot.argmax(axis=1), width)
    T = np.ascontiguousarray(M.T)  # one number per column: each step below reads a row
    mant = np.ascontiguousarray((digit & (cols[None, :] < at_e[:, None])).T)
    power_digits = np.ascontiguousarray((digit & (cols[None, :] > at_e[:, None])).T)
    count = mant.sum(axis=0)
    fraction = (mant & (cols[:, None] > at_dot[None, :])).sum(axis=0)
    negative_e = ((ord("-") == M) & (cols[None, :] > at_e[:, None])).any(axis=1)
    m = np.zeros(n, dtype=np.uint64)
    e = np.zeros(n, dtype=np.int64)
    ten = np.uint64(10)
    for c in range(width):
        d = T[c].astype(np.uint64) - np.uint64(48)
        m = np.where(mant[c], m * ten + d, m)
        e = np.where(power_digits[c], np.minimum(e * 10 + d.astype(np.int64), 999), e)
    k = np.where(negative_e, -e, e) - fraction
    exact = (count <= 19) & (np.abs(k) <= 27)
    k = np.where(exact, k, 0)
    power = _POWERS[np.abs(k)]
    big = m.astype(np.longdouble)
    q = np.where(k >= 0, big * power, big / power)
    low_bits = q.view(np.uint64).reshape(n, 2)[:, 0] & np.uint64(0x7FF)
    exact &= low_bits != np.uint64(0x400)
    values = q.astype(np.float64)
    values[lead.astype(bool)] *= -1.0
    return values, exact


def fast_columns(chunk: bytes) -> FastColumns | None:
    """The columns of a chunk of items in the common form, or ``None`` (see module docstring).

    Examples
    --------
    >>> cols = fast_columns(b' ["E1", "M2", -0.5],["E10","M2",3]')
    >>> cols.values.tolist(), int(FastColumns.key(cols.mentee_words)[0]) == id_words("E1")[0]
    ([-0.5, 3.0], True)
    >>> fast_columns(b'["E1", "M2", 01]') is None, fast_columns(b'["E\\\\u0031", "M2", 1]') is None
    (True, True)
    """
    if b"\\" in chunk or not chunk.isascii():
        return None
    a = np.frombuffer(chunk, dtype=np.uint8)
    if len(chunk.translate(None, b" \t\n\r")) == len(chunk):
        b = a
    else:  # drop the whitespace outside strings
        inside = (np.cumsum(a == ord('"'), dtype=np.uint8) & 1).astype(bool)
        kept = np.flatnonzero(~(((a == 32) | (a == 10) | (a == 13) | (a == 9)) & ~inside))
        b = a[kept]
        joined = np.flatnonzero(np.diff(kept) > 1)  # b[j] and b[j + 1] had space between
        if (_NUMBER_BYTES[b[joined]] & _NUMBER_BYTES[b[joined + 1]]).any():
            return None  # "1 2" or "1\r.5" is not one number
    if len(b) == 0 or (b < 32).any():  # an empty chunk: the parsers tell "[]" from "[0,]"
        return None
    q = np.flatnonzero(b == ord('"'))
    if len(q) == 0 or len(q) % 4:
        return None
    q0, q1, q2, q3 = q.reshape(-1, 4).T
    starts = q0 - 1
    ends = np.empty_like(starts)
    ends[:-1], ends[-1] = starts[1:] - 2, len(b) - 1
    if (
        starts[0] != 0
        or (b[starts] != ord("[")).any()
        or (b[ends] != ord("]")).any()
        or (b[ends[:-1] + 1] != ord(",")).any()
        or (q2 != q1 + 2).any()
        or (b[q1 + 1] != ord(",")).any()
        or (b[q3 + 1] != ord(",")).any()
        or max(int((q1 - q0).max()), int((q3 - q2).max())) > _WIDTH + 1
    ):
        return None
    values = _numbers(b, q3 + 2, ends)
    if values is None:
        return None
    return FastColumns(_ids(b, q0 + 1, q1 - q0 - 1), _ids(b, q2 + 1, q3 - q2 - 1), values)
