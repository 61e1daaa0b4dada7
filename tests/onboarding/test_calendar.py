"""The leader's ICS feed: secret URL, rotation, items and mentor meetings, nothing private."""

from __future__ import annotations

import pytest
from icalendar import Calendar

from onboarding.services.items import plan_item_need_help
from tests.conftest import CANARY, World

pytestmark = pytest.mark.django_db


def test_feed_has_items_and_the_first_mentor_meeting(client_for, world: World, mette_plan):
    plan_item_need_help(
        item=mette_plan.items.get(template_item__key="overfoersel"),
        actor=world.new_leader,
        weight=3,
    )
    client = client_for(world.new_leader)
    url = client.get("/api/onboarding/calendar/").json()["url"]
    anonymous = client_for(None)
    response = anonymous.get(url.replace("http://testserver", ""))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    cal = Calendar.from_ical(response.content)
    summaries = [str(e["summary"]) for e in cal.walk("VEVENT")]
    assert "Ledestjernen: kommunens værdigrundlag" in summaries
    assert "Første mentormøde med Jens Bak" in summaries
    assert len(summaries) == mette_plan.items.count() + 1
    body = response.content.decode()
    assert CANARY not in body and "hjælp" not in body.lower()


def test_rotating_the_token_kills_the_old_url(client_for, world: World, mette_plan):
    client = client_for(world.new_leader)
    old = client.get("/api/onboarding/calendar/").json()["url"].replace("http://testserver", "")
    new = (
        client.post("/api/onboarding/calendar/rotate/")
        .json()["url"]
        .replace("http://testserver", "")
    )
    assert old != new
    anonymous = client_for(None)
    assert anonymous.get(old).status_code == 404
    assert anonymous.get(new).status_code == 200


def test_feed_url_is_the_leaders_own(client_for, world: World):
    # HR without a leader profile: a role check (403), not an object out of scope.
    assert client_for(world.hr).get("/api/onboarding/calendar/").status_code == 403
    assert client_for(None).get("/api/onboarding/calendar/").status_code == 403
    assert client_for(None).get("/api/onboarding/calendar/guessed-token.ics").status_code == 404
