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
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from backend.mentoring.models import (
    CheckIn,
    Enrolment,
    Meeting,
    MentorOffer,
    Mentorship,
    Programme,
    Proposal,
)
from backend.mentoring.services.checkins import check_in_log
from backend.mentoring.services.programmes import (
    enrolment_create,
    mentor_offer_upsert,
    programme_create,
)
from backend.mentoring.services.proposals import proposal_accept, proposal_create_manual
from backend.networks import models as nm
from backend.networks.models import GroupDraft, IntroductionRequest, JoinRequest, SignUp
from backend.notifications.models import Notification
from backend.people import models as m
from backend.people.services import support_needs_share
from onboarding.models import Plan, PlanItem
from tests import factories as f
from tests.conftest import CANARY, World

# Private meeting notes: Mette's own and her mentor's, each unshared.
MENTEE_NOTE_CANARY = "CANARY-mentee-moedenote-41c9"
MENTOR_NOTE_CANARY = "CANARY-mentor-moedenote-93ad"
# The topic of Mette's second need, which she does not share with her mentor (issue 15).
UNSHARED_TOPIC_CANARY = "CANARY-emne-ikke-delt-6c2e"
# The words of Mette's request for a confidential coach (issue 16, item 3).
COACH_CANARY = "CANARY-coachanmodning-5b7e"
#: Mette's request for a staff function's offer: hers and HR's, never her line's.
STAFF_REQUEST_CANARY = "CANARY-stabshjaelp-sygefravaer-9d3b"


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
    open_network: nm.Network
    informal: nm.Network
    other_network: nm.Network
    need: m.SupportNeed
    plan: Plan
    item: PlanItem
    notification: Notification
    signup: SignUp
    introduction: IntroductionRequest
    join_request: JoinRequest
    draft: GroupDraft
    other_org_leader: m.Leader
    unrelated: m.User
    ids: dict[str, dict[str, int | str]]
    # Logged-in API clients by persona, reused between requests (see tests/trust/matrix.py).
    clients: dict[str, Any] = field(default_factory=dict)

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
    # A second need whose topic Mette keeps from her mentor: she shares only the budget need.
    secret_topic = f.TopicFactory(
        organisation=world.org,
        slug="ikke-delt",
        label_da=UNSHARED_TOPIC_CANARY,
        label_en=UNSHARED_TOPIC_CANARY,
    )
    f.SupportNeedFactory(leader=mette, topic=secret_topic, weight=1, note="Kun til mig")

    # Mentoring, through the services: HR pairs Mette with Jens by hand, both accept.
    programme = programme_create(
        organisation=world.org,
        created_by=world.hr,
        name="Mentorforløb 2026",
        starts_on=timezone.localdate() - dt.timedelta(days=30),
    )
    enrolment = enrolment_create(programme=programme, leader=mette)
    offer = mentor_offer_upsert(programme=programme, leader=jens, capacity=2)
    proposal = proposal_create_manual(
        enrolment=enrolment, offer=offer, user=world.hr, reason="Budgeterfaring på tværs"
    )
    # Mette's acceptance is her choice of what Jens may see (``proposal_accept_as``).
    support_needs_share(leader=mette, need_ids=[need.id])
    proposal_accept(proposal=proposal, leader=mette)
    proposal_accept(proposal=proposal, leader=jens)
    mentorship = Mentorship.objects.get(proposal=proposal)
    today = timezone.localdate()
    mentee_check_in = check_in_log(
        mentorship=mentorship, author=mette, met_on=today, minutes=60, note=MENTEE_NOTE_CANARY
    )
    mentor_check_in = check_in_log(
        mentorship=mentorship, author=jens, met_on=today, minutes=60, note=MENTOR_NOTE_CANARY
    )

    # Networks: an open one (Søren is Mette's peer there), an informal one with Jens, and one
    # Mette is not in.
    open_network = f.NetworkFactory(organisation=world.org, name="Dagtilbudsledere")
    informal = f.NetworkFactory(
        organisation=world.org, name="Fredagskaffe", kind=nm.NetworkKind.INFORMAL
    )
    other_network = f.NetworkFactory(
        organisation=world.org,
        name="Skoleledere",
        visibility=nm.Network.Visibility.MEMBERS_ONLY,
    )
    for network, leader in (
        (open_network, mette),
        (open_network, soren),
        (informal, mette),
        (informal, jens),
        (other_network, soren),
    ):
        f.MembershipFactory(network=network, leader=leader)
    join_request = f.JoinRequestFactory(
        network=other_network, leader=mette, message="Må jeg være med?"
    )
    introduction = f.IntroductionRequestFactory(
        organisation=world.org, from_leader=mette, to_leader=soren, message="Hej Søren"
    )
    signup = f.SignUpFactory(
        organisation=world.org,
        theme="Økonomistyring",
        deadline=today + dt.timedelta(days=14),
        created_by=world.hr,
    )
    f.SignUpRegistrationFactory(signup=signup, leader=mette)
    f.SignUpRegistrationFactory(signup=signup, leader=soren)
    draft = f.GroupDraftFactory(signup=signup, groups=[[mette.id, soren.id]])
    roulette_round = f.RouletteRoundFactory(network=open_network, number=1, run_on=today)
    f.RoulettePairFactory(round=roulette_round, leaders=[mette, soren])
    f.RouletteOptOutFactory(network=open_network, leader=mette, round_number=2)

    # Onboarding: a plan with one item Mette asked for help with.
    plan = f.PlanFactory(organisation=world.org, leader=mette, role_start_date=today)
    item = f.PlanItemFactory(
        plan=plan,
        title_da="Mød din økonomikonsulent",
        topic=world.budget,
        owner_role="new_leader",
        owner_leader=mette,
        due_date=today + dt.timedelta(days=7),
        need_help=True,
    )
    f.PlanItemEventFactory(item=item, actor=world.new_leader, kind="need_help")
    # Owned by her mentor: the boss must never see it (it would reveal the pairing).
    f.PlanItemFactory(
        plan=plan,
        title_da="Første møde med din mentor",
        owner_role="mentor",
        owner_leader=jens,
        due_date=today + dt.timedelta(days=14),
    )
    feed = f.CalendarFeedFactory(leader=mette)

    notification = f.NotificationFactory(
        user=world.new_leader, kind="test", subject="Velkommen, Mette", body="Din plan er klar."
    )
    f.AccessLogEntryFactory(
        actor=world.hr, actor_name="hr", subject=mette, what="support_needs", purpose="Matching"
    )
    other_org_leader = f.LeaderFactory(
        unit__department__administration__organisation=world.other_organisation.organisation,
        first_name="Anders",
        last_name="And",
    )
    # An outsider with no tie to Mette at all (Søren is her peer in the open network).
    unrelated = f.UserFactory(
        username="ole",
        organisation=world.org,
        leader=f.LeaderFactory(
            unit=f.UnitFactory(department=soren.unit.department, name="Østre Skole"),
            first_name="Ole",
            last_name="Berg",
        ),
    )
    own = _extras(
        world.org,
        leader=mette,
        mentorship=mentorship,
        enrolment=enrolment,
        offer=offer,
        unit=mette.unit,
        request_message=STAFF_REQUEST_CANARY,
    )
    own.update(
        leader_id=mette.id,
        need_id=need.id,
        organisation_id=world.org.id,
        administration_id=world.children.id,
        department_id=mette.unit.department_id,
        unit_id=mette.unit_id,
        topic_id=world.budget.id,
        network_id=informal.id,
        introduction_id=introduction.id,
        request_id=join_request.id,
        signup_id=signup.id,
        draft_id=draft.id,
        gathering_id=_gathering(world.org, [mette, soren]),
        programme_id=programme.id,
        enrolment_id=enrolment.id,
        offer_id=offer.id,
        proposal_id=proposal.id,
        mentorship_id=mentorship.id,
        notification_id=notification.id,
        plan_id=plan.id,
        item_id=item.id,
        token=feed.token,
    )
    # Single sign-on starts by organisation slug; SCIM addresses a login by its id.
    own.update(slug=world.org.slug, scim_id=str(world.new_leader.id))
    own.update(_coaching(world.org, mette, world.budget, COACH_CANARY))
    andeby = _andeby(world, other_org_leader)
    assert world.other_organisation.organisation is not None
    andeby.update(
        _coaching(world.other_organisation.organisation, other_org_leader, None, "Andeby")
    )
    andeby.update(slug="andeby", scim_id=str(world.other_organisation.id))
    ids = {
        "own": own,
        "open": {**own, "network_id": open_network.id},
        "andeby": andeby,
    }
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
        unrelated=unrelated,
        ids=ids,
    )


def _extras(
    org: m.Organisation,
    *,
    leader: m.Leader,
    mentorship: Mentorship,
    enrolment: Enrolment,
    offer: MentorOffer,
    unit: m.Unit,
    request_message: str = "Andeby",
) -> dict[str, int | str]:
    """A staff contact and offer (and the leader's request for it), a template item, a match
    run, a suggestion and a flag of ``org``."""
    function = f.StaffFunctionFactory(organisation=org, kind="finance", name="Økonomi")
    contact = f.StaffContactFactory(
        organisation=org, staff_function=function, name="Zenia Enhedsøkonom", units=[unit]
    )
    staff_offer = f.StaffOfferFactory(staff_function=function, delivered_by=contact)
    staff_request = f.StaffOfferRequestFactory(
        offer=staff_offer, leader=leader, message=request_message
    )
    template = f.TemplateFactory(organisation=org, slug="alle", name_da="Alle nye ledere")
    template_item = f.TemplateItemFactory(
        template=template, key="velkomst", title_da="Velkomstsamtale"
    )
    run = f.MatchRunFactory(programme=enrolment.programme, status="succeeded")
    suggestion = f.SuggestionFactory(run=run, enrolment=enrolment, offer=offer, rank=1, score=0.9)
    flag = f.FlagFactory(mentorship=mentorship, kind="inactive", reason="Intet møde")
    # An invitation for the leader to an informal network of her organisation.
    invited_to = f.NetworkFactory(
        organisation=org, name="Morgenmadsklubben", kind=nm.NetworkKind.INFORMAL
    )
    invitation = nm.NetworkInvitation.objects.create(network=invited_to, leader=leader)
    meeting = Meeting.objects.create(
        mentorship=mentorship,
        planned_by=mentorship.mentee,
        starts_at=timezone.now() + dt.timedelta(days=7),
    )
    return {
        "staff_offer_id": staff_offer.id,
        "staff_request_id": staff_request.id,
        "meeting_id": meeting.id,
        "invitation_id": invitation.id,
        "contact_id": contact.id,
        "function_id": function.id,
        "template_id": template.id,
        "template_item_id": template_item.id,
        "run_id": run.id,
        "suggestion_id": suggestion.id,
        "flag_id": flag.id,
    }


def _coaching(
    org: m.Organisation, leader: m.Leader, topic: m.Topic | None, text: str
) -> dict[str, int | str]:
    """An external coach of ``org`` and the leader's request for a coach, assigned to them."""
    coach = f.CoachFactory(organisation=org, name="Lone Friis", firm="Friis Coaching")
    request = f.CoachRequestFactory(
        leader=leader,
        organisation=org,
        text=text,
        status="assigned",
        coach=coach,
        assigned_at=timezone.now(),
    )
    if topic is not None:
        request.topics.set([topic])
    return {"coach_id": coach.id, "coach_request_id": request.id}


def _gathering(org: m.Organisation, leaders: list[m.Leader]) -> int:
    """A Ledertræf with tables of two or three (composable by its HR), one round."""
    gathering = f.GatheringFactory(organisation=org, table_min=2, table_max=3, rounds=1)
    for leader in leaders:
        f.AttendeeFactory(gathering=gathering, leader=leader)
    return gathering.id


def _andeby(world: World, leader: m.Leader) -> dict[str, int | str]:
    """The same kinds of rows in the other municipality: out of scope for every Testrup user."""
    hr = world.other_organisation
    org = hr.organisation
    assert org is not None and leader.unit is not None
    topic = f.TopicFactory(organisation=org, slug="budget")
    need = f.SupportNeedFactory(leader=leader, topic=topic, note=CANARY)
    mentor = f.LeaderFactory(unit__department=leader.unit.department, first_name="Fætter")
    programme = programme_create(
        organisation=org, created_by=hr, name="Andeby mentor", starts_on=timezone.localdate()
    )
    enrolment = enrolment_create(programme=programme, leader=leader)
    offer = mentor_offer_upsert(programme=programme, leader=mentor, capacity=1)
    proposal = proposal_create_manual(enrolment=enrolment, offer=offer, user=hr, reason="Andeby")
    proposal_accept(proposal=proposal, leader=leader)
    proposal_accept(proposal=proposal, leader=mentor)
    mentorship = Mentorship.objects.get(proposal=proposal)
    network = f.NetworkFactory(organisation=org, name="Andeby ledergruppe")
    f.MembershipFactory(network=network, leader=leader)
    today = timezone.localdate()
    signup = f.SignUpFactory(organisation=org, theme="Andeby", deadline=today)
    plan = f.PlanFactory(organisation=org, leader=leader, role_start_date=today)
    item = f.PlanItemFactory(plan=plan, title_da="Andeby", due_date=today)
    ids: dict[str, int | str] = _extras(
        org,
        leader=leader,
        mentorship=mentorship,
        enrolment=enrolment,
        offer=offer,
        unit=leader.unit,
    )
    ids.update(
        leader_id=leader.id,
        need_id=need.id,
        organisation_id=org.id,
        administration_id=leader.unit.department.administration_id,
        department_id=leader.unit.department_id,
        unit_id=leader.unit_id,
        topic_id=topic.id,
        network_id=network.id,
        introduction_id=f.IntroductionRequestFactory(
            organisation=org, from_leader=leader, to_leader=mentor
        ).id,
        request_id=f.JoinRequestFactory(network=network, leader=mentor).id,
        signup_id=signup.id,
        draft_id=f.GroupDraftFactory(signup=signup, groups=[[leader.id]]).id,
        gathering_id=_gathering(org, [leader]),
        programme_id=programme.id,
        enrolment_id=enrolment.id,
        offer_id=offer.id,
        proposal_id=proposal.id,
        mentorship_id=mentorship.id,
        notification_id=f.NotificationFactory(user=hr, kind="test", subject="Andeby").id,
        plan_id=plan.id,
        item_id=item.id,
        token=f.CalendarFeedFactory(leader=leader).token,
    )
    return ids


__all__ = [
    "CANARY",
    "COACH_CANARY",
    "MENTEE_NOTE_CANARY",
    "MENTOR_NOTE_CANARY",
    "STAFF_REQUEST_CANARY",
    "UNSHARED_TOPIC_CANARY",
    "Scene",
    "build_scene",
]
