"""Reads of the privacy app."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from backend.people.access import is_hr_for, leader_private_or_404
from backend.people.models import Leader, User
from backend.people.visibility import DIRECTORY, RULES, DirectoryRules, Rule
from backend.privacy.models import AccessLogEntry


def access_log_for_self(*, actor: User) -> QuerySet[AccessLogEntry]:
    """Return who read the user's own private data, newest first (none for users not leaders)."""
    if actor.leader_id is None:
        return AccessLogEntry.objects.none()
    return AccessLogEntry.objects.filter(subject_id=actor.leader_id)


def leader_exportable_or_404(*, actor: User, leader_id: int) -> Leader:
    """Return the leader if the user may export their data (the leader, or HR in scope).

    Anyone else, a boss included, gets ``Http404``: the export holds the private data.
    """
    return leader_private_or_404(actor, leader_id)


def leader_erasable_or_404(*, actor: User, leader_id: int) -> Leader:
    """Return the leader if the user is HR with the leader in scope, else ``Http404``.

    HR keeps sight of a leader it has erased (the anonymised row has no unit any more, so a
    scoped HR user loses it; a repeated request from them is then a 404, which is harmless).
    """
    leader = Leader.objects.select_related("unit__department").filter(id=leader_id).first()
    if leader is None or not is_hr_for(actor, leader):
        raise Http404
    return leader


def visibility_rules(*, actor: User) -> tuple[Rule, ...]:
    """The one table of who sees what of a leader's private things (the same for every user).

    The web app words its privacy sentences from it; ``tests/trust/test_rules.py`` holds the
    server's answers to it.
    """
    del actor  # the rules are the same for everyone who may read them
    return RULES


def directory_rules(*, actor: User) -> DirectoryRules:
    """What of a leader crosses the organisation's boundary in the shared peer directory, and
    when (the same for every user; ``tests/backend/networks/test_directory.py`` holds the
    directory's answers to it)."""
    del actor  # the rules are the same for everyone who may read them
    return DIRECTORY
