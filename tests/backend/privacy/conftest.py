"""Fixtures of the trust tests: the lived-in scene and clients that stay logged in."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rest_framework.test import APIClient

from backend.people import models as m
from tests.conftest import World
from tests.trust.scene import Scene, build_scene


@pytest.fixture
def scene(world: World) -> Scene:
    """The persona municipality with mentoring, networks, onboarding and notifications."""
    return build_scene(world)


@pytest.fixture
def client_for() -> Callable[[m.User | None], APIClient]:
    """Clients logged in by session; the password is saved first so the session holds."""

    def make(user: m.User | None) -> APIClient:
        client = APIClient()
        if user is not None:
            user.save(update_fields=["password"])
            client.force_login(user)
        return client

    return make
