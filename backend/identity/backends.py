"""The local-password login, refused where the organisation logs in through its IdP only."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.http import HttpRequest

from backend.identity.models import IdentityProvider
from backend.people.models import User


def local_password_allowed(user: User) -> bool:
    """Whether this login may use a password: yes, unless its organisation turned them off.

    An administrator (a superuser, or the organisation's ``admin`` role) always may: the
    break-glass login for the day the IdP is down or misconfigured.
    """
    if user.is_superuser or user.role == User.Role.ADMIN or user.organisation_id is None:
        return True
    return not IdentityProvider.objects.filter(
        organisation_id=user.organisation_id, sso_enabled=True, local_passwords_enabled=False
    ).exists()


class LocalPasswordBackend(ModelBackend):
    """Django's username and password login, minus organisations whose passwords are off."""

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> User | None:
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if isinstance(user, User) and local_password_allowed(user):
            return user
        return None
