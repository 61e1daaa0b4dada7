"""django-filter FilterSets for the mentoring list APIs (``?status=...``, ``?run=...``)."""

from __future__ import annotations

import django_filters as df
from drf_spectacular.utils import OpenApiParameter

from backend.mentoring.models import Enrolment, Mentorship, Proposal

_BY_STATUS = "Only those with this status."


def status_parameter(values: list[str]) -> OpenApiParameter:
    """The ``status`` filter in the API schema: its values, without their (Danish) labels."""
    return OpenApiParameter("status", str, enum=values, description=_BY_STATUS)


class EnrolmentFilter(df.FilterSet):
    """Filters for a programme's mentees."""

    status = df.ChoiceFilter(choices=Enrolment.Status.choices, help_text=_BY_STATUS)

    class Meta:
        model = Enrolment
        fields = ["status"]


class ProposalFilter(df.FilterSet):
    """Filters for a programme's proposals."""

    status = df.ChoiceFilter(choices=Proposal.Status.choices, help_text=_BY_STATUS)
    run = df.NumberFilter(field_name="run_id", help_text="Only proposals of this match run.")

    class Meta:
        model = Proposal
        fields = ["status", "run"]


class MentorshipFilter(df.FilterSet):
    """Filters for pairs."""

    status = df.ChoiceFilter(choices=Mentorship.Status.choices, help_text=_BY_STATUS)
    programme = df.NumberFilter(
        field_name="programme_id", help_text="Only pairs of this programme."
    )

    class Meta:
        model = Mentorship
        fields = ["status", "programme"]
