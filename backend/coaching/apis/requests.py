"""The leader's own request for a coach, and HR's queue with the matcher's proposal."""

from __future__ import annotations

import builtins
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
from backend.coaching.filters import CoachRequestFilter
from backend.coaching.models import CoachRequest
from backend.coaching.serializers import HrCoachRequestSerializer, MyCoachRequestSerializer
from backend.people.models import Topic, User


class CoachRequestInputSerializer(serializers.Serializer):
    """What the leader wants help with, in their own words and as topics; what kind of coach."""

    text = serializers.CharField(min_length=3, max_length=4000)
    topics = serializers.PrimaryKeyRelatedField(
        queryset=Topic.objects.none(), many=True, required=False
    )
    preference = serializers.ChoiceField(
        choices=CoachRequest.Preference.choices, default=CoachRequest.Preference.ANY
    )
    language = serializers.ChoiceField(
        choices=[("", "-"), ("da", "Dansk"), ("en", "English")], default="", required=False
    )

    def __init__(self, *args: Any, user: User | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if user is None:  # the schema generator instantiates without a user
            return
        child = self.fields["topics"].child_relation  # type: ignore[attr-defined]
        org = user.organisation_id or 0
        child.queryset = Topic.objects.filter(organisation_id=org, active=True)


class AssignInputSerializer(serializers.Serializer):
    """The coach HR approves: the proposed one or another from the pool."""

    coach = serializers.IntegerField(min_value=1)


class MyCoachRequestListApi(ListAPIView[CoachRequest]):
    """The caller's own requests for a coach, newest first; POST asks for a coach."""

    permission_classes = [IsLeaderUser]
    serializer_class = MyCoachRequestSerializer
    filterset_class = CoachRequestFilter

    def get_queryset(self) -> QuerySet[CoachRequest]:
        if getattr(self, "swagger_fake_view", False):
            return CoachRequest.objects.none()
        return selectors.request_list_own(actor=request_user(self.request))

    @extend_schema(request=CoachRequestInputSerializer, responses={201: MyCoachRequestSerializer})
    def post(self, request: Request) -> Response:
        user = request_user(request)
        data = CoachRequestInputSerializer(data=request.data, user=user)
        data.is_valid(raise_exception=True)
        created = services.coach_request_create_as(actor=user, **data.validated_data)
        return Response(MyCoachRequestSerializer(created).data, status=status.HTTP_201_CREATED)


class MyCoachRequestDetailApi(APIView):
    """One of the caller's own requests, with the coach's contact once assigned."""

    permission_classes = [IsLeaderUser]

    @extend_schema(responses=MyCoachRequestSerializer)
    def get(self, request: Request, coach_request_id: int) -> Response:
        row = selectors.request_own_or_404(actor=request_user(request), request_id=coach_request_id)
        return Response(MyCoachRequestSerializer(row).data)


class MyCoachRequestEndApi(APIView):
    """The leader withdraws a waiting request or closes the coaching they have."""

    permission_classes = [IsLeaderUser]

    @extend_schema(request=None, responses=MyCoachRequestSerializer)
    def post(self, request: Request, coach_request_id: int) -> Response:
        row = services.coach_request_end_as(
            actor=request_user(request), request_id=coach_request_id
        )
        return Response(MyCoachRequestSerializer(row).data)


class CoachRequestHrListApi(ListAPIView[CoachRequest]):
    """HR for the whole organisation: the requests, each read logged, open ones with a proposal.

    A request of a leader in the HR user's own line of command (up or down) is not listed.
    """

    permission_classes = [IsOrgWideHR]
    serializer_class = HrCoachRequestSerializer
    filterset_class = CoachRequestFilter

    def get_queryset(self) -> QuerySet[CoachRequest]:
        if getattr(self, "swagger_fake_view", False):
            return CoachRequest.objects.none()
        return selectors.hr_request_scope(request_user(self.request))

    # ``builtins.list``: in this class ``list`` is the view's method.
    def paginate_queryset(self, queryset: Any) -> builtins.list[Any] | None:
        """The page's requests, their read logged and their proposals made by the selector."""
        page: Any = super().paginate_queryset(queryset)
        rows = list(page) if page is not None else list(queryset)
        selectors.request_page_for_hr(actor=request_user(self.request), page=rows)
        return rows if page is not None else None


class CoachRequestHrDetailApi(APIView):
    """HR: one request (a logged read), with the proposed coach, the others allowed, reasons."""

    permission_classes = [IsOrgWideHR]

    @extend_schema(responses=HrCoachRequestSerializer)
    def get(self, request: Request, coach_request_id: int) -> Response:
        row = selectors.request_detail_for_hr(
            actor=request_user(request), request_id=coach_request_id
        )
        return Response(HrCoachRequestSerializer(row).data)


class CoachRequestAssignApi(APIView):
    """HR approves the proposed coach or chooses another; the leader and the coach are told."""

    permission_classes = [IsOrgWideHR]

    @extend_schema(request=AssignInputSerializer, responses=HrCoachRequestSerializer)
    def post(self, request: Request, coach_request_id: int) -> Response:
        data = AssignInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        actor = request_user(request)
        services.coach_request_assign_as(
            actor=actor, request_id=coach_request_id, coach_id=data.validated_data["coach"]
        )
        row = selectors.request_detail_for_hr(actor=actor, request_id=coach_request_id)
        return Response(HrCoachRequestSerializer(row).data)


class CoachRequestCloseApi(APIView):
    """HR closes a request without a coach, or ends a coaching; the leader is told."""

    permission_classes = [IsOrgWideHR]

    @extend_schema(request=None, responses=HrCoachRequestSerializer)
    def post(self, request: Request, coach_request_id: int) -> Response:
        actor = request_user(request)
        services.coach_request_close_as(actor=actor, request_id=coach_request_id)
        row = selectors.request_detail_for_hr(actor=actor, request_id=coach_request_id)
        return Response(HrCoachRequestSerializer(row).data)
