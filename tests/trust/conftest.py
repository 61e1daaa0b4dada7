"""Fixtures of the trust tests: the lived-in scene and clients that stay logged in."""

from __future__ import annotations

from collections import Counter

import pytest

from tests.conftest import World
from tests.trust.scene import Scene, build_scene

#: Requests the schemathesis tests sent, per role and status code (``test_schemathesis.py``).
SCHEMATHESIS_SENT: dict[str, Counter[int]] = {"hr": Counter(), "leader": Counter()}


@pytest.fixture
def scene(world: World) -> Scene:
    """The persona municipality with mentoring, networks, onboarding and notifications."""
    return build_scene(world)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """After a run that fuzzed the API, print the figures: requests per role and status code.

    A summary, not a test: a 5xx or a response off its documented schema already fails the
    case that got it. Counted in this process only (under xdist each worker counts its own).
    """
    for role, counts in SCHEMATHESIS_SENT.items():
        if counts:
            statuses = ", ".join(f"{code}: {n}" for code, n in sorted(counts.items()))
            terminalreporter.write_line(
                f"schemathesis as {role}: {counts.total()} requests ({statuses})"
            )
