"""factory_boy factories for every model, in the seed's vocabulary (Danish names, units).

``XFactory()`` saves a valid row: required fields get a plain default, foreign keys a
``SubFactory`` kept inside one organisation, and every optional field keeps its *model* default
(so ``XFactory(a=1)`` saves the same row as ``X.objects.create(a=1, <required fields>)``).
Many-to-many fields are set with a list: ``StaffContactFactory(units=[unit])``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import factory
from django.db import models
from factory.django import DjangoModelFactory

from backend.catalogue import models as catalogue
from backend.coaching import models as coaching
from backend.gatherings import models as gatherings
from backend.knowhow import models as knowhow
from backend.mentoring import models as mentoring
from backend.netvalue import models as netvalue
from backend.networks import models as networks
from backend.networks.models import Membership, Network, NetworkKind
from backend.notifications.models import EmailPreference, Notification
from backend.people import models as m
from backend.privacy import models as privacy
from onboarding import models as onboarding


def _today() -> dt.date:
    return dt.date.today()


def _many(field: str) -> Any:
    """A post-generation hook that sets the many-to-many ``field`` from a list, if one is given."""

    def set_many(
        obj: models.Model, create: bool, extracted: Iterable[Any] | None, **_: Any
    ) -> None:
        if create and extracted is not None:
            getattr(obj, field).set(extracted)

    return factory.PostGeneration(set_many)


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = m.Organisation
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Testrup Kommune {n}")
    slug = factory.Sequence(lambda n: f"testrup-{n}")


class AdministrationFactory(DjangoModelFactory):
    class Meta:
        model = m.Administration

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Iterator(
        ["Børn og Unge", "Social og Sundhed", "Arbejdsmarked", "Kultur og Teknik", "Centrale stabe"]
    )


class DepartmentFactory(DjangoModelFactory):
    class Meta:
        model = m.Department

    administration = factory.SubFactory(AdministrationFactory)
    organisation = factory.SelfAttribute("administration.organisation")
    name = factory.Sequence(lambda n: f"Område {n}")


class UnitFactory(DjangoModelFactory):
    class Meta:
        model = m.Unit

    department = factory.SubFactory(DepartmentFactory)
    organisation = factory.SelfAttribute("department.organisation")
    code = factory.Sequence(lambda n: f"U{n:04d}")
    name = factory.Sequence(lambda n: f"Børnehuset Solsikken {n}")
    service_type = m.ServiceType.DAYCARE
    staff_count = 25
    sites = 1


class StaffFunctionFactory(DjangoModelFactory):
    class Meta:
        model = m.StaffFunction
        django_get_or_create = ("organisation", "kind")

    organisation = factory.SubFactory(OrganisationFactory)
    kind = m.StaffFunctionKind.FINANCE
    name = "Økonomi"


class StaffContactFactory(DjangoModelFactory):
    class Meta:
        model = m.StaffContact
        skip_postgeneration_save = True

    staff_function = factory.SubFactory(StaffFunctionFactory)
    organisation = factory.SelfAttribute("staff_function.organisation")
    name = factory.Sequence(lambda n: f"Konsulent {n}")
    units = _many("units")
    administrations = _many("administrations")


class LeaderFactory(DjangoModelFactory):
    class Meta:
        model = m.Leader

    unit = factory.SubFactory(UnitFactory)
    organisation = factory.SelfAttribute("unit.organisation")
    employee_number = factory.Sequence(lambda n: f"{100000 + n}")
    first_name = factory.Iterator(["Mette", "Lars", "Hanne", "Søren", "Birgitte", "Jens", "Anne"])
    last_name = factory.Iterator(["Jensen", "Nielsen", "Hansen", "Pedersen", "Sørensen", "Møller"])
    email = factory.LazyAttribute(lambda o: f"{o.employee_number}@testrup.dk")
    role_title = "Dagtilbudsleder"
    role_start_date = factory.LazyFunction(lambda: dt.date(2019, 8, 1))
    years_as_leader = 6


def _leader_in(organisation: str, **kwargs: Any) -> Any:
    """A ``SubFactory`` of a leader in the organisation at ``organisation`` of the parent row.

    ``organisation`` is a path from the factory that declares the leader, e.g.
    ``"network.organisation"``; the leader's unit, department and administration are new.
    """
    # Evaluated four levels down (leader → unit → department → administration): up five dots.
    return factory.SubFactory(
        LeaderFactory,
        unit__department__administration__organisation=factory.SelfAttribute(
            "....." + organisation
        ),
        **kwargs,
    )


class TopicFactory(DjangoModelFactory):
    class Meta:
        model = m.Topic
        django_get_or_create = ("organisation", "slug")

    organisation = factory.SubFactory(OrganisationFactory)
    slug = factory.Sequence(lambda n: f"topic-{n}")
    label_da = factory.LazyAttribute(lambda o: f"Emne {o.slug}")
    label_en = factory.LazyAttribute(lambda o: f"Topic {o.slug}")


class CompetencyFactory(DjangoModelFactory):
    class Meta:
        model = m.Competency

    leader = factory.SubFactory(LeaderFactory)
    topic = factory.SubFactory(
        TopicFactory, organisation=factory.SelfAttribute("..leader.organisation")
    )
    level = m.Level.SOLID


class SupportNeedFactory(DjangoModelFactory):
    class Meta:
        model = m.SupportNeed

    leader = factory.SubFactory(LeaderFactory)
    topic = factory.SubFactory(
        TopicFactory, organisation=factory.SelfAttribute("..leader.organisation")
    )
    weight = m.SupportNeed.Weight.SOME
    note = ""


class NetworkFactory(DjangoModelFactory):
    class Meta:
        model = Network

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Ledergruppe {n}")
    kind = NetworkKind.LEADER_GROUP


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    network = factory.SubFactory(NetworkFactory)
    leader = _leader_in("network.organisation")
    since = dt.date(2022, 1, 1)


class UserFactory(DjangoModelFactory):
    class Meta:
        model = m.User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    role = m.User.Role.LEADER
    password = factory.django.Password("sparring-test-pw")
    hr_administrations = _many("hr_administrations")


# --- networks ---------------------------------------------------------------------------------


class JoinRequestFactory(DjangoModelFactory):
    class Meta:
        model = networks.JoinRequest

    network = factory.SubFactory(NetworkFactory, kind=NetworkKind.INFORMAL)
    leader = _leader_in("network.organisation")


class NetworkInvitationFactory(DjangoModelFactory):
    class Meta:
        model = networks.NetworkInvitation

    network = factory.SubFactory(NetworkFactory, kind=NetworkKind.INFORMAL)
    leader = _leader_in("network.organisation")
    invited_by = _leader_in("network.organisation")


class InsightsSnapshotFactory(DjangoModelFactory):
    """HR's stored network insights, computed for the whole organisation."""

    class Meta:
        model = networks.InsightsSnapshot

    organisation = factory.SubFactory(OrganisationFactory)
    status = networks.InsightsSnapshot.Status.READY
    fingerprint = "0" * 64
    data_fingerprint = "0" * 64
    phase = "done"
    progress = 100
    data = factory.LazyFunction(lambda: {"leaders": 0, "isolated": [], "min_aggregate": 5})
    computed_at = factory.LazyFunction(lambda: dt.datetime.now(dt.UTC))
    seconds = 0.5


class IntroductionRequestFactory(DjangoModelFactory):
    class Meta:
        model = networks.IntroductionRequest

    organisation = factory.SubFactory(OrganisationFactory)
    from_leader = _leader_in("organisation")
    to_leader = _leader_in("organisation")


class KnowhowDocumentFactory(DjangoModelFactory):
    """A leader's know-how search document (normally built by the search itself)."""

    class Meta:
        model = knowhow.KnowhowDocument

    leader = factory.SubFactory(LeaderFactory)
    organisation = factory.SelfAttribute("leader.organisation")
    text_b = "Spørg mig om vagtplaner. vagtplan"
    terms = " b:spørg b:vagtplan b:vagtplan "
    sources = factory.LazyFunction(
        lambda: [{"kind": "introduction", "text": "Spørg mig om vagtplaner."}]
    )


class KnowhowTermFactory(DjangoModelFactory):
    """One stem of a leader's know-how document in the SQLite search index."""

    class Meta:
        model = knowhow.KnowhowTerm

    leader = factory.SubFactory(LeaderFactory)
    organisation = factory.SelfAttribute("leader.organisation")
    stem = "vagtplan"
    weight = 0.4


class SignUpFactory(DjangoModelFactory):
    class Meta:
        model = networks.SignUp
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    theme = factory.Sequence(lambda n: f"Læringsnetværk {n}")
    deadline = factory.LazyFunction(lambda: _today() + dt.timedelta(days=14))
    eligible_administrations = _many("eligible_administrations")


class SignUpRegistrationFactory(DjangoModelFactory):
    class Meta:
        model = networks.SignUpRegistration

    signup = factory.SubFactory(SignUpFactory)
    leader = _leader_in("signup.organisation")


class GroupDraftFactory(DjangoModelFactory):
    class Meta:
        model = networks.GroupDraft
        skip_postgeneration_save = True

    signup = factory.SubFactory(SignUpFactory)
    networks = _many("networks")


class CohortSettingFactory(DjangoModelFactory):
    class Meta:
        model = networks.CohortSetting
        django_get_or_create = ("organisation",)

    organisation = factory.SubFactory(OrganisationFactory)


class CohortCircleFactory(DjangoModelFactory):
    class Meta:
        model = networks.CohortCircle

    network = factory.SubFactory(NetworkFactory, kind=NetworkKind.LEARNING_NETWORK)
    period_start = factory.LazyFunction(lambda: _today() - dt.timedelta(days=120))
    period_end = factory.LazyFunction(_today)


class RouletteSettingFactory(DjangoModelFactory):
    class Meta:
        model = networks.RouletteSetting

    network = factory.SubFactory(NetworkFactory)
    next_run_on = factory.LazyFunction(_today)


class RouletteRoundFactory(DjangoModelFactory):
    class Meta:
        model = networks.RouletteRound

    network = factory.SubFactory(NetworkFactory)
    number = factory.Sequence(lambda n: n + 1)
    run_on = factory.LazyFunction(_today)


class RouletteOptOutFactory(DjangoModelFactory):
    class Meta:
        model = networks.RouletteOptOut

    network = factory.SubFactory(NetworkFactory)
    leader = _leader_in("network.organisation")
    round_number = 1


class RoulettePairFactory(DjangoModelFactory):
    class Meta:
        model = networks.RoulettePair
        skip_postgeneration_save = True

    round = factory.SubFactory(RouletteRoundFactory)
    leaders = _many("leaders")


# --- mentoring --------------------------------------------------------------------------------


class ProgrammeFactory(DjangoModelFactory):
    class Meta:
        model = mentoring.Programme

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Mentorforløb {n}")
    starts_on = factory.LazyFunction(_today)


class LeaderEntryFactory(DjangoModelFactory):
    class Meta:
        model = mentoring.LeaderEntry

    leader = factory.SubFactory(LeaderFactory)
    route = mentoring.EntryRoute.FIRST_LEADER_JOB


class EnrolmentFactory(DjangoModelFactory):
    class Meta:
        model = mentoring.Enrolment

    programme = factory.SubFactory(ProgrammeFactory)
    leader = _leader_in("programme.organisation", first_leader_job=True, years_as_leader=0)
    route = mentoring.EntryRoute.HR


class MentorOfferFactory(DjangoModelFactory):
    class Meta:
        model = mentoring.MentorOffer

    programme = factory.SubFactory(ProgrammeFactory)
    leader = _leader_in("programme.organisation", years_as_leader=10)


class MatchRunFactory(DjangoModelFactory):
    class Meta:
        model = mentoring.MatchRun

    programme = factory.SubFactory(ProgrammeFactory)


class SuggestionFactory(DjangoModelFactory):
    class Meta:
        model = mentoring.Suggestion

    run = factory.SubFactory(MatchRunFactory, status=mentoring.MatchRun.Status.SUCCEEDED)
    enrolment = factory.SubFactory(
        EnrolmentFactory, programme=factory.SelfAttribute("..run.programme")
    )
    offer = factory.SubFactory(
        MentorOfferFactory, programme=factory.SelfAttribute("..run.programme")
    )
    rank = 1
    score = 0.5


class ProposalFactory(DjangoModelFactory):
    """A proposal HR made by hand (no run); pass ``run=`` and ``origin="run"`` for a run's."""

    class Meta:
        model = mentoring.Proposal

    programme = factory.SubFactory(ProgrammeFactory)
    enrolment = factory.SubFactory(EnrolmentFactory, programme=factory.SelfAttribute("..programme"))
    offer = factory.SubFactory(MentorOfferFactory, programme=factory.SelfAttribute("..programme"))
    origin = mentoring.Proposal.Origin.MANUAL


class MentorshipFactory(DjangoModelFactory):
    """An active pair; the offer's ``active_count`` is left as it is (services keep it)."""

    class Meta:
        model = mentoring.Mentorship

    programme = factory.SubFactory(ProgrammeFactory)
    enrolment = factory.SubFactory(EnrolmentFactory, programme=factory.SelfAttribute("..programme"))
    offer = factory.SubFactory(MentorOfferFactory, programme=factory.SelfAttribute("..programme"))
    mentee = factory.SelfAttribute("enrolment.leader")
    mentor = factory.SelfAttribute("offer.leader")
    started_on = factory.LazyFunction(_today)


class CheckInFactory(DjangoModelFactory):
    class Meta:
        model = mentoring.CheckIn

    mentorship = factory.SubFactory(MentorshipFactory)
    author = factory.SelfAttribute("mentorship.mentee")
    met_on = factory.LazyFunction(_today)
    minutes = 60


class MeetingFactory(DjangoModelFactory):
    class Meta:
        model = mentoring.Meeting

    mentorship = factory.SubFactory(MentorshipFactory)
    planned_by = factory.SelfAttribute("mentorship.mentee")
    starts_at = factory.LazyFunction(lambda: dt.datetime.now(dt.UTC) + dt.timedelta(days=7))
    minutes = 60
    location = "Rådhuset, mødelokale 2"


class PulseFactory(DjangoModelFactory):
    class Meta:
        model = mentoring.Pulse

    mentorship = factory.SubFactory(MentorshipFactory)
    leader = factory.SelfAttribute("mentorship.mentee")
    met_on = factory.LazyFunction(_today)
    score = 4
    comment = "Godt møde om vagtplanen."


class ExitSurveyFactory(DjangoModelFactory):
    class Meta:
        model = mentoring.ExitSurvey

    mentorship = factory.SubFactory(MentorshipFactory)
    leader = factory.SelfAttribute("mentorship.mentee")
    as_mentor = False
    rating = 5
    goals_met = mentoring.ExitSurvey.Goals.YES
    would_recommend = True
    comment = "Det hjalp mig godt i gang."


class FlagFactory(DjangoModelFactory):
    class Meta:
        model = mentoring.Flag

    mentorship = factory.SubFactory(MentorshipFactory)
    kind = mentoring.Flag.Kind.INACTIVE
    reason = "Intet møde"


# --- onboarding -------------------------------------------------------------------------------


class TemplateFactory(DjangoModelFactory):
    class Meta:
        model = onboarding.Template
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    slug = factory.Sequence(lambda n: f"skabelon-{n}")
    name_da = factory.Sequence(lambda n: f"Skabelon {n}")
    administrations = _many("administrations")


class TemplateItemFactory(DjangoModelFactory):
    class Meta:
        model = onboarding.TemplateItem
        skip_postgeneration_save = True

    template = factory.SubFactory(TemplateFactory)
    key = factory.Sequence(lambda n: f"punkt-{n}")
    title_da = factory.Sequence(lambda n: f"Punkt {n}")
    administrations = _many("administrations")
    offers = _many("offers")


class PlanFactory(DjangoModelFactory):
    class Meta:
        model = onboarding.Plan
        skip_postgeneration_save = True

    leader = factory.SubFactory(LeaderFactory, first_leader_job=True, years_as_leader=0)
    organisation = factory.SelfAttribute("leader.organisation")
    role_start_date = factory.LazyFunction(_today)
    templates = _many("templates")


class PlanItemFactory(DjangoModelFactory):
    class Meta:
        model = onboarding.PlanItem

    plan = factory.SubFactory(PlanFactory)
    title_da = factory.Sequence(lambda n: f"Punkt {n}")


class PlanItemEventFactory(DjangoModelFactory):
    class Meta:
        model = onboarding.PlanItemEvent

    item = factory.SubFactory(PlanItemFactory)
    kind = onboarding.PlanItemEvent.Kind.CREATED


class OnboardingSettingsFactory(DjangoModelFactory):
    class Meta:
        model = onboarding.OnboardingSettings
        django_get_or_create = ("organisation",)

    organisation = factory.SubFactory(OrganisationFactory)


class CalendarFeedFactory(DjangoModelFactory):
    class Meta:
        model = onboarding.CalendarFeed

    leader = factory.SubFactory(LeaderFactory)


# --- privacy and notifications ----------------------------------------------------------------


class AccessLogEntryFactory(DjangoModelFactory):
    class Meta:
        model = privacy.AccessLogEntry

    subject = factory.SubFactory(LeaderFactory)
    actor = factory.SubFactory(
        UserFactory,
        role=m.User.Role.HR,
        organisation=factory.SelfAttribute("..subject.organisation"),
    )
    actor_name = factory.SelfAttribute("actor.username")
    what = "support_needs"
    purpose = "Matching"


class ErasureFactory(DjangoModelFactory):
    class Meta:
        model = privacy.Erasure

    subject = factory.SubFactory(LeaderFactory)
    subject_key = factory.Sequence(lambda n: f"{n:064x}")
    trigger = privacy.Erasure.Trigger.HR
    reason = "Fratrådt"


class NotificationFactory(DjangoModelFactory):
    class Meta:
        model = Notification

    user = factory.SubFactory(UserFactory)
    kind = "test"
    subject = factory.Sequence(lambda n: f"Besked {n}")


class EmailPreferenceFactory(DjangoModelFactory):
    class Meta:
        model = EmailPreference

    user = factory.SubFactory(UserFactory)
    muted = factory.LazyFunction(lambda: [EmailPreference.Group.NETWORKS])


class CoachFactory(DjangoModelFactory):
    class Meta:
        model = coaching.Coach

    organisation = factory.SubFactory(OrganisationFactory)
    kind = coaching.Coach.Kind.EXTERNAL
    name = factory.Sequence(lambda n: f"Coach {n}")
    firm = "Lederudvikling ApS"
    email = factory.Sequence(lambda n: f"coach{n}@example.dk")
    capacity = 2


class CoachRequestFactory(DjangoModelFactory):
    class Meta:
        model = coaching.CoachRequest

    leader = factory.SubFactory(LeaderFactory)
    organisation = factory.SelfAttribute("leader.organisation")
    text = "Jeg vil gerne have sparring på min rolle som ny leder."
    preference = coaching.CoachRequest.Preference.ANY


class GatheringFactory(DjangoModelFactory):
    class Meta:
        model = gatherings.Gathering

    organisation = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"Ledertræf {n}")
    date = dt.date(2027, 3, 4)
    place = "Rådhuset, byrådssalen"
    table_min = 6
    table_max = 8
    rounds = 2


class AttendeeFactory(DjangoModelFactory):
    class Meta:
        model = gatherings.Attendee

    gathering = factory.SubFactory(GatheringFactory)
    leader = _leader_in("gathering.organisation")


class SeatFactory(DjangoModelFactory):
    class Meta:
        model = gatherings.Seat

    gathering = factory.SubFactory(GatheringFactory)
    leader = _leader_in("gathering.organisation")
    round = 1
    table = 1


class ValueRoundFactory(DjangoModelFactory):
    class Meta:
        model = netvalue.ValueRound

    organisation = factory.SubFactory(OrganisationFactory)
    opened_on = dt.date(2027, 1, 4)
    closes_on = dt.date(2027, 1, 25)


class ValueAnswerFactory(DjangoModelFactory):
    class Meta:
        model = netvalue.ValueAnswer

    round = factory.SubFactory(ValueRoundFactory)
    network = factory.SubFactory(
        NetworkFactory, organisation=factory.SelfAttribute("..round.organisation")
    )
    leader = _leader_in("round.organisation")
    score = 4
    wish = "keep"
    comment = "Godt at høre, hvordan andre gør."


class StaffOfferFactory(DjangoModelFactory):
    class Meta:
        model = catalogue.Offer
        skip_postgeneration_save = True

    staff_function = factory.SubFactory(StaffFunctionFactory)
    organisation = factory.SelfAttribute("staff_function.organisation")
    title_da = factory.Sequence(lambda n: f"Budgetgennemgang {n}")
    title_en = factory.Sequence(lambda n: f"Budget review {n}")
    description_da = "En gennemgang af budgettet midt i året."
    duration = "2 timer"
    timing = "Maj–juni"
    topics = _many("topics")


class StaffOfferRequestFactory(DjangoModelFactory):
    class Meta:
        model = catalogue.OfferRequest

    leader = factory.SubFactory(LeaderFactory)
    organisation = factory.SelfAttribute("leader.organisation")
    offer = factory.SubFactory(
        StaffOfferFactory, staff_function__organisation=factory.SelfAttribute("...organisation")
    )
    message = "Jeg vil gerne have hjælp."
    desired_timing = "Inden sommerferien"
