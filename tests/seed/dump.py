"""A canonical dump of an organisation's people rows, to compare two seed runs."""

from __future__ import annotations

from typing import Any

from backend.networks import models as nm
from backend.people import models as m


def canonical_dump(organisation: m.Organisation) -> list[tuple[Any, ...]]:
    """Every people row of an organisation by natural keys: no ids, timestamps or password salts."""
    org = organisation
    rows: list[tuple[Any, ...]] = []
    rows += [("admin", a.name) for a in org.administrations.all()]
    rows += [
        ("dept", d.administration.name, d.name)
        for d in org.departments.select_related("administration")
    ]
    rows += [
        (
            "unit",
            u.code,
            u.name,
            u.department.name,
            u.service_type,
            u.target_group,
            u.is_specialist,
            u.round_the_clock,
            u.sites,
            u.staff_count,
        )
        for u in org.units.select_related("department")
    ]
    rows += [
        (
            "leader",
            x.employee_number,
            x.first_name,
            x.last_name,
            x.email,
            x.phone,
            x.role_title,
            x.unit.code if x.unit else None,
            x.boss.employee_number if x.boss else None,
            x.role_start_date,
            x.first_leader_job,
            x.years_as_leader,
            x.leadership_education,
            tuple(x.languages),
            x.bio,
            x.active,
            x.left_on,
            x.discoverable,
        )
        for x in org.leaders.select_related("unit", "boss")
    ]
    rows += [
        ("competency", c.leader.employee_number, c.topic.slug, c.level)
        for c in m.Competency.objects.filter(leader__organisation=org).select_related(
            "leader", "topic"
        )
    ]
    rows += [
        ("need", n.leader.employee_number, n.topic.slug, n.weight, n.note, n.status, n.source)
        for n in m.SupportNeed.objects.filter(leader__organisation=org).select_related(
            "leader", "topic"
        )
    ]
    rows += [("function", s.kind, s.name, s.description) for s in org.staff_functions.all()]
    rows += [
        (
            "contact",
            c.staff_function.kind,
            c.name,
            c.title,
            c.email,
            tuple(sorted(a.name for a in c.administrations.all())),
            tuple(sorted(u.code for u in c.units.all())),
        )
        for c in org.staff_contacts.select_related("staff_function").prefetch_related(
            "administrations", "units"
        )
    ]
    rows += [
        ("network", n.name, n.kind, n.visibility, n.description, n.theme, n.welcomes_newcomers)
        for n in org.networks.all()
    ]
    rows += [
        ("member", ms.network.name, ms.leader.employee_number, ms.role, ms.since)
        for ms in nm.Membership.objects.filter(network__organisation=org).select_related(
            "network", "leader"
        )
    ]
    rows += [
        (
            "user",
            u.username,
            u.role,
            u.leader.employee_number if u.leader else None,
            u.first_name,
            u.last_name,
            u.email,
            u.is_superuser,
            tuple(sorted(a.name for a in u.hr_administrations.all())),
        )
        for u in org.users.select_related("leader").prefetch_related("hr_administrations")
    ]
    return sorted(rows, key=repr)
