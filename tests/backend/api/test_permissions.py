"""Every endpoint declares who may call it, with a role from ``backend.api.permissions``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver
from rest_framework.views import APIView

from backend.api import permissions

ROLES = {getattr(permissions, name) for name in permissions.__all__}
SCHEMA_VIEWS = {"SpectacularAPIView", "SpectacularSwaggerSplitView"}


def _views(patterns: list[Any], prefix: str = "") -> Iterator[tuple[str, type[APIView]]]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _views(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            cls = getattr(pattern.callback, "view_class", None) or getattr(
                pattern.callback, "cls", None
            )
            if isinstance(cls, type) and issubclass(cls, APIView):
                yield prefix + str(pattern.pattern), cls


def _declared_here(cls: type[APIView]) -> bool:
    """True when a class of the project (not DRF's own base) sets ``permission_classes``."""
    return any(
        "permission_classes" in vars(klass)
        for klass in cls.__mro__
        if klass.__module__.startswith(("backend.", "onboarding."))
    )


def test_every_api_view_declares_its_roles_from_the_one_permissions_module() -> None:
    views = [
        (route, cls)
        for route, cls in _views(get_resolver().url_patterns)
        if route.startswith("api/") and cls.__name__ not in SCHEMA_VIEWS
    ]
    assert len(views) > 80  # the whole API, not an empty walk
    undeclared = [route for route, cls in views if not _declared_here(cls)]
    assert undeclared == []
    foreign = [
        (route, role.__name__)
        for route, cls in views
        for role in [*cls.permission_classes, *getattr(cls, "write_permission_classes", ())]
        if role not in ROLES
    ]
    assert foreign == []
