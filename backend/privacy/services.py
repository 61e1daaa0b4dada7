"""Writes of the privacy app: the access log, GDPR export, erasure and retention."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import logging
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from backend.api.exceptions import ServiceError
from backend.people.models import Leader, User
from backend.privacy import selectors
from backend.privacy.models import AccessLogEntry, Erasure
from backend.privacy.registry import contributors

logger = logging.getLogger(__name__)

ERASED_NAME = "Slettet leder"

# Said in HR's export (JSON and HTML): why the notes are not there, and where they are.
NOTES_LEFT_OUT = gettext_lazy(
    "Support-need notes, private meeting notes and informal networks are left out: they are "
    "the leader's own. The leader downloads the complete export in their own session."
)


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


def access_log_receive(
    *,
    actor: User,
    subject_leaders: Sequence[Leader],
    purpose: str,
    what: str,
    channel: str = AccessLogEntry.Channel.API,
) -> None:
    """The people app's bulk access hook (``backend.people.hooks``): write the log."""
    access_log_record(
        actor=actor, subject_leaders=subject_leaders, purpose=purpose, what=what, channel=channel
    )


def _json_ready(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _json_ready(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_json_ready(v) for v in value]
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def leader_export(*, leader: Leader, actor: User | None, purpose: str = "") -> dict[str, Any]:
    """Return everything Sparring holds about ``leader``, section by app (GDPR art. 15).

    Someone other than the leader (HR, or a command run on HR's behalf) must state a purpose;
    their read is written to the access log with channel ``export``. Only the leader's own
    export holds the texts of their support-need notes and meeting notes (issue 15): HR's
    export carries topics and weights, says that the notes are left out, and the leader gets
    the complete export in their own session.
    """
    is_self = actor is not None and actor.leader_id == leader.id
    if not is_self and not purpose.strip():
        raise ServiceError(_("State the purpose of the export."), field="purpose")
    data: dict[str, Any] = {
        "format": "sparring-gdpr-export/1",
        "generated_at": timezone.now().isoformat(),
        "leader_id": leader.id,
        "notes_included": is_self,
    }
    if not is_self:
        data["notes_left_out"] = str(NOTES_LEFT_OUT)
    for section, module in contributors():
        data[section] = _json_ready(module.export_leader(leader, notes=is_self))
    data["access_log"] = [
        {
            "who": entry.actor_name,
            "what": entry.what,
            "purpose": entry.purpose,
            "channel": entry.channel,
            "at": entry.at.isoformat(),
        }
        for entry in AccessLogEntry.objects.filter(subject=leader).order_by("at", "id")
    ]
    if actor is not None and not is_self:
        access_log_record(
            actor=actor,
            subject_leaders=[leader],
            purpose=purpose.strip(),
            what="gdpr_export",
            channel=AccessLogEntry.Channel.EXPORT,
        )
    elif actor is None:  # the management command, run by an operator on HR's behalf
        AccessLogEntry.objects.create(
            actor=None,
            actor_name="manage.py privacy_export",
            subject=leader,
            what="gdpr_export",
            purpose=purpose.strip()[:300],
            channel=AccessLogEntry.Channel.EXPORT,
        )
    logger.info("gdpr export of leader #%s", leader.id)
    return data


def subject_key(*, organisation_id: int, employee_number: str) -> str:
    """Return the keyed hash an erasure keeps instead of the employee number."""
    message = f"{organisation_id}:{employee_number}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


def _reason_names_the_person(reason: str, leader: Leader) -> bool:
    lowered = reason.casefold()
    return any(
        len(part) >= 3 and part.casefold() in lowered
        for part in (leader.first_name, leader.last_name, leader.email, leader.employee_number)
    )


@transaction.atomic
def leader_erase(
    *, leader: Leader, actor: User | None, reason: str, trigger: str = Erasure.Trigger.HR
) -> Erasure:
    """Erase everything about ``leader`` (GDPR art. 17), keeping an anonymous statistics row.

    Each app erases its own rows (``registry.CONTRIBUTORS``), then the privacy app removes the
    leader's access log (it names who read their data and why) and admin history naming them.
    Idempotent: a second call finds nothing left and returns the first erasure record. The
    reason is kept, so it must not name the person.
    """
    reason = reason.strip()
    if not reason:
        raise ServiceError(_("State the reason for the erasure."), field="reason")
    leader = Leader.objects.select_for_update().get(id=leader.id)
    existing = Erasure.objects.filter(subject=leader).first()
    if existing is None and _reason_names_the_person(reason, leader):
        raise ServiceError(
            _("The reason is kept after the erasure: do not name the person in it."),
            field="reason",
        )
    key = subject_key(
        organisation_id=leader.organisation_id, employee_number=leader.employee_number
    )
    user_ids = list(User.objects.filter(leader=leader).values_list("id", flat=True))
    for _section, module in contributors():
        module.erase_leader(leader)
    AccessLogEntry.objects.filter(subject=leader).delete()
    AccessLogEntry.objects.filter(actor_id__in=user_ids).update(actor_name=ERASED_NAME)
    leader_type = ContentType.objects.get_for_model(Leader)
    LogEntry.objects.filter(content_type=leader_type, object_id=str(leader.id)).update(
        object_repr=ERASED_NAME, change_message=""
    )
    if existing is not None:
        return existing
    erasure = Erasure.objects.create(
        subject=leader,
        actor=actor,
        subject_key=key,
        trigger=trigger,
        reason=reason[:300],
    )
    logger.info("erased leader #%s (%s)", leader.id, trigger)
    return erasure


DEFAULT_RETENTION_DAYS = 730


def retention_days() -> int:
    """Days after ``Leader.left_on`` before the leader's data is erased.

    ``settings.SPARRING_RETENTION_DAYS`` (the environment variable of that name), two years
    (730 days) by default: long enough for HR to answer questions about a finished programme,
    short enough that nobody's support needs outlive their employment for long.
    """
    days = int(settings.SPARRING_RETENTION_DAYS)
    if days < 1:
        raise ValueError("SPARRING_RETENTION_DAYS must be at least 1")
    return days


def retention_apply(*, today: dt.date | None = None) -> list[int]:
    """Erase every leader who left more than ``retention_days()`` ago and is not yet erased.

    Returns the ids erased now; a second run the same day erases nothing (idempotent).
    """
    today = today or timezone.localdate()
    cutoff = today - dt.timedelta(days=retention_days())
    due = list(
        Leader.objects.filter(left_on__isnull=False, left_on__lt=cutoff, erasure__isnull=True)
        .order_by("id")
        .values_list("id", flat=True)
    )
    erased = []
    for leader_id in due:
        leader = Leader.objects.get(id=leader_id)
        leader_erase(
            leader=leader,
            actor=None,
            reason=f"Retention: left more than {retention_days()} days ago",
            trigger=Erasure.Trigger.RETENTION,
        )
        erased.append(leader_id)
    return erased


def leader_export_as(*, actor: User, leader_id: int, purpose: str = "") -> dict[str, Any]:
    """Export a leader's data for the leader themself or HR in scope (anyone else: 404)."""
    leader = selectors.leader_exportable_or_404(actor=actor, leader_id=leader_id)
    return leader_export(leader=leader, actor=actor, purpose=purpose)


def leader_erase_as(*, actor: User, leader_id: int, reason: str) -> Erasure:
    """HR erases a leader in its scope (a leader out of its scope is not found)."""
    leader = selectors.leader_erasable_or_404(actor=actor, leader_id=leader_id)
    return leader_erase(leader=leader, actor=actor, reason=reason)
