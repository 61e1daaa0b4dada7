"""Single sign-on through a real OpenID Connect provider (django-oauth-toolkit, own process)."""

from __future__ import annotations

import pytest
from django.test import Client

from backend.identity.models import ExternalAccount
from backend.people.models import User
from tests.backend.identity.conftest import configure, sso_login
from tests.conftest import World
from tests.oidc_provider import Provider

pytestmark = pytest.mark.django_db


def _me(client: Client) -> dict[str, object] | None:
    response = client.get("/api/me/")
    return response.json() if response.status_code == 200 else None


@pytest.fixture
def numbered(world: World) -> World:
    """Mette, Søren and Jens carry the employee numbers the provider's users have."""
    for user, number in ((world.new_leader, "E-1001"), (world.outsider, "E-1002")):
        assert user.leader is not None
        user.leader.employee_number = number
        user.leader.save()
    assert world.mentor.leader is not None
    world.mentor.leader.employee_number = "E-1003"
    world.mentor.leader.save()
    return world


def test_the_login_screen_lists_the_organisations_that_use_single_sign_on(
    numbered: World, oidc_provider: Provider
) -> None:
    configure(numbered.org, oidc_provider)
    answer = Client().get("/api/auth/sso/providers/").json()
    assert answer == [
        {
            "slug": "testrup",
            "organisation": "Testrup Kommune",
            "display_name": "Testrup Kommune (Entra ID)",
            "start_url": "/api/auth/sso/testrup/start/",
            "local_passwords_enabled": True,
        }
    ]
    assert oidc_provider.client_secret not in str(answer)


def test_a_leader_logs_in_by_employee_number_and_is_linked_to_their_existing_login(
    numbered: World, oidc_provider: Provider
) -> None:
    configure(numbered.org, oidc_provider)
    client = Client()
    assert sso_login(client, oidc_provider, "mette.idp") == "/plan"
    me = _me(client)
    assert me is not None
    assert me["id"] == numbered.new_leader.id
    assert me["role"] == "leader"
    assert ExternalAccount.objects.get(user=numbered.new_leader).subject


def test_hr_by_the_group_claim_gets_a_new_hr_login(
    numbered: World, oidc_provider: Provider
) -> None:
    configure(numbered.org, oidc_provider)
    client = Client()
    assert sso_login(client, oidc_provider, "hr.idp") == "/hr/overview"
    me = _me(client)
    assert me is not None and me["role"] == "hr"
    user = User.objects.get(id=me["id"])
    assert user.organisation == numbered.org
    assert user.email == "hanne.hr@testrup.dk"
    assert not user.has_usable_password()


@pytest.mark.parametrize(
    ("idp_user", "code"),
    [
        ("stranger.idp", "not_leader"),
        ("soren.idp", "disabled"),
        ("jens.idp", "wrong_audience"),
    ],
)
def test_refused_logins_return_to_the_login_screen_with_the_reason(
    numbered: World, oidc_provider: Provider, idp_user: str, code: str
) -> None:
    numbered.outsider.is_active = False
    numbered.outsider.save()
    configure(numbered.org, oidc_provider)
    client = Client()
    assert sso_login(client, oidc_provider, idp_user) == f"/login?sso_error={code}"
    assert _me(client) is None
    assert not User.objects.filter(email="nobody@testrup.dk").exists()


def test_a_wrong_client_secret_fails_without_logging_in(
    numbered: World, oidc_provider: Provider
) -> None:
    configure(numbered.org, oidc_provider, client_secret="not-the-secret")
    client = Client()
    assert sso_login(client, oidc_provider, "mette.idp") == "/login?sso_error=failed"
    assert _me(client) is None


def test_an_organisation_without_single_sign_on_has_no_start(numbered: World) -> None:
    response = Client().get("/api/auth/sso/testrup/start/")
    assert response["Location"] == "/login?sso_error=unknown"


def test_with_local_passwords_off_only_the_administrator_keeps_a_password(
    numbered: World, oidc_provider: Provider
) -> None:
    configure(numbered.org, oidc_provider, local_passwords_enabled=False)
    admin = User.objects.create_user(
        "it-admin", password="break-glass-pw-42", organisation=numbered.org, role=User.Role.ADMIN
    )
    client = Client()
    client.get("/api/auth/csrf/")
    refused = client.post(
        "/api/auth/login/",
        {"username": "mette", "password": "sparring-test-pw"},
        content_type="application/json",
        headers={"X-CSRFToken": client.cookies["csrftoken"].value},
    )
    assert refused.status_code == 400
    allowed = client.post(
        "/api/auth/login/",
        {"username": admin.username, "password": "break-glass-pw-42"},
        content_type="application/json",
        headers={"X-CSRFToken": client.cookies["csrftoken"].value},
    )
    assert allowed.status_code == 200


def test_a_login_asked_for_by_a_deep_link_returns_there_and_only_on_this_host(
    numbered: World, oidc_provider: Provider
) -> None:
    configure(numbered.org, oidc_provider)
    deep = sso_login(Client(), oidc_provider, "mette.idp", query="?next=/mentoring/pairs")
    assert deep == "/mentoring/pairs"
    evil = sso_login(Client(), oidc_provider, "mette.idp", query="?next=https://evil.example/")
    assert evil == "/plan"


def test_a_login_provisioned_before_its_leader_was_imported_is_linked_not_doubled(
    numbered: World, oidc_provider: Provider
) -> None:
    configure(numbered.org, oidc_provider)
    mette = numbered.new_leader
    leader = mette.leader
    assert leader is not None
    mette.leader = None  # SCIM created the login; HR's import brought the leader later
    mette.email = "mette@testrup.dk"
    mette.save()
    client = Client()
    assert sso_login(client, oidc_provider, "mette.idp") == "/plan"
    mette.refresh_from_db()
    assert mette.leader == leader
    assert User.objects.filter(email__iexact="mette@testrup.dk").count() == 1


def test_an_idp_that_cannot_be_read_sends_the_browser_back_with_a_message(
    numbered: World, oidc_provider: Provider
) -> None:
    configure(numbered.org, oidc_provider, issuer=oidc_provider.issuer + "/elsewhere")
    start = Client().get("/api/auth/sso/testrup/start/")
    assert start["Location"] == "/login?sso_error=unavailable"
