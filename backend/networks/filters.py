"""django-filter FilterSets for the networks list APIs (``?field=value``, ``q``)."""

from __future__ import annotations

import django_filters as df
from django.db.models import Q, QuerySet

from backend.networks.models import Membership, Network, NetworkKind


class NetworkFilter(df.FilterSet):
    """Filters for networks."""

    search_fields = ("name", "theme", "description")
    q = df.CharFilter(method="filter_q", label="Search")
    kind = df.MultipleChoiceFilter(choices=NetworkKind.choices)

    class Meta:
        model = Network
        fields = ["visibility", "active", "welcomes_newcomers"]

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """Match the name, theme or description, case-insensitively."""
        query = Q()
        for field in self.search_fields:
            query |= Q(**{f"{field}__icontains": value})
        return queryset.filter(query)


class MembershipFilter(df.FilterSet):
    """Filters for memberships."""

    class Meta:
        model = Membership
        fields = ["role"]
