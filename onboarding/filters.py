"""Filters for the onboarding lists (django-filter, the people app's style)."""

from __future__ import annotations

import django_filters as df
from django.db.models import QuerySet

from backend.api.filters import FilterSetWithDefaults
from onboarding import selectors
from onboarding.models import Plan


class PlanFilter(FilterSetWithDefaults):
    """Plan lists: ``status`` (default ``active``; ``all`` for every status) and the first days."""

    defaults = {"status": Plan.Status.ACTIVE}

    status = df.ChoiceFilter(
        choices=[*Plan.Status.choices, ("all", "All")],
        method="filter_status",
        help_text="Plans with this status; `all` for every status (default `active`).",
    )
    first_90_days = df.BooleanFilter(
        method="filter_first_days",
        help_text="Only leaders in their first 90 days in the role.",
    )

    class Meta:
        model = Plan
        fields: list[str] = []

    def filter_status(self, queryset: QuerySet[Plan], name: str, value: str) -> QuerySet[Plan]:
        """Keep the plans with this status (all of them for ``all``)."""
        return queryset if value == "all" else queryset.filter(status=value)

    def filter_first_days(self, queryset: QuerySet[Plan], name: str, value: bool) -> QuerySet[Plan]:
        """Keep the plans of leaders in their first 90 days when asked."""
        return queryset.filter(selectors.first_days_q()) if value else queryset
