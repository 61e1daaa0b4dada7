"""Fixtures of the gatherings tests: a Ledertræf with 30 leaders around the persona world."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from backend.gatherings.models import Attendee, Gathering
from backend.networks.graph import graph_cache_clear
from backend.people import models as m
from tests import factories as f
from tests.conftest import World


@pytest.fixture(autouse=True)
def _fresh_graph_cache() -> Iterator[None]:
    """Each test starts with an empty graph cache (ids are reused after a rollback)."""
    graph_cache_clear()
    yield
    graph_cache_clear()


def leaders_for(world: World, n: int = 30) -> list[m.Leader]:
    """``n`` leaders in three administrations, each in their own unit, with varied experience;
    every fifth reports to the one before it (lines inside the meeting)."""
    third = f.AdministrationFactory(organisation=world.org, name="Teknik og Miljø")
    departments = [
        m.Department.objects.get(name="Skole", organisation=world.org),
        m.Department.objects.get(name="Ældre og Sundhed", organisation=world.org),
        f.DepartmentFactory(administration=third, name="Vej og Park"),
    ]
    services = ["school", "care_home", "other"]
    out: list[m.Leader] = []
    for k in range(n):
        leader = f.LeaderFactory(
            unit=f.UnitFactory(department=departments[k % 3], service_type=services[k % 3]),
            first_name=f"Leder{k:02d}",
            last_name="Test",
            years_as_leader=k % 12,
            boss=out[-1] if k % 5 == 4 else None,
        )
        out.append(leader)
    return out


@pytest.fixture
def meeting(world: World) -> Gathering:
    """A meeting of 30 leaders, tables of 5 to 6, two rounds."""
    gathering = f.GatheringFactory(organisation=world.org, table_min=5, table_max=6, rounds=2)
    Attendee.objects.bulk_create(
        Attendee(gathering=gathering, leader=x) for x in leaders_for(world)
    )
    return gathering
