"""DRF permission classes for the people APIs; the rules themselves live in ``access``.

These only answer "may this kind of user call this endpoint at all"; which rows they see is the
selectors' business (out-of-scope rows are 404, never 403).
"""

from __future__ import annotations

from typing import Any

from rest_framework.permissions import BasePermission
from rest_framework.request import Request

from backend.people import access


class IsOrganisationMember(BasePermission):
    """Any logged-in user who belongs to an organisation (HR or leader)."""

    def has_permission(self, request: Request, view: Any) -> bool:
        return access.organisation_id_of(request.user) is not None  # type: ignore[arg-type]


class IsHR(BasePermission):
    """HR (or an admin) of an organisation."""

    def has_permission(self, request: Request, view: Any) -> bool:
        return access.is_hr(request.user)  # type: ignore[arg-type]


class IsLeaderUser(BasePermission):
    """A user who logs in as a leader (has their own profile, competencies and needs)."""

    def has_permission(self, request: Request, view: Any) -> bool:
        user = request.user
        return bool(user.is_authenticated and getattr(user, "leader_id", None) is not None)


class ReadOrgWriteHR(BasePermission):
    """Reads for anyone in the organisation; writes for HR only."""

    def has_permission(self, request: Request, view: Any) -> bool:
        if request.method in ("GET", "HEAD", "OPTIONS"):
            return access.organisation_id_of(request.user) is not None  # type: ignore[arg-type]
        return access.is_hr(request.user)  # type: ignore[arg-type]
