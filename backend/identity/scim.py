"""SCIM 2.0 provisioning (RFC 7643/7644) of logins, in the shapes Microsoft Entra ID sends.

The identity system creates, updates, deactivates and re-activates users here; Sparring links
each to the organisation's leader with the same employee number (the enterprise extension's
``employeeNumber``) or, failing that, the same work e-mail. Leaders themselves come from HR's
import; SCIM decides who may log in. ``active: false`` (Entra ID's soft delete) and ``DELETE``
are the leaver (``services.user_deactivate``): sessions and API tokens end at once and the
retention clock starts. Nothing is hard-deleted here; erasure is the privacy app's, on its clock.

Authentication: ``Authorization: Bearer <token>``, the organisation's SCIM token (issued on the
set-up screen, stored only as a hash). Plain Django views: SCIM has its own media type, error
format and PATCH grammar, none of which DRF's machinery helps with.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt

from backend.identity.models import ExternalAccount, IdentityProvider
from backend.identity.services import (
    leader_for_identity,
    scim_token_hash,
    user_deactivate,
    user_reactivate,
)
from backend.people.models import Organisation, User

USER = "urn:ietf:params:scim:schemas:core:2.0:User"
ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse"
ERROR = "urn:ietf:params:scim:api:messages:2.0:Error"
PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp"
MEDIA = "application/scim+json"
FILTER = re.compile(r'^\s*(userName|externalId)\s+eq\s+"((?:[^"\\]|\\.)*)"\s*$', re.IGNORECASE)

View = Callable[..., HttpResponse]


def _json(data: dict[str, Any], status: int = 200) -> JsonResponse:
    return JsonResponse(data, status=status, content_type=MEDIA)


def _error(status: int, detail: str, scim_type: str = "") -> JsonResponse:
    body: dict[str, Any] = {"schemas": [ERROR], "status": str(status), "detail": detail}
    if scim_type:
        body["scimType"] = scim_type
    return _json(body, status)


class ScimError(Exception):
    """A request SCIM answers with an error document."""

    def __init__(self, status: int, detail: str, scim_type: str = "") -> None:
        super().__init__(detail)
        self.status, self.detail, self.scim_type = status, detail, scim_type


def _organisation(request: HttpRequest) -> Organisation | None:
    header = request.headers.get("Authorization", "")
    scheme, _sep, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    provider = (
        IdentityProvider.objects.select_related("organisation")
        .filter(scim_token_hash=scim_token_hash(token.strip()))
        .exclude(scim_token_hash="")
        .first()
    )
    return provider.organisation if provider is not None else None


def scim_view(view: Callable[..., HttpResponse]) -> View:
    """Authenticate with the SCIM bearer token; turn ``ScimError`` into SCIM's error document."""

    @csrf_exempt
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        organisation = _organisation(request)
        if organisation is None:
            response = _error(401, "A valid SCIM bearer token is required.")
            response["WWW-Authenticate"] = 'Bearer realm="scim"'
            return response
        try:
            return view(request, organisation, *args, **kwargs)
        except ScimError as exc:
            return _error(exc.status, exc.detail, exc.scim_type)

    return wrapped


def _body(request: HttpRequest) -> dict[str, Any]:
    try:
        data = json.loads(request.body or b"{}")
    except ValueError as exc:
        raise ScimError(400, "The body is not JSON.", "invalidSyntax") from exc
    if not isinstance(data, dict):
        raise ScimError(400, "The body must be a JSON object.", "invalidSyntax")
    return data


def _bool(value: Any) -> bool:
    """SCIM booleans; Entra ID sends ``"False"``/``"True"`` as strings in PATCH."""
    if isinstance(value, str):
        if value.strip().lower() not in ("true", "false"):
            raise ScimError(400, f"Not a boolean: {value!r}.", "invalidValue")
        return value.strip().lower() == "true"
    return bool(value)


# --- The resource -----------------------------------------------------------------------------


def _account(user: User) -> ExternalAccount | None:
    try:
        return user.external_account
    except ExternalAccount.DoesNotExist:
        return None


def _resource(user: User) -> dict[str, Any]:
    account = _account(user)
    leader = user.leader
    given = leader.first_name if leader is not None else user.first_name
    family = leader.last_name if leader is not None else user.last_name
    resource: dict[str, Any] = {
        "schemas": [USER, ENTERPRISE],
        "id": str(user.pk),
        "userName": user.username,
        "active": user.is_active,
        "name": {
            "givenName": given,
            "familyName": family,
            "formatted": f"{given} {family}".strip(),
        },
        "displayName": f"{given} {family}".strip() or user.username,
        "emails": [{"value": user.email, "type": "work", "primary": True}] if user.email else [],
        ENTERPRISE: {"employeeNumber": leader.employee_number if leader is not None else ""},
        "meta": {
            "resourceType": "User",
            "created": user.date_joined.isoformat(),
            "location": f"/api/scim/v2/Users/{user.pk}",
        },
    }
    if account is not None and account.external_id:
        resource["externalId"] = account.external_id
    return resource


def _users_of(organisation: Organisation) -> Any:
    return User.objects.filter(organisation=organisation).select_related(
        "leader", "external_account"
    )


def _user_or_404(organisation: Organisation, scim_id: str) -> User:
    user = _users_of(organisation).filter(pk=scim_id).first() if scim_id.isdigit() else None
    if user is None:
        raise ScimError(404, f"User {scim_id} not found.")
    return user


# --- Applying attributes ----------------------------------------------------------------------


def _primary_email(emails: Any) -> str:
    if not isinstance(emails, list):
        return ""
    chosen = [e for e in emails if isinstance(e, dict) and e.get("primary")] or [
        e for e in emails if isinstance(e, dict)
    ]
    return str(chosen[0].get("value", "")).strip() if chosen else ""


def _attributes(data: dict[str, Any]) -> dict[str, Any]:
    """The attributes Sparring keeps, from a full SCIM user (POST or PUT)."""
    name: dict[str, Any] = data["name"] if isinstance(data.get("name"), dict) else {}
    enterprise: dict[str, Any] = data[ENTERPRISE] if isinstance(data.get(ENTERPRISE), dict) else {}
    attrs: dict[str, Any] = {
        "userName": str(data.get("userName", "")).strip(),
        "externalId": str(data.get("externalId", "") or "").strip(),
        "givenName": str(name.get("givenName", "") or ""),
        "familyName": str(name.get("familyName", "") or ""),
        "email": _primary_email(data.get("emails")),
        "employeeNumber": str(enterprise.get("employeeNumber", "") or "").strip(),
    }
    if "active" in data:
        attrs["active"] = _bool(data["active"])
    return attrs


def _apply(user: User, organisation: Organisation, attrs: dict[str, Any]) -> User:
    """Write the attributes onto the login (and link its leader), then (de)activate it."""
    if attrs.get("userName") and attrs["userName"] != user.username:
        taken = User.objects.filter(username=attrs["userName"]).exclude(pk=user.pk).exists()
        if taken:
            raise ScimError(409, "userName is already taken.", "uniqueness")
        user.username = attrs["userName"]
    for key, field in (("givenName", "first_name"), ("familyName", "last_name")):
        if key in attrs:
            setattr(user, field, attrs[key][:150])
    if attrs.get("email"):
        user.email = attrs["email"]
    if user.leader_id is None:
        leader = leader_for_identity(
            organisation=organisation,
            employee_number=attrs.get("employeeNumber", ""),
            email=attrs.get("email", ""),
        )
        if leader is not None and not User.objects.filter(leader=leader).exists():
            user.leader = leader
    if user.pk is None:
        user.set_unusable_password()
    user.save()
    account, _created = ExternalAccount.objects.get_or_create(
        user=user, defaults={"organisation": organisation}
    )
    if attrs.get("externalId") and account.external_id != attrs["externalId"]:
        account.external_id = attrs["externalId"]
        account.save(update_fields=["external_id"])
    if "active" in attrs and attrs["active"] != user.is_active:
        user = user_reactivate(user=user) if attrs["active"] else user_deactivate(user=user)
    return user


def _patch_value(attrs: dict[str, Any], path: str, value: Any) -> None:
    """One PATCH operation with a path, in Entra ID's forms (plain, filtered, extension)."""
    key = path.strip()
    lowered = key.lower()
    if lowered.startswith(ENTERPRISE.lower() + ":"):
        key = key[len(ENTERPRISE) + 1 :]
        lowered = key.lower()
    simple = {
        "active": "active",
        "username": "userName",
        "externalid": "externalId",
        "name.givenname": "givenName",
        "name.familyname": "familyName",
        "employeenumber": "employeeNumber",
    }
    if lowered in simple:
        target = simple[lowered]
        attrs[target] = _bool(value) if target == "active" else str(value or "").strip()
    elif lowered.startswith("emails"):
        attrs["email"] = _primary_email(value) if isinstance(value, list) else str(value).strip()
    elif lowered == "name" and isinstance(value, dict):
        for part in ("givenName", "familyName"):
            if part in value:
                attrs[part] = str(value[part] or "")
    # Other attributes (displayName, title, addresses, manager ...) are not kept: HR's import
    # owns the organisation tree. Accepting them keeps the IdP's sync from failing.


def _patch(data: dict[str, Any]) -> dict[str, Any]:
    if PATCH not in data.get("schemas", []) or not isinstance(data.get("Operations"), list):
        raise ScimError(400, "A PatchOp with Operations is required.", "invalidSyntax")
    attrs: dict[str, Any] = {}
    for operation in data["Operations"]:
        if not isinstance(operation, dict):
            raise ScimError(400, "An operation must be an object.", "invalidSyntax")
        op = str(operation.get("op", "")).lower()
        if op not in ("add", "replace", "remove"):
            raise ScimError(400, f"Unknown op {operation.get('op')!r}.", "invalidSyntax")
        value = operation.get("value") if op != "remove" else ""
        path = operation.get("path")
        if path:
            _patch_value(attrs, str(path), value)
        elif isinstance(value, dict):  # no path: the value holds attribute: value pairs
            for key, item in value.items():
                _patch_value(attrs, key, item)
        else:
            raise ScimError(400, "An operation without a path needs an object value.", "noTarget")
    return attrs


# --- The endpoints ----------------------------------------------------------------------------


@scim_view
def users(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    """``GET /Users`` (with ``filter=userName eq "…"``) and ``POST /Users``."""
    if request.method == "GET":
        return _list(request, organisation)
    if request.method != "POST":
        raise ScimError(405, "Use GET or POST.")
    attrs = _attributes(_body(request))
    if not attrs["userName"]:
        raise ScimError(400, "userName is required.", "invalidValue")
    if User.objects.filter(username=attrs["userName"]).exists():
        raise ScimError(409, "userName is already taken.", "uniqueness")
    with transaction.atomic():
        leader = leader_for_identity(
            organisation=organisation,
            employee_number=attrs["employeeNumber"],
            email=attrs["email"],
        )
        existing = User.objects.filter(leader=leader).first() if leader is not None else None
        account = _account(existing) if existing is not None else None
        if account is not None and account.external_id not in ("", attrs["externalId"]):
            raise ScimError(409, "This leader is already provisioned.", "uniqueness")
        user = existing or User(organisation=organisation, role=User.Role.LEADER)
        user = _apply(user, organisation, attrs)
    return _json(_resource(_user_or_404(organisation, str(user.pk))), 201)


def _list(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    found = _users_of(organisation).order_by("id")
    raw = request.GET.get("filter", "")
    if raw:
        match = FILTER.match(raw)
        if match is None:
            raise ScimError(400, "Only userName eq and externalId eq filters.", "invalidFilter")
        attribute, value = match.group(1).lower(), match.group(2).replace('\\"', '"')
        found = (
            found.filter(username=value)
            if attribute == "username"
            else found.filter(external_account__external_id=value)
        )
    try:
        start = max(int(request.GET.get("startIndex", 1)), 1)
        count = min(max(int(request.GET.get("count", 100)), 0), 200)
    except ValueError as exc:
        raise ScimError(400, "startIndex and count are numbers.", "invalidValue") from exc
    total = found.count()
    page = list(found[start - 1 : start - 1 + count])
    return _json(
        {
            "schemas": [LIST],
            "totalResults": total,
            "startIndex": start,
            "itemsPerPage": len(page),
            "Resources": [_resource(u) for u in page],
        }
    )


@scim_view
def user_detail(request: HttpRequest, organisation: Organisation, scim_id: str) -> HttpResponse:
    """``GET``, ``PUT``, ``PATCH`` and ``DELETE`` of one user."""
    user = _user_or_404(organisation, scim_id)
    if request.method == "GET":
        return _json(_resource(user))
    if request.method == "DELETE":
        if user.is_active:
            user_deactivate(user=user)
        return HttpResponse(status=204)
    if request.method not in ("PUT", "PATCH"):
        raise ScimError(405, "Use GET, PUT, PATCH or DELETE.")
    data = _body(request)
    attrs = _attributes(data) if request.method == "PUT" else _patch(data)
    with transaction.atomic():
        _apply(user, organisation, attrs)
    return _json(_resource(_user_or_404(organisation, scim_id)))


@scim_view
def groups(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    """Groups are not provisioned (HR comes from the login's group claim): an empty list."""
    if request.method != "GET":
        raise ScimError(501, "Groups are not provisioned; HR is given by the group claim.")
    return _json(
        {"schemas": [LIST], "totalResults": 0, "startIndex": 1, "itemsPerPage": 0, "Resources": []}
    )


@scim_view
def service_provider_config(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    """What this SCIM service supports."""
    return _json(
        {
            "schemas": ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
            "patch": {"supported": True},
            "bulk": {"supported": False, "maxOperations": 0, "maxPayloadSize": 0},
            "filter": {"supported": True, "maxResults": 200},
            "changePassword": {"supported": False},
            "sort": {"supported": False},
            "etag": {"supported": False},
            "authenticationSchemes": [
                {"type": "oauthbearertoken", "name": "Bearer token", "primary": True}
            ],
        }
    )


@scim_view
def resource_types(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    """The one resource type: User, with the enterprise extension."""
    user_type = {
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],
        "id": "User",
        "name": "User",
        "endpoint": "/Users",
        "schema": USER,
        "schemaExtensions": [{"schema": ENTERPRISE, "required": False}],
    }
    return _json({"schemas": [LIST], "totalResults": 1, "Resources": [user_type]})


@scim_view
def schemas(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    """The schemas used (by id; attributes as in RFC 7643)."""
    resources = [{"id": USER, "name": "User"}, {"id": ENTERPRISE, "name": "EnterpriseUser"}]
    return _json({"schemas": [LIST], "totalResults": 2, "Resources": resources})
