"""Who may call an endpoint at all: the roles, in one place for every app.

The one rule for 404 and 403 (docs/architecture.md, "Permissions"):

- **403** to an anonymous caller too: session authentication comes first, and DRF answers
  403 where it has no ``WWW-Authenticate`` challenge to send (a token client gets 401).
- **403** — a *role* check failed: the caller is not the kind of user this endpoint is for (a
  leader calling an HR endpoint, HR without a leader profile calling a leader's own endpoint,
  scoped HR doing an organisation-wide write), or the caller can see the object but may not do
  this to it (a leader editing an item that HR owns). A role check runs *before* any row is read,
  so a 403 tells nothing about which objects exist.
- **404** — the object is not yours to know about: it is outside your scope (another
  organisation, a leader's private need, a pairing you are not in). Out-of-scope rows are
  *not found*, never *forbidden*, so their existence does not leak. Selectors and services
  scope every lookup by the acting user and raise ``Http404``/``DoesNotExist`` for such rows.

Every view declares ``permission_classes`` with one of the classes below; which rows a caller
sees is decided by the selectors and services (through ``backend.people.access``), never here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar, cast

from rest_framework.permissions import SAFE_METHODS, AllowAny, BasePermission
from rest_framework.request import Request

from backend.people import access
from backend.people.models import Leader, User

__all__ = [
    "Anyone",
    "IsAuthenticatedUser",
    "IsHR",
    "IsLeaderUser",
    "IsOrgWideHR",
    "IsOrganisationMember",
    "ReadOrgWriteHR",
    "WriteRolesMixin",
    "request_leader",
    "request_user",
]

_READS = ("GET", "HEAD", "OPTIONS")


def request_user(request: Request) -> User:
    """Return the request's user as a ``User``.

    Only for views whose permission classes require a login (every class here does), so the
    user is never anonymous.
    """
    return cast(User, request.user)


def request_leader(request: Request) -> Leader:
    """Return the leader the request's user logs in as.

    Only for views guarded by ``IsLeaderUser``, which guarantees the user has a leader.
    """
    leader = request_user(request).leader
    assert leader is not None, "request_leader needs IsLeaderUser on the view"
    return leader


# Anyone, logged in or not: only for logging in and out and the CSRF cookie. DRF's own class, as
# drf-spectacular marks exactly ``AllowAny`` endpoints as open to anonymous callers.
Anyone = AllowAny


class IsAuthenticatedUser(BasePermission):
    """Any logged-in user; what they see is scoped row by row (the rest is 404)."""

    def has_permission(self, request: Request, view: Any) -> bool:
        return bool(request.user and request.user.is_authenticated)


class IsOrganisationMember(BasePermission):
    """Any logged-in user who belongs to an organisation (HR or leader)."""

    def has_permission(self, request: Request, view: Any) -> bool:
        return access.organisation_id_of(request_user(request)) is not None


class IsHR(BasePermission):
    """HR (or an admin) of an organisation; everyone else is refused (403)."""

    def has_permission(self, request: Request, view: Any) -> bool:
        return access.is_hr(request_user(request))


class IsOrgWideHR(BasePermission):
    """HR for the whole organisation: HR scoped to some administrations is refused (403)."""

    def has_permission(self, request: Request, view: Any) -> bool:
        return access.is_org_wide_hr(request_user(request))


class IsLeaderUser(BasePermission):
    """A user who logs in as a leader (has their own profile, plan, pairs and needs)."""

    def has_permission(self, request: Request, view: Any) -> bool:
        user = request.user
        return bool(user and user.is_authenticated and getattr(user, "leader_id", None))


class ReadOrgWriteHR(BasePermission):
    """Reads for anyone in the organisation; writes for HR only."""

    def has_permission(self, request: Request, view: Any) -> bool:
        user = request_user(request)
        if request.method in _READS:
            return access.organisation_id_of(user) is not None
        return access.is_hr(user)


class WriteRolesMixin:
    """A view whose writes need another role than its reads.

    Reads are checked with ``permission_classes``, writes with ``write_permission_classes``;
    e.g. any HR lists the programmes, only HR for the whole organisation creates one.
    """

    write_permission_classes: ClassVar[Sequence[type[BasePermission]]] = ()
    request: Any

    def get_permissions(self) -> list[BasePermission]:
        """The classes for the request's method, instantiated."""
        if self.request.method not in SAFE_METHODS and self.write_permission_classes:
            return [permission() for permission in self.write_permission_classes]
        return super().get_permissions()  # type: ignore[misc]
