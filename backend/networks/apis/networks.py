"""Networks and their members, and a leader's memberships, as far as the caller may see them.

Open networks and their members: everyone in the organisation. Informal and members-only
networks: the name to members and to HR (with a head count, suppressed below 5 for
anyone outside), the members to members only.
"""

from __future__ import annotations

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework.generics import ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.api.permissions import IsAuthenticatedUser, IsOrganisationMember, request_user
from backend.networks.filters import MembershipFilter, NetworkFilter
from backend.networks.models import Membership, Network
from backend.networks.selectors.networks import (
    leader_membership_list,
    network_detail,
    network_list,
    network_membership_list,
)
from backend.networks.serializers import (
    LeaderMembershipSerializer,
    MembershipSerializer,
    NetworkSerializer,
)


class NetworkListApi(ListAPIView[Network]):
    """The networks the caller may see, with head counts."""

    permission_classes = [IsOrganisationMember]
    serializer_class = NetworkSerializer
    filterset_class = NetworkFilter
    ordering_fields = ["name", "kind", "created_at", "member_count"]

    def get_queryset(self) -> QuerySet[Network]:
        if getattr(self, "swagger_fake_view", False):
            return Network.objects.none()
        return network_list(actor=request_user(self.request))


class NetworkDetailApi(APIView):
    """One network the caller may see."""

    permission_classes = [IsOrganisationMember]

    @extend_schema(responses=NetworkSerializer)
    def get(self, request: Request, network_id: int) -> Response:
        network = network_detail(actor=request_user(request), network_id=network_id)
        return Response(NetworkSerializer(network).data)


class NetworkMembershipListApi(ListAPIView[Membership]):
    """A network's members: open networks for the organisation, private ones for members."""

    permission_classes = [IsOrganisationMember]
    serializer_class = MembershipSerializer
    filterset_class = MembershipFilter
    ordering_fields = ["since", "leader__last_name"]

    def get_queryset(self) -> QuerySet[Membership]:
        if getattr(self, "swagger_fake_view", False):
            return Membership.objects.none()
        return network_membership_list(
            actor=request_user(self.request), network_id=self.kwargs["network_id"]
        )


class LeaderMembershipListApi(ListAPIView[Membership]):
    """The networks a leader belongs to, as far as the caller may see them.

    The leader sees all of their own; a boss or HR sees only open networks, never informal or
    members-only ones.
    """

    permission_classes = [IsAuthenticatedUser]
    serializer_class = LeaderMembershipSerializer
    ordering_fields = ["since", "network__name"]

    def get_queryset(self) -> QuerySet[Membership]:
        if getattr(self, "swagger_fake_view", False):
            return Membership.objects.none()
        return leader_membership_list(
            actor=request_user(self.request), leader_id=self.kwargs["leader_id"]
        )
