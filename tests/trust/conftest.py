"""Fixtures of the trust tests: the lived-in scene and clients that stay logged in."""

from __future__ import annotations

import pytest

from tests.conftest import World
from tests.trust.scene import Scene, build_scene


@pytest.fixture
def scene(world: World) -> Scene:
    """The persona municipality with mentoring, networks, onboarding and notifications."""
    return build_scene(world)
