"""Writes of the privacy app: the access log."""

from __future__ import annotations

from collections.abc import Sequence

from backend.people.models import Leader, User
from backend.privacy.models import AccessLogEntry


def access_log_record(
    *,
    actor: User,
    subject_leaders: Sequence[Leader],
    purpose: str,
    what: str,
    channel: str = AccessLogEntry.Channel.API,
) -> list[AccessLogEntry]:
    """Record that ``actor`` read ``what`` of each of ``subject_leaders`` for ``purpose``.

    One insert for a whole page of a list. A leader reading their own data is not logged: the
    log is about *other people's* reads.
    """
    actor_name = (actor.get_full_name() or actor.username)[:200]
    subjects = {leader.id: leader for leader in subject_leaders if leader.id != actor.leader_id}
    return AccessLogEntry.objects.bulk_create(
        [
            AccessLogEntry(
                actor=actor,
                actor_name=actor_name,
                subject=leader,
                what=what[:60],
                purpose=purpose[:300],
                channel=channel,
            )
            for leader in subjects.values()
        ]
    )
