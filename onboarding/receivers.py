"""Onboarding's answer to people events: a leader who starts a new role gets a plan."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.db import transaction
from django.utils import timezone

from backend.people.models import Leader

#: A role that started within this many days (or starts later) counts as new; older start
#: dates (a correction, an import of long-serving leaders) create no plan.
NEW_ROLE_WINDOW_DAYS = 30


def on_leaders_changed(
    *, organisation_id: int, started_role: Sequence[int], line_changed: Sequence[int]
) -> None:
    """After commit, queue a plan for each leader whose new role started recently."""
    if not started_role:
        return
    since = timezone.localdate() - dt.timedelta(days=NEW_ROLE_WINDOW_DAYS)
    leader_ids = list(
        Leader.objects.filter(
            id__in=started_role, active=True, role_start_date__gte=since
        ).values_list("id", flat=True)
    )
    if leader_ids:
        transaction.on_commit(lambda: _dispatch(leader_ids))


def _dispatch(leader_ids: list[int]) -> None:
    from onboarding.tasks import plan_create_for_leader_task

    for leader_id in leader_ids:
        plan_create_for_leader_task.delay(leader_id)
