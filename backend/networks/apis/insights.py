"""HR's map and insights of the leader network, and a leader's own map.

The selectors compute the figures as plain dicts; the serializers here document them and build
the responses.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema, extend_schema_serializer
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.api.permissions import IsHR, IsLeaderUser, request_user
from backend.networks.models import InsightsSnapshot
from backend.networks.selectors.maps import network_map_ego, network_map_hr
from backend.networks.serializers import MapLeaderSerializer
from backend.networks.services.insights import insights_state_as


@extend_schema_serializer(component_name="EgoMapEdge")
class EgoMapEdgeOutputSerializer(serializers.Serializer[Any]):
    source = serializers.IntegerField()  # type: ignore[assignment]  # a field named "source"
    target = serializers.IntegerField()
    weight = serializers.FloatField()
    ties = serializers.ListField(child=serializers.CharField())


@extend_schema_serializer(component_name="EgoMap")
class EgoMapOutputSerializer(serializers.Serializer[Any]):
    me = serializers.IntegerField()
    nodes = MapLeaderSerializer(many=True)
    edges = EgoMapEdgeOutputSerializer(many=True)


class EgoMapApi(APIView):
    """The calling leader's own network."""

    permission_classes = [IsLeaderUser]

    @extend_schema(responses=EgoMapOutputSerializer)
    def get(self, request: Request) -> Response:
        return Response(EgoMapOutputSerializer(network_map_ego(actor=request_user(request))).data)


@extend_schema_serializer(component_name="HrMapNode")
class HrMapNodeOutputSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    name = serializers.CharField()
    leaders = serializers.IntegerField()


@extend_schema_serializer(component_name="HrMapEdge")
class HrMapEdgeOutputSerializer(serializers.Serializer[Any]):
    source = serializers.IntegerField()  # type: ignore[assignment]  # a field named "source"
    target = serializers.IntegerField()
    ties = serializers.IntegerField()
    private_ties = serializers.IntegerField(
        allow_null=True, help_text="null under min_aggregate people."
    )


@extend_schema_serializer(component_name="HrMap")
class HrMapOutputSerializer(serializers.Serializer[Any]):
    nodes = HrMapNodeOutputSerializer(many=True)
    edges = HrMapEdgeOutputSerializer(many=True)
    min_aggregate = serializers.IntegerField()


class HrMapApi(APIView):
    """The leader network aggregated by administration (HR)."""

    permission_classes = [IsHR]

    @extend_schema(responses=HrMapOutputSerializer)
    def get(self, request: Request) -> Response:
        return Response(HrMapOutputSerializer(network_map_hr(actor=request_user(request))).data)


@extend_schema_serializer(component_name="NetworkInsightsAdministration")
class InsightsAdministrationOutputSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    name = serializers.CharField()
    leaders = serializers.IntegerField()
    internal = serializers.IntegerField()
    external = serializers.IntegerField()
    ei_index = serializers.FloatField(allow_null=True)
    isolated = serializers.IntegerField()
    in_private_networks = serializers.IntegerField(allow_null=True)


@extend_schema_serializer(component_name="NetworkInsightsBroker")
class InsightsBrokerOutputSerializer(serializers.Serializer[Any]):
    # A map leader and their betweenness (no docstring: the schema has no description here).
    id = serializers.IntegerField()
    name = serializers.CharField()
    role_title = serializers.CharField()
    unit = serializers.CharField(allow_null=True)
    administration = serializers.CharField(allow_null=True)
    betweenness = serializers.FloatField()


@extend_schema_serializer(component_name="NetworkInsightsCommunity")
class InsightsCommunityOutputSerializer(serializers.Serializer[Any]):
    size = serializers.IntegerField()
    administrations = serializers.DictField(
        child=serializers.IntegerField(), help_text="Members per administration id."
    )


@extend_schema_serializer(component_name="NetworkInsights")
class InsightsOutputSerializer(serializers.Serializer[Any]):
    leaders = serializers.IntegerField()
    isolated = MapLeaderSerializer(many=True)
    isolated_with_private_network = serializers.IntegerField(allow_null=True)
    solo = MapLeaderSerializer(many=True)
    administrations = InsightsAdministrationOutputSerializer(many=True)
    brokers = InsightsBrokerOutputSerializer(many=True)
    bridges = serializers.ListField(
        child=serializers.ListField(child=MapLeaderSerializer()),
        help_text="Pairs of leaders whose tie is a bridge.",
    )
    communities = InsightsCommunityOutputSerializer(many=True)
    specialists_without_peers = MapLeaderSerializer(many=True)
    min_aggregate = serializers.IntegerField()
    seed = serializers.IntegerField()


@extend_schema_serializer(component_name="NetworkInsightsState")
class InsightsStateOutputSerializer(serializers.Serializer[Any]):
    """HR's stored network insights and how fresh they are."""

    status = serializers.ChoiceField(
        choices=InsightsSnapshot.Status.choices,
        help_text="ready: the figures are of the current data; computing: a computation is "
        "queued or running; failed: the last computation failed.",
    )
    stale = serializers.BooleanField(
        help_text="The figures shown are of older data; newer ones are being computed."
    )
    progress = serializers.IntegerField(help_text="Percent of the running computation.")
    phase = serializers.CharField(help_text="queued, graph, isolation, structure, figures, done.")
    computed_at = serializers.DateTimeField(allow_null=True)
    seconds = serializers.FloatField(
        allow_null=True, help_text="How long the last computation took."
    )
    insights = InsightsOutputSerializer(
        allow_null=True, help_text="null until the first computation is done."
    )


class InsightsApi(APIView):
    """HR's figures on the leader network, from storage (computed by a background task)."""

    permission_classes = [IsHR]

    @extend_schema(responses=InsightsStateOutputSerializer)
    def get(self, request: Request) -> Response:
        state = insights_state_as(actor=request_user(request))
        return Response(InsightsStateOutputSerializer(state).data)
