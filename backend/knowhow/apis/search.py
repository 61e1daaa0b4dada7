"""The know-how search: "who has solved this?"."""

from __future__ import annotations

from typing import Any

from django.utils.translation import get_language
from drf_spectacular.utils import extend_schema, extend_schema_serializer
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.api.permissions import IsLeaderUser, request_user
from backend.knowhow.selectors import knowhow_search
from backend.people.models import Leader


@extend_schema_serializer(component_name="KnowhowLeader")
class KnowhowLeaderSerializer(serializers.ModelSerializer[Leader]):
    """A leader as the know-how finder shows them: no contact details, nothing private."""

    name = serializers.CharField(source="full_name")
    unit = serializers.CharField(source="unit.name", default=None)
    administration = serializers.CharField(
        source="unit.department.administration.name", default=None
    )

    class Meta:
        model = Leader
        fields = ["id", "name", "role_title", "unit", "administration"]


@extend_schema_serializer(component_name="KnowhowReason")
class KnowhowReasonSerializer(serializers.Serializer[Any]):
    kind = serializers.ChoiceField(
        choices=["strength", "introduction"],
        help_text="A strength the leader offers, or a sentence of their own introduction.",
    )
    text = serializers.CharField(help_text="The strength's label or the sentence.")
    level = serializers.IntegerField(allow_null=True, help_text="The strength's level, 1-3.")
    matched = serializers.ListField(
        child=serializers.CharField(), help_text="The leader's words that matched (to highlight)."
    )
    asked = serializers.ListField(
        child=serializers.CharField(), help_text="The asker's words they matched."
    )


@extend_schema_serializer(component_name="KnowhowResult")
class KnowhowResultSerializer(serializers.Serializer[Any]):
    leader = KnowhowLeaderSerializer()
    score = serializers.FloatField()
    reasons = KnowhowReasonSerializer(many=True)


@extend_schema_serializer(component_name="KnowhowResultList")
class KnowhowResultListSerializer(serializers.Serializer[Any]):
    count = serializers.IntegerField()
    results = KnowhowResultSerializer(many=True)


class KnowhowSearchApi(APIView):
    """Leaders of the caller's organisation who offer know-how on a problem, best first."""

    permission_classes = [IsLeaderUser]

    class FilterSerializer(serializers.Serializer[Any]):
        q = serializers.CharField(max_length=300, help_text="The problem, in the asker's words.")
        limit = serializers.IntegerField(required=False, min_value=1, max_value=50, default=10)

    @extend_schema(parameters=[FilterSerializer], responses=KnowhowResultListSerializer)
    def get(self, request: Request) -> Response:
        params = self.FilterSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        found = knowhow_search(
            actor=request_user(request),
            query=params.validated_data["q"],
            language=get_language() or "da",
            limit=params.validated_data["limit"],
        )
        return Response(KnowhowResultListSerializer({"count": len(found), "results": found}).data)
