"""OpenID Connect login with each organisation's own provider (mozilla-django-oidc, per tenant).

mozilla-django-oidc reads one provider from settings; Sparring has one per organisation, kept
in the database (``IdentityProvider``). The subclasses here take the provider from the login
that started (``/api/auth/sso/<slug>/start/`` keeps its id in the session) and its endpoints
from the IdP's discovery document, and leave the library the code flow itself: state, nonce,
PKCE, the token exchange and the signature check against the IdP's published keys.

On top of the library's checks the ID token's ``iss`` must be the configured issuer and its
``aud`` must hold our client ID (the library does not check the audience): a token minted for
another application is refused as ``wrong_audience``. Who the login is and whether it may
come in is ``services.sso_user_for_claims``. A refused login goes back to the login screen
with ``?sso_error=<code>``, which the screen puts into words.
"""

from __future__ import annotations

import logging
from typing import Any

import jwt
from django.contrib import auth
from django.core.exceptions import SuspiciousOperation
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.utils import import_from_settings
from mozilla_django_oidc.views import (
    OIDCAuthenticationCallbackView,
    OIDCAuthenticationRequestView,
)
from requests import RequestException

from backend.identity.models import IdentityProvider
from backend.identity.selectors import DiscoveryFailed, provider_discovery, provider_for_login
from backend.identity.services import SsoRefused, sso_user_for_claims
from backend.notifications import links
from backend.people.models import User

logger = logging.getLogger(__name__)

SESSION_PROVIDER = "sparring_sso_provider"
SESSION_REFUSAL = "sparring_sso_refusal"


def _provider_from_session(request: HttpRequest) -> IdentityProvider | None:
    provider_id = request.session.get(SESSION_PROVIDER)
    if provider_id is None:
        return None
    return (
        IdentityProvider.objects.select_related("organisation")
        .filter(id=provider_id, sso_enabled=True)
        .first()
    )


def _provider_settings(provider: IdentityProvider) -> dict[str, Any]:
    """The library's settings for this provider (endpoints from its discovery document)."""
    document = provider_discovery(provider=provider)
    return {
        "OIDC_OP_AUTHORIZATION_ENDPOINT": document["authorization_endpoint"],
        "OIDC_OP_TOKEN_ENDPOINT": document["token_endpoint"],
        "OIDC_OP_USER_ENDPOINT": document.get("userinfo_endpoint", ""),
        "OIDC_OP_JWKS_ENDPOINT": document["jwks_uri"],
        "OIDC_RP_CLIENT_ID": provider.client_id,
        "OIDC_RP_CLIENT_SECRET": provider.client_secret,
        "OIDC_RP_SIGN_ALGO": "RS256",
        "OIDC_RP_SCOPES": provider.scopes,
        "OIDC_USE_PKCE": True,
        "OIDC_AUTHENTICATION_CALLBACK_URL": "sso-callback",
        "OIDC_CREATE_USER": False,
        # Compared exactly with the ID token's ``iss``: the IdP's own spelling (a trailing slash
        # or not), which discovery has checked against the set-up.
        "SPARRING_ISSUER": document["issuer"],
    }


class OrganisationOIDCBackend(OIDCAuthenticationBackend):
    """The code flow against the provider of the login in progress (see the module docstring)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # The library reads one provider from settings here; ours is chosen per login.
        self.UserModel = User
        self.provider: IdentityProvider | None = None
        self.overrides: dict[str, Any] = {}

    def get_settings(self, attr: str, *args: Any) -> Any:
        if attr in self.overrides:
            return self.overrides[attr]
        return import_from_settings(attr, *args)

    def authenticate(self, request: HttpRequest | None, **kwargs: Any) -> User | None:
        """Log in from the IdP's answer, or ``None`` with the reason kept in the session."""
        if request is None or "code" not in request.GET:
            return None
        provider = _provider_from_session(request)
        if provider is None:
            return None
        try:
            self.provider = provider
            self.overrides = _provider_settings(provider)
            for name in ("TOKEN_ENDPOINT", "USER_ENDPOINT", "JWKS_ENDPOINT"):
                setattr(self, f"OIDC_OP_{name}", self.overrides[f"OIDC_OP_{name}"])
            self.OIDC_RP_CLIENT_ID = provider.client_id
            self.OIDC_RP_CLIENT_SECRET = provider.client_secret
            self.OIDC_RP_SIGN_ALGO = "RS256"
            self.OIDC_RP_IDP_SIGN_KEY = None
            user = super().authenticate(request, **kwargs)
        except SsoRefused as refused:
            _refuse(request, refused.code)
            return None
        except (
            DiscoveryFailed,
            RequestException,
            SuspiciousOperation,
            KeyError,
            ValueError,  # a token answer that is not JSON
            jwt.PyJWTError,  # no ID token, or not a JWT at all
        ) as exc:
            logger.warning("sso login failed organisation=%s: %s", provider.organisation_id, exc)
            _refuse(request, "failed")
            return None
        return user if isinstance(user, User) else None

    def _verify_jws(self, payload: Any, key: Any) -> dict[str, Any]:
        """The library's signature check, plus issuer, audience and expiry."""
        assert self.provider is not None
        header = jwt.get_unverified_header(payload)
        if header.get("alg") != self.OIDC_RP_SIGN_ALGO:
            raise SuspiciousOperation("unexpected algorithm")
        try:
            claims: dict[str, Any] = jwt.decode(
                payload,
                key,
                algorithms=[self.OIDC_RP_SIGN_ALGO],
                audience=self.provider.client_id,
                issuer=self.get_settings("SPARRING_ISSUER"),
                options={"require": ["iss", "aud", "exp", "sub"]},
                leeway=60,
            )
        except jwt.InvalidAudienceError as exc:
            raise SsoRefused("wrong_audience") from exc
        except jwt.PyJWTError as exc:
            raise SuspiciousOperation(f"ID token refused: {type(exc).__name__}") from exc
        return claims

    def get_userinfo(self, access_token: str, id_token: str, payload: dict[str, Any]) -> Any:
        """The claims are the verified ID token's (Entra ID puts groups and e-mail there)."""
        return payload

    def get_or_create_user(self, access_token: str, id_token: str, payload: dict[str, Any]) -> User:
        assert self.provider is not None
        return sso_user_for_claims(provider=self.provider, claims=payload)

    def get_user(self, user_id: Any) -> User | None:
        """The session's user while the login is open (a leaver's session ends at once)."""
        user = User.objects.filter(pk=user_id).first()
        return user if user is not None and user.is_active else None


def _refuse(request: HttpRequest, code: str) -> None:
    request.session[SESSION_REFUSAL] = code


class SsoStartView(OIDCAuthenticationRequestView):
    """``/api/auth/sso/<slug>/start/``: send the browser to the organisation's IdP."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Deliberately not the library's __init__: it reads the (single) provider from settings.
        super(OIDCAuthenticationRequestView, self).__init__(*args, **kwargs)
        self.overrides: dict[str, Any] = {}

    def get_settings(self, attr: str, *args: Any) -> Any:
        if attr in self.overrides:
            return self.overrides[attr]
        return import_from_settings(attr, *args)

    def get(self, request: HttpRequest, slug: str = "") -> HttpResponse:
        provider = provider_for_login(slug=slug)
        if provider is None:
            return HttpResponseRedirect("/login?sso_error=unknown")
        try:
            self.overrides = _provider_settings(provider)
        except DiscoveryFailed as exc:
            logger.warning(
                "sso discovery failed organisation=%s: %s", provider.organisation_id, exc
            )
            return HttpResponseRedirect("/login?sso_error=unavailable")
        self.OIDC_OP_AUTH_ENDPOINT = self.overrides["OIDC_OP_AUTHORIZATION_ENDPOINT"]
        self.OIDC_RP_CLIENT_ID = provider.client_id
        request.session[SESSION_PROVIDER] = provider.id
        request.session.pop(SESSION_REFUSAL, None)
        return super().get(request)


class SsoCallbackView(OIDCAuthenticationCallbackView):
    """``/api/auth/sso/callback/``: the IdP's answer; into the app, or back to the login screen."""

    def get(self, request: HttpRequest) -> HttpResponse:
        if request.GET.get("error"):
            request.session[SESSION_REFUSAL] = "cancelled"
        try:
            return super().get(request)
        except SuspiciousOperation:  # an unknown or replayed state
            request.session[SESSION_REFUSAL] = "failed"
            return self.login_failure()

    @property
    def success_url(self) -> str:
        """Where the login screen was asked for (``?next=``), else the role's own start: a
        leader's plan, HR's overview, an administrator's home."""
        # The library keeps ?next= only after checking it stays on this host.
        wanted = self.request.session.pop("oidc_login_next", None)
        if wanted and wanted != "/" and str(wanted).startswith("/") and "/login" not in wanted:
            return str(wanted)
        user: User = self.user
        if user.role == User.Role.HR:
            return links.hr_home()
        if user.role == User.Role.LEADER and user.leader_id is not None:
            return links.leader_home()
        return "/"

    def login_success(self) -> HttpResponse:
        auth.login(self.request, self.user, backend=f"{__name__}.OrganisationOIDCBackend")
        self.request.session.pop(SESSION_PROVIDER, None)
        return HttpResponseRedirect(self.success_url)

    def login_failure(self) -> HttpResponse:
        code = self.request.session.pop(SESSION_REFUSAL, None) or "failed"
        return HttpResponseRedirect(f"/login?sso_error={code}")
