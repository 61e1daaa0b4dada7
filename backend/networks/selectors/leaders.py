"""Leaders as the maps and the insights show them (name, title, unit; nothing private)."""

from __future__ import annotations

from typing import Any

from backend.networks.access import (
    LEADER_RELATED,
)
from backend.people.models import Leader


def leader_rows(ids: list[int]) -> dict[int, Leader]:
    return {
        leader.id: leader
        for leader in Leader.objects.filter(id__in=ids).select_related(*LEADER_RELATED)
    }


def leader_brief(leader: Leader) -> dict[str, Any]:
    unit = leader.unit
    return {
        "id": leader.id,
        "name": leader.full_name,
        "role_title": leader.role_title,
        "unit": unit.name if unit else None,
        "administration": unit.department.administration.name if unit else None,
    }
