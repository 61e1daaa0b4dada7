"""The API's JSON renderer: DRF's output, encoded by orjson.

DRF encodes with the standard library's ``json`` and its ``JSONEncoder`` for dates, decimals,
lazy translations and the like: about a millisecond for a page of 50 leaders, a tenth of the
request. orjson writes the same JSON (compact, UTF-8) several times faster; whatever it does not
encode natively goes through DRF's own encoder (``default``), datetimes included, so that they
read exactly as before (``...Z``). An indented response (the browsable API, ``; indent=``) and
anything orjson refuses (an integer beyond 64 bits) are left to DRF.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import orjson
from rest_framework import renderers
from rest_framework.utils.encoders import JSONEncoder

_OPTIONS = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_NON_STR_KEYS | orjson.OPT_SERIALIZE_NUMPY
_default = JSONEncoder().default


class JSONRenderer(renderers.JSONRenderer):
    """``rest_framework.renderers.JSONRenderer`` with the same output, faster."""

    def render(
        self,
        data: Any,
        accepted_media_type: str | None = None,
        renderer_context: Mapping[str, Any] | None = None,
    ) -> bytes:
        """Render ``data`` as compact UTF-8 JSON (DRF's renderer when indented or refused)."""
        if data is None:
            return b""
        if self.get_indent(accepted_media_type or "", dict(renderer_context or {})):
            return super().render(data, accepted_media_type, renderer_context)
        try:
            return orjson.dumps(data, default=_default, option=_OPTIONS)
        except orjson.JSONEncodeError:
            return super().render(data, accepted_media_type, renderer_context)
