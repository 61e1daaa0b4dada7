"""Leaders: list, profile, create and edit, line of command and competencies.

A leader's memberships are the networks app's (``backend.networks.apis.networks``).
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.generics import ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.api.pagination import KeysFirstPagination
from backend.api.permissions import (
    IsAuthenticatedUser,
    IsLeaderUser,
    ReadOrgWriteHR,
    request_leader,
    request_user,
)
from backend.people import access, selectors
from backend.people.filters import LeaderFilter
from backend.people.models import EntryRoute, Leader, LeadershipEducation, User
from backend.people.serializers import (
    CompetencySerializer,
    LeaderDetailSerializer,
    LeaderRefSerializer,
    LeaderSerializer,
)
from backend.people.services import (
    competencies_set_as,
    leader_create_as,
    leader_edit_as,
)


class LeaderSelfInputSerializer(serializers.Serializer):
    """The profile fields a leader edits themselves."""

    email = serializers.EmailField(required=False, allow_blank=True)
    phone = serializers.CharField(required=False, allow_blank=True, max_length=40)
    bio = serializers.CharField(required=False, allow_blank=True, max_length=2000)
    languages = serializers.ListField(
        child=serializers.CharField(max_length=40), required=False, max_length=20
    )
    discoverable = serializers.BooleanField(required=False)
    directory_discoverable = serializers.BooleanField(required=False)


class LeaderHrInputSerializer(LeaderSelfInputSerializer):
    """Every profile field HR maintains. ``unit`` and ``boss`` are ids in HR's organisation."""

    employee_number = serializers.CharField(max_length=40)
    first_name = serializers.CharField(max_length=100)
    last_name = serializers.CharField(max_length=100)
    role_title = serializers.CharField(max_length=200)
    unit = serializers.PrimaryKeyRelatedField(
        queryset=Leader.objects.none(), allow_null=True, required=False
    )
    boss = serializers.PrimaryKeyRelatedField(
        queryset=Leader.objects.none(), allow_null=True, required=False
    )
    role_start_date = serializers.DateField(required=False, allow_null=True)
    first_leader_job = serializers.BooleanField(required=False)
    entry_route = serializers.ChoiceField(choices=EntryRoute.choices, required=False)
    previous_role_title = serializers.CharField(max_length=200, required=False, allow_blank=True)
    years_as_leader = serializers.DecimalField(
        max_digits=4, decimal_places=1, min_value=0, max_value=60, required=False
    )
    leadership_education = serializers.ChoiceField(
        choices=LeadershipEducation.choices, required=False
    )
    active = serializers.BooleanField(required=False)
    left_on = serializers.DateField(required=False, allow_null=True)

    def __init__(self, *args: Any, user: User | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if user is None:  # the schema generator instantiates without a user
            return
        # Only rows HR may see are valid choices; another organisation's id is "does not exist".
        self.fields["unit"].queryset = access.units_visible_to(user)  # type: ignore[attr-defined]
        self.fields["boss"].queryset = Leader.objects.filter(  # type: ignore[attr-defined]
            organisation__in=access.organisations_visible_to(user)
        )


class LeaderListApi(ListAPIView[Leader]):
    """List the leaders whose profile the caller may see; HR creates leaders with POST."""

    permission_classes = [ReadOrgWriteHR]
    serializer_class = LeaderSerializer
    filterset_class = LeaderFilter
    pagination_class = KeysFirstPagination
    ordering_fields = [
        "last_name",
        "first_name",
        "role_start_date",
        "years_as_leader",
        "employee_number",
        "created_at",
    ]

    def get_queryset(self) -> QuerySet[Leader]:
        if getattr(self, "swagger_fake_view", False):
            return Leader.objects.none()
        return selectors.leader_list(actor=request_user(self.request))

    @extend_schema(request=LeaderHrInputSerializer, responses={201: LeaderDetailSerializer})
    def post(self, request: Request) -> Response:
        user = request_user(request)
        data = LeaderHrInputSerializer(data=request.data, user=user)
        data.is_valid(raise_exception=True)
        leader = leader_create_as(actor=user, **data.validated_data)
        return Response(LeaderDetailSerializer(leader).data, status=status.HTTP_201_CREATED)


class LeaderDetailApi(APIView):
    """A leader's profile. HR edits every field; the leader edits bio, languages, contact."""

    permission_classes = [IsAuthenticatedUser]

    @extend_schema(responses=LeaderDetailSerializer)
    def get(self, request: Request, leader_id: int) -> Response:
        leader = selectors.leader_detail(actor=request_user(request), leader_id=leader_id)
        return Response(LeaderDetailSerializer(leader).data)

    @extend_schema(request=LeaderHrInputSerializer, responses=LeaderDetailSerializer)
    def patch(self, request: Request, leader_id: int) -> Response:
        user = request_user(request)
        # Every field HR may send; the service refuses those the leader may not change (400),
        # and a boss, who sees the profile, any change (403).
        data = LeaderHrInputSerializer(data=request.data, user=user, partial=True)
        data.is_valid(raise_exception=True)
        leader = leader_edit_as(
            actor=user, leader_id=leader_id, fields=data.validated_data, sent=request.data
        )
        return Response(LeaderDetailSerializer(leader).data)


class LeaderLineApi(APIView):
    """The leader's line of command, nearest boss first."""

    permission_classes = [IsAuthenticatedUser]

    @extend_schema(responses=LeaderRefSerializer(many=True))
    def get(self, request: Request, leader_id: int) -> Response:
        line = selectors.leader_line(actor=request_user(request), leader_id=leader_id)
        return Response(LeaderRefSerializer(line, many=True).data)


class CompetenciesInputSerializer(serializers.Serializer):
    """A leader's full set of strengths: topic key → level 1-3."""

    levels = serializers.DictField(child=serializers.IntegerField(min_value=1, max_value=3))


def _competencies_put(request: Request, leader_id: int) -> Response:
    data = CompetenciesInputSerializer(data=request.data)
    data.is_valid(raise_exception=True)
    rows = competencies_set_as(
        actor=request_user(request), leader_id=leader_id, levels=data.validated_data["levels"]
    )
    return Response(CompetencySerializer(rows, many=True).data)


class LeaderCompetencyApi(APIView):
    """A leader's strengths: read with the profile; set by the leader or HR."""

    permission_classes = [IsAuthenticatedUser]

    @extend_schema(responses=CompetencySerializer(many=True))
    def get(self, request: Request, leader_id: int) -> Response:
        rows = selectors.leader_competency_list(actor=request_user(request), leader_id=leader_id)
        return Response(CompetencySerializer(rows, many=True).data)

    @extend_schema(request=CompetenciesInputSerializer, responses=CompetencySerializer(many=True))
    def put(self, request: Request, leader_id: int) -> Response:
        return _competencies_put(request, leader_id)


class MyCompetencyApi(APIView):
    """The caller's own strengths."""

    permission_classes = [IsLeaderUser]

    @extend_schema(responses=CompetencySerializer(many=True))
    def get(self, request: Request) -> Response:
        rows = selectors.competency_list_own(actor=request_user(request))
        return Response(CompetencySerializer(rows, many=True).data)

    @extend_schema(request=CompetenciesInputSerializer, responses=CompetencySerializer(many=True))
    def put(self, request: Request) -> Response:
        return _competencies_put(request, request_leader(request).id)
