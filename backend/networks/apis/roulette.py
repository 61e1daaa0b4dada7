"""Coffee roulette: a network's settings, opting out, the caller's pairs."""

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

from backend.api.permissions import IsLeaderUser, IsOrganisationMember, request_user
from backend.networks.models import (
    RoulettePair,
    RouletteSetting,
)
from backend.networks.selectors.roulette import roulette_pairs_of, roulette_setting_or_404
from backend.networks.serializers import LeaderBriefSerializer
from backend.networks.services.roulette import roulette_opt_out, roulette_setting_set


class RouletteSettingApi(APIView):
    """A network's coffee roulette: members and HR read it, HR or a convener sets it."""

    permission_classes = [IsOrganisationMember]

    @extend_schema_serializer(component_name="RouletteSettingInput")
    class InputSerializer(serializers.Serializer[Any]):
        active = serializers.BooleanField(default=True)
        every_weeks = serializers.IntegerField(min_value=1, max_value=52, default=4)
        cooldown_weeks = serializers.IntegerField(min_value=0, max_value=260, default=12)
        next_run_on = serializers.DateField(required=False)

    @extend_schema_serializer(component_name="RouletteSetting")
    class OutputSerializer(serializers.Serializer[RouletteSetting]):
        """A network's roulette settings."""

        network = serializers.IntegerField(source="network_id")
        active = serializers.BooleanField()
        every_weeks = serializers.IntegerField()
        cooldown_weeks = serializers.IntegerField()
        next_run_on = serializers.DateField(allow_null=True)

    @extend_schema(
        responses=OpenApiResponse(
            OutputSerializer,
            description="`active` false and `next_run_on` null while the network has no "
            "roulette set up.",
        )
    )
    def get(self, request: Request, network_id: int) -> Response:
        setting = roulette_setting_or_404(actor=request_user(request), network_id=network_id)
        return Response(self.OutputSerializer(setting).data)

    @extend_schema(request=InputSerializer, responses=OutputSerializer)
    def put(self, request: Request, network_id: int) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        setting = roulette_setting_set(
            actor=request_user(request), network_id=network_id, **data.validated_data
        )
        return Response(self.OutputSerializer(setting).data)


class RouletteOptOutApi(APIView):
    """A member sits out the next round."""

    permission_classes = [IsLeaderUser]

    # The round the member sits out.
    @extend_schema_serializer(component_name="RouletteOptedOut")
    class OutputSerializer(serializers.Serializer[Any]):
        round = serializers.IntegerField()

    @extend_schema(request=None, responses={201: OutputSerializer})
    def post(self, request: Request, network_id: int) -> Response:
        number = roulette_opt_out(actor=request_user(request), network_id=network_id)
        return Response(
            self.OutputSerializer({"round": number}).data, status=status.HTTP_201_CREATED
        )


class RoulettePairOutputSerializer(serializers.ModelSerializer[RoulettePair]):
    """A roulette pair (or trio) of the caller."""

    network = serializers.CharField(source="round.network.name")
    round = serializers.IntegerField(source="round.number")
    run_on = serializers.DateField(source="round.run_on")
    leaders = LeaderBriefSerializer(many=True)

    class Meta:
        model = RoulettePair
        fields = ["id", "network", "round", "run_on", "leaders"]


class MyRoulettePairListApi(ListAPIView[RoulettePair]):
    """The calling leader's roulette pairs."""

    permission_classes = [IsLeaderUser]
    serializer_class = RoulettePairOutputSerializer

    def get_queryset(self) -> QuerySet[RoulettePair]:
        if getattr(self, "swagger_fake_view", False):
            return RoulettePair.objects.none()
        return roulette_pairs_of(actor=request_user(self.request))
