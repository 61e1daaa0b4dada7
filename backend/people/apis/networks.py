"""Networks and their members, as far as the caller may see them.

Open networks and their members: everyone in the organisation. Informal and members-only
networks: the name to members and to HR (with a head count), the members to members only.
"""

from __future__ import annotations

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework.generics import ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.api.permissions import IsOrganisationMember
from backend.people import selectors
from backend.people.filters import MembershipFilter, NetworkFilter
from backend.people.models import Membership, Network, User
from backend.people.serializers import MembershipSerializer, NetworkSerializer


def _user(request: Request) -> User:
    return request.user  # type: ignore[return-value]


class NetworkListApi(ListAPIView[Network]):
    """The networks the caller may see, with head counts."""

    permission_classes = [IsOrganisationMember]
    serializer_class = NetworkSerializer
    filterset_class = NetworkFilter
    ordering_fields = ["name", "kind", "created_at", "member_count"]

    def get_queryset(self) -> QuerySet[Network]:
        if getattr(self, "swagger_fake_view", False):
            return Network.objects.none()
        return selectors.network_list(user=_user(self.request))


class NetworkDetailApi(APIView):
    """One network the caller may see."""

    permission_classes = [IsOrganisationMember]

    @extend_schema(responses=NetworkSerializer)
    def get(self, request: Request, network_id: int) -> Response:
        network = selectors.network_detail(user=_user(request), network_id=network_id)
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
        return selectors.network_membership_list(
            user=_user(self.request), network_id=self.kwargs["network_id"]
        )
