"""The round's guard rails, in one place: who may mentor, who may get a (second) mentor.

- **One active mentorship per mentee**, across programmes, unless HR allowed a second with a
  reason (``Enrolment.second_mentorship_reason``).
- **No pair twice**: a pair that is active, or existed and ended early, is never proposed by a
  run (the problem's ``forbidden``); an active pair is never started twice.
- **Mentors have led for a year and are not mentees**: a leader in their first year as a leader
  (fewer than ``SPARRING_MENTOR_MIN_LEADER_DAYS`` days, default 365) or enrolled as a mentee in
  any programme has a mentor offer only with HR's override with a reason.

Services, the problem mapper and the selectors ask these functions; none decides on its own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.mentoring.models import Enrolment, Mentorship
from backend.people.models import Leader


def min_leader_days() -> int:
    """Days a leader must have led before they may mentor without an override."""
    return int(settings.SPARRING_MENTOR_MIN_LEADER_DAYS)


def days_as_leader(
    *,
    years_as_leader: Any,
    first_leader_job: bool,
    role_start_date: dt.date | None,
    today: dt.date | None = None,
) -> float:
    """How long a leader has led: their years as leader or, in their first leader job, the
    days since it started (a first job that started 21 days ago is 21 days)."""
    today = today or timezone.localdate()
    if first_leader_job and role_start_date is not None:
        return float((today - role_start_date).days)
    return float(years_as_leader or 0) * 365.25


def in_first_year(leader: Leader, *, today: dt.date | None = None) -> bool:
    """Whether the leader is in their first year as a leader (the configurable threshold)."""
    days = days_as_leader(
        years_as_leader=leader.years_as_leader,
        first_leader_job=leader.first_leader_job,
        role_start_date=leader.role_start_date,
        today=today,
    )
    return days < min_leader_days()


def mentee_leader_ids(
    *, organisation_id: int, leader_ids: Iterable[int] | QuerySet[Any, Any] | None = None
) -> set[int]:
    """Leaders enrolled as a mentee (not withdrawn) in any programme of the organisation;
    only those among ``leader_ids`` (ids, or a query of ids: a subquery, for thousands)."""
    found = Enrolment.objects.filter(programme__organisation_id=organisation_id).exclude(
        status=Enrolment.Status.WITHDRAWN
    )
    if leader_ids is not None:
        ids = leader_ids if isinstance(leader_ids, QuerySet) else list(leader_ids)
        found = found.filter(leader_id__in=ids)
    return set(found.values_list("leader_id", flat=True))


def mentor_blockers(leader: Leader) -> list[str]:
    """Why the leader may not mentor without HR's override (empty: they may), in words."""
    found = []
    if in_first_year(leader):
        found.append(
            _("%(name)s is in their first year as a leader (under %(days)d days).")
            % {"name": str(leader), "days": min_leader_days()}
        )
    if mentee_leader_ids(organisation_id=leader.organisation_id, leader_ids=[leader.id]):
        found.append(_("%(name)s is enrolled as a mentee.") % {"name": str(leader)})
    return found


def active_mentorship_elsewhere(*, leader_id: int, exclude_programme_id: int | None = None) -> bool:
    """Whether the leader is the mentee of an active mentorship (in another programme)."""
    found = Mentorship.objects.filter(mentee_id=leader_id, status=Mentorship.Status.ACTIVE)
    if exclude_programme_id is not None:
        found = found.exclude(programme_id=exclude_programme_id)
    return found.exists()


def leaders_with_active_mentorship(*, organisation_id: int) -> set[int]:
    """Leaders who are the mentee of an active mentorship in the organisation."""
    return set(
        Mentorship.objects.filter(
            mentee__organisation_id=organisation_id, status=Mentorship.Status.ACTIVE
        ).values_list("mentee_id", flat=True)
    )


def pairs_never_again(*, organisation_id: int) -> set[tuple[int, int]]:
    """(mentee, mentor) leader ids of pairs that are active or ended early, in any programme."""
    return set(
        Mentorship.objects.filter(mentee__organisation_id=organisation_id)
        .filter(Q(status=Mentorship.Status.ACTIVE) | Q(status=Mentorship.Status.ENDED_EARLY))
        .values_list("mentee_id", "mentor_id")
    )
