"""The one place where rows become :mod:`matching.peers` dataclasses (the peer scoring's mapper).

Like ``backend/mentoring/problem.py`` for the mentor matcher: the selectors read the rows and the
leader graph, this module turns them into plain facts, and ``matching.peers`` scores them. Ids
are leader ids as strings. Facts about a private network's members are computed here but
``matching.peers.suggestion_score`` uses them only over ``min_aggregate`` members.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import cast

import networkx as nx
import numpy as np
import numpy.typing as npt

from backend.networks.graph import LeaderGraph
from backend.networks.models import Network
from backend.people.models import Leader
from matching.peer_index import PeerIndex, build_peer_index
from matching.peers import NetworkFacts, PeerProfile, SuggestionAsker

# A member's (service type, administration id, department id), read in one query.
MemberFacts = tuple[str | None, int | None, int | None]


def _solo(leader_id: int, graph: LeaderGraph) -> bool:
    """Leads alone: no other leader in the unit and nobody reporting to them."""
    if leader_id not in graph.leaders:
        return False
    G = graph.G
    colleagues = [
        other for other in G.neighbors(leader_id) if "unit" in G[leader_id][other]["ties"]
    ]
    return not colleagues and not graph.reports.get(leader_id)


def peer_profile(leader: Leader, graph: LeaderGraph) -> PeerProfile:
    """Return the leader's unit as the peer score sees it (the leader must have a unit, read
    with its department and administration)."""
    unit = leader.unit
    assert unit is not None, "peer_profile needs a leader with a unit"
    administration = unit.department.administration
    return _profile(
        (
            leader.id,
            leader.last_name,
            unit.service_type,
            unit.is_specialist,
            unit.target_group,
            unit.round_the_clock,
            unit.staff_count,
            unit.sites,
            administration.id,
            administration.name,
        ),
        graph,
    )


# The columns a peer profile is made of, in :data:`ProfileRow`'s order (values_list).
PROFILE_COLUMNS = (
    "id",
    "last_name",
    "unit__service_type",
    "unit__is_specialist",
    "unit__target_group",
    "unit__round_the_clock",
    "unit__staff_count",
    "unit__sites",
    "unit__department__administration_id",
    "unit__department__administration__name",
)
ProfileRow = tuple[int, str, str, bool, str, bool, int, int, int, str]


def _profile(row: ProfileRow, graph: LeaderGraph) -> PeerProfile:
    """Return the peer profile of one row of :data:`PROFILE_COLUMNS`."""
    (leader_id, last_name, service_type, specialist, target_group, round_the_clock, staff, sites,
     administration_id, administration_name) = row  # fmt: skip
    return PeerProfile(
        id=str(leader_id),
        service_type=service_type,
        is_specialist=specialist,
        target_group=target_group,
        round_the_clock=round_the_clock,
        solo=_solo(leader_id, graph),
        staff_count=staff,
        sites=sites,
        administration=str(administration_id),
        administration_name=administration_name,
        # Ties: by last name, then id (tab sorts before any letter, so this is tuple order).
        order=f"{last_name}\t{leader_id:012d}",
    )


@dataclass(frozen=True, eq=False)
class PeerCandidates:
    """The organisation's peer-finder candidates (active, discoverable, with a unit) as an index.

    Row ``i`` of ``index`` is leader ``ids[i]``; ``departments`` and ``administrations`` hold
    each row's department and administration ids for the finder's exclusions and filters.
    """

    index: PeerIndex
    ids: npt.NDArray[np.int64]
    departments: npt.NDArray[np.int64]
    administrations: npt.NDArray[np.int64]
    row_of: dict[int, int]


def peer_candidates(graph: LeaderGraph) -> PeerCandidates:
    """Return the organisation's peer index, built once per version of the leader graph.

    One query (no model instances); kept in the graph's memo, which lives exactly as long as the
    data it was built from (the graph's fingerprint includes leaders and units).
    """
    hit = graph.memo.get("peer_candidates")
    if isinstance(hit, PeerCandidates):
        return hit
    rows = list(
        Leader.objects.filter(
            organisation_id=graph.organisation_id,
            active=True,
            discoverable=True,
            unit__isnull=False,
        )
        .order_by("id")
        .values_list(*PROFILE_COLUMNS, "unit__department_id")
    )
    ids = np.fromiter((r[0] for r in rows), np.int64, len(rows))
    candidates = PeerCandidates(
        index=build_peer_index([_profile(cast(ProfileRow, r[:-1]), graph) for r in rows]),
        ids=ids,
        departments=np.fromiter((r[-1] for r in rows), np.int64, len(rows)),
        administrations=np.fromiter((r[8] for r in rows), np.int64, len(rows)),
        row_of={int(i): row for row, i in enumerate(ids)},
    )
    graph.memo["peer_candidates"] = candidates
    return candidates


def suggestion_asker(leader: Leader, *, is_new: bool) -> SuggestionAsker:
    """Return the leader as network suggestions see them."""
    return SuggestionAsker(
        service_type=leader.unit.service_type if leader.unit is not None else None,
        is_new=is_new,
    )


def network_facts(
    network: Network,
    *,
    leader: Leader,
    members: Sequence[int],
    graph: LeaderGraph,
    member_facts: Mapping[int, MemberFacts],
    mentor_id: int | None,
) -> NetworkFacts:
    """Return what the suggestion score needs to know about ``network``, seen from ``leader``.

    ``members`` are the network's members other than the leader; the resource allocation index
    (networkx) is summed over the leader's pairs with them on the full graph.
    """
    G = graph.G
    if leader.id in G and members:
        ra = sum(
            p for _u, _v, p in nx.resource_allocation_index(G, [(leader.id, m) for m in members])
        )
    else:
        ra = 0.0
    unit = leader.unit
    none: MemberFacts = (None, None, None)
    rows = [member_facts.get(m, none) for m in members]
    return NetworkFacts(
        kind=network.kind,
        private=network.is_private,
        members=len(members),
        resource_allocation=ra,
        known_members=sum(1 for m in members if G.has_edge(leader.id, m)),
        mentor_is_member=mentor_id is not None and mentor_id in members,
        same_service_members=sum(1 for r in rows if unit is not None and r[0] == unit.service_type),
        administrations=len({r[1] for r in rows} - {None}),
        department_member=unit is not None and any(r[2] == unit.department_id for r in rows),
        welcomes_newcomers=network.welcomes_newcomers,
        is_cohort=getattr(network, "cohort", None) is not None,
        theme=network.theme,
    )


# --- The shared peer directory across organisations (docs/directory.md) ----------------------
#
# Across organisations there is no common leader graph: nobody is "solo" by the graph, and the
# "administration" a profile carries is its organisation, so every candidate of another
# municipality earns the same "elsewhere" weight and the order rests on the core task.

DIRECTORY_COLUMNS = (*PROFILE_COLUMNS[:8], "organisation_id", "organisation__name")


def directory_profile(row: ProfileRow) -> PeerProfile:
    """Return the directory's peer profile of one row of :data:`DIRECTORY_COLUMNS`."""
    (leader_id, last_name, service_type, specialist, target_group, round_the_clock, staff, sites,
     organisation_id, organisation_name) = row  # fmt: skip
    return PeerProfile(
        id=str(leader_id),
        service_type=service_type,
        is_specialist=specialist,
        target_group=target_group,
        round_the_clock=round_the_clock,
        staff_count=staff,
        sites=sites,
        administration=f"org-{organisation_id}",
        administration_name=organisation_name,
        order=f"{last_name}\t{leader_id:012d}",
    )


@dataclass(frozen=True, eq=False)
class DirectoryCandidates:
    """Every leader who opted in to the shared directory (active, with a unit) as an index.

    Row ``i`` of ``index`` is leader ``ids[i]`` of organisation ``organisations[i]``. Whether
    the organisation is in the directory is not part of the index: it is read on every question,
    so an organisation that opts out is gone at once.
    """

    index: PeerIndex
    ids: npt.NDArray[np.int64]
    organisations: npt.NDArray[np.int64]


def directory_rows() -> list[ProfileRow]:
    """Every opted-in leader's directory row, in id order (one query, no model instances)."""
    rows = Leader.objects.filter(
        directory_discoverable=True, active=True, unit__isnull=False
    ).order_by("id")
    return [cast(ProfileRow, r) for r in rows.values_list(*DIRECTORY_COLUMNS)]


def build_directory_candidates(rows: Sequence[ProfileRow]) -> DirectoryCandidates:
    """Return the directory's index over ``rows`` (:func:`directory_rows`)."""
    return DirectoryCandidates(
        index=build_peer_index([directory_profile(r) for r in rows]),
        ids=np.fromiter((r[0] for r in rows), np.int64, len(rows)),
        organisations=np.fromiter((r[8] for r in rows), np.int64, len(rows)),
    )
