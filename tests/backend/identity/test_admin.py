"""IT's set-up screen (the Django admin): an organisation's identity provider and SCIM token."""

from __future__ import annotations

import pytest
from django.test import Client

from backend.identity.models import IdentityProvider
from backend.identity.services import scim_token_hash
from backend.people.models import User
from tests.conftest import World

pytestmark = pytest.mark.django_db


@pytest.fixture
def it(world: World) -> Client:
    root = User.objects.create_superuser("it-root", "it@example.org", "x-long-pw-123")
    client = Client()
    client.force_login(root)
    return client


def _form(world: World, **changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "organisation": world.org.id,
        "sso_enabled": "on",
        "display_name": "Testrup Kommune (Entra ID)",
        "issuer": "https://login.microsoftonline.com/7c1e/v2.0",
        "client_id": "3f2a-client",
        "client_secret": "first-secret",
        "scopes": "openid email profile",
        "claim_employee_number": "employeeid",
        "claim_email": "email",
        "claim_groups": "groups",
        "hr_group": "hr-group-id",
        "local_passwords_enabled": "on",
    }
    data.update(changes)
    return data


def test_it_sets_up_single_sign_on_and_the_secret_is_never_shown_again(
    it: Client, world: World
) -> None:
    assert it.get("/admin/identity/identityprovider/add/").status_code == 200
    created = it.post("/admin/identity/identityprovider/add/", _form(world))
    assert created.status_code == 302, created.content[:2000]
    provider = IdentityProvider.objects.get(organisation=world.org)
    assert provider.client_secret == "first-secret"
    page = it.get(f"/admin/identity/identityprovider/{provider.id}/change/")
    assert page.status_code == 200 and b"first-secret" not in page.content
    # Saved again with the secret left blank: the stored one is kept.
    it.post(
        f"/admin/identity/identityprovider/{provider.id}/change/",
        _form(world, client_secret="", display_name="Testrup (Entra)"),
    )
    provider.refresh_from_db()
    assert provider.client_secret == "first-secret"
    assert provider.display_name == "Testrup (Entra)"


def test_issuing_a_scim_token_shows_it_once_and_keeps_only_its_hash(
    it: Client, world: World
) -> None:
    provider = IdentityProvider.objects.create(
        organisation=world.org, display_name="Entra", issuer="https://idp.example", client_id="c"
    )
    answer = it.post(
        "/admin/identity/identityprovider/",
        {"action": "issue_scim_token", "_selected_action": [provider.id]},
        follow=True,
    )
    (message,) = [str(m) for m in answer.context["messages"]]
    token = message.rsplit(" ", 1)[-1]
    provider.refresh_from_db()
    assert provider.scim_token_hash == scim_token_hash(token)
    assert token not in provider.scim_token_hash
    listing = Client(headers={"Authorization": f"Bearer {token}"}).get("/api/scim/v2/Users")
    assert listing.status_code == 200
