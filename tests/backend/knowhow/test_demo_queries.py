"""Ten problems in a leader's own words find the demo's leaders who offer know-how on them.

The words differ from the leaders' own (inflections, compounds, synonyms). The same test runs on
SQLite (the Python ranking) and, marked ``postgres``, on PostgreSQL's full-text search, where it
also checks that both rankings agree on the top results.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from django.db import connection, transaction

from backend.knowhow import selectors, text
from backend.people import models as m
from seed.demo import demo_run
from seed.knowhow import KNOWHOW, PROBLEMS

TODAY = dt.date(2025, 3, 1)


@pytest.fixture(scope="module")
def _demo_once(django_db_setup: None, django_db_blocker: Any) -> Iterator[int]:
    with django_db_blocker.unblock(), transaction.atomic():
        yield demo_run(seed=42, today=TODAY).organisation.id
        transaction.set_rollback(True)


@pytest.fixture
def asker(_demo_once: int, db: None) -> m.User:
    return m.User.objects.get(username="amalie")


def _expected(key: str) -> int:
    entry = next(e for e in KNOWHOW if e.key == key)
    return m.Leader.objects.get(bio__contains=entry.text).id


def _top3(asker: m.User, query: str) -> list[int]:
    return [f.leader.id for f in selectors.knowhow_search(actor=asker, query=query, limit=3)]


def _check_all(asker: m.User) -> dict[str, list[int]]:
    tops = {query: _top3(asker, query) for query, _key in PROBLEMS}
    misses = [
        (query, key, tops[query]) for query, key in PROBLEMS if _expected(key) not in tops[query]
    ]
    assert misses == []
    return tops


def test_ten_problems_in_other_words_find_the_right_leader_on_sqlite(asker: m.User) -> None:
    if connection.vendor != "sqlite":
        pytest.skip("the SQLite ranking; the PostgreSQL run is the test below")
    _check_all(asker)


@pytest.mark.postgres
def test_ten_problems_find_the_right_leader_with_postgresql_full_text_search(
    asker: m.User, monkeypatch: pytest.MonkeyPatch
) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL)")
    assert m.Leader.objects.filter(knowhow_document__vector__isnull=False).count() == 0
    fts = _check_all(asker)
    assert m.Leader.objects.filter(knowhow_document__vector__isnull=False).exists()
    # The same questions ranked by the SQLite path (the term index) over the same profiles.
    leader = asker.leader
    assert leader is not None

    def python_instead(docs: Any, query: str, limit: int) -> list[tuple[int, float]]:
        stems = [t.stem for t in text.query_terms(query)]
        return selectors._ranked_term_index(leader.organisation_id, leader.id, stems, limit)

    monkeypatch.setattr(selectors, "_ranked_postgres", python_instead)
    python = {query: _top3(asker, query) for query, _key in PROBLEMS}
    assert {q: top[0] for q, top in fts.items()} == {q: top[0] for q, top in python.items()}
