"""Reads of the identity app: the providers on the login screen, an IdP's published set-up."""

from __future__ import annotations

from typing import Any

import requests
from django.conf import settings
from django.core.cache import cache
from django.db.models import QuerySet

from backend.identity.models import IdentityProvider


class DiscoveryFailed(Exception):
    """The IdP's OpenID configuration could not be read or does not match the set-up."""


def providers_for_login() -> QuerySet[IdentityProvider]:
    """The providers whose single sign-on is on, for the login screen (no secrets in them)."""
    return (
        IdentityProvider.objects.filter(sso_enabled=True)
        .select_related("organisation")
        .order_by("organisation__name", "id")
    )


def provider_for_login(*, slug: str) -> IdentityProvider | None:
    """The organisation's provider if its single sign-on is on."""
    return providers_for_login().filter(organisation__slug=slug).first()


def provider_discovery(*, provider: IdentityProvider) -> dict[str, Any]:
    """The IdP's ``/.well-known/openid-configuration``, cached for an hour per issuer.

    Its ``issuer`` must be the configured one (OpenID Connect Discovery 1.0, section 4.3), or a
    look-alike document could redirect the token exchange elsewhere.
    """
    issuer = provider.issuer.rstrip("/")
    key = f"sparring:oidc-discovery:{issuer}"
    document: dict[str, Any] | None = cache.get(key)
    if document is None:
        try:
            response = requests.get(
                f"{issuer}/.well-known/openid-configuration",
                timeout=settings.SPARRING_OIDC_TIMEOUT,
            )
            response.raise_for_status()
            document = response.json()
        except (requests.RequestException, ValueError) as exc:
            raise DiscoveryFailed(str(exc)) from exc
        if not isinstance(document, dict) or str(document.get("issuer", "")).rstrip("/") != issuer:
            raise DiscoveryFailed("issuer mismatch")
        cache.set(key, document, 3600)
    return document
