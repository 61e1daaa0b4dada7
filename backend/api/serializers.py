"""Serializer helpers shared by the apps."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rest_framework import ISO_8601, serializers
from rest_framework import fields as drf_fields
from rest_framework.fields import SkipField
from rest_framework.relations import PKOnlyObject
from rest_framework.settings import api_settings

# Field types whose output is the model attribute itself (or a cheap conversion of it).
_AS_IS: tuple[type[drf_fields.Field], ...] = (
    drf_fields.ReadOnlyField,
    drf_fields.ChoiceField,
    drf_fields.JSONField,
)
_CONVERT: dict[type[drf_fields.Field], Callable[[Any], Any]] = {
    drf_fields.CharField: str,
    drf_fields.EmailField: str,
    drf_fields.SlugField: str,
    drf_fields.URLField: str,
    drf_fields.IntegerField: int,
    drf_fields.BooleanField: bool,
    drf_fields.DateField: lambda value: value.isoformat(),
}


def _as_is(value: Any) -> Any:
    return value


def _plain_getter(field: drf_fields.Field) -> Callable[[Any], Any] | None:
    """How to turn the model attribute into output for a plain field, or None for the rest."""
    if len(field.source_attrs) != 1 or isinstance(field, serializers.BaseSerializer):
        return None
    if type(field) in _CONVERT:
        date_format = getattr(field, "format", api_settings.DATE_FORMAT)
        if isinstance(field, drf_fields.DateField) and date_format != ISO_8601:
            return None
        return _CONVERT[type(field)]
    if type(field) in _AS_IS and not getattr(field, "binary", False):
        return _as_is
    return None


_MISSING = object()

Plan = list[tuple[str, str, Callable[[Any], Any] | None, drf_fields.Field]]


class FastReadMixin:
    """``to_representation`` for list rows without DRF's per-request, per-field machinery.

    DRF builds every field of a serializer anew for each response (model introspection, error
    messages) and then asks each field of each row for its attribute and representation: on a
    50-row page that costs more than the query. A serializer with this mixin builds its fields
    once per process and, for plain fields (text, numbers, booleans, ISO dates, read-only
    properties), reads the attribute directly; nested serializers, method fields and other
    fields go through DRF as usual. The output is the same dict
    (``tests/backend/api/test_fast_read.py`` compares them).

    Only for output that depends on the row alone: the fields are shared by every request, so
    a serializer that reads ``self.context`` (the request, the viewer) must not use it.
    """

    @classmethod
    def _read_plan(cls) -> Plan:
        plan: Plan | None = cls.__dict__.get("_fast_read_plan")
        if plan is None:
            prototype = cls()
            plan = [
                (
                    field.field_name,
                    field.source_attrs[0] if field.source_attrs else "",
                    _plain_getter(field),
                    field,
                )
                for field in prototype._readable_fields  # type: ignore[attr-defined]
            ]
            cls._fast_read_plan = plan  # type: ignore[attr-defined]
        return plan

    def to_representation(self, instance: Any) -> dict[str, Any]:
        """The row as a dict, in field order."""
        row: dict[str, Any] = {}
        for name, attr, convert, field in self._read_plan():
            if convert is not None:
                value = getattr(instance, attr, _MISSING)
                if value is not _MISSING and not callable(value):
                    row[name] = None if value is None else convert(value)
                    continue
            try:
                attribute = field.get_attribute(instance)
            except SkipField:
                continue
            check_for_none = attribute.pk if isinstance(attribute, PKOnlyObject) else attribute
            row[name] = None if check_for_none is None else field.to_representation(attribute)
        return row
