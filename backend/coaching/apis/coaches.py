"""HR's coach pool, and the internal coach's own list of the leaders assigned to them."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.generics import ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.api.permissions import IsLeaderUser, IsOrgWideHR, request_user
from backend.coaching import selectors, services
from backend.coaching.filters import CoachFilter
from backend.coaching.models import Coach, CoachRequest
from backend.coaching.serializers import CoacheeSerializer, CoachOutputSerializer
from backend.people.models import Leader, Topic, User


class CoachInputSerializer(serializers.Serializer):
    """A coach: an internal one is a leader; an external one a name, firm, e-mail or phone."""

    kind = serializers.ChoiceField(choices=Coach.Kind.choices)
    leader = serializers.PrimaryKeyRelatedField(
        queryset=Leader.objects.none(), required=False, allow_null=True
    )
    name = serializers.CharField(max_length=200, required=False, allow_blank=True)
    firm = serializers.CharField(max_length=200, required=False, allow_blank=True)
    email = serializers.EmailField(required=False, allow_blank=True, max_length=254)
    phone = serializers.CharField(max_length=40, required=False, allow_blank=True)
    capacity = serializers.IntegerField(min_value=0, max_value=20, default=2)
    topics = serializers.PrimaryKeyRelatedField(
        queryset=Topic.objects.none(), many=True, required=False
    )
    specialities = serializers.CharField(max_length=500, required=False, allow_blank=True)
    languages = serializers.ListField(
        child=serializers.ChoiceField(choices=["da", "en"]), required=False, max_length=5
    )
    status = serializers.ChoiceField(choices=Coach.Status.choices, required=False)

    def __init__(self, *args: Any, user: User | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if user is None:  # the schema generator instantiates without a user
            return
        org = user.organisation_id or 0
        if "leader" in self.fields:  # not in the update's fields
            leader = self.fields["leader"]
            leader.queryset = Leader.objects.filter(organisation_id=org)  # type: ignore[attr-defined]
        child = self.fields["topics"].child_relation  # type: ignore[attr-defined]
        child.queryset = Topic.objects.filter(organisation_id=org, active=True)


class CoachUpdateInputSerializer(CoachInputSerializer):
    """Changes to a coach (the kind and the leader stay)."""

    kind = None  # type: ignore[assignment]
    leader = None  # type: ignore[assignment]
    capacity = serializers.IntegerField(min_value=0, max_value=20, required=False)


class CoachListApi(ListAPIView[Coach]):
    """HR for the whole organisation: the coach pool. POST adds a coach."""

    permission_classes = [IsOrgWideHR]
    serializer_class = CoachOutputSerializer
    filterset_class = CoachFilter

    def get_queryset(self) -> QuerySet[Coach]:
        if getattr(self, "swagger_fake_view", False):
            return Coach.objects.none()
        return selectors.coach_list_for_hr(actor=request_user(self.request))

    @extend_schema(request=CoachInputSerializer, responses={201: CoachOutputSerializer})
    def post(self, request: Request) -> Response:
        user = request_user(request)
        data = CoachInputSerializer(data=request.data, user=user)
        data.is_valid(raise_exception=True)
        coach = services.coach_create_as(actor=user, **data.validated_data)
        return Response(CoachOutputSerializer(coach).data, status=status.HTTP_201_CREATED)


class CoachDetailApi(APIView):
    """HR: one coach of the pool; PATCH changes it (pause with ``status: paused``)."""

    permission_classes = [IsOrgWideHR]

    @extend_schema(responses=CoachOutputSerializer)
    def get(self, request: Request, coach_id: int) -> Response:
        coach = selectors.coach_for_hr_or_404(actor=request_user(request), coach_id=coach_id)
        return Response(CoachOutputSerializer(coach).data)

    @extend_schema(request=CoachUpdateInputSerializer, responses=CoachOutputSerializer)
    def patch(self, request: Request, coach_id: int) -> Response:
        user = request_user(request)
        data = CoachUpdateInputSerializer(data=request.data, partial=True, user=user)
        data.is_valid(raise_exception=True)
        coach = services.coach_update_as(actor=user, coach_id=coach_id, **data.validated_data)
        return Response(CoachOutputSerializer(coach).data)


class CoacheeListApi(ListAPIView[CoachRequest]):
    """An internal coach: the leaders assigned to them (who and how to reach them, no more)."""

    permission_classes = [IsLeaderUser]
    serializer_class = CoacheeSerializer

    def get_queryset(self) -> QuerySet[CoachRequest]:
        if getattr(self, "swagger_fake_view", False):
            return CoachRequest.objects.none()
        return selectors.coachee_list(actor=request_user(self.request))


class CoacheeFinishApi(APIView):
    """The internal coach marks a coaching finished; the leader is told."""

    permission_classes = [IsLeaderUser]

    @extend_schema(request=None, responses=CoacheeSerializer)
    def post(self, request: Request, coach_request_id: int) -> Response:
        row = services.coachee_finish_as(actor=request_user(request), request_id=coach_request_id)
        return Response(CoacheeSerializer(row).data)
