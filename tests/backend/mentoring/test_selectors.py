"""The selectors onboarding calls: a leader's mentor and mentoring meetings."""

from __future__ import annotations

import datetime as dt

import pytest

from backend.mentoring.selectors import meetings_for_leader, mentor_for_leader
from tests import factories as f


@pytest.mark.django_db
def test_no_mentorship_gives_none_and_no_meetings(new_leader):
    assert mentor_for_leader(leader_id=new_leader.leader_id) is None
    assert meetings_for_leader(leader_id=new_leader.leader_id) == []


@pytest.mark.django_db
def test_active_mentorship_gives_mentor_and_meetings(world):
    mentee, mentor = world.new_leader.leader, world.mentor.leader
    programme = f.ProgrammeFactory(
        organisation=world.org, name="Mentorforløb 2025", starts_on=dt.date(2025, 1, 1)
    )
    mentorship = f.MentorshipFactory(
        programme=programme,
        enrolment=f.EnrolmentFactory(programme=programme, leader=mentee, route="hr"),
        offer=f.MentorOfferFactory(programme=programme, leader=mentor, capacity=2),
        started_on=dt.date(2025, 2, 1),
        first_meeting_due=dt.date(2025, 2, 21),
    )
    assert mentor_for_leader(leader_id=mentee.id) == mentor
    assert mentor_for_leader(leader_id=mentor.id) is None
    [planned] = meetings_for_leader(leader_id=mentee.id)
    assert (planned.kind, planned.date, planned.with_name) == (
        "first_meeting",
        dt.date(2025, 2, 21),
        "Jens Bak",
    )
    mentorship.first_met_on = dt.date(2025, 2, 10)
    mentorship.save()
    f.CheckInFactory(
        mentorship=mentorship,
        author=mentee,
        met_on=dt.date(2025, 2, 10),
        minutes=60,
        note="hemmeligt",
    )
    f.CheckInFactory(mentorship=mentorship, author=mentor, met_on=dt.date(2025, 2, 10), minutes=60)
    [met] = meetings_for_leader(leader_id=mentor.id)
    assert (met.kind, met.minutes, met.with_name) == ("check_in", 60, "Mette Kjær")
