"""Demo content of the mentoring app: a programme, a finished run, live pairs, a pending ask.

Written through the mentoring services; safe to rerun (an existing demo programme is left as
it is). The demo mentor (Birgitte) has one proposal waiting for her answer.
"""

from __future__ import annotations

import datetime as dt
import random

from backend.mentoring.models import MatchRun, Mentorship, Programme, Proposal
from backend.mentoring.services.checkins import check_in_log
from backend.mentoring.services.programmes import (
    enrolment_ensure_new_leaders,
    mentor_offer_upsert,
    programme_create,
)
from backend.mentoring.services.proposals import proposal_accept, proposal_approve
from backend.mentoring.services.runs import match_run_execute
from backend.people.models import Leader, Organisation, User
from backend.people.services import support_needs_share

PROGRAMME_NAME = "Mentorordning for nye ledere"
DEMO_MENTOR = "birgitte"


def seed_mentoring(*, organisation: Organisation, rng: random.Random, today: dt.date) -> None:
    """Create the demo programme with enrolled mentees and mentors, a run, pairs and check-ins."""
    if Programme.objects.filter(organisation=organisation, name=PROGRAMME_NAME).exists():
        return
    hr = User.objects.filter(organisation=organisation, role=User.Role.HR).order_by("id").first()
    programme = programme_create(
        organisation=organisation,
        created_by=hr,
        name=PROGRAMME_NAME,
        starts_on=today - dt.timedelta(days=60),
        ends_on=today + dt.timedelta(days=305),
        enrol_window_days=365,
        proposal_expiry_days=10,
    )
    enrolment_ensure_new_leaders(programme=programme, today=today)
    mentee_ids = set(programme.enrolments.values_list("leader_id", flat=True))
    demo_mentor = Leader.objects.filter(
        user__username=DEMO_MENTOR, organisation=organisation
    ).first()
    experienced = (
        Leader.objects.filter(
            organisation=organisation, active=True, years_as_leader__gte=8, unit__isnull=False
        )
        .exclude(id__in=mentee_ids)
        .order_by("id")
    )
    for leader in experienced:
        capacity = (
            2 if demo_mentor is not None and leader.id == demo_mentor.id else rng.choice([1, 1, 2])
        )
        mentor_offer_upsert(
            programme=programme,
            leader=leader,
            capacity=capacity,
            hours_per_month=rng.choice([2, 3, 4]),
        )
    run = MatchRun.objects.create(programme=programme, created_by=hr, policy=programme.policy)
    match_run_execute(run_id=run.id)
    proposals = list(
        Proposal.objects.filter(run=run).select_related("enrolment", "offer").order_by("id")
    )
    pending_for_demo = next(
        (p for p in proposals if demo_mentor is not None and p.offer.leader_id == demo_mentor.id),
        None,
    )
    for k, proposal in enumerate(proposals):
        if hr is None:
            break
        proposal_approve(proposal=proposal, user=hr)
        if proposal == pending_for_demo or k % 3 == 2:
            continue  # left open: the mentor has not answered yet
        # The mentee's acceptance is her choice of what the mentor sees: her heaviest need.
        mentee = proposal.enrolment.leader
        heaviest = mentee.support_needs.filter(status="open").order_by("-weight", "id").first()
        support_needs_share(leader=mentee, need_ids=[heaviest.id] if heaviest else [])
        proposal_accept(proposal=proposal, leader=mentee)
        proposal_accept(proposal=proposal, leader=proposal.offer.leader)
    for mentorship in Mentorship.objects.filter(programme=programme).select_related("mentor"):
        # Pairs started some weeks ago: move the dates back and log their meetings.
        started = today - dt.timedelta(days=rng.randint(20, 50))
        Mentorship.objects.filter(id=mentorship.id).update(
            started_on=started, first_meeting_due=started + dt.timedelta(days=21)
        )
        mentorship.started_on = started
        for week in range(0, (today - started).days // 7, 4):
            check_in_log(
                mentorship=mentorship,
                author=mentorship.mentor,
                met_on=started + dt.timedelta(days=7 * week + 5),
                minutes=rng.choice([45, 60, 90]),
                note="Vi talte om budgetopfølgning og vagtplanen.",
                note_shared=True,
            )
