"""The OpenAPI schema of the people endpoints generates without a warning and validates."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import include, path
from drf_spectacular.drainage import GENERATOR_STATS
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.plumbing import _load_enum_name_overrides
from drf_spectacular.settings import patched_settings
from drf_spectacular.validation import validate_schema

from backend.people.schema import ENUM_NAME_OVERRIDES


def _schema() -> dict[str, Any]:
    patterns = [path("api/", include("backend.people.urls"))]
    return SchemaGenerator(patterns=patterns).get_schema(request=None, public=True)


@pytest.mark.django_db
def test_people_schema_has_no_warnings_and_validates() -> None:
    GENERATOR_STATS.reset()
    _load_enum_name_overrides.cache_clear()
    try:
        with patched_settings({"ENUM_NAME_OVERRIDES": ENUM_NAME_OVERRIDES}):
            schema = _schema()
        warnings = dict(GENERATOR_STATS._warn_cache)
        errors = dict(GENERATOR_STATS._error_cache)
    finally:
        GENERATOR_STATS.reset()
        _load_enum_name_overrides.cache_clear()
    assert warnings == {}
    assert errors == {}
    validate_schema(schema)
    paths = schema["paths"]
    assert "/api/leaders/{leader_id}/line/" in paths
    assert "/api/me/support-needs/{need_id}/" in paths
    # The HR support-need list documents its required purpose.
    parameters = paths["/api/support-needs/"]["get"]["parameters"]
    assert any(p["name"] == "purpose" and p["required"] for p in parameters)
    me = schema["components"]["schemas"]["Me"]["properties"]
    assert {
        "id",
        "username",
        "display_name",
        "role",
        "organisation",
        "leader_id",
        "is_boss",
        "language",
    } == set(me)
