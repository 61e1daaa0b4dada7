"""The filter backend every list endpoint uses."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django_filters import FilterSet
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import filters
from rest_framework.request import Request


class FilterBackend(DjangoFilterBackend):
    """django-filter's backend, passed by when the query names no filter.

    A FilterSet builds a Django form (deep copies of every field) even when the query has no
    filter in it: a sixth of the time of a list read such as ``/api/leaders/?page=7``. When the
    query holds only paging and ordering, there is nothing to filter and the queryset passes
    through unchanged; any other parameter goes to django-filter as before (and a bad value is
    still a 400 with the field named). A FilterSet with ``defaults`` (a filter that applies when
    the query does not name it, such as plans' ``status=active``) is always run.
    """

    not_filters = frozenset({"page", "page_size", "ordering", "format"})

    def filter_queryset(self, request: Request, queryset: QuerySet[Any], view: Any) -> Any:
        """Filter by the query's filter parameters, if it has any."""
        filterset_class = getattr(view, "filterset_class", None)
        if not getattr(filterset_class, "defaults", None) and self.not_filters.issuperset(
            request.query_params.keys()
        ):
            return queryset
        return super().filter_queryset(request, queryset, view)


class FilterSetWithDefaults(FilterSet):
    """A FilterSet whose ``defaults`` apply when the query does not name those filters."""

    defaults: dict[str, str] = {}

    def __init__(self, data: Any = None, *args: Any, **kwargs: Any) -> None:
        merged = data.copy() if data is not None else {}  # a QueryDict keeps repeated keys
        for name, value in self.defaults.items():
            if name not in merged:
                merged[name] = value
        super().__init__(merged, *args, **kwargs)


class OrderingFilter(filters.OrderingFilter):
    """DRF's ``?ordering=``, with the primary key as the last key.

    Ordering by a field that is not unique (a name, a date, a head count) leaves ties in
    whatever order the database likes, so pages could repeat or skip rows; the key settles
    them. It also keeps ties from saying more than the field: networks whose suppressed head
    count is ``null`` sort among themselves by key, never by their true size.
    """

    def get_ordering(self, request: Request, queryset: QuerySet[Any], view: Any) -> Any:
        """The client's (or the view's) ordering, then ``pk`` unless already there."""
        ordering = super().get_ordering(request, queryset, view)
        if not ordering:
            return ordering
        keys = [key.lstrip("-") for key in ordering if isinstance(key, str)]
        if any(key in ("pk", "id") for key in keys):
            return ordering
        return [*ordering, "pk"]
