"""Programmes, their mentees and mentors, and their figures (HR; a leader offers to mentor)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import (
    extend_schema,
    extend_schema_serializer,
    extend_schema_view,
)
from rest_framework import serializers, status
from rest_framework.generics import ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.api.filters import FilterBackend
from backend.api.permissions import (
    IsAuthenticatedUser,
    IsHR,
    IsOrgWideHR,
    WriteRolesMixin,
    request_user,
)
from backend.mentoring import analytics, selectors
from backend.mentoring.filters import EnrolmentFilter, status_parameter
from backend.mentoring.models import Enrolment, EntryRoute, MentorOffer, Programme
from backend.mentoring.serializers import (
    EnrolmentEnsureOutputSerializer,
    EnrolmentOutputSerializer,
    OfferOutputSerializer,
    ProgrammeAnalyticsSerializer,
    ProgrammeOutputSerializer,
)
from backend.mentoring.services import programmes as services


class ProgrammeInputSerializer(serializers.Serializer):
    """Fields HR sets on a programme."""

    name = serializers.CharField(max_length=200)
    starts_on = serializers.DateField()
    ends_on = serializers.DateField(required=False, allow_null=True)
    policy = serializers.JSONField(required=False)
    mode = serializers.ChoiceField(choices=Programme.Mode.choices, required=False)
    default_length_months = serializers.IntegerField(min_value=1, max_value=60, required=False)
    meeting_cadence_weeks = serializers.IntegerField(min_value=1, max_value=26, required=False)
    proposal_expiry_days = serializers.IntegerField(min_value=1, max_value=90, required=False)
    first_meeting_days = serializers.IntegerField(min_value=1, max_value=180, required=False)
    enrol_first_leader_job = serializers.BooleanField(required=False)
    enrol_promotion = serializers.BooleanField(required=False)
    enrol_other_sector = serializers.BooleanField(required=False)
    enrol_window_days = serializers.IntegerField(min_value=1, max_value=1000, required=False)

    def validate_policy(self, value: Any) -> dict[str, Any]:
        """The policy is an object (its fields are checked against the matcher's ``Policy``)."""
        if not isinstance(value, dict):
            raise serializers.ValidationError(_("The policy must be an object."))
        return value


class ProgrammeListCreateApi(WriteRolesMixin, ListAPIView[Programme]):
    """GET: the organisation's programmes (HR). POST: create one (HR for the organisation)."""

    queryset = Programme.objects.none()  # the model, for the schema; rows: get_queryset
    permission_classes = [IsHR]
    write_permission_classes = [IsOrgWideHR]
    serializer_class = ProgrammeOutputSerializer
    filter_backends = []

    def get_queryset(self) -> QuerySet[Programme]:
        return selectors.programmes_visible_to(actor=request_user(self.request))

    @extend_schema(request=ProgrammeInputSerializer, responses={201: ProgrammeOutputSerializer})
    def post(self, request: Request) -> Response:
        data = ProgrammeInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        programme = services.programme_create_as(actor=request_user(request), **data.validated_data)
        return Response(ProgrammeOutputSerializer(programme).data, status=status.HTTP_201_CREATED)


class ProgrammeDetailApi(WriteRolesMixin, APIView):
    """GET: one programme (HR). PATCH: change its settings (HR for the organisation)."""

    permission_classes = [IsHR]
    write_permission_classes = [IsOrgWideHR]

    @extend_schema(responses=ProgrammeOutputSerializer)
    def get(self, request: Request, programme_id: int) -> Response:
        programme = selectors.programme_for_hr_or_404(
            actor=request_user(request), programme_id=programme_id
        )
        return Response(ProgrammeOutputSerializer(programme).data)

    @extend_schema(request=ProgrammeInputSerializer, responses=ProgrammeOutputSerializer)
    def patch(self, request: Request, programme_id: int) -> Response:
        data = ProgrammeInputSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        programme = services.programme_update_as(
            actor=request_user(request), programme_id=programme_id, **data.validated_data
        )
        return Response(ProgrammeOutputSerializer(programme).data)


class ProgrammeAnalyticsApi(APIView):
    """GET: the programme's figures, per administration, small cells suppressed (HR)."""

    permission_classes = [IsHR]

    @extend_schema(responses=ProgrammeAnalyticsSerializer)
    def get(self, request: Request, programme_id: int) -> Response:
        figures = analytics.programme_analytics(
            actor=request_user(request), programme_id=programme_id
        )
        return Response(ProgrammeAnalyticsSerializer(figures).data)


# --- enrolment ----------------------------------------------------------------------------


@extend_schema_view(get=extend_schema(parameters=[status_parameter(Enrolment.Status.values)]))
class EnrolmentListCreateApi(ListAPIView[Enrolment]):
    """GET: the programme's mentees in scope (HR). POST: enrol a leader (HR)."""

    queryset = Enrolment.objects.none()  # the model, for the schema; rows: get_queryset
    permission_classes = [IsHR]
    serializer_class = EnrolmentOutputSerializer
    filter_backends = [FilterBackend]
    filterset_class = EnrolmentFilter

    @extend_schema_serializer(component_name="EnrolmentCreateInput")
    class InputSerializer(serializers.Serializer):
        """Who to enrol."""

        leader = serializers.IntegerField()
        route = serializers.ChoiceField(choices=EntryRoute.choices, default=EntryRoute.HR)
        second_mentorship_reason = serializers.CharField(
            max_length=400, required=False, allow_blank=True, default=""
        )

    def get_queryset(self) -> QuerySet[Enrolment]:
        return selectors.enrolments_for_hr(
            actor=request_user(self.request), programme_id=self.kwargs["programme_id"]
        )

    @extend_schema(request=InputSerializer, responses={201: EnrolmentOutputSerializer})
    def post(self, request: Request, programme_id: int) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        enrolment = services.enrolment_create_as(
            actor=request_user(request),
            programme_id=programme_id,
            leader_id=data.validated_data["leader"],
            route=data.validated_data["route"],
            second_mentorship_reason=data.validated_data["second_mentorship_reason"],
        )
        return Response(EnrolmentOutputSerializer(enrolment).data, status=status.HTTP_201_CREATED)


class EnrolmentEnsureApi(APIView):
    """POST: enrol every new leader the programme's rule covers (HR)."""

    permission_classes = [IsOrgWideHR]

    @extend_schema(request=None, responses=EnrolmentEnsureOutputSerializer)
    def post(self, request: Request, programme_id: int) -> Response:
        ensured = services.enrolment_ensure_new_leaders_as(
            actor=request_user(request), programme_id=programme_id
        )
        return Response(EnrolmentEnsureOutputSerializer(ensured).data)


class EnrolmentWithdrawApi(APIView):
    """POST: withdraw a mentee (HR in scope, or the mentee)."""

    permission_classes = [IsAuthenticatedUser]

    @extend_schema(request=None, responses=EnrolmentOutputSerializer)
    def post(self, request: Request, enrolment_id: int) -> Response:
        enrolment = services.enrolment_withdraw_as(
            actor=request_user(request), enrolment_id=enrolment_id
        )
        return Response(EnrolmentOutputSerializer(enrolment).data)


class ManualQueueApi(ListAPIView[Enrolment]):
    """GET: the programme's mentees HR must match by hand, with the reason."""

    queryset = Enrolment.objects.none()  # the model, for the schema; rows: get_queryset
    permission_classes = [IsHR]
    serializer_class = EnrolmentOutputSerializer
    filter_backends = []

    def get_queryset(self) -> QuerySet[Enrolment]:
        return selectors.manual_queue_for_hr(
            actor=request_user(self.request), programme_id=self.kwargs["programme_id"]
        )


# --- mentor offers ------------------------------------------------------------------------


class OfferInputSerializer(serializers.Serializer):
    """Capacity, hours, pause, topics and availability of an offer; HR's override reason."""

    capacity = serializers.IntegerField(min_value=0, max_value=10)
    hours_per_month = serializers.IntegerField(
        min_value=0, max_value=100, required=False, allow_null=True
    )
    paused = serializers.BooleanField(required=False, default=False)
    topics = serializers.ListField(child=serializers.IntegerField(), required=False, max_length=50)
    availability = serializers.CharField(max_length=400, required=False, allow_blank=True)
    override_reason = serializers.CharField(
        max_length=400,
        required=False,
        allow_blank=True,
        help_text="HR only: why a first-year leader or a mentee may mentor anyway.",
    )


class OfferListCreateApi(WriteRolesMixin, ListAPIView[MentorOffer]):
    """GET: the programme's mentors in scope (HR). POST: offer to mentor (the leader, or HR)."""

    queryset = MentorOffer.objects.none()  # the model, for the schema; rows: get_queryset
    permission_classes = [IsHR]
    write_permission_classes = [IsAuthenticatedUser]
    serializer_class = OfferOutputSerializer
    filter_backends = []

    @extend_schema_serializer(component_name="OfferCreateInput")
    class InputSerializer(OfferInputSerializer):
        """HR may name the leader; a leader offers themselves."""

        leader = serializers.IntegerField(required=False)

    def get_queryset(self) -> QuerySet[MentorOffer]:
        return selectors.offers_for_hr(
            actor=request_user(self.request), programme_id=self.kwargs["programme_id"]
        )

    @extend_schema(request=InputSerializer, responses={201: OfferOutputSerializer})
    def post(self, request: Request, programme_id: int) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        offer = services.mentor_offer_create_as(
            actor=request_user(request),
            programme_id=programme_id,
            leader_id=values.pop("leader", None),
            **values,
        )
        return Response(OfferOutputSerializer(offer).data, status=status.HTTP_201_CREATED)


class OfferUpdateApi(APIView):
    """PATCH: change capacity, hours or pause (the mentor, or HR in scope)."""

    permission_classes = [IsAuthenticatedUser]

    @extend_schema(request=OfferInputSerializer, responses=OfferOutputSerializer)
    def patch(self, request: Request, offer_id: int) -> Response:
        data = OfferInputSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        offer = services.mentor_offer_update_as(
            actor=request_user(request), offer_id=offer_id, **data.validated_data
        )
        return Response(OfferOutputSerializer(offer).data)
