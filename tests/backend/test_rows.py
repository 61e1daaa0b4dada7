"""``the_row`` reads the one row a key names, with its relations, and sends no ORDER BY."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from backend.people.models import Leader
from backend.rows import the_row
from tests import factories as f

pytestmark = pytest.mark.django_db


def test_the_row_by_key_with_its_relations_in_one_query_without_order_by() -> None:
    leader = f.LeaderFactory()
    f.LeaderFactory()  # another row the key must not find
    query = Leader.objects.select_related("unit__department__administration", "boss")
    with CaptureQueriesContext(connection) as sent:
        row = the_row(query.filter(id=leader.id))
        assert row is not None
        assert row == leader
        assert row.unit is not None
        assert row.unit.department.administration.name == leader.unit.department.administration.name
    assert len(sent) == 1
    assert "ORDER BY" not in sent[0]["sql"].upper()


def test_no_row_is_none() -> None:
    assert the_row(Leader.objects.filter(id=0)) is None
