"""A running test OpenID Connect provider and the organisation's set-up pointing at it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import parse_qs, urlparse

import pytest
import requests
from django.core.cache import cache
from django.test import Client

from backend.identity.models import IdentityProvider
from backend.people.models import Organisation
from tests.oidc_provider import Provider, start_provider

HR_GROUP = "8f0c5d1e-sparring-hr"
#: The provider's users and the claims each one's ID token carries.
IDP_USERS = {
    "mette.idp": {"employee_number": "E-1001", "email": "mette@testrup.dk"},
    "hr.idp": {"email": "hanne.hr@testrup.dk", "groups": [HR_GROUP, "alle-ansatte"]},
    "stranger.idp": {"employee_number": "E-9999", "email": "nobody@testrup.dk", "groups": []},
    "soren.idp": {"employee_number": "E-1002", "email": "soren@testrup.dk"},
    "jens.idp": {"employee_number": "E-1003", "aud": "some-other-application"},
}


@pytest.fixture(scope="session")
def oidc_provider() -> Iterator[Provider]:
    """The provider, registered with Sparring's callback on the test client's host."""
    with start_provider(
        redirect_uri="http://testserver/api/auth/sso/callback/", users=IDP_USERS
    ) as provider:
        yield provider


def configure(org: Organisation, provider: Provider, **fields: object) -> IdentityProvider:
    """Point the organisation's single sign-on at the provider."""
    cache.clear()  # the discovery document is cached per issuer
    defaults: dict[str, object] = {
        "sso_enabled": True,
        "display_name": "Testrup Kommune (Entra ID)",
        "issuer": provider.issuer,
        "client_id": provider.client_id,
        "client_secret": provider.client_secret,
        "hr_group": HR_GROUP,
    }
    defaults.update(fields)
    return IdentityProvider.objects.update_or_create(organisation=org, defaults=defaults)[0]


def sso_login(
    client: Client, provider: Provider, username: str, slug: str = "testrup", query: str = ""
) -> str:
    """Walk the whole code flow as a browser would; return where Sparring sends it at the end."""
    start = client.get(f"/api/auth/sso/{slug}/start/{query}")
    assert start.status_code == 302, start
    idp = requests.Session()
    to_login = idp.get(start["Location"], allow_redirects=False)
    if to_login.status_code == 302 and "/login/" in to_login.headers["Location"]:
        login_url = requests.compat.urljoin(start["Location"], to_login.headers["Location"])
        form = idp.get(login_url)
        csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text)
        assert csrf is not None
        next_url = parse_qs(urlparse(login_url).query)["next"][0]
        answer = idp.post(
            login_url,
            data={
                "csrfmiddlewaretoken": csrf.group(1),
                "username": username,
                "password": provider.password,
                "next": next_url,
            },
            headers={"Referer": login_url},
            allow_redirects=False,
        )
        assert answer.status_code == 302, answer.text[:500]
        authorize = requests.compat.urljoin(login_url, answer.headers["Location"])
        to_login = idp.get(authorize, allow_redirects=False)
    assert to_login.status_code == 302, to_login.text[:500]
    callback = urlparse(to_login.headers["Location"])
    assert callback.path == "/api/auth/sso/callback/"
    done = client.get(f"{callback.path}?{callback.query}")
    assert done.status_code == 302
    return str(done["Location"])
