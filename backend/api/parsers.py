"""The JSON parser for every endpoint: bodies nested too deeply are a 400, never a 500.

A body such as ``[[[[...]]]]`` 1 000 levels deep is about 2 KB, yet it makes Python's JSON
decoder raise ``RecursionError`` (a 500 with DRF's own parser), and a few hundred levels that do
decode can still exhaust the stack later in a serializer or a renderer. No request of this API
nests deeper than a handful of levels, so anything past ``MAX_DEPTH`` is refused up front.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

__all__ = [
    "MAX_DEPTH",
    "DepthLimitedJSONParser",
    "nesting_depth",
    "text_nesting_exceeds",
    "too_deep_message",
]

MAX_DEPTH = 32

_JSON_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_DEPTH_STEP = {ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}


def too_deep_message() -> str:
    """The refusal, in the active language."""
    return _("The JSON body is nested too deeply (at most %(max)d levels).") % {"max": MAX_DEPTH}


def text_nesting_exceeds(body: bytes, limit: int = MAX_DEPTH) -> bool:
    """Whether the JSON text ``body`` opens more than ``limit`` brackets at once, without decoding.

    Strings are cut out, then everything but the brackets; ``limit`` rounds of deleting the
    innermost pairs (``[]``, ``{}``) empty any text nested at most ``limit`` deep. Only what is
    left (deep, or not JSON at all) is counted bracket by bracket. C-speed ``bytes`` work, so a
    5 MB body costs milliseconds, and nothing recurses.

    Examples
    --------
    >>> text_nesting_exceeds(b'{"a": [1, {"b": "[[["}]}', limit=3)
    False
    >>> text_nesting_exceeds(b"[" * 4 + b"]" * 4, limit=3)
    True
    """
    brackets = _JSON_STRING.sub(b"", body).translate(None, _NOT_BRACKETS)
    left = brackets
    for _round in range(limit):
        if not left:
            return False
        left = left.replace(b"[]", b"").replace(b"{}", b"")
    if not left:
        return False
    return max(itertools.accumulate(_DEPTH_STEP[b] for b in brackets)) > limit


def nesting_depth(value: Any) -> int:
    """Return how deeply lists and objects nest in a decoded JSON value (a scalar is 0).

    Iterative, so it cannot itself run out of stack.

    Examples
    --------
    >>> nesting_depth(1), nesting_depth([]), nesting_depth({"a": [1, {"b": 2}]})
    (0, 1, 3)
    """
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, Mapping):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, depth + 1)
        stack.extend((child, depth + 1) for child in children)
    return deepest


class DepthLimitedJSONParser(JSONParser):
    """DRF's JSON parser, refusing bodies nested deeper than ``MAX_DEPTH`` with a 400."""

    def parse(
        self,
        stream: Any,
        media_type: str | None = None,
        parser_context: Mapping[str, Any] | None = None,
    ) -> Any:
        message = too_deep_message()
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError as exc:
            raise ParseError(message) from exc
        if nesting_depth(data) > MAX_DEPTH:
            raise ParseError(message)
        return data
