"""Shared argument handling of the privacy commands: find a leader by employee number."""

from __future__ import annotations

from django.core.management.base import CommandError

from backend.people.models import Leader


def leader_by_number(*, employee_number: str, organisation_slug: str) -> Leader:
    """Return the organisation's leader with this employee number, or stop the command."""
    leader = Leader.objects.filter(
        organisation__slug=organisation_slug, employee_number=employee_number
    ).first()
    if leader is None:
        raise CommandError(f"No leader {employee_number!r} in organisation {organisation_slug!r}.")
    return leader
