"""Notifications the services really send carry a link the web app resolves, and dates in the
reader's language (issue 14: "every link is dead"; "no 10.5 år in Danish")."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from backend.mentoring.models import Mentorship, Proposal
from backend.mentoring.services.programmes import (
    enrolment_create,
    mentor_offer_upsert,
    programme_create,
)
from backend.mentoring.services.proposals import proposal_accept_as, proposal_approve
from backend.mentoring.services.runs import match_run_start
from backend.notifications import links
from backend.notifications.models import Notification
from onboarding.reminders import reminders_send
from onboarding.services.plans import plan_create_for_leader
from onboarding.services.templates import templates_load
from seed.onboarding_content import TEMPLATES
from tests.backend.notifications.test_links import resolves, web_routes
from tests.conftest import World

pytestmark = pytest.mark.django_db


def test_a_reminder_links_to_its_plan_item_and_dates_it_in_the_readers_language(
    world: World,
) -> None:
    templates_load(organisation=world.org, templates=TEMPLATES)
    leader = world.new_leader.leader
    assert leader is not None
    leader.role_start_date = dt.date(2026, 3, 2)
    leader.save()
    plan = plan_create_for_leader(leader=leader)
    item = plan.items.get(template_item__key="ledestjernen")  # Mette's own, due day 21
    plan.items.exclude(id=item.id).update(status="done")
    world.new_leader.language = "da"
    world.new_leader.save(update_fields=["language"])
    reminders_send(today=item.due_date)

    sent = Notification.objects.get(user=world.new_leader, kind="onboarding.due_soon")
    assert sent.url == links.plan_item(plan.id, item.id)
    assert resolves(sent.url, web_routes())
    assert "23. marts 2026" in sent.body


def test_a_proposal_and_the_mentorship_it_starts_link_to_their_screens(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    programme = programme_create(
        organisation=world.org,
        created_by=world.hr,
        name="Mentorforløb",
        starts_on=dt.date.today(),
        proposal_expiry_days=14,
    )
    enrolment_create(programme=programme, leader=world.new_leader.leader)
    mentor_offer_upsert(programme=programme, leader=world.mentor.leader, capacity=1)
    with django_capture_on_commit_callbacks(execute=True):  # the run's task, in-process
        match_run_start(programme=programme, user=world.hr)
    proposal = Proposal.objects.get(enrolment__leader=world.new_leader.leader)
    proposal_approve(proposal=proposal, user=world.hr)
    proposal_accept_as(actor=world.new_leader, proposal_id=proposal.id, share_needs=[])
    proposal_accept_as(actor=world.mentor, proposal_id=proposal.id)

    sent = Notification.objects.filter(user=world.new_leader).order_by("id")
    by_kind = {n.kind: n.url for n in sent}
    mentorship = Mentorship.objects.get(mentee=world.new_leader.leader)
    assert by_kind["mentoring.proposal"] == links.proposal(proposal.id)
    assert by_kind["mentoring.started"] == links.mentorship(mentorship.id)
    assert all(resolves(url, web_routes()) for url in by_kind.values())
