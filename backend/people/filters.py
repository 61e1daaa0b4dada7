"""django-filter FilterSets for the people list APIs (NetBox-like: ``?field=value``, ``q``)."""

from __future__ import annotations

import django_filters as df
from django.db.models import Q, QuerySet

from backend.people.models import (
    Administration,
    Department,
    Leader,
    LeadershipEducation,
    ServiceType,
    StaffContact,
    StaffFunctionKind,
    SupportNeed,
    Topic,
    Unit,
)


class _SearchMixin(df.FilterSet):
    """Adds ``q``: a case-insensitive search over ``search_fields``."""

    search_fields: tuple[str, ...] = ("name",)
    q = df.CharFilter(method="filter_q", label="Search")

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """Match any of the search fields, case-insensitively."""
        query = Q()
        for field in self.search_fields:
            query |= Q(**{f"{field}__icontains": value})
        return queryset.filter(query)


class AdministrationFilter(_SearchMixin):
    """Filters for administrations."""

    class Meta:
        model = Administration
        fields = ["code"]


class DepartmentFilter(_SearchMixin):
    """Filters for departments."""

    class Meta:
        model = Department
        fields = ["administration"]


class UnitFilter(_SearchMixin):
    """Filters for units."""

    search_fields = ("name", "code", "target_group")
    administration = df.NumberFilter(field_name="department__administration_id")
    service_type = df.MultipleChoiceFilter(choices=ServiceType.choices)

    class Meta:
        model = Unit
        fields = ["department", "is_specialist", "round_the_clock", "code"]


class StaffContactFilter(_SearchMixin):
    """Filters for the staff directory."""

    search_fields = ("name", "title", "email")
    kind = df.ChoiceFilter(field_name="staff_function__kind", choices=StaffFunctionKind.choices)
    unit = df.NumberFilter(field_name="units")
    administration = df.NumberFilter(field_name="administrations")

    class Meta:
        model = StaffContact
        fields = ["staff_function"]


class LeaderFilter(_SearchMixin):
    """Filters for leaders."""

    search_fields = ("first_name", "last_name", "role_title", "employee_number", "email")
    administration = df.NumberFilter(field_name="unit__department__administration_id")
    department = df.NumberFilter(field_name="unit__department_id")
    service_type = df.MultipleChoiceFilter(
        field_name="unit__service_type", choices=ServiceType.choices
    )
    leadership_education = df.MultipleChoiceFilter(choices=LeadershipEducation.choices)
    started_after = df.DateFilter(field_name="role_start_date", lookup_expr="gte")
    started_before = df.DateFilter(field_name="role_start_date", lookup_expr="lte")

    class Meta:
        model = Leader
        fields = ["unit", "boss", "active", "first_leader_job", "discoverable", "employee_number"]


class TopicFilter(_SearchMixin):
    """Filters for topics."""

    search_fields = ("slug", "label_da", "label_en")

    class Meta:
        model = Topic
        fields = ["active", "slug"]


class SupportNeedFilter(df.FilterSet):
    """Filters for support needs (never on the note)."""

    topic = df.NumberFilter(field_name="topic_id")
    topic_slug = df.CharFilter(field_name="topic__slug")
    administration = df.NumberFilter(field_name="leader__unit__department__administration_id")

    class Meta:
        model = SupportNeed
        fields = ["status", "weight", "source", "leader"]
