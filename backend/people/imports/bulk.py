"""Linear-time bulk writes for the import: prepared statements run with ``executemany``.

Django's ``bulk_update`` builds a ``CASE WHEN id = ... THEN ...`` per field and batch, which
grows quadratically with the batch (10 000 leaders took minutes on SQLite), and ``bulk_create``
spends most of its time compiling multi-row ``VALUES`` lists in Python. Here an update is one
``UPDATE ... WHERE id = %s`` and an insert one multi-row ``INSERT`` (plus one for the last,
shorter batch), each handed to the driver's ``executemany`` (SQLite loops in C; psycopg 3
pipelines): linear in the rows, and one or two queries as Django counts them. Values go through the
fields' own ``pre_save``/``get_db_prep_save``, so dates, decimals, JSON and ``auto_now``
timestamps are stored exactly as ``save()`` would store them.

Neither function sends signals nor runs ``save()``; callers validate first.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, cast

from django.db import connections, models, router
from django.db.backends.base.base import BaseDatabaseWrapper

# Fields whose Python value the database drivers take as is (str, bool, int, None).
_PASS_THROUGH = (
    models.CharField,
    models.TextField,
    models.BooleanField,
    models.IntegerField,
    models.ForeignKey,
)


def _preparer(
    field: models.Field[Any, Any], connection: BaseDatabaseWrapper
) -> Callable[[Any], Any]:
    if isinstance(field, _PASS_THROUGH) and not isinstance(field, models.JSONField):
        return lambda value: value
    return lambda value: field.get_db_prep_save(value, connection)


def rows_insert(model: type[models.Model], rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert ``rows`` (field attname -> value; missing fields take their default).

    Primary keys are not returned: the caller reads them back by a natural key (a unit's code,
    a leader's employee number) in one query.
    """
    if not rows:
        return
    connection = connections[router.db_for_write(model)]
    meta = model._meta
    fields = [f for f in meta.concrete_fields if not f.primary_key]
    quote = connection.ops.quote_name
    head = "INSERT INTO {} ({}) VALUES ".format(
        quote(meta.db_table), ", ".join(quote(str(f.column)) for f in fields)
    )
    one = "({})".format(", ".join(["%s"] * len(fields)))
    defaults: list[Any] = []
    for f in fields:
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
            defaults.append(f.pre_save(model(), add=True))  # one timestamp for the batch
        else:
            defaults.append(f.get_default())
    preparers = [_preparer(f, connection) for f in fields]
    attnames = [f.attname for f in fields]
    values = [
        prepare(row.get(attname, default))
        for row in rows
        for attname, default, prepare in zip(attnames, defaults, preparers, strict=True)
    ]
    # Rows go in several to a statement (as many as the backend's parameter limit allows, at
    # most 100): far fewer round trips and statements than one row each.
    batch = max(1, min(100, connection.ops.bulk_batch_size(fields, rows)))
    width = len(fields) * batch
    full = len(rows) // batch
    with connection.cursor() as cursor:
        if full:
            cursor.executemany(
                head + ", ".join([one] * batch),
                [values[i * width : (i + 1) * width] for i in range(full)],
            )
        rest = len(rows) - full * batch
        if rest:
            cursor.execute(head + ", ".join([one] * rest), values[full * width :])


def rows_update(
    model: type[models.Model], fields: Sequence[str], rows: Sequence[tuple[Any, Sequence[Any]]]
) -> None:
    """Set ``fields`` (names) of each ``(pk, values)`` row with one prepared ``UPDATE``."""
    if not rows or not fields:
        return
    connection = connections[router.db_for_write(model)]
    meta = model._meta
    columns = [cast("models.Field[Any, Any]", meta.get_field(name)) for name in fields]
    quote = connection.ops.quote_name
    assignments = ", ".join(f"{quote(str(f.column))} = %s" for f in columns)
    pk_column = str(meta.pk.column) if meta.pk is not None else "id"
    sql = f"UPDATE {quote(meta.db_table)} SET {assignments} WHERE {quote(pk_column)} = %s"
    preparers = [_preparer(f, connection) for f in columns]
    params = [
        [prepare(value) for prepare, value in zip(preparers, values, strict=True)] + [pk]
        for pk, values in rows
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)
