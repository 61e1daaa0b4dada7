"""factory_boy factories for the people app, in the seed's vocabulary (Danish names, units)."""

from __future__ import annotations

import datetime as dt

import factory
from factory.django import DjangoModelFactory

from backend.networks import models as nm
from backend.people import models as m


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
        model = nm.Network

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Ledergruppe {n}")
    kind = nm.NetworkKind.LEADER_GROUP


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = nm.Membership

    network = factory.SubFactory(NetworkFactory)
    leader = factory.SubFactory(
        LeaderFactory,
        unit__department__administration__organisation=factory.SelfAttribute(
            "....network.organisation"
        ),
    )
    since = dt.date(2022, 1, 1)


class UserFactory(DjangoModelFactory):
    class Meta:
        model = m.User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    role = m.User.Role.LEADER
    password = factory.django.Password("sparring-test-pw")
