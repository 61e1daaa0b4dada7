"""HR's network insights on the real stack: PostgreSQL, Redis and a Celery worker process.

The view answers at once and a worker computes the figures (issue 17, item 2); HR's page polls
until they are stored. Run with ``-m stack`` (``.ci/run`` starts the services).
"""

from __future__ import annotations

from typing import Any

import pytest

from backend.networks import models as nm
from backend.people import models as m
from tests import factories as f
from tests.stack import wait_for

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.stack
def test_insights_are_computed_by_a_worker_and_read_from_storage(
    world: Any, client_for: Any, celery_worker_factory: Any
) -> None:
    celery_worker_factory()
    hr = client_for(world.hr)
    first = hr.get("/api/network-insights/").json()
    assert first["status"] == "computing" and first["insights"] is None  # not in the request
    seen: list[dict[str, Any]] = []

    def ready() -> bool:
        seen.append(hr.get("/api/network-insights/").json())
        return seen[-1]["status"] == "ready"

    wait_for(ready, timeout=60, what=lambda: f"insights; seen {seen[-3:]}")
    figures = seen[-1]["insights"]
    active = m.Leader.objects.filter(organisation=world.org, active=True).count()
    assert figures["leaders"] == active and seen[-1]["computed_at"] and not seen[-1]["stale"]
    assert nm.InsightsSnapshot.objects.get(organisation=world.org).data == figures

    # The network changes: the old figures stay visible, marked stale, until the worker is done.
    f.MembershipFactory(
        network=f.NetworkFactory(organisation=world.org, kind=nm.NetworkKind.LEADER_GROUP),
        leader=world.mentor.leader,
    )
    stale = hr.get("/api/network-insights/").json()
    assert stale["stale"] is True and stale["insights"] == figures
    wait_for(
        lambda: hr.get("/api/network-insights/").json()["stale"] is False,
        timeout=60,
        what="fresh insights after the change",
    )
