"""The public ties of the leader network as an edge array, straight from the database.

``leader_graph(...).G_public`` holds the same ties, but building a networkx graph costs
seconds at 40 000 leaders (a dict per edge), and a match run needs only which pairs are tied.
:func:`public_tie_pairs` reads the graph's public tie sources (``backend/networks/graph.py``)
in two queries and makes the pairs with numpy: boss and report, two leaders of one unit, two
leaders of one department of at most ``CLIQUE_LIMIT`` leaders, co-members of an open network
that is not informal with at most ``CLIQUE_LIMIT`` members, and mentorships (through
``hooks``). Only active leaders of the organisation are nodes, as in the graph; private ties
(informal and members-only networks) stay out. The cliques are made here rather than by a
self-join in SQL, whose plan on freshly loaded tables joined whole departments before
dropping the large ones. ``tests/backend/networks/test_public_ties.py`` checks the array
equals the graph's public edges.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from backend.networks import hooks
from backend.networks.graph import CLIQUE_LIMIT
from backend.networks.models import Membership, Network, NetworkKind
from backend.people.models import Leader

__all__ = ["public_tie_pairs"]

IntArray = npt.NDArray[np.int64]
_NONE = -1  # no unit, department or boss


def _column(rows: Sequence[Sequence[int | None]], k: int) -> IntArray:
    return np.array([_NONE if r[k] is None else r[k] for r in rows], dtype=np.int64)


def _group_pairs(groups: IntArray, members: IntArray, limit: int | None) -> IntArray:
    """Every pair of two members of one group (``_NONE``: in no group), for groups of at most
    ``limit`` distinct members (``None``: any size); an ``(k, 2)`` array."""
    keep = groups != _NONE
    groups, members = groups[keep], members[keep]
    order = np.lexsort((members, groups))
    groups, members = groups[order], members[order]
    fresh = np.ones(len(groups), dtype=bool)  # a member listed twice in a group counts once
    fresh[1:] = (groups[1:] != groups[:-1]) | (members[1:] != members[:-1])
    groups, members = groups[fresh], members[fresh]
    if not len(groups):
        return np.empty((0, 2), dtype=np.int64)
    starts = np.flatnonzero(np.r_[True, groups[1:] != groups[:-1]])
    sizes = np.diff(np.r_[starts, len(groups)]).astype(np.int64)
    if limit is not None:
        small = np.repeat(sizes <= limit, sizes)
        groups, members = groups[small], members[small]
        sizes = sizes[sizes <= limit]
    # Member p of a group pairs with each later member of the group: p+1, ..., the group's end.
    end = np.repeat(np.cumsum(sizes), sizes)
    later = end - np.arange(len(members)) - 1
    left = np.repeat(np.arange(len(members)), later)
    step = np.arange(len(left)) - np.repeat(np.cumsum(later) - later, later) + 1
    return np.column_stack((members[left], members[left + step]))


def _leader_pairs(organisation_id: int) -> list[IntArray]:
    """Ties of the line, the unit and the (small) department, from one query of leaders."""
    rows = list(
        Leader.objects.filter(organisation_id=organisation_id, active=True).values_list(
            "id", "boss_id", "unit_id", "unit__department_id"
        )
    )
    ids = _column(rows, 0)
    boss, unit, department = _column(rows, 1), _column(rows, 2), _column(rows, 3)
    reports = np.isin(boss, ids)  # a boss who is an active leader of the organisation
    line = np.column_stack((ids[reports], boss[reports]))
    return [line, _group_pairs(unit, ids, None), _group_pairs(department, ids, CLIQUE_LIMIT)]


def _network_pairs(organisation_id: int) -> IntArray:
    """Co-members of open, active networks that are not informal, counted among the
    organisation's active leaders (a larger network than ``CLIQUE_LIMIT`` adds no ties)."""
    rows = list(
        Membership.objects.filter(
            network__organisation_id=organisation_id,
            network__active=True,
            network__visibility=Network.Visibility.OPEN,
            leader__organisation_id=organisation_id,
            leader__active=True,
        )
        .exclude(network__kind=NetworkKind.INFORMAL)
        .values_list("network_id", "leader_id")
    )
    return _group_pairs(_column(rows, 0), _column(rows, 1), CLIQUE_LIMIT)


def _mentorship_pairs(organisation_id: int) -> IntArray:
    """Mentorships (active and past) between active leaders of the organisation."""
    pairs = [
        (t.mentee_id, t.mentor_id) for t in hooks.mentorship_ties(organisation_id=organisation_id)
    ]
    if not pairs:
        return np.empty((0, 2), dtype=np.int64)
    ids = {i for pair in pairs for i in pair}
    active = set(
        Leader.objects.filter(id__in=ids, organisation_id=organisation_id, active=True).values_list(
            "id", flat=True
        )
    )
    kept = [(a, b) for a, b in pairs if a in active and b in active]
    return np.array(kept, dtype=np.int64).reshape(-1, 2)


def public_tie_pairs(*, organisation_id: int) -> IntArray:
    """Every public tie of the organisation's leader network, once: an ``(k, 2)`` array of
    leader ids with ``a < b`` in each row, rows sorted (the edges of ``G_public``)."""
    parts = [
        *_leader_pairs(organisation_id),
        _network_pairs(organisation_id),
        _mentorship_pairs(organisation_id),
    ]
    pairs = np.concatenate([p.reshape(-1, 2) for p in parts])
    a, b = np.minimum(pairs[:, 0], pairs[:, 1]), np.maximum(pairs[:, 0], pairs[:, 1])
    order = np.lexsort((b, a))
    a, b = a[order], b[order]
    keep = a != b
    keep[1:] &= (a[1:] != a[:-1]) | (b[1:] != b[:-1])  # a tie of several sources counts once
    return np.column_stack((a[keep], b[keep]))
