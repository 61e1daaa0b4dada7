"""django-filter FilterSet for the inbox (``?kind=...``, ``?unread=true``)."""

from __future__ import annotations

import django_filters as df
from django.db.models import QuerySet

from backend.notifications.models import Notification


class NotificationFilter(df.FilterSet):
    """Filters for the user's own notifications."""

    kind = df.CharFilter(help_text="Only notifications of this kind.")
    unread = df.BooleanFilter(method="filter_unread", help_text="Only unread (true) or read.")

    class Meta:
        model = Notification
        fields = ["kind", "unread"]

    def filter_unread(
        self, queryset: QuerySet[Notification], name: str, value: bool | None
    ) -> QuerySet[Notification]:
        if value is None:
            return queryset
        return queryset.filter(read_at__isnull=value)
