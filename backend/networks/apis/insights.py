"""HR's map and insights of the leader network, and a leader's own map."""

from __future__ import annotations

from drf_spectacular.utils import (
    extend_schema,
    inline_serializer,
)
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.api.permissions import IsHR, IsLeaderUser, request_user
from backend.networks.selectors.insights import network_insights
from backend.networks.selectors.maps import network_map_ego, network_map_hr
from backend.networks.serializers import MapLeaderSchema


class EgoMapApi(APIView):
    """The calling leader's own network."""

    permission_classes = [IsLeaderUser]

    @extend_schema(
        responses=inline_serializer(
            "EgoMap",
            {
                "me": serializers.IntegerField(),
                "nodes": MapLeaderSchema(many=True),
                "edges": inline_serializer(
                    "EgoMapEdge",
                    {
                        "source": serializers.IntegerField(),
                        "target": serializers.IntegerField(),
                        "weight": serializers.FloatField(),
                        "ties": serializers.ListField(child=serializers.CharField()),
                    },
                    many=True,
                ),
            },
        )
    )
    def get(self, request: Request) -> Response:
        return Response(network_map_ego(actor=request_user(request)))


class HrMapApi(APIView):
    """The leader network aggregated by administration (HR)."""

    permission_classes = [IsHR]

    @extend_schema(
        responses=inline_serializer(
            "HrMap",
            {
                "nodes": inline_serializer(
                    "HrMapNode",
                    {
                        "id": serializers.IntegerField(),
                        "name": serializers.CharField(),
                        "leaders": serializers.IntegerField(),
                    },
                    many=True,
                ),
                "edges": inline_serializer(
                    "HrMapEdge",
                    {
                        "source": serializers.IntegerField(),
                        "target": serializers.IntegerField(),
                        "ties": serializers.IntegerField(),
                        "private_ties": serializers.IntegerField(
                            allow_null=True, help_text="null under min_aggregate people."
                        ),
                    },
                    many=True,
                ),
                "min_aggregate": serializers.IntegerField(),
            },
        )
    )
    def get(self, request: Request) -> Response:
        return Response(network_map_hr(actor=request_user(request)))


class InsightsApi(APIView):
    """HR's figures on the leader network."""

    permission_classes = [IsHR]

    @extend_schema(
        responses=inline_serializer(
            "NetworkInsights",
            {
                "leaders": serializers.IntegerField(),
                "isolated": MapLeaderSchema(many=True),
                "isolated_with_private_network": serializers.IntegerField(allow_null=True),
                "solo": MapLeaderSchema(many=True),
                "administrations": inline_serializer(
                    "NetworkInsightsAdministration",
                    {
                        "id": serializers.IntegerField(),
                        "name": serializers.CharField(),
                        "leaders": serializers.IntegerField(),
                        "internal": serializers.IntegerField(),
                        "external": serializers.IntegerField(),
                        "ei_index": serializers.FloatField(allow_null=True),
                        "isolated": serializers.IntegerField(),
                        "in_private_networks": serializers.IntegerField(allow_null=True),
                    },
                    many=True,
                ),
                "brokers": inline_serializer(
                    "NetworkInsightsBroker",
                    {**MapLeaderSchema().get_fields(), "betweenness": serializers.FloatField()},
                    many=True,
                ),
                "bridges": serializers.ListField(
                    child=serializers.ListField(child=MapLeaderSchema()),
                    help_text="Pairs of leaders whose tie is a bridge.",
                ),
                "communities": inline_serializer(
                    "NetworkInsightsCommunity",
                    {
                        "size": serializers.IntegerField(),
                        "administrations": serializers.DictField(
                            child=serializers.IntegerField(),
                            help_text="Members per administration id.",
                        ),
                    },
                    many=True,
                ),
                "specialists_without_peers": MapLeaderSchema(many=True),
                "min_aggregate": serializers.IntegerField(),
                "seed": serializers.IntegerField(),
            },
        )
    )
    def get(self, request: Request) -> Response:
        return Response(network_insights(actor=request_user(request)))
