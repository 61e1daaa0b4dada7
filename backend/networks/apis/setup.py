"""HR's doors to set up formal networks (leader groups, learning networks, leadership teams):
create and edit them, add and remove members. Reads stay in ``networks.py``."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.api.permissions import (
    IsHR,
    IsOrganisationMember,
    IsOrgWideHR,
    WriteRolesMixin,
    request_user,
)
from backend.networks.apis.networks import NetworkDetailApi, NetworkListApi
from backend.networks.models import Membership
from backend.networks.selectors.networks import network_detail
from backend.networks.serializers import (
    LeaderBriefSerializer,
    MembershipSerializer,
    NetworkSerializer,
)
from backend.networks.services.cohorts import CohortProposal, cohort_circles_propose
from backend.networks.services.hr_networks import (
    FORMAL_KINDS,
    network_create_as,
    network_member_remove_as,
    network_members_add_as,
    network_update_as,
)


class NetworkInputSerializer(serializers.Serializer[Any]):
    """A formal network HR sets up (always open: the organisation sees its members)."""

    name = serializers.CharField(max_length=200)
    kind = serializers.ChoiceField(choices=[(k.value, k.label) for k in FORMAL_KINDS])
    theme = serializers.CharField(max_length=200, required=False, allow_blank=True)
    description = serializers.CharField(max_length=4000, required=False, allow_blank=True)
    welcomes_newcomers = serializers.BooleanField(required=False)
    active = serializers.BooleanField(required=False)


class NetworkMembersInputSerializer(serializers.Serializer[Any]):
    """Leaders to add to a network, and their role."""

    leader_ids = serializers.ListField(
        child=serializers.IntegerField(min_value=1), min_length=1, max_length=500
    )
    role = serializers.ChoiceField(choices=Membership.Role.choices, default=Membership.Role.MEMBER)


class NetworkListCreateApi(WriteRolesMixin, NetworkListApi):
    """The networks the caller may see; HR for the whole organisation creates one with POST."""

    permission_classes = [IsOrganisationMember]
    write_permission_classes = [IsOrgWideHR]

    @extend_schema(request=NetworkInputSerializer, responses={201: NetworkSerializer})
    def post(self, request: Request) -> Response:
        data = NetworkInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        actor = request_user(request)
        network = network_create_as(actor=actor, **data.validated_data)
        found = network_detail(actor=actor, network_id=network.id)
        return Response(NetworkSerializer(found).data, status=status.HTTP_201_CREATED)


class NetworkEditApi(WriteRolesMixin, NetworkDetailApi):
    """One network; HR for the whole organisation edits a formal one (PATCH)."""

    permission_classes = [IsOrganisationMember]
    write_permission_classes = [IsOrgWideHR]

    @extend_schema(request=NetworkInputSerializer(partial=True), responses=NetworkSerializer)
    def patch(self, request: Request, network_id: int) -> Response:
        data = NetworkInputSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        actor = request_user(request)
        network_update_as(actor=actor, network_id=network_id, **data.validated_data)
        return Response(NetworkSerializer(network_detail(actor=actor, network_id=network_id)).data)


class NetworkMembersAddApi(APIView):
    """HR adds leaders to a formal network (the list of members is ``network-memberships``)."""

    permission_classes = [IsOrgWideHR]

    @extend_schema(
        request=NetworkMembersInputSerializer, responses={201: MembershipSerializer(many=True)}
    )
    def post(self, request: Request, network_id: int) -> Response:
        data = NetworkMembersInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        rows = network_members_add_as(
            actor=request_user(request), network_id=network_id, **data.validated_data
        )
        return Response(MembershipSerializer(rows, many=True).data, status=status.HTTP_201_CREATED)


class NetworkMemberRemoveApi(APIView):
    """HR removes a leader from a formal network."""

    permission_classes = [IsOrgWideHR]

    @extend_schema(responses={204: None})
    def delete(self, request: Request, network_id: int, leader_id: int) -> Response:
        network_member_remove_as(
            actor=request_user(request), network_id=network_id, leader_id=leader_id
        )
        return Response(status=status.HTTP_204_NO_CONTENT)


class CohortProposalGroupSerializer(serializers.Serializer[Any]):
    """One proposed circle: its members."""

    members = LeaderBriefSerializer(many=True)


class CohortProposalSerializer(serializers.Serializer[Any]):
    """The circles proposed for review; nothing is created until HR forms them."""

    period_start = serializers.DateField()
    period_end = serializers.DateField()
    groups = serializers.SerializerMethodField()

    @extend_schema_field(CohortProposalGroupSerializer(many=True))
    def get_groups(self, obj: CohortProposal) -> list[dict[str, Any]]:
        return [
            dict(CohortProposalGroupSerializer({"members": group}).data) for group in obj.groups
        ]


class CohortProposalApi(APIView):
    """HR reviews the cohort circles the composer proposes (nothing written)."""

    permission_classes = [IsHR]

    @extend_schema(request=None, responses=CohortProposalSerializer)
    def post(self, request: Request) -> Response:
        proposal = cohort_circles_propose(actor=request_user(request))
        return Response(CohortProposalSerializer(proposal).data)
