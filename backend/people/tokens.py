"""API tokens: DRF's token authentication with the token → user lookup cached.

Every API request with ``Authorization: Token …`` looks up its token and user. Under load that
lookup is a fifth of a web worker's time, so it is kept in the shared cache
(``settings.CACHES["default"]``, Redis in production) for ``settings.TOKEN_CACHE_SECONDS``.

Nothing stale is served: a token deleted (logout, a new link, a person erased) or a user saved
(deactivated, a new role or language) is dropped from the cache at once by the receivers below,
in every web process, because the cache is shared. Without a shared cache (``CACHE_URL`` unset:
the demo's one process) the setting defaults to 0 and every request reads the database.

The cached user carries no password hash: it is loaded with the password deferred, so the
hash never reaches the cache and a ``save()`` of that user writes only the fields it loaded.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from drf_spectacular.authentication import SessionScheme
from rest_framework import exceptions
from rest_framework.authentication import SessionAuthentication, TokenAuthentication
from rest_framework.authtoken.models import Token
from rest_framework.request import Request

from backend.people.models import User

_PREFIX = "sparring:token:"


def token_cache_key(key: str) -> str:
    """The cache key for a token: a hash, so no usable token is stored in the cache's key space."""
    return _PREFIX + hashlib.sha256(key.encode()).hexdigest()


def _forget(cache_keys: list[str]) -> None:
    """Delete now, and again at commit: a request in between could cache the old row again."""
    cache.delete_many(cache_keys)
    transaction.on_commit(lambda: cache.delete_many(cache_keys))


def forget_token(key: str) -> None:
    """Drop one token from the cache (it was deleted or replaced)."""
    _forget([token_cache_key(key)])


def forget_user_tokens(user_id: int) -> None:
    """Drop every token of a user from the cache (the user was saved or deleted)."""
    keys = Token.objects.filter(user_id=user_id).values_list("key", flat=True)
    _forget([token_cache_key(key) for key in keys])


class CachedTokenAuthentication(TokenAuthentication):
    """``Authorization: Token <key>``, answered from the shared cache when it can be."""

    def authenticate_credentials(self, key: str) -> tuple[Any, Any]:
        """Return ``(user, token)`` for an active user's token; 401 otherwise."""
        seconds: int = settings.TOKEN_CACHE_SECONDS
        cache_key = token_cache_key(key)
        token: Token | None = cache.get(cache_key) if seconds > 0 else None
        if token is None:
            token = (
                Token.objects.select_related("user").defer("user__password").filter(key=key).first()
            )
            if token is None:
                raise exceptions.AuthenticationFailed(_("Invalid token."))
            if seconds > 0:
                cache.set(cache_key, token, seconds)
        user: User = token.user
        if not user.is_active:
            raise exceptions.AuthenticationFailed(_("User inactive or deleted."))
        return user, token


class SessionAuthenticationWithTokenChallenge(SessionAuthentication):
    """The web app's session login, first in line, that lets a token client get its 401.

    DRF answers a failed authentication with 401 only when the *first* scheme sends a
    ``WWW-Authenticate`` challenge; the session scheme sends none (a browser must not get a
    password prompt), so a refused token (deleted, or its user deactivated) was a 403. A
    request that came with ``Authorization: Token …`` gets the token scheme's challenge: 401.
    """

    def authenticate_header(self, request: Request) -> str | None:
        header = request.META.get("HTTP_AUTHORIZATION", "")
        return "Token" if header.lower().startswith("token ") else None


class SessionWithTokenChallengeScheme(SessionScheme):
    """The OpenAPI schema's cookie login, for the session scheme above."""

    target_class = "backend.people.tokens.SessionAuthenticationWithTokenChallenge"


def on_token_saved_or_deleted(sender: type, instance: Token, **kwargs: Any) -> None:
    """Receiver: a token changed or went away."""
    forget_token(instance.key)


def on_user_saved_or_deleted(sender: type, instance: User, **kwargs: Any) -> None:
    """Receiver: a user changed (active, role, language ...) or went away."""
    if instance.pk is not None:
        forget_user_tokens(instance.pk)
