"""Hooks the people app calls on other apps without importing them (the ground floor stays free).

``record_access`` is called whenever someone other than the leader reads a leader's private data
(support needs) for a stated purpose. It does nothing until a receiver is registered: the privacy
app registers one in its ``AppConfig.ready`` to write the access log::

    from backend.people import hooks
    hooks.access_recorder_register(my_receiver)

Receivers take the same keyword arguments as ``record_access`` and must never raise for a normal
read nor log the content read (support-need notes appear in no log line).

``leader_export_parts`` lets another app add a part to the people section of a leader's GDPR
export: the networks app adds the leader's ``memberships`` (they were people rows once, and the
export keeps its shape). Erasing them is that app's own ``privacy.erase_leader``.

A list read (HR's support-need list) reports every leader on the page through
``record_access_many``. A receiver registered with ``access_bulk_recorder_register`` gets the
whole page in one call (``subject_leaders``), so it can write the log with one ``bulk_create``
and the list keeps a constant query count; plain receivers are called once per leader.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from backend.people.models import Leader, User


class AccessRecorder(Protocol):
    """A receiver of ``record_access`` calls."""

    def __call__(
        self, *, actor: User, subject_leader: Leader, purpose: str, what: str, channel: str
    ) -> None:
        """Record that ``actor`` read ``what`` about ``subject_leader`` for ``purpose``."""


class BulkAccessRecorder(Protocol):
    """A receiver of ``record_access_many`` calls: one call per list read."""

    def __call__(
        self,
        *,
        actor: User,
        subject_leaders: Sequence[Leader],
        purpose: str,
        what: str,
        channel: str,
    ) -> None:
        """Record that ``actor`` read ``what`` about each of ``subject_leaders``."""


# Where a read happened; the privacy app's log stores it (``AccessLogEntry.Channel``).
CHANNEL_API = "api"
CHANNEL_ADMIN = "admin"

_recorders: list[AccessRecorder] = []
_bulk_recorders: list[BulkAccessRecorder] = []


def access_recorder_register(recorder: AccessRecorder | Callable[..., None]) -> None:
    """Register a receiver for ``record_access`` (idempotent: a second registration is ignored)."""
    if recorder not in _recorders:
        _recorders.append(recorder)


def access_recorder_unregister(recorder: AccessRecorder | Callable[..., None]) -> None:
    """Remove a receiver registered with ``access_recorder_register`` (tests use this)."""
    if recorder in _recorders:
        _recorders.remove(recorder)


def record_access(
    *, actor: User, subject_leader: Leader, purpose: str, what: str, channel: str = CHANNEL_API
) -> None:
    """Tell the registered receivers that ``actor`` read ``what`` of ``subject_leader``.

    ``what`` names the kind of data (``"support_needs"``), never its content; ``channel`` says
    where (``"api"``, ``"export"``, ``"admin"``). A no-op until the privacy app registers its
    access log. A receiver registers either as a plain or as a bulk receiver; each hears every
    read exactly once.
    """
    record_access_many(
        actor=actor, subject_leaders=[subject_leader], purpose=purpose, what=what, channel=channel
    )


def access_bulk_recorder_register(recorder: BulkAccessRecorder | Callable[..., None]) -> None:
    """Register a receiver for list reads (idempotent)."""
    if recorder not in _bulk_recorders:
        _bulk_recorders.append(recorder)


def access_bulk_recorder_unregister(recorder: BulkAccessRecorder | Callable[..., None]) -> None:
    """Remove a receiver registered with ``access_bulk_recorder_register``."""
    if recorder in _bulk_recorders:
        _bulk_recorders.remove(recorder)


def record_access_many(
    *,
    actor: User,
    subject_leaders: Sequence[Leader],
    purpose: str,
    what: str,
    channel: str = CHANNEL_API,
) -> None:
    """Report a read of ``what`` about several leaders (one page of a list) to the receivers.

    Bulk receivers get one call with every leader; plain receivers one call per leader.
    """
    if not subject_leaders:
        return
    for bulk in list(_bulk_recorders):
        bulk(
            actor=actor,
            subject_leaders=subject_leaders,
            purpose=purpose,
            what=what,
            channel=channel,
        )
    for leader in subject_leaders:
        for recorder in list(_recorders):
            recorder(
                actor=actor, subject_leader=leader, purpose=purpose, what=what, channel=channel
            )


class LeadersChangedReceiver(Protocol):
    """A receiver of ``leaders_changed`` calls."""

    def __call__(
        self, *, organisation_id: int, started_role: Sequence[int], line_changed: Sequence[int]
    ) -> None:
        """React to leaders who started a new role or whose line of command changed."""


_leaders_changed_receivers: list[LeadersChangedReceiver] = []


def leaders_changed_receiver_register(
    receiver: LeadersChangedReceiver | Callable[..., None],
) -> None:
    """Register a receiver for ``leaders_changed`` (idempotent)."""
    if receiver not in _leaders_changed_receivers:
        _leaders_changed_receivers.append(receiver)


def leaders_changed(
    *, organisation_id: int, started_role: Sequence[int] = (), line_changed: Sequence[int] = ()
) -> None:
    """Tell the receivers that leaders started a new role, or that their line changed.

    Called by the people services and the HR import inside their transaction. Onboarding
    creates plans and mentoring enrols new leaders and re-checks live pairs; receivers defer
    their work with ``transaction.on_commit`` so a rolled-back write triggers nothing.
    """
    if not started_role and not line_changed:
        return
    for receiver in list(_leaders_changed_receivers):
        receiver(
            organisation_id=organisation_id,
            started_role=list(started_role),
            line_changed=list(line_changed),
        )


class LeaderExportPart(Protocol):
    """A part of the people section of a leader's GDPR export, contributed by another app."""

    def __call__(self, leader: Leader, *, own: bool) -> list[dict[str, Any]]:
        """Return the rows the app holds about ``leader``, JSON-ready; ``own``: the leader's
        own export (HR's leaves out what is the leader's alone)."""


_export_parts: dict[str, LeaderExportPart] = {}


def leader_export_part_register(name: str, part: LeaderExportPart | Callable[..., Any]) -> None:
    """Register ``part`` under ``name`` in the people section of the export (last one wins)."""
    _export_parts[name] = part


def leader_export_parts(leader: Leader, *, own: bool) -> dict[str, list[dict[str, Any]]]:
    """Return every registered part for ``leader``, by name, in registration order."""
    return {name: part(leader, own=own) for name, part in _export_parts.items()}
