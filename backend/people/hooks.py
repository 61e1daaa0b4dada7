"""Hooks the people app calls on other apps without importing them (the ground floor stays free).

``record_access`` is called whenever someone other than the leader reads a leader's private data
(support needs) for a stated purpose. It does nothing until a receiver is registered: the privacy
app registers one in its ``AppConfig.ready`` to write the access log::

    from backend.people import hooks
    hooks.access_recorder_register(my_receiver)

Receivers take the same keyword arguments as ``record_access`` and must never raise for a normal
read nor log the content read (support-need notes appear in no log line).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from backend.people.models import Leader, User


class AccessRecorder(Protocol):
    """A receiver of ``record_access`` calls."""

    def __call__(self, *, actor: User, subject_leader: Leader, purpose: str, what: str) -> None:
        """Record that ``actor`` read ``what`` about ``subject_leader`` for ``purpose``."""


_recorders: list[AccessRecorder] = []


def access_recorder_register(recorder: AccessRecorder | Callable[..., None]) -> None:
    """Register a receiver for ``record_access`` (idempotent: a second registration is ignored)."""
    if recorder not in _recorders:
        _recorders.append(recorder)  # type: ignore[arg-type]


def access_recorder_unregister(recorder: AccessRecorder | Callable[..., None]) -> None:
    """Remove a receiver registered with ``access_recorder_register`` (tests use this)."""
    if recorder in _recorders:
        _recorders.remove(recorder)  # type: ignore[arg-type]


def record_access(*, actor: User, subject_leader: Leader, purpose: str, what: str) -> None:
    """Tell the registered receivers that ``actor`` read ``what`` of ``subject_leader``.

    ``what`` names the kind of data (``"support_needs"``), never its content. A no-op until the
    privacy app registers its access log.
    """
    for recorder in list(_recorders):
        recorder(actor=actor, subject_leader=subject_leader, purpose=purpose, what=what)
