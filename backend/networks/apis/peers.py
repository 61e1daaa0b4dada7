"""The peer finder."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import (
    extend_schema,
    extend_schema_serializer,
)
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.api.permissions import IsLeaderUser, request_user
from backend.networks.selectors.peers import peer_list
from backend.networks.serializers import LeaderBriefSerializer, ReasonSerializer
from backend.people.models import ServiceType


@extend_schema_serializer(component_name="Peer")
class PeerOutputSerializer(serializers.Serializer[Any]):
    leader = LeaderBriefSerializer()
    score = serializers.FloatField()
    reasons = ReasonSerializer(many=True)


# The whole ranked list (at most ``limit`` peers), not paginated.
@extend_schema_serializer(component_name="PeerList")
class PeerListOutputSerializer(serializers.Serializer[Any]):
    count = serializers.IntegerField()
    results = PeerOutputSerializer(many=True)


class PeerListApi(APIView):
    """Ranked peers with a similar core task for the calling leader (the peer finder)."""

    permission_classes = [IsLeaderUser]

    class FilterSerializer(serializers.Serializer[Any]):
        service_type = serializers.ChoiceField(choices=ServiceType.choices, required=False)
        specialist = serializers.BooleanField(required=False, allow_null=True, default=None)
        round_the_clock = serializers.BooleanField(required=False, allow_null=True, default=None)
        administration = serializers.IntegerField(required=False)
        other_administration = serializers.BooleanField(required=False, default=False)
        limit = serializers.IntegerField(required=False, min_value=1, max_value=100, default=20)

    @extend_schema(parameters=[FilterSerializer], responses=PeerListOutputSerializer)
    def get(self, request: Request) -> Response:
        params = self.FilterSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        data = params.validated_data
        peers = peer_list(
            actor=request_user(request),
            service_type=data.get("service_type"),
            specialist=data.get("specialist"),
            round_the_clock=data.get("round_the_clock"),
            administration_id=data.get("administration"),
            other_administration_only=data["other_administration"],
            limit=data["limit"],
        )
        return Response(PeerListOutputSerializer({"count": len(peers), "results": peers}).data)
