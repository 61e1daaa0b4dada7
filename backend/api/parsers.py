"""The JSON parser for every endpoint: bodies nested too deeply are a 400, never a 500.

A body such as ``[[[[...]]]]`` 1 000 levels deep is about 2 KB, yet it makes Python's JSON
decoder raise ``RecursionError`` (a 500 with DRF's own parser), and a few hundred levels that do
decode can still exhaust the stack later in a serializer or a renderer. No request of this API
nests deeper than a handful of levels, so anything past ``MAX_DEPTH`` is refused up front.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

__all__ = ["MAX_DEPTH", "DepthLimitedJSONParser", "nesting_depth"]

MAX_DEPTH = 32


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
        message = _("The JSON body is nested too deeply (at most %(max)d levels).") % {
            "max": MAX_DEPTH
        }
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError as exc:
            raise ParseError(message) from exc
        if nesting_depth(data) > MAX_DEPTH:
            raise ParseError(message)
        return data
