"""Hooks the networks app reads other apps through, so the leader graph imports no other app.

The leader graph (``graph.py``) adds mentorships as ties. Mentorships are the mentoring app's
rows; instead of reading its models, the graph asks the source registered here. The mentoring app
registers one in its ``AppConfig.ready``::

    from backend.networks import hooks
    hooks.mentorship_source_register(fingerprint=..., ties=...)

Without a source (mentoring not installed) the graph has no mentorship ties.
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


@dataclass(frozen=True, slots=True)
class _Source:
    fingerprint: MentorshipFingerprint
    ties: MentorshipTies


_sources: list[_Source] = []


def mentorship_source_register(*, fingerprint: MentorshipFingerprint, ties: MentorshipTies) -> None:
    """Register where mentorships come from (idempotent: a second registration is ignored)."""
    source = _Source(fingerprint=fingerprint, ties=ties)
    if source not in _sources:
        _sources.append(source)


def mentorship_fingerprint(*, organisation_id: int) -> tuple[Hashable, ...]:
    """Return the registered sources' fingerprints of the organisation's mentorships."""
    return tuple(source.fingerprint(organisation_id=organisation_id) for source in _sources)


def mentorship_ties(*, organisation_id: int) -> list[MentorshipTie]:
    """Return the organisation's mentorships from every registered source."""
    return [tie for source in _sources for tie in source.ties(organisation_id=organisation_id)]
