"""The public ties of the leader network as an edge array, straight from the database.

``leader_graph(...).G_public`` holds the same ties, but building a networkx graph costs
seconds at 40 000 leaders (a dict per edge), and a match run needs only which pairs are tied.
:func:`public_tie_pairs` asks the database for exactly the graph's public tie sources
(``backend/networks/graph.py``): boss and report, two leaders of one unit, two leaders of one
department of at most ``CLIQUE_LIMIT`` leaders, co-members of an open network that is not
informal with at most ``CLIQUE_LIMIT`` members, and mentorships (through ``hooks``). Only
active leaders of the organisation are nodes, as in the graph; private ties (informal and
members-only networks) stay out. ``tests/backend/networks/test_public_ties.py`` checks the
array equals the graph's public edges.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt
from django.db import connection
from django.db.models import Count, F, QuerySet

from backend.networks import hooks
from backend.networks.graph import CLIQUE_LIMIT
from backend.networks.models import Membership, Network, NetworkKind
from backend.people.models import Leader

__all__ = ["public_tie_pairs"]

IntArray = npt.NDArray[np.int64]


def _active(organisation_id: int, prefix: str = "") -> dict[str, object]:
    """Filter: the leader behind ``prefix`` is an active leader of the organisation."""
    return {f"{prefix}organisation_id": organisation_id, f"{prefix}active": True}


def _small_departments(organisation_id: int) -> QuerySet[Any, Any]:
    """Departments with at most ``CLIQUE_LIMIT`` active leaders (a larger one adds no ties)."""
    return (
        Leader.objects.filter(**_active(organisation_id), unit__department__isnull=False)
        .values("unit__department_id")
        .annotate(n=Count("id"))
        .filter(n__lte=CLIQUE_LIMIT)
        .values("unit__department_id")
    )


def _small_public_networks(organisation_id: int) -> QuerySet[Any, Any]:
    """Active open networks, not informal, with at most ``CLIQUE_LIMIT`` active members."""
    return (
        Membership.objects.filter(
            network__organisation_id=organisation_id,
            network__active=True,
            network__visibility=Network.Visibility.OPEN,
            **_active(organisation_id, "leader__"),
        )
        .exclude(network__kind=NetworkKind.INFORMAL)
        .values("network_id")
        .annotate(n=Count("leader_id"))
        .filter(n__lte=CLIQUE_LIMIT)
        .values("network_id")
    )


def _sources(organisation_id: int) -> list[QuerySet[Any, Any]]:
    """One ``(a, b)`` query per tie source (pairs in either order, repeats possible)."""
    line = Leader.objects.filter(
        **_active(organisation_id), **_active(organisation_id, "boss__")
    ).values_list("id", "boss_id")
    unit = Leader.objects.filter(
        **_active(organisation_id),
        **_active(organisation_id, "unit__leaders__"),
        unit__leaders__id__gt=F("id"),
    ).values_list("id", "unit__leaders__id")
    department = Leader.objects.filter(
        **_active(organisation_id),
        **_active(organisation_id, "unit__department__units__leaders__"),
        unit__department__units__leaders__id__gt=F("id"),
        unit__department_id__in=_small_departments(organisation_id),
    ).values_list("id", "unit__department__units__leaders__id")
    network = Membership.objects.filter(
        network_id__in=_small_public_networks(organisation_id),
        **_active(organisation_id, "leader__"),
        **_active(organisation_id, "network__memberships__leader__"),
        network__memberships__leader_id__gt=F("leader_id"),
    ).values_list("leader_id", "network__memberships__leader_id")
    return [line, unit, department, network]


def _fetch(queryset: QuerySet[Any, Any]) -> IntArray:
    """The query's rows as an ``(k, 2)`` array, read with the database cursor (no row objects)."""
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return np.array(rows, dtype=np.int64).reshape(-1, 2)


def _mentorship_pairs(organisation_id: int) -> IntArray:
    """Mentorships (active and past) between active leaders of the organisation."""
    pairs = [
        (t.mentee_id, t.mentor_id) for t in hooks.mentorship_ties(organisation_id=organisation_id)
    ]
    if not pairs:
        return np.empty((0, 2), dtype=np.int64)
    ids = {i for pair in pairs for i in pair}
    active = set(
        Leader.objects.filter(id__in=ids, **_active(organisation_id)).values_list("id", flat=True)
    )
    kept = [(a, b) for a, b in pairs if a in active and b in active and a != b]
    return np.array(kept, dtype=np.int64).reshape(-1, 2)


def public_tie_pairs(*, organisation_id: int) -> IntArray:
    """Every public tie of the organisation's leader network, once: an ``(k, 2)`` array of
    leader ids with ``a < b`` in each row, rows sorted (the edges of ``G_public``)."""
    parts = [_fetch(q) for q in _sources(organisation_id)]
    parts.append(_mentorship_pairs(organisation_id))
    pairs = np.concatenate(parts)
    a, b = np.minimum(pairs[:, 0], pairs[:, 1]), np.maximum(pairs[:, 0], pairs[:, 1])
    order = np.lexsort((b, a))
    a, b = a[order], b[order]
    keep = a != b
    keep[1:] &= (a[1:] != a[:-1]) | (b[1:] != b[:-1])  # a tie of several sources counts once
    return np.column_stack((a[keep], b[keep]))
