"""The API's JSON renderer writes what DRF's writes: the same bytes for everything the API
returns (dates, times, decimals, lazy translations, ids, numpy numbers), DRF's renderer for
an indented answer and for what orjson refuses."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from decimal import Decimal

import numpy as np
import pytest
from django.utils.translation import gettext_lazy
from hypothesis import given
from hypothesis import strategies as st
from rest_framework import renderers

from backend.api.renderers import JSONRenderer

UTC = dt.UTC
CET = dt.timezone(dt.timedelta(hours=1))

SAMPLES = [
    {"id": 1, "name": "Ældre og Sundhed", "ok": True, "none": None, "score": 0.1 + 0.2},
    {"at": dt.datetime(2026, 12, 5, 9, 30, 1, 123456, tzinfo=UTC)},
    {"at": dt.datetime(2026, 12, 5, 9, 30, tzinfo=CET), "naive": dt.datetime(2026, 1, 2, 3, 4)},
    {"on": dt.date(2026, 12, 5), "time": dt.time(9, 30), "span": dt.timedelta(minutes=45)},
    {"amount": Decimal("12.50"), "id": uuid.UUID(int=7)},
    {"label": gettext_lazy("Leaders"), "nested": [{"a": [1, 2, {"b": "c"}]}]},
    {"counts": {3: "tre", 1: "en"}, "n": np.int64(4), "x": np.float64(1.5)},
    [],
    'tekst med "citat" og \\ og \n ny linje',
]


@pytest.mark.parametrize("data", SAMPLES)
def test_same_bytes_as_drf(data: object) -> None:
    assert JSONRenderer().render(data) == renderers.JSONRenderer().render(data)


def test_none_is_an_empty_body_and_indent_is_drfs() -> None:
    assert JSONRenderer().render(None) == b""
    data = {"a": [1, 2]}
    indented = JSONRenderer().render(data, "application/json; indent=2")
    assert indented == renderers.JSONRenderer().render(data, "application/json; indent=2")
    assert b"\n  " in indented


def test_a_number_beyond_64_bits_falls_back_to_drf() -> None:
    data = {"big": 2**70}
    assert JSONRenderer().render(data) == renderers.JSONRenderer().render(data)


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**63), 2**63 - 1)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@given(json_values)
def test_random_documents_read_back_the_same(data: object) -> None:
    """Any JSON document reads back equal (DRF escapes U+2028/U+2029, orjson need not)."""
    assert json.loads(JSONRenderer().render(data) or b"null") == data
