"""A leader's own informal networks: start, invite, answer an invitation, leave, close.

Leaders only (403 for a user without a leader profile); a network the caller is not a member of,
or an invitation that is not theirs, is not found (404); only the convener closes (403).
"""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, extend_schema_serializer
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.api.permissions import IsLeaderUser, request_user
from backend.networks.serializers import NetworkRefSerializer
from backend.networks.services import informal


@extend_schema_serializer(component_name="NetworkInvitation")
class InvitationOutputSerializer(serializers.Serializer):
    """An invitation to an informal network."""

    id = serializers.IntegerField()
    network = NetworkRefSerializer()
    invited_by = serializers.CharField(source="invited_by.full_name", default=None, allow_null=True)
    status = serializers.CharField()


class InformalNetworkCreateApi(APIView):
    """POST: start an informal network (the caller is its convener)."""

    permission_classes = [IsLeaderUser]

    @extend_schema_serializer(component_name="InformalNetworkInput")
    class InputSerializer(serializers.Serializer):
        """The new network."""

        name = serializers.CharField(max_length=200)
        description = serializers.CharField(max_length=2000, required=False, allow_blank=True)
        open_for_requests = serializers.BooleanField(default=False)

    @extend_schema(request=InputSerializer, responses={201: NetworkRefSerializer})
    def post(self, request: Request) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        network = informal.informal_network_create(
            actor=request_user(request), **data.validated_data
        )
        return Response(NetworkRefSerializer(network).data, status=status.HTTP_201_CREATED)


class NetworkInviteApi(APIView):
    """POST: a member invites a colleague to the informal network."""

    permission_classes = [IsLeaderUser]

    @extend_schema_serializer(component_name="NetworkInviteInput")
    class InputSerializer(serializers.Serializer):
        """Whom to invite."""

        leader_id = serializers.IntegerField()

    @extend_schema(request=InputSerializer, responses={201: InvitationOutputSerializer})
    def post(self, request: Request, network_id: int) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        invitation = informal.network_invite(
            actor=request_user(request),
            network_id=network_id,
            leader_id=data.validated_data["leader_id"],
        )
        return Response(InvitationOutputSerializer(invitation).data, status=status.HTTP_201_CREATED)


@extend_schema_serializer(component_name="InviteCandidate")
class CandidateOutputSerializer(serializers.Serializer):
    """A colleague who may be invited: as the staff directory names them."""

    id = serializers.IntegerField()
    name = serializers.CharField(source="full_name")
    role_title = serializers.CharField()
    unit = serializers.CharField(source="unit.name", default=None, allow_null=True)


class InviteCandidatesApi(APIView):
    """GET: colleagues a member may invite to the network, by name (``?q=``, two letters+)."""

    permission_classes = [IsLeaderUser]

    class FilterSerializer(serializers.Serializer):
        """The name searched for."""

        q = serializers.CharField(required=False, allow_blank=True, max_length=100, default="")

    @extend_schema(parameters=[FilterSerializer], responses=CandidateOutputSerializer(many=True))
    def get(self, request: Request, network_id: int) -> Response:
        params = self.FilterSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        found = informal.invite_candidates(
            actor=request_user(request), network_id=network_id, query=params.validated_data["q"]
        )
        return Response(CandidateOutputSerializer(found, many=True).data)


class MyInvitationListApi(APIView):
    """GET: the caller's pending invitations."""

    permission_classes = [IsLeaderUser]

    @extend_schema(responses=InvitationOutputSerializer(many=True))
    def get(self, request: Request) -> Response:
        found = informal.network_invitations_mine(actor=request_user(request))
        return Response(InvitationOutputSerializer(found, many=True).data)


class InvitationAnswerApi(APIView):
    """POST: the invited leader accepts or declines (``accept`` is set by the route)."""

    permission_classes = [IsLeaderUser]
    accept = True

    @extend_schema(request=None, responses=InvitationOutputSerializer)
    def post(self, request: Request, invitation_id: int) -> Response:
        invitation = informal.network_invitation_answer(
            actor=request_user(request), invitation_id=invitation_id, accept=self.accept
        )
        return Response(InvitationOutputSerializer(invitation).data)


class InvitationDeclineApi(InvitationAnswerApi):
    """POST: the invited leader declines."""

    accept = False


class NetworkLeaveApi(APIView):
    """POST: leave an informal network (the last one out closes it)."""

    permission_classes = [IsLeaderUser]

    @extend_schema(request=None, responses={204: None})
    def post(self, request: Request, network_id: int) -> Response:
        informal.network_leave(actor=request_user(request), network_id=network_id)
        return Response(status=status.HTTP_204_NO_CONTENT)


class NetworkCloseApi(APIView):
    """POST: the convener closes the informal network when it no longer helps."""

    permission_classes = [IsLeaderUser]

    @extend_schema(request=None, responses=NetworkRefSerializer)
    def post(self, request: Request, network_id: int) -> Response:
        network = informal.network_close(actor=request_user(request), network_id=network_id)
        return Response(NetworkRefSerializer(network).data)
