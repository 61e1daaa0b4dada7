"""SCIM 2.0 provisioning with the payloads Microsoft Entra ID sends."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from backend.identity.models import IdentityProvider
from backend.identity.services import scim_token_issue
from backend.people.models import Leader, User
from tests.conftest import World

pytestmark = pytest.mark.django_db
ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp"


class Scim:
    """A SCIM client holding the organisation's bearer token, as Entra ID's provisioning does."""

    def __init__(self, token: str) -> None:
        self.client = Client(headers={"Authorization": f"Bearer {token}"})

    def call(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        return getattr(self.client, method)(
            f"/api/scim/v2/{path}", body, content_type="application/scim+json"
        )


@pytest.fixture
def scim(world: World) -> Scim:
    provider = IdentityProvider.objects.create(
        organisation=world.org,
        display_name="Entra ID",
        issuer="https://login.microsoftonline.com/tenant/v2.0",
        client_id="x",
    )
    return Scim(scim_token_issue(provider=provider))


def entra_create(*, user_name: str, employee_number: str, email: str) -> dict[str, Any]:
    """The body Entra ID POSTs to /Users (its documented shape, enterprise extension and all)."""
    return {
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", ENTERPRISE],
        "externalId": "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef",
        "userName": user_name,
        "active": True,
        "displayName": "Ny Leder",
        "emails": [{"primary": True, "type": "work", "value": email}],
        "meta": {"resourceType": "User"},
        "name": {"formatted": "Ny Leder", "familyName": "Leder", "givenName": "Ny"},
        "roles": [],
        ENTERPRISE: {"employeeNumber": employee_number, "department": "Dagtilbud"},
    }


def test_without_the_bearer_token_scim_answers_401(world: World, scim: Scim) -> None:
    assert Client().get("/api/scim/v2/Users").status_code == 401
    wrong = Client(headers={"Authorization": "Bearer not-the-token"})
    assert wrong.get("/api/scim/v2/Users").status_code == 401


def test_entra_s_validation_query_for_a_random_user_name_finds_nobody(scim: Scim) -> None:
    answer = scim.call("get", 'Users?filter=userName eq "Test_User_ab6490ee-1e48"')
    assert answer.status_code == 200
    assert answer["Content-Type"] == "application/scim+json"
    assert answer.json()["totalResults"] == 0


def test_create_links_the_new_login_to_the_leader_with_the_employee_number(
    world: World, scim: Scim
) -> None:
    leader = Leader.objects.create(
        organisation=world.org,
        employee_number="E-2001",
        first_name="Ny",
        last_name="Leder",
        role_title="Dagtilbudsleder",
        email="ny.leder@testrup.dk",
    )
    created = scim.call(
        "post",
        "Users",
        entra_create(
            user_name="ny.leder@testrup.dk", employee_number="E-2001", email="ny.leder@testrup.dk"
        ),
    )
    assert created.status_code == 201, created.content
    body = created.json()
    user = User.objects.get(id=int(body["id"]))
    assert user.leader == leader and user.organisation == world.org and user.is_active
    assert not user.has_usable_password()
    assert body["externalId"] == "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef"
    assert body[ENTERPRISE]["employeeNumber"] == "E-2001"
    found = scim.call("get", 'Users?filter=userName eq "ny.leder@testrup.dk"').json()
    assert [r["id"] for r in found["Resources"]] == [body["id"]]
    again = scim.call(
        "post",
        "Users",
        entra_create(
            user_name="ny.leder@testrup.dk", employee_number="E-2001", email="ny.leder@testrup.dk"
        ),
    )
    assert again.status_code == 409
    assert again.json()["scimType"] == "uniqueness"


def test_create_adopts_the_existing_login_of_the_leader(world: World, scim: Scim) -> None:
    leader = world.new_leader.leader
    assert leader is not None
    created = scim.call(
        "post",
        "Users",
        entra_create(
            user_name="mette.kjaer@testrup.dk",
            employee_number=leader.employee_number,
            email="mette.kjaer@testrup.dk",
        ),
    )
    assert created.status_code == 201
    assert created.json()["id"] == str(world.new_leader.id)
    assert User.objects.filter(leader=leader).count() == 1


def test_patch_in_entra_s_forms_changes_name_and_e_mail(world: World, scim: Scim) -> None:
    user_id = world.new_leader.id
    answer = scim.call(
        "patch",
        f"Users/{user_id}",
        {
            "schemas": [PATCH],
            "Operations": [
                {"op": "Replace", "path": 'emails[type eq "work"].value', "value": "mk@testrup.dk"},
                {"op": "Add", "path": "name.givenName", "value": "Mette Marie"},
                {"op": "Replace", "path": f"{ENTERPRISE}:department", "value": "Skole"},
                {"op": "Replace", "path": "displayName", "value": "Mette Marie Kjær"},
            ],
        },
    )
    assert answer.status_code == 200, answer.content
    user = User.objects.get(id=user_id)
    assert user.email == "mk@testrup.dk"
    assert user.first_name == "Mette Marie"


def _token_client(user: User) -> APIClient:
    token = Token.objects.create(user=user)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


@pytest.mark.parametrize(
    "operations",
    [
        [{"op": "Replace", "path": "active", "value": "False"}],  # Entra ID's default form
        [{"op": "replace", "value": {"active": False}}],  # no path: the value names it
    ],
)
def test_deactivation_ends_tokens_and_sessions_at_once_and_starts_the_retention_clock(
    world: World, scim: Scim, settings: Any, operations: list[dict[str, Any]]
) -> None:
    settings.TOKEN_CACHE_SECONDS = 60  # as in production: the token's user is cached
    cache.clear()
    user = world.new_leader
    api = _token_client(user)
    browser = Client()
    browser.force_login(user, backend="backend.identity.backends.LocalPasswordBackend")
    assert api.get("/api/me/").status_code == 200  # now cached
    assert browser.get("/api/me/").status_code == 200

    answer = scim.call("patch", f"Users/{user.id}", {"schemas": [PATCH], "Operations": operations})
    assert answer.status_code == 200
    assert answer.json()["active"] is False

    assert api.get("/api/me/").status_code == 401
    assert browser.get("/api/me/").status_code == 403
    leader = Leader.objects.get(id=user.leader_id)
    assert leader.active is False
    assert leader.left_on == timezone.localdate()

    back = scim.call(
        "patch",
        f"Users/{user.id}",
        {"schemas": [PATCH], "Operations": [{"op": "Replace", "path": "active", "value": "True"}]},
    )
    assert back.status_code == 200 and back.json()["active"] is True
    leader.refresh_from_db()
    assert leader.active is True and leader.left_on is None
    assert _token_client(User.objects.get(id=user.id)).get("/api/me/").status_code == 200


def test_delete_is_a_deactivation_not_an_erasure(world: World, scim: Scim) -> None:
    user = world.outsider
    leader = user.leader
    assert leader is not None
    leader.left_on = timezone.localdate() - dt.timedelta(days=10)  # HR recorded it already
    leader.save()
    assert scim.call("delete", f"Users/{user.id}").status_code == 204
    user.refresh_from_db()
    leader.refresh_from_db()
    assert user.is_active is False
    assert leader.left_on == timezone.localdate() - dt.timedelta(days=10)
    assert scim.call("get", f"Users/{user.id}").json()["active"] is False


def test_another_organisation_s_users_are_not_found(world: World, scim: Scim) -> None:
    other = world.other_organisation
    assert scim.call("get", f"Users/{other.id}").status_code == 404
    answer = scim.call(
        "patch",
        f"Users/{other.id}",
        {"schemas": [PATCH], "Operations": [{"op": "Replace", "path": "active", "value": "False"}]},
    )
    assert answer.status_code == 404
    other.refresh_from_db()
    assert other.is_active


def test_a_malformed_patch_is_refused_with_a_scim_error(world: World, scim: Scim) -> None:
    answer = scim.call("patch", f"Users/{world.new_leader.id}", {"Operations": "nope"})
    assert answer.status_code == 400
    assert answer.json()["schemas"] == ["urn:ietf:params:scim:api:messages:2.0:Error"]
    bad = scim.call(
        "patch",
        f"Users/{world.new_leader.id}",
        {"schemas": [PATCH], "Operations": [{"op": "Replace", "path": "active", "value": "maybe"}]},
    )
    assert bad.status_code == 400


def test_the_idp_account_is_in_the_leader_s_export_and_goes_with_erasure(
    world: World, scim: Scim
) -> None:
    from backend.identity.models import ExternalAccount
    from backend.privacy.services import leader_erase, leader_export

    leader = world.new_leader.leader
    assert leader is not None
    body = entra_create(
        user_name="mette.k@testrup.dk",
        employee_number=leader.employee_number,
        email="mette.k@testrup.dk",
    )
    assert scim.call("post", "Users", body).status_code == 201
    export = leader_export(leader=leader, actor=leader.user)
    assert export["identity"]["external_account"]["external_id"] == body["externalId"]
    leader_erase(leader=leader, actor=world.hr, reason="Fratrådt for to år siden")
    assert not ExternalAccount.objects.filter(external_id=body["externalId"]).exists()
