"""Fixtures for the people API tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.conf import LazySettings
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings: LazySettings) -> None:
    """Hash test passwords cheaply; the login tests hash a dozen times each."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _fresh_throttle() -> Iterator[None]:
    """Start every test with empty throttle counters (they live in the cache)."""
    cache.clear()
    yield
    cache.clear()
