"""The round's guard rails (issue 13): no pair twice, one active mentorship per mentee unless HR
allows a second, no first-year leader or mentee as mentor without an override, and a run with
nothing to match says exactly that."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone, translation

from backend.api.exceptions import ServiceError
from backend.mentoring.models import Enrolment, MatchRun, MentorOffer, Mentorship, Proposal
from backend.mentoring.problem import problem_for_programme
from backend.mentoring.reasons import NO_MENTEES, NO_MENTORS
from backend.mentoring.serializers import MatchRunOutputSerializer
from backend.mentoring.services.mentorships import mentorship_end
from backend.mentoring.services.programmes import (
    enrolment_create,
    mentor_offer_upsert,
    programme_create,
)
from backend.mentoring.services.proposals import (
    proposal_accept,
    proposal_create_manual,
)
from backend.mentoring.services.runs import match_run_execute
from backend.people import models as m
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    """Messages are checked in English (the Danish ones are checked where they are shown)."""
    with translation.override("en"):
        yield


def _run(programme, user):
    run = MatchRun.objects.create(programme=programme, created_by=user, policy=programme.policy)
    return match_run_execute(run_id=run.id)


def _pair(setup, world, offer=None):
    """Mette and Jens (or ``offer``) matched by hand and accepted by both."""
    offer = offer or setup.jens
    proposal = proposal_create_manual(
        enrolment=setup.mette, offer=offer, user=world.hr, reason="Budget"
    )
    proposal_accept(proposal=proposal, leader=setup.mette.leader)
    proposal_accept(proposal=proposal, leader=offer.leader)
    return Mentorship.objects.get(proposal=proposal)


def _second_programme(world, name="Mentorforløb 2026"):
    return programme_create(
        organisation=world.org, created_by=world.hr, name=name, starts_on=dt.date(2026, 1, 1)
    )


def test_a_second_programme_never_proposes_an_existing_pair(setup, world):
    live = _pair(setup, world)
    second = _second_programme(world)
    # HR enrols Mette again on purpose, with a reason, and Jens offers again.
    enrolment = enrolment_create(
        programme=second, leader=setup.mette.leader, second_mentorship_reason="Nyt job"
    )
    jens = mentor_offer_upsert(programme=second, leader=setup.jens.leader, capacity=3)
    built = problem_for_programme(programme=second)
    assert (str(live.mentee_id), str(live.mentor_id)) in built.problem.forbidden
    _run(second, world.hr)
    assert not Proposal.objects.filter(enrolment=enrolment, offer=jens).exists()
    # By hand neither: the pair is active.
    with pytest.raises(ServiceError, match="already an active pair"):
        proposal_create_manual(enrolment=enrolment, offer=jens, user=world.hr, reason="x")


def test_a_pair_that_ended_early_is_not_proposed_again(setup, world):
    ended = _pair(setup, world)
    mentorship_end(mentorship=ended, leader=None, completed=False, reason="Kemien passede ikke")
    second = _second_programme(world)
    enrolment_create(programme=second, leader=setup.mette.leader)  # no active mentorship now
    mentor_offer_upsert(programme=second, leader=setup.jens.leader, capacity=3)
    built = problem_for_programme(programme=second)
    assert (str(ended.mentee_id), str(ended.mentor_id)) in built.problem.forbidden


def test_a_second_active_mentorship_needs_hrs_reason(setup, world):
    _pair(setup, world)
    second = _second_programme(world)
    # Automatic enrolment leaves Mette out, and says so.
    setup.mette.leader.role_start_date = timezone.localdate() - dt.timedelta(days=10)
    setup.mette.leader.save()
    from backend.mentoring.services.programmes import enrolment_ensure_new_leaders

    enrolment_ensure_new_leaders(programme=second)
    assert not Enrolment.objects.filter(programme=second, leader=setup.mette.leader).exists()
    # By hand: refused without a reason.
    with pytest.raises(ServiceError) as refused:
        enrolment_create(programme=second, leader=setup.mette.leader)
    assert refused.value.field == "second_mentorship_reason"
    # An enrolment made before the first pair started (no reason) is left out of the run.
    other = _second_programme(world, "Mentorforløb 2027")
    enrolment = Enrolment.objects.create(programme=other, leader=setup.mette.leader, route="hr")
    soren = setup.offers[1]
    offer = mentor_offer_upsert(programme=other, leader=soren.leader, capacity=2)
    built = problem_for_programme(programme=other)
    assert built.problem.mentees == ()
    assert {"leader": setup.mette.leader.id, "role": "mentee",
            "reason": "active_mentorship_elsewhere"} in built.excluded  # fmt: skip
    # And the mentorship cannot start behind HR's back.
    proposal = Proposal.objects.create(
        programme=other, enrolment=enrolment, offer=offer, status=Proposal.Status.OFFERED
    )
    proposal_accept(proposal=proposal, leader=setup.mette.leader)
    with pytest.raises(Exception, match="already has an active mentorship"):
        proposal_accept(proposal=proposal, leader=soren.leader)
    # With HR's reason: allowed.
    enrolment_create(
        programme=other, leader=setup.mette.leader, second_mentorship_reason="Særlig opgave"
    )
    proposal_accept(proposal=proposal, leader=soren.leader)
    assert Mentorship.objects.filter(mentee=setup.mette.leader, status="active").count() == 2


def test_a_first_year_leader_cannot_mentor_without_an_override(setup, world):
    rookie = f.LeaderFactory(
        unit=f.UnitFactory(department=m.Department.objects.get(administration=world.social)),
        first_leader_job=True,
        years_as_leader=0,
        role_start_date=timezone.localdate() - dt.timedelta(days=21),
    )
    with pytest.raises(ServiceError) as refused:
        mentor_offer_upsert(programme=setup.programme, leader=rookie, capacity=3)
    assert refused.value.field == "override_reason"
    assert "first year" in str(refused.value)
    offer = mentor_offer_upsert(
        programme=setup.programme,
        leader=rookie,
        capacity=1,
        override_reason="Tidligere leder i det private",
    )
    assert offer.override_reason


def test_the_first_year_is_a_setting(setup, world, settings):
    settings.SPARRING_MENTOR_MIN_LEADER_DAYS = 10
    rookie = f.LeaderFactory(
        unit=f.UnitFactory(department=m.Department.objects.get(administration=world.social)),
        first_leader_job=True,
        years_as_leader=0,
        role_start_date=timezone.localdate() - dt.timedelta(days=21),
    )
    assert mentor_offer_upsert(programme=setup.programme, leader=rookie, capacity=1).id


def test_a_mentee_cannot_mentor_without_an_override(setup, world):
    second = _second_programme(world)
    mentee = setup.mentees[1].leader
    mentee.years_as_leader = 12  # experienced, but enrolled as a mentee
    mentee.first_leader_job = False
    mentee.save()
    with pytest.raises(ServiceError, match="enrolled as a mentee"):
        mentor_offer_upsert(programme=second, leader=mentee, capacity=2)


def test_an_offer_made_before_the_leader_became_a_mentee_is_left_out(setup, world):
    second = _second_programme(world)
    veteran = f.LeaderFactory(
        unit=f.UnitFactory(department=m.Department.objects.get(administration=world.social)),
        years_as_leader=12,
    )
    mentor_offer_upsert(programme=second, leader=veteran, capacity=2)
    enrolment_create(programme=setup.programme, leader=veteran)
    enrolment_create(programme=second, leader=setup.mette.leader)
    built = problem_for_programme(programme=second)
    assert {"leader": veteran.id, "role": "mentor", "reason": "mentee_elsewhere"} in built.excluded


def test_a_run_with_no_mentors_says_so(setup, world):
    second = _second_programme(world)
    enrolment_create(programme=second, leader=setup.mette.leader)
    run = _run(second, world.hr)
    assert run.status == MatchRun.Status.SUCCEEDED
    assert run.result["empty"] == NO_MENTORS
    body = MatchRunOutputSerializer(run).data
    assert "no mentors yet" in body["result"]["message"]
    assert "ingen mentorer" in body["result"]["message_da"]
    (unmatched,) = body["result"]["unmatched"]
    assert "no mentors yet" in unmatched["reason"]
    assert "hard rules" not in unmatched["reason"]
    enrolment = Enrolment.objects.get(programme=second)
    assert enrolment.status == Enrolment.Status.MANUAL
    assert enrolment.manual_reason_code == {"code": NO_MENTORS, "params": {}}


def test_a_run_with_no_mentees_says_so(setup, world):
    second = _second_programme(world)
    mentor_offer_upsert(programme=second, leader=setup.jens.leader, capacity=2)
    run = _run(second, world.hr)
    assert run.status == MatchRun.Status.SUCCEEDED
    assert run.result["empty"] == NO_MENTEES
    assert "no mentees" in MatchRunOutputSerializer(run).data["result"]["message"]


def test_an_invited_mentor_takes_part_only_after_accepting(setup, world):
    offer = setup.jens
    MentorOffer.objects.filter(id=offer.id).update(state=MentorOffer.State.INVITED)
    built = problem_for_programme(programme=setup.programme)
    assert str(offer.leader_id) not in {m.id for m in built.problem.mentors}
    assert {"leader": offer.leader_id, "role": "mentor",
            "reason": "invitation_open"} in built.excluded  # fmt: skip
    run = _run(setup.programme, world.hr)
    assert not Proposal.objects.filter(run=run, offer=offer).exists()


def test_a_run_does_not_give_away_a_place_promised_in_an_open_proposal(setup, world):
    """Re-running for the manual queue while proposals await the pair: the mentor's promised
    place is held (Jens has one place, promised to Mette)."""
    proposal_create_manual(enrolment=setup.mette, offer=setup.jens, user=world.hr, reason="Budget")
    built = problem_for_programme(programme=setup.programme)
    jens = next(m for m in built.problem.mentors if m.id == str(setup.jens.leader_id))
    assert jens.capacity == 0
    run = _run(setup.programme, world.hr)
    assert not Proposal.objects.filter(run=run, offer=setup.jens).exists()
