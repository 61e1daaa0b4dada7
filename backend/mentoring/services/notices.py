"""Notifications from the mentoring services: to a leader, or to HR with the leader in scope.

Notifications never carry support-need content: they name people, dates and links only.
"""

from __future__ import annotations

from backend.notifications.services import Text, notify
from backend.people.models import Leader, User


def notify_leader(
    *,
    leader_id: int,
    kind: str,
    subject: Text,
    body: Text = "",
    url: str = "",
    dedupe_key: str = "",
) -> None:
    """Notify the login of a leader, if the leader has one."""
    user = User.objects.filter(leader_id=leader_id).first()
    if user is not None:
        notify(user=user, kind=kind, subject=subject, body=body, url=url, dedupe_key=dedupe_key)


def notify_hr(
    *,
    organisation_id: int,
    leader_id: int | None,
    kind: str,
    subject: Text,
    url: str = "",
    dedupe_key: str = "",
) -> None:
    """Notify the HR users of an organisation who have ``leader_id`` in scope."""
    users = User.objects.filter(
        organisation_id=organisation_id, role__in=[User.Role.HR, User.Role.ADMIN]
    ).prefetch_related("hr_administrations")
    administration_id = None
    if leader_id is not None:
        administration_id = (
            Leader.objects.filter(id=leader_id)
            .values_list("unit__department__administration_id", flat=True)
            .first()
        )
    for user in users:
        scope = {a.id for a in user.hr_administrations.all()}
        if scope and administration_id not in scope:
            continue
        notify(user=user, kind=kind, subject=subject, url=url, dedupe_key=dedupe_key)
