"""Leaders: list, profile, create and edit, line of command and competencies.

A leader's memberships are the networks app's (``backend.networks.apis.networks``).
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.generics import ListAPIView
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.api.exceptions import ServiceError
from backend.api.pagination import KeysFirstPagination
from backend.people import access, selectors
from backend.people.filters import LeaderFilter
from backend.people.models import Competency, Leader, LeadershipEducation, User
from backend.people.serializers import (
    CompetencySerializer,
    LeaderDetailSerializer,
    LeaderRefSerializer,
    LeaderSerializer,
)
from backend.people.services import competencies_set, leader_create, leader_update

SELF_EDITABLE = ("bio", "languages", "discoverable", "email", "phone")


def _user(request: Request) -> User:
    return request.user  # type: ignore[return-value]


class LeaderSelfInputSerializer(serializers.Serializer):
    """The profile fields a leader edits themselves."""

    email = serializers.EmailField(required=False, allow_blank=True)
    phone = serializers.CharField(required=False, allow_blank=True, max_length=40)
    bio = serializers.CharField(required=False, allow_blank=True, max_length=2000)
    languages = serializers.ListField(
        child=serializers.CharField(max_length=40), required=False, max_length=20
    )
    discoverable = serializers.BooleanField(required=False)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        # Refuse, rather than silently drop, fields only HR may change (boss, unit, ...).
        locked = sorted(set(self.initial_data) - set(SELF_EDITABLE))
        if locked:
            raise serializers.ValidationError(
                {name: [_("Only HR can change this field.")] for name in locked}
            )
        return attrs


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

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        return attrs


class LeaderListApi(ListAPIView[Leader]):
    """List the leaders whose profile the caller may see; HR creates leaders with POST."""

    permission_classes = [IsAuthenticated]
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
        return selectors.leader_list(user=_user(self.request))

    @extend_schema(request=LeaderHrInputSerializer, responses={201: LeaderDetailSerializer})
    def post(self, request: Request) -> Response:
        user = _user(request)
        if not access.is_hr(user):
            raise PermissionDenied
        data = LeaderHrInputSerializer(data=request.data, user=user)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        if access.hr_administration_ids(user) and fields.get("unit") is None:
            # Scoped HR would lose sight of a leader without a unit in its administrations.
            raise ServiceError(_("Choose a unit in your administrations."), field="unit")
        organisation = access.organisations_visible_to(user).get()
        leader = leader_create(organisation=organisation, **fields)
        detail = selectors.leader_detail(user=user, leader_id=leader.id)
        return Response(LeaderDetailSerializer(detail).data, status=status.HTTP_201_CREATED)


class LeaderDetailApi(APIView):
    """A leader's profile. HR edits every field; the leader edits bio, languages, contact."""

    permission_classes = [IsAuthenticated]

    @extend_schema(responses=LeaderDetailSerializer)
    def get(self, request: Request, leader_id: int) -> Response:
        leader = selectors.leader_detail(user=_user(request), leader_id=leader_id)
        return Response(LeaderDetailSerializer(leader).data)

    @extend_schema(request=LeaderHrInputSerializer, responses=LeaderDetailSerializer)
    def patch(self, request: Request, leader_id: int) -> Response:
        user = _user(request)
        leader = access.leader_visible_or_404(user, leader_id)
        data: serializers.Serializer
        if access.is_hr_for(user, leader):
            data = LeaderHrInputSerializer(data=request.data, user=user, partial=True)
        elif access.is_self(user, leader):
            data = LeaderSelfInputSerializer(data=request.data, partial=True)
        else:
            # A boss sees the profile (so 403, not 404) but does not edit it.
            raise PermissionDenied
        data.is_valid(raise_exception=True)
        leader_update(leader=leader, **data.validated_data)
        detail = selectors.leader_detail(user=user, leader_id=leader.id)
        return Response(LeaderDetailSerializer(detail).data)


class LeaderLineApi(APIView):
    """The leader's line of command, nearest boss first."""

    permission_classes = [IsAuthenticated]

    @extend_schema(responses=LeaderRefSerializer(many=True))
    def get(self, request: Request, leader_id: int) -> Response:
        line = selectors.leader_line(user=_user(request), leader_id=leader_id)
        return Response(LeaderRefSerializer(line, many=True).data)


class CompetenciesInputSerializer(serializers.Serializer):
    """A leader's full set of strengths: topic key → level 1-3."""

    levels = serializers.DictField(child=serializers.IntegerField(min_value=1, max_value=3))


def _competencies_put(request: Request, leader: Leader) -> Response:
    data = CompetenciesInputSerializer(data=request.data)
    data.is_valid(raise_exception=True)
    competencies_set(leader=leader, levels=data.validated_data["levels"])
    rows = Competency.objects.filter(leader=leader).select_related("topic")
    return Response(CompetencySerializer(rows, many=True).data)


class LeaderCompetencyApi(APIView):
    """A leader's strengths: read with the profile; set by the leader or HR."""

    permission_classes = [IsAuthenticated]

    @extend_schema(responses=CompetencySerializer(many=True))
    def get(self, request: Request, leader_id: int) -> Response:
        rows = selectors.leader_competency_list(user=_user(request), leader_id=leader_id)
        return Response(CompetencySerializer(rows, many=True).data)

    @extend_schema(request=CompetenciesInputSerializer, responses=CompetencySerializer(many=True))
    def put(self, request: Request, leader_id: int) -> Response:
        user = _user(request)
        leader = access.leader_visible_or_404(user, leader_id)
        if not (access.is_self(user, leader) or access.is_hr_for(user, leader)):
            raise PermissionDenied
        return _competencies_put(request, leader)


class MyCompetencyApi(APIView):
    """The caller's own strengths."""

    permission_classes = [IsAuthenticated]

    def _leader(self, request: Request) -> Leader:
        leader = access.actor_leader(_user(request))
        if leader is None:
            raise PermissionDenied(_("Only leaders have competencies."))
        return leader

    @extend_schema(responses=CompetencySerializer(many=True))
    def get(self, request: Request) -> Response:
        leader = self._leader(request)
        rows = Competency.objects.filter(leader=leader).select_related("topic")
        return Response(CompetencySerializer(rows, many=True).data)

    @extend_schema(request=CompetenciesInputSerializer, responses=CompetencySerializer(many=True))
    def put(self, request: Request) -> Response:
        return _competencies_put(request, self._leader(request))
