"""Views whose writes need another role than their reads (``backend.api.permissions``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from rest_framework.permissions import SAFE_METHODS, BasePermission


class WriteRolesMixin:
    """Reads are checked with ``permission_classes``, writes with ``write_permission_classes``.

    E.g. any HR lists the programmes, only HR for the whole organisation creates one.
    """

    write_permission_classes: ClassVar[Sequence[type[BasePermission]]] = ()
    request: Any

    def get_permissions(self) -> list[BasePermission]:
        """The classes for the request's method, instantiated."""
        if self.request.method not in SAFE_METHODS and self.write_permission_classes:
            return [permission() for permission in self.write_permission_classes]
        return super().get_permissions()  # type: ignore[misc]
