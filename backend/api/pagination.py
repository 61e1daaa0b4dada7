"""Pagination for every list endpoint."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page
from django.core.paginator import Paginator as DjangoPaginator
from django.db.models import QuerySet
from rest_framework.pagination import PageNumberPagination


class Paginator(DjangoPaginator):
    """Django's paginator, reading the first page before counting.

    Most lists people open are short and seen from their first page (my notifications, my
    plan, my items). Django counts the rows, then reads the page: two queries. Here the first
    page is read first; when it is not full it is the whole list, and its length is the count.
    Other pages, and a full first page, are counted as usual.
    """

    def page(self, number: Any) -> Page:
        """The page; a first page that is not full gives the count without a query."""
        if not isinstance(self.object_list, QuerySet) or "count" in self.__dict__:
            return super().page(number)
        try:
            first = int(number) == 1
        except (TypeError, ValueError):
            first = False
        if not first or self.orphans:
            return super().page(number)
        rows = list(self.object_list[: self.per_page])
        if len(rows) < self.per_page:
            self.__dict__["count"] = len(rows)  # ``count`` is a cached property
        return Page(rows, 1, self)


class Pagination(PageNumberPagination):
    """Page-number pagination; clients may ask for up to 500 rows with ``page_size``."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500
    django_paginator_class = Paginator


class KeysFirstPaginator(Paginator):
    """Fetch a page's primary keys first, then only those rows with their joins.

    A deep page of a large, joined list (``?page=150`` of 10 000 leaders) otherwise makes the
    database join and sort every row before the offset; the keys alone come from an index. One
    query more per page, the same rows in the same order. The first page is read directly, as
    ``Paginator`` does: the database stops after its rows.
    """

    def page(self, number: Any) -> Page:
        """The page, its rows read by key (``self.object_list`` keeps the joins)."""
        page = super().page(number)
        if isinstance(page.object_list, QuerySet) and isinstance(self.object_list, QuerySet):
            keys = list(page.object_list.values_list("pk", flat=True))
            rows = {row.pk: row for row in self.object_list.filter(pk__in=keys)}
            page.object_list = [rows[key] for key in keys if key in rows]
        return page


class KeysFirstPagination(Pagination):
    """``Pagination`` for large lists with joins: see ``KeysFirstPaginator``."""

    django_paginator_class = KeysFirstPaginator
