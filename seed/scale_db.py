"""Write the scale generator's dicts to the database with ``bulk_create``, for benchmarks.

It bypasses the per-row services for speed (``leader_create`` runs ``full_clean`` and walks the
line of command for every row: minutes for 100 000 leaders) and keeps their invariants by
construction instead (see ``seed.scale``): bosses come from a higher tier of the same
organisation, inserted tier by tier so each boss has an id before their reports; employee numbers
and unit codes are unique per organisation; topics come from ``organisation_create``, the one
service it does call, so every organisation has the default taxonomy.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any, Final

from django.db import transaction

from backend.networks.models import Membership, Network
from backend.people import services as people
from backend.people.models import (
    Administration,
    Competency,
    Department,
    Leader,
    Organisation,
    SupportNeed,
    Topic,
    Unit,
)
from seed.scale import SLUG_PREFIX

_BATCH: Final = 2000


def scale_wipe(*, slug_prefix: str = SLUG_PREFIX) -> int:
    """Delete every organisation whose slug starts with ``slug_prefix``; return how many."""
    organisations = Organisation.objects.filter(slug__startswith=slug_prefix)
    count = organisations.count()
    with transaction.atomic():
        # Units first: Unit.department is PROTECT (see seed.demo.demo_wipe).
        Unit.objects.filter(organisation__in=organisations).delete()
        organisations.delete()
    return count


#: A leader's key across organisations: (organisation slug, employee number).
_Key = tuple[str, str]


@transaction.atomic
def scale_load(
    *, leaders: Sequence[dict[str, Any]], networks: Sequence[dict[str, Any]] = ()
) -> dict[str, int]:
    """Write ``generate_leaders`` (and ``generate_networks``) output; return row counts.

    Replaces organisations of the same slugs. Bulk inserts, in tier order so each boss exists
    before their reports; see the module docstring for why that keeps the services' invariants.
    """
    orgs = _organisations_replace(leaders)
    units = _units_load(leaders, orgs)
    ids = _leaders_load(leaders, orgs, units)
    competencies, needs = _profiles_load(leaders, orgs, ids)
    network_count, membership_count = _networks_load(networks, orgs, ids)
    return {
        "organisations": len(orgs),
        "units": len(units),
        "leaders": len(ids),
        "competencies": competencies,
        "support_needs": needs,
        "networks": network_count,
        "memberships": membership_count,
    }


def _organisations_replace(leaders: Sequence[dict[str, Any]]) -> dict[str, Organisation]:
    """Delete the organisations of these slugs and create them again (with default topics)."""
    org_names = {row["organisation"]: row["organisation_name"] for row in leaders}
    Unit.objects.filter(organisation__slug__in=list(org_names)).delete()
    Organisation.objects.filter(slug__in=list(org_names)).delete()
    return {
        slug: people.organisation_create(name=name, slug=slug) for slug, name in org_names.items()
    }


def _units_load(leaders: Sequence[dict[str, Any]], orgs: dict[str, Organisation]) -> list[Unit]:
    """Bulk-insert the administrations, departments and one unit per leader (in leader order)."""
    admins = {
        key: Administration(organisation=orgs[key[0]], name=key[1])
        for key in dict.fromkeys((r["organisation"], r["administration"]) for r in leaders)
    }
    Administration.objects.bulk_create(admins.values(), batch_size=_BATCH)
    departments = {
        key: Department(organisation=orgs[key[0]], administration=admins[key[:2]], name=key[2])
        for key in dict.fromkeys(
            (r["organisation"], r["administration"], r["department"]) for r in leaders
        )
    }
    Department.objects.bulk_create(departments.values(), batch_size=_BATCH)
    units = [
        Unit(
            organisation=orgs[r["organisation"]],
            department=departments[(r["organisation"], r["administration"], r["department"])],
            **r["unit"],
        )
        for r in leaders
    ]
    Unit.objects.bulk_create(units, batch_size=_BATCH)
    return units


def _leaders_load(
    leaders: Sequence[dict[str, Any]], orgs: dict[str, Organisation], units: Sequence[Unit]
) -> dict[_Key, int]:
    """Insert the leaders level by level down the line, so every boss has an id first."""
    depth: dict[_Key, int] = {}
    for r in leaders:
        boss = (r["organisation"], r["boss"])
        depth[(r["organisation"], r["employee_number"])] = depth[boss] + 1 if r["boss"] else 0
    ids: dict[_Key, int] = {}
    for level in range(max(depth.values(), default=-1) + 1):
        batch = [
            (r, unit)
            for r, unit in zip(leaders, units, strict=True)
            if depth[(r["organisation"], r["employee_number"])] == level
        ]
        rows = [
            Leader(
                organisation=orgs[r["organisation"]],
                unit=unit,
                boss_id=ids[(r["organisation"], r["boss"])] if r["boss"] else None,
                years_as_leader=Decimal(str(r["years_as_leader"])),
                **{k: r[k] for k in _LEADER_FIELDS},
            )
            for r, unit in batch
        ]
        Leader.objects.bulk_create(rows, batch_size=_BATCH)
        ids.update(
            {
                (r["organisation"], r["employee_number"]): leader.id
                for (r, _unit), leader in zip(batch, rows, strict=True)
            }
        )
    return ids


def _profiles_load(
    leaders: Sequence[dict[str, Any]], orgs: dict[str, Organisation], ids: dict[_Key, int]
) -> tuple[int, int]:
    """Bulk-insert competencies and support needs; return how many of each."""
    topics = {
        (t.organisation_id, t.slug): t.id
        for t in Topic.objects.filter(organisation__in=list(orgs.values()))
    }

    def leader_topic(r: dict[str, Any], slug: str) -> tuple[int, int]:
        org = orgs[r["organisation"]]
        return ids[(r["organisation"], r["employee_number"])], topics[(org.id, slug)]

    competencies = [
        Competency(leader_id=lid, topic_id=tid, level=level)
        for r in leaders
        for slug, level in r["strengths"].items()
        for lid, tid in [leader_topic(r, slug)]
    ]
    Competency.objects.bulk_create(competencies, batch_size=_BATCH)
    needs = [
        SupportNeed(leader_id=lid, topic_id=tid, weight=weight)
        for r in leaders
        for slug, weight in r["needs"].items()
        for lid, tid in [leader_topic(r, slug)]
    ]
    SupportNeed.objects.bulk_create(needs, batch_size=_BATCH)
    return len(competencies), len(needs)


def _networks_load(
    networks: Sequence[dict[str, Any]], orgs: dict[str, Organisation], ids: dict[_Key, int]
) -> tuple[int, int]:
    """Bulk-insert the networks and their memberships; return how many of each."""
    network_rows = [
        Network(
            organisation=orgs[n["organisation"]],
            name=n["name"],
            kind=n["kind"],
            visibility=n["visibility"],
        )
        for n in networks
    ]
    Network.objects.bulk_create(network_rows, batch_size=_BATCH)
    memberships = [
        Membership(
            network=row,
            leader_id=ids[(n["organisation"], emp)],
            role=Membership.Role.CONVENER if emp == n["convener"] else Membership.Role.MEMBER,
        )
        for n, row in zip(networks, network_rows, strict=True)
        for emp in ([n["convener"]] if n["convener"] else []) + list(n["members"])
    ]
    Membership.objects.bulk_create(memberships, batch_size=_BATCH)
    return len(network_rows), len(memberships)


_LEADER_FIELDS: Final = (
    "employee_number",
    "first_name",
    "last_name",
    "role_title",
    "role_start_date",
    "first_leader_job",
    "leadership_education",
    "languages",
    "discoverable",
    "active",
)
