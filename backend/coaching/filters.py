"""django-filter FilterSets for the coaching lists."""

from __future__ import annotations

import django_filters as df

from backend.coaching.models import Coach, CoachRequest


class CoachFilter(df.FilterSet):
    """Filters for the coach pool: ``?kind=`` and ``?status=``."""

    class Meta:
        model = Coach
        fields = ["kind", "status"]


class CoachRequestFilter(df.FilterSet):
    """Filters for requests: ``?status=``."""

    class Meta:
        model = CoachRequest
        fields = ["status"]
