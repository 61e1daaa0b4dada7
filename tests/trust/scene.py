"""A lived-in municipality around Mette, the persona new leader, for the trust tests.

Built on the persona ``world`` through each app's services where the brief asks for it (the
active mentorship), plain rows elsewhere. Mette has: a private support need (``CANARY``), a
competency, an open and an informal network, an active mentorship with Jens and check-ins with
private notes on both sides, a join and an introduction request, a learning-network sign-up, a
roulette pair with Søren, an onboarding plan with a help request, notifications and an access log
entry. Søren (the outsider) is Mette's *peer*: co-member of an open network.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from backend.mentoring import services as mentoring
from backend.mentoring.models import CheckIn, Enrolment, Mentorship, Programme, Proposal
from backend.networks.models import (
    GroupDraft,
    IntroductionRequest,
    JoinRequest,
    RouletteOptOut,
    RoulettePair,
    RouletteRound,
    SignUp,
    SignUpRegistration,
)
from backend.notifications.models import Notification
from backend.people import models as m
from backend.privacy.models import AccessLogEntry
from onboarding.models import CalendarFeed, Plan, PlanItem, PlanItemEvent
from tests import factories as f
from tests.conftest import CANARY, World

# Private meeting notes: Mette's own and her mentor's, each unshared.
MENTEE_NOTE_CANARY = "CANARY-mentee-moedenote-41c9"
MENTOR_NOTE_CANARY = "CANARY-mentor-moedenote-93ad"


@dataclass
class Scene:
    """The rows of the scene the trust tests address by name."""

    world: World
    programme: Programme
    enrolment: Enrolment
    proposal: Proposal
    mentorship: Mentorship
    mentee_check_in: CheckIn
    mentor_check_in: CheckIn
    open_network: m.Network
    informal: m.Network
    other_network: m.Network
    need: m.SupportNeed
    plan: Plan
    item: PlanItem
    notification: Notification
    signup: SignUp
    introduction: IntroductionRequest
    join_request: JoinRequest
    draft: GroupDraft
    other_org_leader: m.Leader

    @property
    def mette(self) -> m.Leader:
        """The subject: the persona new leader."""
        leader = self.world.new_leader.leader
        assert leader is not None
        return leader


def build_scene(world: World) -> Scene:
    """Build the scene around Mette (about 60 rows)."""
    mette = world.new_leader.leader
    jens = world.mentor.leader
    soren = world.outsider.leader
    assert mette is not None and jens is not None and soren is not None
    need = m.SupportNeed.objects.get(leader=mette)
    f.CompetencyFactory(leader=mette, topic=world.roster, level=1)

    # Mentoring, through the services: HR pairs Mette with Jens by hand, both accept.
    programme = mentoring.programme_create(
        organisation=world.org,
        created_by=world.hr,
        name="Mentorforløb 2026",
        starts_on=timezone.localdate() - dt.timedelta(days=30),
    )
    enrolment = mentoring.enrolment_create(programme=programme, leader=mette)
    offer = mentoring.mentor_offer_upsert(programme=programme, leader=jens, capacity=2)
    proposal = mentoring.proposal_create_manual(
        enrolment=enrolment, offer=offer, user=world.hr, reason="Budgeterfaring på tværs"
    )
    mentoring.proposal_accept(proposal=proposal, leader=mette)
    mentoring.proposal_accept(proposal=proposal, leader=jens)
    mentorship = Mentorship.objects.get(proposal=proposal)
    today = timezone.localdate()
    mentee_check_in = mentoring.check_in_log(
        mentorship=mentorship, author=mette, met_on=today, minutes=60, note=MENTEE_NOTE_CANARY
    )
    mentor_check_in = mentoring.check_in_log(
        mentorship=mentorship, author=jens, met_on=today, minutes=60, note=MENTOR_NOTE_CANARY
    )

    # Networks: an open one (Søren is Mette's peer there), an informal one with Jens, and one
    # Mette is not in.
    open_network = f.NetworkFactory(organisation=world.org, name="Dagtilbudsledere")
    informal = f.NetworkFactory(
        organisation=world.org, name="Fredagskaffe", kind=m.NetworkKind.INFORMAL
    )
    other_network = f.NetworkFactory(
        organisation=world.org,
        name="Skoleledere",
        visibility=m.Network.Visibility.MEMBERS_ONLY,
    )
    for network, leader in (
        (open_network, mette),
        (open_network, soren),
        (informal, mette),
        (informal, jens),
        (other_network, soren),
    ):
        f.MembershipFactory(network=network, leader=leader)
    join_request = JoinRequest.objects.create(
        network=other_network, leader=mette, message="Må jeg være med?"
    )
    introduction = IntroductionRequest.objects.create(
        organisation=world.org, from_leader=mette, to_leader=soren, message="Hej Søren"
    )
    signup = SignUp.objects.create(
        organisation=world.org,
        theme="Økonomistyring",
        deadline=today + dt.timedelta(days=14),
        created_by=world.hr,
    )
    SignUpRegistration.objects.create(signup=signup, leader=mette)
    SignUpRegistration.objects.create(signup=signup, leader=soren)
    draft = GroupDraft.objects.create(signup=signup, groups=[[mette.id, soren.id]])
    roulette_round = RouletteRound.objects.create(network=open_network, number=1, run_on=today)
    pair = RoulettePair.objects.create(round=roulette_round)
    pair.leaders.set([mette, soren])
    RouletteOptOut.objects.create(network=open_network, leader=mette, round_number=2)

    # Onboarding: a plan with one item Mette asked for help with.
    plan = Plan.objects.create(organisation=world.org, leader=mette, role_start_date=today)
    item = PlanItem.objects.create(
        plan=plan,
        title_da="Mød din økonomikonsulent",
        topic=world.budget,
        owner_role="new_leader",
        owner_leader=mette,
        due_date=today + dt.timedelta(days=7),
        need_help=True,
    )
    PlanItemEvent.objects.create(item=item, actor=world.new_leader, kind="need_help")
    CalendarFeed.objects.create(leader=mette)

    notification = Notification.objects.create(
        user=world.new_leader, kind="test", subject="Velkommen, Mette", body="Din plan er klar."
    )
    AccessLogEntry.objects.create(
        actor=world.hr, actor_name="hr", subject=mette, what="support_needs", purpose="Matching"
    )
    other_org_leader = f.LeaderFactory(
        unit__department__administration__organisation=world.other_organisation.organisation,
        first_name="Anders",
        last_name="And",
    )
    return Scene(
        world=world,
        programme=programme,
        enrolment=enrolment,
        proposal=proposal,
        mentorship=mentorship,
        mentee_check_in=mentee_check_in,
        mentor_check_in=mentor_check_in,
        open_network=open_network,
        informal=informal,
        other_network=other_network,
        need=need,
        plan=plan,
        item=item,
        notification=notification,
        signup=signup,
        introduction=introduction,
        join_request=join_request,
        draft=draft,
        other_org_leader=other_org_leader,
    )


__all__ = ["CANARY", "MENTEE_NOTE_CANARY", "MENTOR_NOTE_CANARY", "Scene", "build_scene"]
