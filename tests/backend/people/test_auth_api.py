"""Login, logout, tokens and ``me``: the shapes the web app is built against."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rest_framework.test import APIClient

from backend.people.models import User
from tests.conftest import World

PASSWORD = "sparring-test-pw"


@pytest.fixture(autouse=True)
def _passwords(world: World) -> None:
    """Give the personas a known password (UserFactory skips the save after set_password)."""
    for user in (world.hr, world.new_leader, world.boss):
        user.set_password(PASSWORD)
        user.save(update_fields=["password"])


def _csrf_client() -> tuple[APIClient, str]:
    client = APIClient(enforce_csrf_checks=True)
    response = client.get("/api/auth/csrf/")
    assert response.status_code == 200
    token = response.cookies["csrftoken"].value
    return client, token


@pytest.mark.django_db
def test_login_returns_me_and_a_session(new_leader: User) -> None:
    client, token = _csrf_client()
    response = client.post(
        "/api/auth/login/", {"username": "mette", "password": PASSWORD}, HTTP_X_CSRFTOKEN=token
    )
    assert response.status_code == 200
    body = response.json()
    assert body["username"] == "mette"
    assert body["display_name"] == "Mette Kjær"
    assert body["role"] == "leader"
    assert body["leader_id"] == new_leader.leader_id
    assert body["is_boss"] is False
    assert body["organisation"]["slug"] == "testrup"
    assert "sessionid" in response.cookies
    # The session now works for reads.
    assert client.get("/api/me/").json()["id"] == new_leader.id


@pytest.mark.django_db
def test_login_without_csrf_token_is_refused(new_leader: User) -> None:
    client = APIClient(enforce_csrf_checks=True)
    response = client.post("/api/auth/login/", {"username": "mette", "password": PASSWORD})
    assert response.status_code == 403
    assert "sessionid" not in response.cookies


@pytest.mark.django_db
def test_bad_credentials_are_400_with_detail_and_no_hint(new_leader: User) -> None:
    client = APIClient()
    wrong_password = client.post("/api/auth/login/", {"username": "mette", "password": "x"})
    unknown_user = client.post("/api/auth/login/", {"username": "nobody", "password": "x"})
    assert wrong_password.status_code == unknown_user.status_code == 400
    assert "detail" in wrong_password.json()
    assert wrong_password.json()["detail"] == unknown_user.json()["detail"]


@pytest.mark.django_db
def test_missing_fields_are_400_with_field_errors(world: World) -> None:
    response = APIClient().post("/api/auth/login/", {"username": "mette"})
    assert response.status_code == 400
    assert "password" in response.json()


@pytest.mark.django_db
def test_login_is_throttled(new_leader: User) -> None:
    client = APIClient()
    statuses = [
        client.post("/api/auth/login/", {"username": "mette", "password": "wrong"}).status_code
        for _ in range(11)
    ]
    assert statuses[:10] == [400] * 10
    assert statuses[10] == 429
    # Even the right password is refused while throttled.
    right = client.post("/api/auth/login/", {"username": "mette", "password": PASSWORD})
    assert right.status_code == 429


@pytest.mark.django_db
def test_token_login_for_api_clients(hr: User) -> None:
    response = APIClient().post("/api/auth/token/", {"username": "hr", "password": PASSWORD})
    assert response.status_code == 200
    token = response.json()["token"]
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    me = client.get("/api/me/")
    assert me.status_code == 200
    assert me.json()["role"] == "hr"
    assert me.json()["leader_id"] is None
    # The same token on a second request for one.
    again = APIClient().post("/api/auth/token/", {"username": "hr", "password": PASSWORD})
    assert again.json()["token"] == token


@pytest.mark.django_db
def test_token_with_bad_password_is_400(hr: User) -> None:
    response = APIClient().post("/api/auth/token/", {"username": "hr", "password": "nope"})
    assert response.status_code == 400


@pytest.mark.django_db
def test_logout_ends_the_session(
    client_for: Callable[[User | None], APIClient], new_leader: User
) -> None:
    client = client_for(new_leader)
    assert client.post("/api/auth/logout/").status_code == 204
    assert client.get("/api/me/").status_code == 403


@pytest.mark.django_db
def test_me_says_who_is_a_boss(
    client_for: Callable[[User | None], APIClient], boss: User, hr: User
) -> None:
    assert client_for(boss).get("/api/me/").json()["is_boss"] is True
    hr_me = client_for(hr).get("/api/me/").json()
    assert hr_me["is_boss"] is False
    assert hr_me["display_name"] == "hr"


@pytest.mark.django_db
def test_me_anonymous_is_refused(world: World) -> None:
    assert APIClient().get("/api/me/").status_code == 403


@pytest.mark.django_db
def test_patch_me_language(
    client_for: Callable[[User | None], APIClient], new_leader: User
) -> None:
    client = client_for(new_leader)
    response = client.patch("/api/me/", {"language": "en"})
    assert response.status_code == 200
    assert response.json()["language"] == "en"
    new_leader.refresh_from_db()
    assert new_leader.language == "en"
    bad = client.patch("/api/me/", {"language": "fr"})
    assert bad.status_code == 400
    assert "language" in bad.json()


@pytest.mark.django_db
def test_session_write_without_csrf_token_is_refused(new_leader: User, world: World) -> None:
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(new_leader)
    response = client.post("/api/me/support-needs/", {"topic": world.roster.id, "weight": 2})
    assert response.status_code == 403
    assert not new_leader.leader.support_needs.filter(topic=world.roster).exists()
    # With the token from the cookie the same write goes through.
    token = client.get("/api/auth/csrf/").cookies["csrftoken"].value
    ok = client.post(
        "/api/me/support-needs/", {"topic": world.roster.id, "weight": 2}, HTTP_X_CSRFTOKEN=token
    )
    assert ok.status_code == 201


@pytest.mark.django_db
def test_logout_needs_csrf_token(new_leader: User) -> None:
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(new_leader)
    assert client.post("/api/auth/logout/").status_code == 403
    assert client.get("/api/me/").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Too many attempts. Try again in 60 seconds."),
        ("da", "For mange forsøg. Prøv igen om 60 sekunder."),
    ],
)
def test_the_throttled_login_answers_in_one_language(
    new_leader: User, language: str, expected: str
) -> None:
    """DRF's own message was half Danish, half English ("Forespørgslen blev neddroslet.
    Expected available in 60 seconds.")."""
    client = APIClient(HTTP_ACCEPT_LANGUAGE=language)
    for _ in range(10):
        client.post("/api/auth/login/", {"username": "mette", "password": "wrong"})

    response = client.post("/api/auth/login/", {"username": "mette", "password": "wrong"})

    assert response.status_code == 429
    assert response.json()["detail"] == expected
    assert response["Retry-After"] == "60"
    assert response["Content-Language"] == language


@pytest.mark.django_db
def test_patch_me_takes_a_partial_body(
    client_for: Callable[[User | None], APIClient], new_leader: User
) -> None:
    """``language`` was required even when it was not being changed."""
    new_leader.language = "en"
    new_leader.save(update_fields=["language"])
    client = client_for(new_leader)

    response = client.patch("/api/me/", {})

    assert response.status_code == 200
    assert response.json()["language"] == "en"
    new_leader.refresh_from_db()
    assert new_leader.language == "en"
    cleared = client.patch("/api/me/", {"language": ""})
    assert cleared.status_code == 200
    assert cleared.json()["language"] == ""
