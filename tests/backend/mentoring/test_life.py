"""A mentorship's life after the first meeting: planned meetings with invitations, pulses, the
exit survey asked of both, and HR's quality figures with small groups hidden."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from backend.mentoring.models import ExitSurvey, Mentorship, Pulse
from backend.mentoring.services.mentorships import mentorship_end
from backend.notifications.models import Notification
from tests import factories as f
from tests.conftest import CANARY, World

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair(world: World) -> Mentorship:
    """Jens mentors Mette; they met for the first time a week ago."""
    programme = f.ProgrammeFactory(organisation=world.org, name="Mentorforløb")
    today = timezone.localdate()
    return f.MentorshipFactory(
        programme=programme,
        enrolment=f.EnrolmentFactory(programme=programme, leader=world.new_leader.leader),
        offer=f.MentorOfferFactory(programme=programme, leader=world.mentor.leader, capacity=2),
        started_on=today - dt.timedelta(days=30),
        first_met_on=today - dt.timedelta(days=7),
        last_met_on=today - dt.timedelta(days=7),
    )


def _soon() -> str:
    return (timezone.now() + dt.timedelta(days=14)).replace(microsecond=0).isoformat()


def test_the_pair_plans_a_meeting_with_an_invitation_and_the_other_is_told(
    client_for, world: World, pair: Mentorship
):
    client = client_for(world.new_leader)
    url = f"/api/mentorships/{pair.id}/meetings/"
    response = client.post(url, {"starts_at": _soon(), "minutes": 45, "location": "Rådhuset"})
    assert response.status_code == 201, response.json()
    meeting = response.json()
    told = Notification.objects.get(user=world.mentor, kind="mentoring.meeting_planned")
    assert told.url == f"/mentoring/mentorships/{pair.id}"

    for persona in (world.new_leader, world.mentor):
        listed = client_for(persona).get(url).json()
        assert [m["id"] for m in listed] == [meeting["id"]]
    invitation = client_for(world.mentor).get(
        f"/api/mentoring/meetings/{meeting['id']}/invitation.ics"
    )
    assert invitation.status_code == 200
    body = invitation.content.decode()
    assert "BEGIN:VEVENT" in body and "Rådhuset" in body and "METHOD:REQUEST" in body

    cancelled = client_for(world.mentor).post(f"/api/mentoring/meetings/{meeting['id']}/cancel/")
    assert cancelled.status_code == 200 and cancelled.json()["cancelled"] is True
    assert client.get(url).json() == []
    again = client.get(f"/api/mentoring/meetings/{meeting['id']}/invitation.ics")
    assert "METHOD:CANCEL" in again.content.decode()


def test_meetings_are_the_pairs_alone(client_for, world: World, pair: Mentorship):
    url = f"/api/mentorships/{pair.id}/meetings/"
    for persona in (world.boss, world.grand_boss, world.outsider):
        assert client_for(persona).get(url).status_code == 404
        assert client_for(persona).post(url, {"starts_at": _soon()}).status_code == 404
    assert client_for(world.hr).get(url).status_code == 403  # HR has no leader profile


def test_a_meeting_in_the_past_or_of_an_ended_pair_is_refused(
    client_for, world: World, pair: Mentorship
):
    client = client_for(world.new_leader)
    url = f"/api/mentorships/{pair.id}/meetings/"
    past = (timezone.now() - dt.timedelta(days=2)).isoformat()
    response = client.post(url, {"starts_at": past})
    assert response.status_code == 400 and "starts_at" in response.json()
    mentorship_end(mentorship=pair, leader=None, completed=True)
    assert client.post(url, {"starts_at": _soon()}).status_code == 409


def test_a_pulse_is_read_back_only_by_its_writer(client_for, world: World, pair: Mentorship):
    url = f"/api/mentorships/{pair.id}/pulses/"
    met_on = pair.last_met_on.isoformat()
    mette = client_for(world.new_leader)
    response = mette.post(url, {"met_on": met_on, "score": 4, "comment": CANARY})
    assert response.status_code == 201, response.json()
    assert mette.post(url, {"met_on": met_on, "score": 5}).status_code == 409  # once a meeting
    assert [p["score"] for p in mette.get(url).json()] == [4]
    # The mentor sees only their own (none), never Mette's score or comment.
    jens = client_for(world.mentor).get(url)
    assert jens.status_code == 200 and jens.json() == [] and CANARY not in jens.content.decode()
    for persona in (world.boss, world.grand_boss, world.outsider):
        assert client_for(persona).get(url).status_code == 404
    ahead = (timezone.localdate() + dt.timedelta(days=1)).isoformat()
    assert mette.post(url, {"met_on": ahead, "score": 3}).status_code == 400
    assert mette.post(url, {"met_on": met_on, "score": 6}).status_code == 400


def test_the_exit_survey_is_asked_of_both_when_the_pair_ends(
    client_for, world: World, pair: Mentorship
):
    url = f"/api/mentorships/{pair.id}/exit-survey/"
    answer = {"rating": 5, "goals_met": "yes", "would_recommend": True, "comment": CANARY}
    mette = client_for(world.new_leader)
    assert mette.post(url, answer).status_code == 409  # not before the end
    mentorship_end(mentorship=pair, leader=None, completed=True)
    for persona in (world.new_leader, world.mentor):
        asked = Notification.objects.get(user=persona, kind="mentoring.exit_survey")
        assert asked.url == f"/mentoring/mentorships/{pair.id}"
    assert mette.get(url).json()["answered"] is False
    response = mette.post(url, answer)
    assert response.status_code == 201 and response.json()["answered"] is True
    assert mette.post(url, answer).status_code == 409
    assert mette.get(url).json()["comment"] == CANARY
    jens = client_for(world.mentor).get(url)
    assert jens.json()["answered"] is False and CANARY not in jens.content.decode()
    survey = ExitSurvey.objects.get(mentorship=pair)
    assert survey.as_mentor is False and survey.leader_id == world.new_leader.leader_id


def _pairs_in(world: World, programme, administration, count: int) -> list[Mentorship]:
    department = f.DepartmentFactory(administration=administration)
    pairs = []
    for _ in range(count):
        mentee = f.LeaderFactory(unit=f.UnitFactory(department=department))
        mentor = f.LeaderFactory(unit=f.UnitFactory(department=department))
        pairs.append(
            f.MentorshipFactory(
                programme=programme,
                enrolment=f.EnrolmentFactory(programme=programme, leader=mentee),
                offer=f.MentorOfferFactory(programme=programme, leader=mentor, capacity=1),
                mentee=mentee,
                mentor=mentor,
                started_on=timezone.localdate() - dt.timedelta(days=60),
            )
        )
    return pairs


def test_quality_hides_small_groups_and_names_nobody(client_for, world: World):
    programme = f.ProgrammeFactory(organisation=world.org, name="Kvalitet")
    met_on = timezone.localdate() - dt.timedelta(days=3)
    big = _pairs_in(world, programme, world.children, 6)
    small = _pairs_in(world, programme, world.social, 2)
    for index, pair in enumerate(big + small):
        Pulse.objects.create(
            mentorship=pair, leader=pair.mentee, met_on=met_on, score=4, comment=f"Godt {index}"
        )
    for pair in small:
        ExitSurvey.objects.create(
            mentorship=pair,
            leader=pair.mentee,
            as_mentor=False,
            rating=2,
            goals_met="no",
            would_recommend=False,
            comment=CANARY,
        )
    response = client_for(world.hr).get(f"/api/programmes/{programme.id}/quality/")
    assert response.status_code == 200, response.json()
    quality = response.json()
    pulses = quality["pulses"]
    assert pulses["total"]["respondents"] == {"value": 8, "suppressed": False}
    assert pulses["total"]["mean_score"]["value"] == 4
    # Social og Sundhed has two respondents: pooled; the pool of two would give them away, so
    # Børn og Unge joins it and only the total is shown.
    assert pulses["administrations"] == []
    assert quality["pulse_comments"] == sorted(f"Godt {i}" for i in range(8))
    # Two exit surveys: every figure hidden, no comment.
    assert quality["surveys"]["total"]["mean_rating"] == {"value": None, "suppressed": True}
    assert quality["survey_comments"] == [] and quality["survey_comments_hidden"] is True
    assert CANARY not in response.content.decode()
    assert "Jens" not in response.content.decode()


def test_quality_shows_each_administration_with_five_or_more(client_for, world: World):
    programme = f.ProgrammeFactory(organisation=world.org, name="Kvalitet")
    met_on = timezone.localdate() - dt.timedelta(days=3)
    for administration, score in ((world.children, 5), (world.social, 3)):
        for pair in _pairs_in(world, programme, administration, 5):
            Pulse.objects.create(mentorship=pair, leader=pair.mentee, met_on=met_on, score=score)
    quality = client_for(world.hr).get(f"/api/programmes/{programme.id}/quality/").json()
    rows = {row["administration"]: row for row in quality["pulses"]["administrations"]}
    assert rows[world.children.name]["mean_score"]["value"] == 5
    assert rows[world.social.name]["mean_score"]["value"] == 3
    assert quality["pulses"]["total"]["mean_score"]["value"] == 4
    # HR scoped to Social og Sundhed sees its own five only.
    scoped = client_for(world.hr_scoped).get(f"/api/programmes/{programme.id}/quality/").json()
    assert scoped["pulses"]["total"]["respondents"]["value"] == 5
    for persona in (world.new_leader, world.boss, world.mentor):
        assert (
            client_for(persona).get(f"/api/programmes/{programme.id}/quality/").status_code == 403
        )
