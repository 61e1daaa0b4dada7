"""Pagination for every list endpoint."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page
from django.core.paginator import Paginator as DjangoPaginator
from django.db.models import QuerySet
from rest_framework.pagination import PageNumberPagination


class Pagination(PageNumberPagination):
    """Page-number pagination; clients may ask for up to 500 rows with ``page_size``."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500


class KeysFirstPaginator(DjangoPaginator):
    """Fetch a page's primary keys first, then only those rows with their joins.

    A deep page of a large, joined list (``?page=150`` of 10 000 leaders) otherwise makes the
    database join and sort every row before the offset; the keys alone come from an index. One
    query more per page, the same rows in the same order.
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
