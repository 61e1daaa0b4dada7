"""The GDPR registry: each app says what it holds about a leader and how to erase it.

Privacy does not reach into other apps' models. Each app instead exposes a small ``privacy``
module with two functions::

    def export_leader(leader: Leader, *, notes: bool) -> dict[str, Any]: ...  # JSON-ready
    def erase_leader(leader: Leader) -> None: ...               # idempotent, leaves no trace

``CONTRIBUTORS`` lists them in erasure order: apps that hang rows off a leader first, ``people``
(which anonymises the leader row itself and removes the login) last, so every app can still find
the leader's user, name and links while it erases its own rows.
"""

from __future__ import annotations

from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING, Any, Protocol, cast

if TYPE_CHECKING:
    from backend.people.models import Leader

# (section name in the export, module path); erasure runs in this order.
CONTRIBUTORS: tuple[tuple[str, str], ...] = (
    ("coaching", "backend.coaching.privacy"),
    ("mentoring", "backend.mentoring.privacy"),
    ("networks", "backend.networks.privacy"),
    ("knowhow", "backend.knowhow.privacy"),
    ("onboarding", "onboarding.privacy"),
    ("catalogue", "backend.catalogue.privacy"),
    ("notifications", "backend.notifications.privacy"),
    ("identity", "backend.identity.privacy"),
    ("people", "backend.people.privacy"),
)


class Contributor(Protocol):
    """What an app's ``privacy`` module provides."""

    def export_leader(self, leader: Leader, *, notes: bool = True) -> dict[str, Any]:
        """Return everything the app holds about ``leader``, JSON-ready.

        ``notes=False`` (an export for HR): no text of a support-need note or a meeting note.
        """

    def erase_leader(self, leader: Leader) -> None:
        """Erase or anonymise everything the app holds about ``leader`` (idempotent)."""


def contributors() -> list[tuple[str, Contributor]]:
    """Import each app's ``privacy`` module (a missing module is a programming error)."""
    modules: list[tuple[str, Contributor]] = []
    for section, path in CONTRIBUTORS:
        module: ModuleType = import_module(path)
        modules.append((section, cast(Contributor, module)))
    return modules
