"""The leader's access log keeps a constant number of queries at 10 and at 200 entries."""

from __future__ import annotations

from typing import Any

import pytest

from backend.privacy.models import AccessLogEntry
from tests.conftest import World


def _entries(world: World, n: int) -> None:
    AccessLogEntry.objects.bulk_create(
        AccessLogEntry(
            actor=world.hr,
            actor_name="hr",
            subject=world.new_leader.leader,
            what="support_needs",
            purpose=f"Opfølgning {i}",
        )
        for i in range(n)
    )


@pytest.mark.django_db
@pytest.mark.parametrize("rows", [10, 200])
def test_access_log_list_queries_are_constant(
    world: World, client_for: Any, django_assert_num_queries: Any, rows: int
) -> None:
    _entries(world, rows)
    client = client_for(world.new_leader)
    client.get("/api/privacy/access-log/")  # warm the session
    # session, user, page (a first page that is not full is the count: no COUNT query)
    with django_assert_num_queries(3):
        response = client.get("/api/privacy/access-log/", {"page_size": 500})
    assert response.status_code == 200
    assert response.json()["count"] == rows
