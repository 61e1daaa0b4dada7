"""The catalogue's doors: offers (everyone reads, HR for the organisation edits), a leader's
requests, and HR's board of requests."""

from __future__ import annotations

from typing import Any

import django_filters as df
from django.db.models import Q, QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.generics import ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.api.permissions import (
    IsHR,
    IsLeaderUser,
    IsOrganisationMember,
    IsOrgWideHR,
    WriteRolesMixin,
    request_user,
)
from backend.catalogue import selectors, services
from backend.catalogue.models import Offer, OfferRequest
from backend.people.serializers import StaffFunctionSerializer


class StaffOfferConsultantSerializer(serializers.Serializer):
    """Who delivers an offer: a consultant of the staff function."""

    id = serializers.IntegerField()
    name = serializers.CharField()
    title = serializers.CharField()
    email = serializers.CharField()  # may be empty: not an e-mail format in the schema
    phone = serializers.CharField()


class StaffOfferOutputSerializer(serializers.ModelSerializer[Offer]):
    """An offer of a staff function, who delivers it and its topics."""

    staff_function = StaffFunctionSerializer(read_only=True)
    delivered_by = StaffOfferConsultantSerializer(read_only=True, allow_null=True)
    topic_ids = serializers.SerializerMethodField()

    class Meta:
        model = Offer
        fields = [
            "id",
            "staff_function",
            "delivered_by",
            "title_da",
            "title_en",
            "description_da",
            "description_en",
            "topic_ids",
            "duration",
            "timing",
            "active",
        ]
        read_only_fields = fields

    def get_topic_ids(self, offer: Offer) -> list[int]:
        return [topic.id for topic in offer.topics.all()]


class StaffOfferInputSerializer(serializers.Serializer):
    """An offer as HR writes it."""

    staff_function_id = serializers.IntegerField(min_value=1)
    delivered_by_id = serializers.IntegerField(min_value=1, allow_null=True, required=False)
    title_da = serializers.CharField(max_length=200)
    title_en = serializers.CharField(max_length=200, required=False, allow_blank=True)
    description_da = serializers.CharField(max_length=4000, required=False, allow_blank=True)
    description_en = serializers.CharField(max_length=4000, required=False, allow_blank=True)
    topic_ids = serializers.ListField(
        child=serializers.IntegerField(min_value=1), max_length=100, required=False
    )
    duration = serializers.CharField(max_length=200, required=False, allow_blank=True)
    timing = serializers.CharField(max_length=200, required=False, allow_blank=True)
    active = serializers.BooleanField(required=False)


class StaffOfferFilter(df.FilterSet):
    """``?topic=``, ``?staff_function=``, ``?active=`` and ``?q=`` (title and description)."""

    topic = df.NumberFilter(field_name="topics", distinct=True)
    staff_function = df.NumberFilter(field_name="staff_function_id")
    active = df.BooleanFilter()
    q = df.CharFilter(method="filter_q", label="Search")

    class Meta:
        model = Offer
        fields = ["topic", "staff_function", "active", "q"]

    def filter_q(self, queryset: QuerySet[Offer], name: str, value: str) -> QuerySet[Offer]:
        """Any word of the search in a title or a description, in either language."""
        query = Q()
        for field in ("title_da", "title_en", "description_da", "description_en"):
            query |= Q(**{f"{field}__icontains": value})
        return queryset.filter(query)


class OfferListApi(WriteRolesMixin, ListAPIView[Offer]):
    """GET: the catalogue (active offers; HR sees all). POST: HR publishes an offer."""

    permission_classes = [IsOrganisationMember]
    write_permission_classes = [IsOrgWideHR]
    serializer_class = StaffOfferOutputSerializer
    filterset_class = StaffOfferFilter
    ordering_fields = ["title_da", "staff_function__kind"]

    def get_queryset(self) -> QuerySet[Offer]:
        if getattr(self, "swagger_fake_view", False):
            return Offer.objects.none()
        return selectors.offer_list(actor=request_user(self.request))

    @extend_schema(request=StaffOfferInputSerializer, responses={201: StaffOfferOutputSerializer})
    def post(self, request: Request) -> Response:
        data = StaffOfferInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        row = services.offer_create_as(actor=request_user(request), **data.validated_data)
        return Response(StaffOfferOutputSerializer(row).data, status=status.HTTP_201_CREATED)


class OfferDetailApi(WriteRolesMixin, APIView):
    """GET: one offer. PATCH: HR edits it. DELETE: HR removes one nobody has requested."""

    permission_classes = [IsOrganisationMember]
    write_permission_classes = [IsOrgWideHR]

    @extend_schema(responses=StaffOfferOutputSerializer)
    def get(self, request: Request, staff_offer_id: int) -> Response:
        row = selectors.offer_detail(actor=request_user(request), offer_id=staff_offer_id)
        return Response(StaffOfferOutputSerializer(row).data)

    @extend_schema(
        request=StaffOfferInputSerializer(partial=True), responses=StaffOfferOutputSerializer
    )
    def patch(self, request: Request, staff_offer_id: int) -> Response:
        data = StaffOfferInputSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        row = services.offer_update_as(
            actor=request_user(request), offer_id=staff_offer_id, **data.validated_data
        )
        return Response(StaffOfferOutputSerializer(row).data)

    @extend_schema(responses={204: None})
    def delete(self, request: Request, staff_offer_id: int) -> Response:
        services.offer_delete_as(actor=request_user(request), offer_id=staff_offer_id)
        return Response(status=status.HTTP_204_NO_CONTENT)


class StaffRequestLeaderSerializer(serializers.Serializer):
    """The leader who asked, and their unit and administration."""

    id = serializers.IntegerField()
    first_name = serializers.CharField()
    last_name = serializers.CharField()
    role_title = serializers.CharField()
    unit_name = serializers.SerializerMethodField()
    administration_name = serializers.SerializerMethodField()

    def get_unit_name(self, leader: Any) -> str:
        return leader.unit.name if leader.unit else ""

    def get_administration_name(self, leader: Any) -> str:
        return leader.unit.department.administration.name if leader.unit else ""


class StaffOfferRequestOutputSerializer(serializers.ModelSerializer[OfferRequest]):
    """A request for an offer: the leader's message and timing, and where it stands."""

    offer = StaffOfferOutputSerializer(read_only=True)
    leader = StaffRequestLeaderSerializer(read_only=True)

    class Meta:
        model = OfferRequest
        fields = [
            "id",
            "offer",
            "leader",
            "message",
            "desired_timing",
            "status",
            "scheduled_for",
            "reply",
            "decline_reason",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class StaffOfferRequestInputSerializer(serializers.Serializer):
    """A leader's request: a short message and the timing they would like."""

    message = serializers.CharField(max_length=2000, required=False, allow_blank=True)
    desired_timing = serializers.CharField(max_length=200, required=False, allow_blank=True)


class OfferRequestCreateApi(APIView):
    """POST: the leader requests the offer (HR in scope is notified)."""

    permission_classes = [IsLeaderUser]

    @extend_schema(
        request=StaffOfferRequestInputSerializer, responses={201: StaffOfferRequestOutputSerializer}
    )
    def post(self, request: Request, staff_offer_id: int) -> Response:
        data = StaffOfferRequestInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        row = services.request_create_as(
            actor=request_user(request), offer_id=staff_offer_id, **data.validated_data
        )
        return Response(StaffOfferRequestOutputSerializer(row).data, status=status.HTTP_201_CREATED)


class StaffRequestFilter(df.FilterSet):
    """``?status=`` (repeatable) and ``?staff_function=``."""

    status = df.MultipleChoiceFilter(choices=OfferRequest.Status.choices)
    staff_function = df.NumberFilter(field_name="offer__staff_function_id")

    class Meta:
        model = OfferRequest
        fields = ["status", "staff_function"]


class MyOfferRequestListApi(ListAPIView[OfferRequest]):
    """The leader's own requests for the staff functions' offers."""

    permission_classes = [IsLeaderUser]
    serializer_class = StaffOfferRequestOutputSerializer
    filterset_class = StaffRequestFilter
    ordering_fields = ["created_at"]

    def get_queryset(self) -> QuerySet[OfferRequest]:
        if getattr(self, "swagger_fake_view", False):
            return OfferRequest.objects.none()
        return selectors.request_list_mine(actor=request_user(self.request))


class OfferRequestListApi(ListAPIView[OfferRequest]):
    """HR's board: the requests of the leaders in HR's scope."""

    permission_classes = [IsHR]
    serializer_class = StaffOfferRequestOutputSerializer
    filterset_class = StaffRequestFilter
    ordering_fields = ["created_at", "status"]

    def get_queryset(self) -> QuerySet[OfferRequest]:
        if getattr(self, "swagger_fake_view", False):
            return OfferRequest.objects.none()
        return selectors.request_list_for_hr(actor=request_user(self.request))


class StaffOfferRequestUpdateInputSerializer(serializers.Serializer):
    """HR moves a request on."""

    status = serializers.ChoiceField(
        choices=[
            OfferRequest.Status.ACCEPTED,
            OfferRequest.Status.SCHEDULED,
            OfferRequest.Status.DONE,
            OfferRequest.Status.DECLINED,
        ]
    )
    scheduled_for = serializers.DateField(required=False, allow_null=True)
    reply = serializers.CharField(max_length=2000, required=False, allow_blank=True)
    decline_reason = serializers.CharField(max_length=500, required=False, allow_blank=True)


class OfferRequestDetailApi(WriteRolesMixin, APIView):
    """GET: one request (the leader's own, or HR's in scope). PATCH: HR moves it on."""

    permission_classes = [IsOrganisationMember]
    write_permission_classes = [IsHR]

    @extend_schema(responses=StaffOfferRequestOutputSerializer)
    def get(self, request: Request, staff_request_id: int) -> Response:
        row = selectors.request_detail(actor=request_user(request), request_id=staff_request_id)
        return Response(StaffOfferRequestOutputSerializer(row).data)

    @extend_schema(
        request=StaffOfferRequestUpdateInputSerializer, responses=StaffOfferRequestOutputSerializer
    )
    def patch(self, request: Request, staff_request_id: int) -> Response:
        data = StaffOfferRequestUpdateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        row = services.request_update_as(
            actor=request_user(request), request_id=staff_request_id, **data.validated_data
        )
        return Response(StaffOfferRequestOutputSerializer(row).data)


class OfferRequestWithdrawApi(APIView):
    """POST: the leader withdraws their own open request."""

    permission_classes = [IsLeaderUser]

    @extend_schema(request=None, responses=StaffOfferRequestOutputSerializer)
    def post(self, request: Request, staff_request_id: int) -> Response:
        row = services.request_withdraw_as(actor=request_user(request), request_id=staff_request_id)
        return Response(StaffOfferRequestOutputSerializer(row).data)
