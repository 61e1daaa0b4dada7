"""Writes of the privacy app: the access log."""

from __future__ import annotations

from backend.people.models import Leader, User
from backend.privacy.models import AccessLogEntry


def access_log_record(
    *,
    actor: User,
    subject_leader: Leader,
    purpose: str,
    what: str,
    channel: str = AccessLogEntry.Channel.API,
) -> AccessLogEntry | None:
    """Record that ``actor`` read ``what`` of ``subject_leader`` for ``purpose``.

    A leader reading their own data is not logged: the log is about *other people's* reads.
    """
    if actor.leader_id is not None and actor.leader_id == subject_leader.id:
        return None
    return AccessLogEntry.objects.create(
        actor=actor,
        actor_name=(actor.get_full_name() or actor.username)[:200],
        subject=subject_leader,
        what=what[:60],
        purpose=purpose[:300],
        channel=channel,
    )
