"""Network suggestions for a leader, and HR's cohort circles."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import (
    extend_schema,
    extend_schema_serializer,
)
from rest_framework import serializers, status
from rest_framework.generics import ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.api.permissions import IsHR, IsLeaderUser, request_user
from backend.networks.models import (
    CohortCircle,
    CohortSetting,
)
from backend.networks.selectors.suggestions import Suggestion, cohort_circles, network_suggestions
from backend.networks.serializers import ReasonSerializer
from backend.networks.services.cohorts import cohort_circles_form, cohort_setting_update


@extend_schema_serializer(component_name="NetworkSuggestion")
class NetworkSuggestionOutputSerializer(serializers.Serializer[Any]):
    kind = serializers.CharField()
    network_id = serializers.IntegerField(source="network.id", default=None)
    name = serializers.SerializerMethodField()
    description = serializers.CharField(source="network.description", default="")
    theme = serializers.CharField(source="network.theme", default="")
    is_private = serializers.BooleanField()
    join = serializers.CharField()
    member_count = serializers.IntegerField(allow_null=True)
    cohort = serializers.DictField(allow_null=True)
    score = serializers.FloatField()
    reasons = ReasonSerializer(many=True)

    def get_name(self, obj: Suggestion) -> str:
        if obj.network is not None:
            return obj.network.name
        return "Kohortecirkel for nye ledere"


# Every suggestion, best first, not paginated.
@extend_schema_serializer(component_name="NetworkSuggestionList")
class NetworkSuggestionListOutputSerializer(serializers.Serializer[Any]):
    count = serializers.IntegerField()
    results = NetworkSuggestionOutputSerializer(many=True)


class NetworkSuggestionListApi(APIView):
    """Networks to join for the calling leader, ranked, with reasons (no private members)."""

    permission_classes = [IsLeaderUser]

    @extend_schema(responses=NetworkSuggestionListOutputSerializer)
    def get(self, request: Request) -> Response:
        suggestions = network_suggestions(actor=request_user(request))
        return Response(
            NetworkSuggestionListOutputSerializer(
                {"count": len(suggestions), "results": suggestions}
            ).data
        )


class CohortSettingApi(APIView):
    """HR reads (GET) and changes (PUT) how cohort circles are formed."""

    permission_classes = [IsHR]

    @extend_schema_serializer(component_name="CohortSetting")
    class Serializer(serializers.ModelSerializer[CohortSetting]):
        class Meta:
            model = CohortSetting
            fields = ["enabled", "window_days", "min_size", "max_size"]

    @extend_schema(responses=Serializer)
    def get(self, request: Request) -> Response:
        setting = cohort_setting_update(actor=request_user(request))
        return Response(self.Serializer(setting).data)

    @extend_schema(request=Serializer, responses=Serializer)
    def put(self, request: Request) -> Response:
        data = self.Serializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        setting = cohort_setting_update(actor=request_user(request), **data.validated_data)
        return Response(self.Serializer(setting).data)


class CohortCircleOutputSerializer(serializers.ModelSerializer[CohortCircle]):
    """A cohort circle."""

    name = serializers.CharField(source="network.name")
    member_count = serializers.IntegerField(read_only=True, default=None)

    class Meta:
        model = CohortCircle
        fields = ["id", "network_id", "name", "period_start", "period_end", "member_count"]


class CohortCircleListApi(ListAPIView[CohortCircle]):
    """The organisation's cohort circles (HR)."""

    permission_classes = [IsHR]
    serializer_class = CohortCircleOutputSerializer

    def get_queryset(self) -> QuerySet[CohortCircle]:
        if getattr(self, "swagger_fake_view", False):
            return CohortCircle.objects.none()
        return cohort_circles(actor=request_user(self.request))


class CohortCircleFormApi(APIView):
    """HR creates the cohort circles: the ``groups`` reviewed from ``cohort-circles/proposal/``
    (checked again), or without a body a fresh proposal in one step."""

    permission_classes = [IsHR]

    class CohortCircleFormInputSerializer(serializers.Serializer[Any]):
        groups = serializers.ListField(
            child=serializers.ListField(
                child=serializers.IntegerField(min_value=1), min_length=1, max_length=30
            ),
            required=False,
            min_length=1,
            max_length=500,
        )

    @extend_schema(
        request=CohortCircleFormInputSerializer,
        responses={201: CohortCircleOutputSerializer(many=True)},
    )
    def post(self, request: Request) -> Response:
        data = self.CohortCircleFormInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        circles = cohort_circles_form(
            actor=request_user(request), groups=data.validated_data.get("groups")
        )
        return Response(
            CohortCircleOutputSerializer(circles, many=True).data, status=status.HTTP_201_CREATED
        )
