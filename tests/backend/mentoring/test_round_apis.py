"""HR runs a round through the API: invite mentors by criteria, the invited leader answers in
their own session, a leader volunteers and pauses, HR previews a run (issues 13 and 14)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from backend.mentoring.models import MentorOffer
from backend.notifications.models import Notification
from backend.people import models as m
from tests import factories as f

pytestmark = pytest.mark.django_db


def _veteran(world, first="Vera", years=12):
    leader = f.LeaderFactory(
        unit=f.UnitFactory(department=m.Department.objects.get(administration=world.social)),
        first_name=first,
        years_as_leader=years,
    )
    user = f.UserFactory(username=first.lower(), organisation=world.org, leader=leader)
    return leader, user


def test_hr_invites_by_criteria_and_the_leader_accepts(setup, world, client_for):
    vera, vera_user = _veteran(world)
    rookie = f.LeaderFactory(
        unit=f.UnitFactory(department=m.Department.objects.get(administration=world.social)),
        first_name="Rikke",
        first_leader_job=True,
        years_as_leader=0,
        role_start_date=timezone.localdate() - dt.timedelta(days=21),
    )
    hr = client_for(world.hr)
    url = f"/api/programmes/{setup.programme.id}/mentor-candidates/"
    found = hr.get(url, {"min_years": 10}).json()
    ids = {c["leader"]["id"] for c in found}
    assert vera.id in ids and rookie.id not in ids
    assert setup.mette.leader_id not in ids  # a mentee
    everyone = hr.get(url, {"exclude_first_year": "false"}).json()
    assert any(c["leader"]["id"] == rookie.id and c["first_year"] for c in everyone)
    assert client_for(world.mentor).get(url).status_code == 403

    invite = f"/api/programmes/{setup.programme.id}/mentor-invitations/"
    refused = hr.post(invite, {"leaders": [rookie.id]}, format="json")
    assert refused.status_code == 400 and "override_reason" in refused.json()
    response = hr.post(invite, {"leaders": [vera.id]}, format="json")
    assert response.status_code == 201, response.json()
    (offer,) = response.json()
    assert offer["state"] == "invited"
    assert Notification.objects.filter(user=vera_user, kind="mentoring.mentor_invitation").exists()

    leader = client_for(vera_user)
    mine = leader.get("/api/mentor-offers/mine/").json()["results"]
    assert [o["id"] for o in mine] == [offer["id"]]
    answer = f"/api/mentor-offers/{offer['id']}/answer/"
    assert client_for(world.mentor).post(answer, {"accept": True}).status_code == 404
    accepted = leader.post(
        answer,
        {"accept": True, "capacity": 2, "topics": [world.budget.id], "availability": "Tirsdage"},
        format="json",
    )
    assert accepted.status_code == 200, accepted.json()
    assert accepted.json()["state"] == "active" and accepted.json()["capacity"] == 2
    assert accepted.json()["topics"] == [world.budget.id]
    assert leader.post(answer, {"accept": False}, format="json").status_code == 409


def test_a_leader_declines_an_invitation(setup, world, client_for):
    vera, vera_user = _veteran(world)
    offer = (
        client_for(world.hr)
        .post(
            f"/api/programmes/{setup.programme.id}/mentor-invitations/",
            {"leaders": [vera.id]},
            format="json",
        )
        .json()[0]
    )
    declined = client_for(vera_user).post(
        f"/api/mentor-offers/{offer['id']}/answer/", {"accept": False}, format="json"
    )
    assert declined.json()["state"] == "declined"


def test_a_leader_volunteers_and_pauses(setup, world, client_for):
    _vera, vera_user = _veteran(world)
    leader = client_for(vera_user)
    programmes = leader.get("/api/programmes/open-for-mentors/").json()["results"]
    assert [p["id"] for p in programmes] == [setup.programme.id]
    created = leader.post(
        f"/api/programmes/{setup.programme.id}/mentor-offers/",
        {"capacity": 1, "topics": [world.roster.id], "override_reason": "I say so"},
        format="json",
    )
    assert created.status_code == 201, created.json()
    assert created.json()["override_reason"] == ""  # only HR overrides
    paused = leader.patch(
        f"/api/mentor-offers/{created.json()['id']}/", {"paused": True}, format="json"
    )
    assert paused.json()["paused"] is True
    assert MentorOffer.objects.get(id=created.json()["id"]).paused


def test_a_first_year_leader_cannot_volunteer(setup, world, client_for):
    world.new_leader.leader.role_start_date = timezone.localdate() - dt.timedelta(days=21)
    world.new_leader.leader.save()
    refused = client_for(world.new_leader).post(
        f"/api/programmes/{setup.programme.id}/mentor-offers/", {"capacity": 1}, format="json"
    )
    assert refused.status_code == 400 and "override_reason" in refused.json()


def test_preview_counts_without_writing(setup, world, client_for):
    url = f"/api/programmes/{setup.programme.id}/preview/"
    response = client_for(world.hr).post(url, {}, format="json")
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["mentees"] == 3 and body["mentors"] == 3 and body["matched"] == 3
    strict = (
        client_for(world.hr)
        .post(url, {"policy": {"require_other_administration": True}}, format="json")
        .json()
    )
    assert strict["matched"] <= body["matched"]
    assert client_for(world.mentor).post(url, {}, format="json").status_code == 403
    assert not setup.programme.runs.exists()
