"""Numbers too large for the database are the client's error (400), never a server error.

Found by the full schemathesis run: an id of 10**20 in a filter or a body made SQLite raise
``OverflowError`` (500); a programme's ``policy`` sent as the form value ``null`` broke a NOT
NULL column.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection

from tests.conftest import World

HUGE = 10**20


@pytest.mark.django_db
def test_huge_id_in_a_list_filter_is_400(world: World, client_for) -> None:
    response = client_for(world.hr).get("/api/leaders/", {"administration": HUGE})
    if connection.vendor == "sqlite":  # SQLite cannot even compare such a number
        assert response.status_code == 400
        assert response.json()["detail"] == [
            "Et tal i forespørgslen er uden for det tilladte område."
        ]
    else:  # PostgreSQL compares it: no such administration, no leaders
        assert response.status_code == 200
        assert response.json()["count"] == 0


@pytest.mark.django_db
def test_huge_id_in_a_body_is_400_and_nothing_is_created(world: World, client_for) -> None:
    from backend.networks.models import SignUp

    response = client_for(world.hr).post(
        "/api/network-signups/",
        {
            "theme": "Ledelse af ledere",
            "min_size": 4,
            "max_size": 8,
            "deadline": str(dt.date.today() + dt.timedelta(days=14)),
            "eligible_administrations": [HUGE],
        },
        format="json",
    )
    assert response.status_code == 400, response.content
    assert not SignUp.objects.exists()


@pytest.mark.django_db
def test_programme_policy_null_is_400_naming_the_field(world: World, client_for) -> None:
    response = client_for(world.hr).post(
        "/api/programmes/",
        {"name": "Mentorforløb", "starts_on": "2026-12-01", "policy": "null"},
        format="multipart",  # a form field is parsed as JSON: "null" became None
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    assert response.json()["policy"] == ["The policy must be an object."]
