"""The shared peer directory: peers in other municipalities on the same installation.

A leader whose organisation opted in (HR), and who opted in themself, finds leaders of the other
organisations that opted in, ranked by how alike their core task is (the peer finder's score,
``matching.peer_index``), and sees of each only the card ``backend.people.visibility.DIRECTORY``
names. Everything else of another organisation stays out of sight (404), introductions included
until the asked leader accepts (``services/introductions.py``).

Two paths rank the same cards the same way: :func:`directory_list` scores every opted-in leader
at once over an index built once per version of the opted-in leaders (kept in this process), and
applies which organisations are in the directory on every question, so an organisation that opts
out is gone at once; :func:`directory_list_exhaustive` reads and scores every candidate one by
one per question — the reference the test and ``bench/directory.py`` compare with.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

import numpy as np
from django.db.models import Count, Max, Prefetch, Q, Sum

from backend.networks.access import actor_leader_or_404
from backend.networks.peer_facts import (
    DIRECTORY_COLUMNS,
    DirectoryCandidates,
    ProfileRow,
    build_directory_candidates,
    directory_profile,
    directory_rows,
)
from backend.networks.reasons import PEER_TEXTS, Reason, render_all
from backend.people.models import Competency, Leader, Organisation, Unit, User
from matching.peer_index import peer_top
from matching.peers import PeerProfile, peer_score, rank_peers

# The reasons a card may carry: facts the card itself shows (service type) or that say only
# "specialist service"; nothing else of the other's unit crosses the boundary.
CARD_REASONS = frozenset({"service_type", "specialist"})


@dataclass(frozen=True)
class Municipality:
    """An organisation in the directory (for the filter)."""

    id: int
    name: str


@dataclass(frozen=True)
class DirectoryCard:
    """A leader of another organisation as the directory shows them (``DIRECTORY.card``)."""

    id: int
    name: str
    role_title: str
    service_type: str
    municipality: str
    ask_me_about: list[dict[str, str]]
    score: float
    reasons: list[Reason]


@dataclass(frozen=True)
class Directory:
    """The asker's standing in the directory and the cards they see."""

    organisation_opted_in: bool
    leader_opted_in: bool
    municipalities: list[Municipality]
    results: list[DirectoryCard]


@dataclass(frozen=True)
class DirectoryQuery:
    """The directory's optional filters (``None``: any)."""

    service_type: str | None = None
    municipality_id: int | None = None
    limit: int = 20


_cache: dict[str, tuple[tuple[Any, ...], DirectoryCandidates]] = {}
_lock = threading.Lock()


def _opted_in() -> Any:
    return Leader.objects.filter(directory_discoverable=True, active=True, unit__isnull=False)


def directory_fingerprint() -> tuple[Any, ...]:
    """A value that changes whenever a leader opts in or out, an opted-in leader changes, or
    any unit changes (two aggregates, each read from an index: ``leader_directory``,
    ``unit_updated``)."""
    leaders = Leader.objects.filter(directory_discoverable=True, active=True).aggregate(
        n=Count("id"), s=Sum("id"), t=Max("updated_at")
    )
    units = Unit.objects.aggregate(u=Max("updated_at"))
    return (*leaders.values(), *units.values())


def directory_candidates() -> DirectoryCandidates:
    """The index of every opted-in leader, rebuilt only when :func:`directory_fingerprint`
    changes."""
    fingerprint = directory_fingerprint()
    hit = _cache.get("index")
    if hit is not None and hit[0] == fingerprint:
        return hit[1]
    with _lock:
        candidates = build_directory_candidates(directory_rows())
        _cache["index"] = (fingerprint, candidates)
    return candidates


def _me(actor: User) -> tuple[Organisation, bool, PeerProfile | None]:
    """The asker's organisation, whether they opted in (read now, not from the login's cached
    leader), and their profile (``None`` without a unit)."""
    me = actor_leader_or_404(actor)
    organisation = Organisation.objects.get(id=me.organisation_id)
    columns = (*DIRECTORY_COLUMNS, "unit_id", "directory_discoverable")
    row = Leader.objects.filter(id=me.id).values_list(*columns).get()
    profile = None if row[-2] is None else directory_profile(cast(ProfileRow, row[:-2]))
    return organisation, bool(row[-1]), profile


def municipalities_in_directory(*, exclude_id: int) -> list[Municipality]:
    """The organisations in the directory other than ``exclude_id``, by name."""
    rows = Organisation.objects.filter(peer_directory=True).exclude(id=exclude_id)
    return [Municipality(i, n) for i, n in rows.order_by("name", "id").values_list("id", "name")]


def _cards(
    profile: PeerProfile, ids: Sequence[int], others: dict[int, PeerProfile]
) -> list[DirectoryCard]:
    """Read the cards of ``ids`` (in that order) with their "ask me about" topics."""
    rows = (
        Leader.objects.filter(id__in=ids)
        .select_related("unit", "organisation")
        .prefetch_related(Prefetch("competencies", Competency.objects.select_related("topic")))
    )
    by_id = {leader.id: leader for leader in rows}
    cards = []
    for leader_id in ids:
        leader, other = by_id[leader_id], others[leader_id]
        scored = peer_score(profile, other)
        assert leader.unit is not None
        cards.append(
            DirectoryCard(
                id=leader.id,
                name=leader.full_name,
                role_title=leader.role_title,
                service_type=leader.unit.service_type,
                municipality=leader.organisation.name,
                ask_me_about=[
                    {"da": c.topic.label_da, "en": c.topic.label_en}
                    for c in leader.competencies.all()
                ],
                score=scored.score,
                reasons=render_all(
                    tuple(r for r in scored.reasons if r.code in CARD_REASONS), PEER_TEXTS
                ),
            )
        )
    return cards


def directory_list(*, actor: User, query: DirectoryQuery | None = None) -> Directory:
    """Return the calling leader's view of the shared peer directory.

    The asker sees cards only while their organisation is in the directory and they opted in
    themself; a card is of an active leader with a unit who opted in, of another organisation
    that is in the directory now, with a core task like the asker's (score > 0). Constant
    queries: the fingerprint, the asker, the organisations, the top cards (plus one to rebuild
    the index when the opted-in leaders changed).
    """
    q = query or DirectoryQuery()
    organisation, opted_in, profile = _me(actor)
    municipalities = municipalities_in_directory(exclude_id=organisation.id)
    standing = (organisation.peer_directory, opted_in)
    if not all(standing) or profile is None:
        return Directory(*standing, municipalities, [])
    found = directory_candidates()
    index = found.index
    allowed = np.isin(found.organisations, [m.id for m in municipalities])
    if q.municipality_id is not None:
        allowed &= found.organisations == q.municipality_id
    if q.service_type:
        allowed &= index.service_type == index.service_codes.get(q.service_type, -1)
    rows = peer_top(index, profile, allowed=allowed, limit=q.limit)
    ids = [int(found.ids[row]) for row in rows]
    others = {int(found.ids[row]): index.profiles[row] for row in rows}
    return Directory(*standing, municipalities, _cards(profile, ids, others))


def directory_list_exhaustive(*, actor: User, query: DirectoryQuery | None = None) -> Directory:
    """Return what :func:`directory_list` returns by reading every candidate and scoring them
    one by one (the reference path; no index, nothing kept between questions)."""
    q = query or DirectoryQuery()
    organisation, opted_in, profile = _me(actor)
    municipalities = municipalities_in_directory(exclude_id=organisation.id)
    standing = (organisation.peer_directory, opted_in)
    if not all(standing) or profile is None:
        return Directory(*standing, municipalities, [])
    candidates = _opted_in().filter(organisation_id__in=[m.id for m in municipalities])
    if q.municipality_id is not None:
        candidates = candidates.filter(organisation_id=q.municipality_id)
    if q.service_type:
        candidates = candidates.filter(unit__service_type=q.service_type)
    rows: list[ProfileRow] = list(candidates.values_list(*DIRECTORY_COLUMNS))
    ranked = rank_peers(profile, [directory_profile(r) for r in rows], limit=q.limit)
    others = {int(p.profile.id): p.profile for p in ranked}
    return Directory(*standing, municipalities, _cards(profile, list(others), others))


def directory_peer_visible(*, asker: Leader, other_id: int) -> Leader | None:
    """The leader ``other_id`` when the asker may see their card (and so ask for an
    introduction): both organisations in the directory, both leaders opted in, different
    organisations; else ``None``."""
    asker_in = Leader.objects.filter(
        id=asker.id, directory_discoverable=True, organisation__peer_directory=True
    ).exists()
    if not asker_in:
        return None
    return (
        _opted_in()
        .filter(id=other_id, organisation__peer_directory=True)
        .exclude(organisation_id=asker.organisation_id)
        .first()
    )


def cross_organisation_visible() -> Q:
    """The introductions a party still sees: every one inside an organisation, an accepted one
    across organisations (the contacts were shared), and any other across organisations only
    while both leaders and both organisations are in the directory (hidden at once otherwise)."""
    both_in = Q(
        from_leader__directory_discoverable=True,
        to_leader__directory_discoverable=True,
        from_leader__organisation__peer_directory=True,
        to_leader__organisation__peer_directory=True,
    )
    return Q(cross_organisation=False) | Q(status="accepted") | both_in
