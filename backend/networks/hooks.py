"""Hooks the networks app reads other apps through, so the leader graph imports no other app.

The leader graph (``graph.py``) adds mentorships as ties, and network suggestions count a
leader's mentor. Mentorships are the mentoring app's rows; instead of reading its models, the
networks app asks the source registered here. The mentoring app registers one in its
``AppConfig.ready``::

    from backend.networks import hooks
    hooks.mentorship_source_register(fingerprint=..., ties=..., mentor_of=...)

Without a source (mentoring not installed) there are no mentorship ties and no mentors.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True, slots=True)
class MentorshipTie:
    """A mentorship between two leaders: ``active``, or past (ended, paused or closed)."""

    mentee_id: int
    mentor_id: int
    active: bool


class MentorshipFingerprint(Protocol):
    """Return a value that changes whenever the organisation's mentorships change."""

    def __call__(self, *, organisation_id: int) -> Hashable:
        """One aggregate query; the graph is rebuilt when the value changes."""


class MentorshipTies(Protocol):
    """Return the organisation's mentorships (all of them, active and past)."""

    def __call__(self, *, organisation_id: int) -> Sequence[MentorshipTie]:
        """One query."""


class MentorOf(Protocol):
    """Return the id of the mentor of the leader's active mentorship (the newest), else None."""

    def __call__(self, *, leader_id: int) -> int | None:
        """One query."""


@dataclass(frozen=True, slots=True)
class _Source:
    fingerprint: MentorshipFingerprint
    ties: MentorshipTies
    mentor_of: MentorOf


_sources: list[_Source] = []


def mentorship_source_register(
    *, fingerprint: MentorshipFingerprint, ties: MentorshipTies, mentor_of: MentorOf
) -> None:
    """Register where mentorships come from (idempotent: a second registration is ignored)."""
    source = _Source(fingerprint=fingerprint, ties=ties, mentor_of=mentor_of)
    if source not in _sources:
        _sources.append(source)


def mentorship_fingerprint(*, organisation_id: int) -> tuple[Hashable, ...]:
    """Return the registered sources' fingerprints of the organisation's mentorships."""
    return tuple(source.fingerprint(organisation_id=organisation_id) for source in _sources)


def mentorship_ties(*, organisation_id: int) -> list[MentorshipTie]:
    """Return the organisation's mentorships from every registered source."""
    return [tie for source in _sources for tie in source.ties(organisation_id=organisation_id)]


def mentor_of(*, leader_id: int) -> int | None:
    """Return the id of the leader's active mentor from the first source that knows one."""
    for source in _sources:
        mentor_id = source.mentor_of(leader_id=leader_id)
        if mentor_id is not None:
            return mentor_id
    return None
