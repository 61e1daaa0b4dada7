"""Inserting many rows at once, fast on PostgreSQL: one module the apps share.

``bulk_create`` binds every value as a parameter client-side, which for JSON columns costs
about a millisecond a row (10 000 proposals: seconds). PostgreSQL's COPY streams the rows in
one round trip instead, inside the surrounding transaction. Other databases (SQLite, the
embedded default) use ``bulk_create``.

Two doors: :func:`bulk_insert` takes unsaved model instances; :func:`bulk_insert_rows` takes
the values of some columns as tuples and builds no instance on PostgreSQL (a match run's
50 000 suggestions: creating the instances alone took over a second). JSON is written with
orjson where it gives the same JSON as ``json.dumps`` (plain values, no custom encoder).
"""

from __future__ import annotations

import json
import operator
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import orjson
from django.db import connection, models

__all__ = ["bulk_insert", "bulk_insert_rows"]

_ORJSON = orjson.OPT_SERIALIZE_NUMPY


def bulk_insert(model: type[models.Model], objs: Sequence[models.Model]) -> None:
    """Insert ``objs`` (unsaved instances of ``model``) without reading their ids back.

    Every concrete column but an automatic primary key is written with the value Django would
    save (``pre_save`` fills ``auto_now_add`` dates; defaults were set on the instances), so
    the rows equal what ``bulk_create`` writes. Signals are not sent (neither does
    ``bulk_create``) and the instances keep ``pk=None``.
    """
    if not objs:
        return
    if connection.vendor != "postgresql":
        model._default_manager.bulk_create(objs, batch_size=2000)
        return
    fields = _columns(model)
    prepare = [_preparer(f) for f in fields]
    _copy(model, fields, ([p(obj) for p in prepare] for obj in objs))


def bulk_insert_rows(
    model: type[models.Model], fields: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    """Insert rows given as the values of ``fields`` (attribute names such as ``"run_id"``, in
    that order), without reading ids back; what ``bulk_create`` would write for instances
    ``model(**dict(zip(fields, row)))``.

    Every other column takes the value a new instance has (its default, ``auto_now_add``'s
    time), computed once for all the rows. On PostgreSQL no instance is built: the given values
    are written as the columns store them (JSON as text, foreign keys as ids, other types
    through the field); only plain JSON-able values, numbers, text, booleans and ids for the
    given columns are expected.
    """
    if not rows:
        return
    if connection.vendor != "postgresql":
        objs = [model(**dict(zip(fields, row, strict=True))) for row in rows]
        model._default_manager.bulk_create(objs, batch_size=2000)
        return
    columns = _columns(model)
    given = {name: k for k, name in enumerate(fields)}
    template = model(**dict(zip(fields, rows[0], strict=True)))
    unknown = set(given) - {f.attname for f in columns}
    if unknown:
        raise ValueError(f"not columns of {model.__name__}: {sorted(unknown)}")
    steps: list[Callable[[Sequence[Any]], Any]] = []
    for f in columns:
        if f.attname in given:
            steps.append(_value_preparer(f, given[f.attname]))
        else:
            steps.append(_constant(_preparer(f)(template)))
    _copy(model, columns, ([step(row) for step in steps] for row in rows))


def _columns(model: type[models.Model]) -> list[models.Field[Any, Any]]:
    """Every concrete column but an automatic primary key."""
    return [
        f
        for f in model._meta.concrete_fields
        if not (f.primary_key and isinstance(f, models.AutoField | models.BigAutoField))
    ]


def _copy(
    model: type[models.Model], fields: Sequence[models.Field[Any, Any]], rows: Iterable[list[Any]]
) -> None:
    columns = ", ".join(connection.ops.quote_name(str(f.column)) for f in fields)
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        raw = cursor.cursor  # the psycopg cursor under Django's wrapper
        with raw.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)


def _constant(value: Any) -> Callable[[Sequence[Any]], Any]:
    return lambda _row: value


def _json_text(field: models.JSONField[Any, Any], value: Any) -> str | None:
    """The JSON text of a value: what ``bulk_create`` sends (``json.dumps`` with the field's
    encoder), written by orjson when the field has no encoder and orjson takes the value
    (same JSON: compact separators only)."""
    if value is None:
        return None
    if field.encoder is None:
        try:
            return orjson.dumps(value, option=_ORJSON).decode()
        except TypeError:  # e.g. keys that are not strings: json.dumps turns them into text
            pass
    return json.dumps(value, cls=field.encoder)


def _value_preparer(field: models.Field[Any, Any], index: int) -> Callable[[Sequence[Any]], Any]:
    """How a given value (position ``index`` of a row) is written to ``field``'s column."""
    if isinstance(field, models.JSONField):
        json_field = field
        return lambda row: _json_text(json_field, row[index])
    if (isinstance(field, _PLAIN) and not field.choices) or isinstance(field, models.ForeignKey):
        return operator.itemgetter(index)
    return lambda row: field.get_db_prep_save(row[index], connection)


def _preparer(field: models.Field[Any, Any]) -> Callable[[models.Model], Any]:
    """How one column's value is taken from an instance: the attribute itself for plain
    numbers, text, booleans and keys (what ``get_db_prep_save`` gives them), JSON as the text
    ``bulk_create`` would send, anything else (dates, ``auto_now_add``) through the field."""
    attname = field.attname
    if isinstance(field, models.JSONField):
        json_field = field
        return lambda obj: _json_text(json_field, getattr(obj, attname))
    if (isinstance(field, _PLAIN) and not field.choices) or isinstance(field, models.ForeignKey):
        return operator.attrgetter(attname)
    return lambda obj: field.get_db_prep_save(field.pre_save(obj, True), connection)


_PLAIN = (
    models.IntegerField,
    models.FloatField,
    models.CharField,
    models.TextField,
    models.BooleanField,
)
