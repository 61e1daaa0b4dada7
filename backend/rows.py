"""Reading one row by its key: one module the apps share.

``QuerySet.first()`` orders by the model's ordering (or the key) before taking a row, and for
a query that follows relations (``select_related`` over five tables: 60–150 columns) Django
hashes every selected column while compiling that ``ORDER BY`` — about a millisecond of CPU on
each read of a plan item, before the query is sent. A query that can match at most one row
needs no order at all.
"""

from __future__ import annotations

from typing import TypeVar

from django.db.models import Model, QuerySet

M = TypeVar("M", bound=Model)


def the_row(queryset: QuerySet[M]) -> M | None:
    """The one row of ``queryset`` (filtered by a unique key), or None; sent without ORDER BY."""
    return next(iter(queryset.order_by()), None)
