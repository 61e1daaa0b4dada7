"""API tokens answered from the cache: no lookup per request, and nothing stale is honoured."""

from __future__ import annotations

import os
import pickle
from collections.abc import Iterator

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from backend.people.models import User
from backend.people.tokens import token_cache_key
from tests.conftest import World

pytestmark = pytest.mark.django_db

PASSWORD = "sparring-test-pw"


@pytest.fixture(autouse=True)
def _token_cache() -> Iterator[None]:
    """Cache tokens for a minute, in a cache emptied before and after each test."""
    with override_settings(TOKEN_CACHE_SECONDS=60):
        cache.clear()
        yield
        cache.clear()


def _token_client(user: User) -> tuple[APIClient, Token]:
    token, _ = Token.objects.get_or_create(user=user)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client, token


def _assert_refused(client: APIClient) -> None:
    """The API refuses the token with 401 and the token scheme's challenge."""
    response = client.get("/api/me/")
    assert response.status_code == 401, response.content
    assert response["WWW-Authenticate"] == "Token"
    assert response.json()["detail"] in ("Ugyldigt token.", "Inaktiv eller slettet bruger.")


def _token_queries(client: APIClient) -> tuple[int, list[str]]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/api/me/")
    return response.status_code, [
        q["sql"] for q in queries.captured_queries if "authtoken_token" in q["sql"]
    ]


def test_a_token_is_looked_up_once_then_answered_from_the_cache(world: World) -> None:
    client, _ = _token_client(world.new_leader)
    assert _token_queries(client)[0] == 200
    status, lookups = _token_queries(client)
    assert status == 200
    assert lookups == []
    assert client.get("/api/me/").json()["username"] == world.new_leader.username


def test_a_deleted_token_is_refused_at_once(world: World) -> None:
    client, token = _token_client(world.new_leader)
    assert client.get("/api/me/").status_code == 200
    token.delete()
    _assert_refused(client)


def test_a_deactivated_user_is_refused_at_once(world: World) -> None:
    client, _ = _token_client(world.new_leader)
    assert client.get("/api/me/").status_code == 200
    user = User.objects.get(id=world.new_leader.id)
    user.is_active = False
    user.save()
    _assert_refused(client)


def test_a_deleted_user_is_refused_at_once(world: World) -> None:
    client, _ = _token_client(world.outsider)
    assert client.get("/api/me/").status_code == 200
    User.objects.filter(id=world.outsider.id).delete()
    _assert_refused(client)


def test_a_changed_role_is_seen_at_once(world: World) -> None:
    client, _ = _token_client(world.outsider)
    assert client.get("/api/me/").json()["role"] == User.Role.LEADER
    user = User.objects.get(id=world.outsider.id)
    user.role = User.Role.HR
    user.save()
    assert client.get("/api/me/").json()["role"] == User.Role.HR


def test_the_cache_holds_no_password_hash_and_saving_keeps_the_password(world: World) -> None:
    user = world.new_leader
    user.set_password(PASSWORD)
    user.save(update_fields=["password"])
    client, token = _token_client(user)
    assert client.get("/api/me/").status_code == 200
    assert client.get("/api/me/").status_code == 200  # from the cache
    cached = cache.get(token_cache_key(token.key))
    assert cached is not None
    assert user.password.encode() not in pickle.dumps(cached)
    assert token.key not in token_cache_key(token.key)
    # The user saves their language through the cached user: the password survives.
    assert client.patch("/api/me/", {"language": "en"}, format="json").status_code == 200
    fresh = User.objects.get(id=user.id)
    assert fresh.language == "en"
    assert fresh.check_password(PASSWORD)


def test_without_a_shared_cache_every_request_reads_the_database(world: World) -> None:
    client, _ = _token_client(world.new_leader)
    with override_settings(TOKEN_CACHE_SECONDS=0):
        assert _token_queries(client)[0] == 200
        status, lookups = _token_queries(client)
    assert status == 200
    assert len(lookups) == 1


@pytest.mark.postgres
def test_with_redis_a_deleted_token_leaves_the_shared_cache(world: World) -> None:
    """The cache every web process shares: a deletion in one is seen by all."""
    import redis
    from django.core.cache import caches

    location = os.environ["CELERY_BROKER_URL"].rsplit("/", 1)[0] + "/3"
    redis_cache = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": location,
        "KEY_PREFIX": f"tokens-test-{os.getpid()}",
    }
    with override_settings(CACHES={"default": redis_cache}):
        client, token = _token_client(world.new_leader)
        cache_key = token_cache_key(token.key)
        try:
            assert client.get("/api/me/").status_code == 200
            key = caches["default"].make_and_validate_key(cache_key)
            other_process = redis.Redis.from_url(location)
            assert other_process.exists(key)
            token.delete()
            assert not other_process.exists(key)
            _assert_refused(client)
        finally:
            caches["default"].delete(cache_key)
