"""Applicability rules: does a template (or one of its items) apply to this leader?

Plain functions over a ``LeaderFacts`` value so plan creation can evaluate every rule of every
template in memory, without a query per rule.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from backend.people.models import Leader, ServiceType

#: Units that plan staff on a roster even when they are not open around the clock.
SHIFT_SERVICE_TYPES: Final[frozenset[str]] = frozenset(
    {
        ServiceType.CARE_HOME,
        ServiceType.HOME_CARE,
        ServiceType.RESIDENTIAL,
        ServiceType.SHELTER,
        ServiceType.ACUTE,
    }
)


@dataclass(frozen=True, slots=True)
class LeaderFacts:
    """What the rules look at, read once from a leader and their unit."""

    administration_id: int | None
    service_type: str | None
    round_the_clock: bool
    sites: int
    first_leader_job: bool
    specialist: bool
    staff_count: int
    entry_route: str = ""

    @property
    def shift_work(self) -> bool:
        """24-hour units and the service types that run a roster."""
        return self.round_the_clock or self.service_type in SHIFT_SERVICE_TYPES

    @classmethod
    def of(cls, leader: Leader) -> LeaderFacts:
        """Read the facts from a leader (with ``unit__department`` loaded)."""
        unit = leader.unit
        return cls(
            administration_id=unit.department.administration_id if unit else None,
            service_type=unit.service_type if unit else None,
            round_the_clock=bool(unit and unit.round_the_clock),
            sites=unit.sites if unit else 1,
            first_leader_job=leader.first_leader_job,
            specialist=bool(unit and unit.is_specialist),
            staff_count=unit.staff_count if unit else 0,
            entry_route=leader.entry_route,
        )


def rules_hold(rules: object, facts: LeaderFacts, *, administration_ids: Iterable[int]) -> bool:
    """Return whether every set rule of ``rules`` (a template or template item) holds.

    ``administration_ids`` are the rule's administrations, passed in so the caller can prefetch
    them; empty means any administration.
    """
    administration_ids = set(administration_ids)
    if administration_ids and facts.administration_id not in administration_ids:
        return False
    service_types = getattr(rules, "service_types", None) or []
    if service_types and facts.service_type not in service_types:
        return False
    # A move (promoted, new service area, talent graduate): items for that way into the role.
    entry_routes = getattr(rules, "entry_routes", None) or []
    if entry_routes and facts.entry_route not in entry_routes:
        return False
    checks: tuple[tuple[bool | None, bool], ...] = (
        (getattr(rules, "round_the_clock", None), facts.round_the_clock),
        (getattr(rules, "shift_work", None), facts.shift_work),
        (getattr(rules, "multi_site", None), facts.sites > 1),
        (getattr(rules, "first_leader_job", None), facts.first_leader_job),
        (getattr(rules, "specialist", None), facts.specialist),
    )
    if any(wanted is not None and wanted != actual for wanted, actual in checks):
        return False
    staff_above = getattr(rules, "staff_above", None)
    return staff_above is None or facts.staff_count > staff_above
