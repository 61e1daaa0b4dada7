"""Output serializers shared by the networks APIs: networks, memberships, leaders as peers see them.

Explicit field lists only; a leader shown here carries no contact details and nothing private.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers

from backend.api.serializers import FastReadMixin
from backend.networks.models import Membership, Network
from backend.people.models import Leader
from backend.people.serializers import LeaderRefSerializer


class NetworkSerializer(FastReadMixin, serializers.ModelSerializer[Network]):
    """A network; ``member_count`` and ``member_count_suppressed`` are annotated by the selector."""

    member_count = serializers.IntegerField(
        read_only=True,
        allow_null=True,
        help_text=(
            "Head count; null when suppressed: an informal or members-only network with fewer "
            "than 5 members, seen by someone who is not a member."
        ),
    )
    member_count_suppressed = serializers.BooleanField(
        read_only=True, help_text="True when the head count is hidden: fewer than 5 members."
    )
    is_private = serializers.BooleanField(read_only=True)

    class Meta:
        model = Network
        fields = [
            "id",
            "name",
            "kind",
            "visibility",
            "is_private",
            "description",
            "theme",
            "welcomes_newcomers",
            "active",
            "member_count",
            "member_count_suppressed",
        ]


class NetworkRefSerializer(FastReadMixin, serializers.ModelSerializer[Network]):
    """A network in brief."""

    class Meta:
        model = Network
        fields = ["id", "name", "kind", "visibility"]


class MembershipSerializer(FastReadMixin, serializers.ModelSerializer[Membership]):
    """A membership as seen from a network: the member."""

    leader = LeaderRefSerializer(read_only=True)

    class Meta:
        model = Membership
        fields = ["id", "leader", "role", "since"]


class LeaderMembershipSerializer(FastReadMixin, serializers.ModelSerializer[Membership]):
    """A membership as seen from a leader: the network."""

    network = NetworkRefSerializer(read_only=True)

    class Meta:
        model = Membership
        fields = ["id", "network", "role", "since"]


class ReasonSerializer(serializers.Serializer[Any]):
    """A reason in Danish and English."""

    code = serializers.CharField()
    da = serializers.CharField()
    en = serializers.CharField()


class LeaderBriefSerializer(serializers.ModelSerializer[Leader]):
    """A leader as peers see them: no contact details, nothing private."""

    name = serializers.CharField(source="full_name")
    unit = serializers.CharField(source="unit.name", default=None)
    service_type = serializers.CharField(source="unit.service_type", default=None)
    is_specialist = serializers.BooleanField(source="unit.is_specialist", default=False)
    administration = serializers.CharField(
        source="unit.department.administration.name", default=None
    )

    class Meta:
        model = Leader
        fields = [
            "id",
            "name",
            "role_title",
            "unit",
            "service_type",
            "is_specialist",
            "administration",
        ]


@extend_schema_serializer(component_name="NetworkMapLeader")
class MapLeaderSerializer(serializers.Serializer[Any]):
    """A leader on a map or in the insights: name, title, unit (``selectors.leaders``)."""

    id = serializers.IntegerField()
    name = serializers.CharField()
    role_title = serializers.CharField()
    unit = serializers.CharField(allow_null=True)
    administration = serializers.CharField(allow_null=True)
