"""The one place where rows become :mod:`matching.peers` dataclasses (the peer scoring's mapper).

Like ``backend/mentoring/problem.py`` for the mentor matcher: the selectors read the rows and the
leader graph, this module turns them into plain facts, and ``matching.peers`` scores them. Ids
are leader ids as strings. Facts about a private network's members are computed here but
``matching.peers.suggestion_score`` uses them only over ``min_aggregate`` members.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import networkx as nx

from backend.networks.graph import LeaderGraph
from backend.networks.models import Network
from backend.people.models import Leader
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
    return PeerProfile(
        id=str(leader.id),
        service_type=unit.service_type,
        is_specialist=unit.is_specialist,
        target_group=unit.target_group,
        round_the_clock=unit.round_the_clock,
        solo=_solo(leader.id, graph),
        staff_count=unit.staff_count,
        sites=unit.sites,
        administration=str(administration.id),
        administration_name=administration.name,
        # Ties: by last name, then id (tab sorts before any letter, so this is tuple order).
        order=f"{leader.last_name}\t{leader.id:012d}",
    )


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
