"""Mentorships as the networks app's leader graph needs them (registered in ``apps.py``).

The graph (``backend/networks/graph.py``) reads no mentoring model: it asks the source
registered with ``backend.networks.hooks``, which is these two reads.
"""

from __future__ import annotations

from django.db.models import Count, Max, Q

from backend.mentoring.models import Mentorship
from backend.mentoring.selectors import mentor_for_leader
from backend.networks.hooks import MentorshipTie


def mentorship_fingerprint(*, organisation_id: int) -> tuple[object, ...]:
    """Count, newest id and active count of the organisation's mentorships (one query)."""
    found = Mentorship.objects.filter(mentee__organisation_id=organisation_id).aggregate(
        n=Count("id"), m=Max("id"), a=Count("id", filter=Q(status=Mentorship.Status.ACTIVE))
    )
    return tuple(found.values())


def mentorship_ties(*, organisation_id: int) -> list[MentorshipTie]:
    """Every mentorship of the organisation: mentee, mentor, and whether it is active."""
    return [
        MentorshipTie(mentee_id=mentee, mentor_id=mentor, active=status == Mentorship.Status.ACTIVE)
        for mentee, mentor, status in Mentorship.objects.filter(
            mentee__organisation_id=organisation_id
        ).values_list("mentee_id", "mentor_id", "status")
    ]


def mentor_of(*, leader_id: int) -> int | None:
    """The id of the mentor of the leader's active mentorship (the newest), else None."""
    mentor = mentor_for_leader(leader_id=leader_id)
    return mentor.id if mentor is not None else None
