"""Joining networks and deciding join requests."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import (
    OpenApiResponse,
    extend_schema,
    extend_schema_serializer,
)
from rest_framework import serializers, status
from rest_framework.generics import ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.api.permissions import IsLeaderUser, request_user
from backend.networks.models import (
    JoinRequest,
    Membership,
)
from backend.networks.selectors.memberships import join_requests_for
from backend.networks.serializers import LeaderBriefSerializer
from backend.networks.services.memberships import join_request_decide, network_join


@extend_schema_serializer(component_name="NetworkJoined")
class NetworkJoinedOutputSerializer(serializers.Serializer[Any]):
    status = serializers.ChoiceField(choices=["member"])
    network = serializers.IntegerField()


@extend_schema_serializer(component_name="NetworkJoinRequested")
class NetworkJoinRequestedOutputSerializer(serializers.Serializer[Any]):
    status = serializers.ChoiceField(choices=["requested"])
    request = serializers.IntegerField()
    network = serializers.IntegerField()


class NetworkJoinApi(APIView):
    """Join an open network, or ask to join a private one (its members decide)."""

    permission_classes = [IsLeaderUser]

    @extend_schema_serializer(component_name="NetworkJoinInput")
    class InputSerializer(serializers.Serializer[Any]):
        message = serializers.CharField(required=False, allow_blank=True, max_length=1000)

    @extend_schema(
        request=InputSerializer,
        responses={
            201: OpenApiResponse(
                NetworkJoinedOutputSerializer, description="Joined an open network."
            ),
            202: OpenApiResponse(
                NetworkJoinRequestedOutputSerializer,
                description="Asked to join a private network; its members decide.",
            ),
        },
    )
    def post(self, request: Request, network_id: int) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        result = network_join(
            actor=request_user(request),
            network_id=network_id,
            message=data.validated_data.get("message", ""),
        )
        if isinstance(result, Membership):
            joined = {"status": "member", "network": network_id}
            return Response(
                NetworkJoinedOutputSerializer(joined).data, status=status.HTTP_201_CREATED
            )
        requested = {"status": "requested", "request": result.id, "network": network_id}
        return Response(
            NetworkJoinRequestedOutputSerializer(requested).data,
            status=status.HTTP_202_ACCEPTED,
        )


class JoinRequestOutputSerializer(serializers.ModelSerializer[JoinRequest]):
    """A join request: the asker and the network."""

    leader = LeaderBriefSerializer()
    network = serializers.CharField(source="network.name")
    network_id = serializers.IntegerField()

    class Meta:
        model = JoinRequest
        fields = ["id", "network_id", "network", "leader", "message", "status", "created_at"]


class JoinRequestListApi(ListAPIView[JoinRequest]):
    """The caller's join requests and those to the caller's networks."""

    permission_classes = [IsLeaderUser]
    serializer_class = JoinRequestOutputSerializer

    def get_queryset(self) -> QuerySet[JoinRequest]:
        if getattr(self, "swagger_fake_view", False):
            return JoinRequest.objects.none()
        return join_requests_for(actor=request_user(self.request))


class JoinRequestDecideApi(APIView):
    """A member accepts or declines a join request."""

    permission_classes = [IsLeaderUser]
    accept = True

    @extend_schema(request=None, responses=JoinRequestOutputSerializer)
    def post(self, request: Request, request_id: int) -> Response:
        decided = join_request_decide(
            actor=request_user(request), request_id=request_id, accept=self.accept
        )
        return Response(JoinRequestOutputSerializer(decided).data)
