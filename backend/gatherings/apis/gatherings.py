"""Leader meetings: list and create, the plan, attendees, composing and moving (HR only)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_serializer
from rest_framework import serializers, status
from rest_framework.generics import ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.api.permissions import IsHR, request_user
from backend.gatherings.models import Gathering
from backend.gatherings.selectors import (
    GatheringPlan,
    gathering_for_hr_or_404,
    gathering_plan,
    gatherings_listed,
)
from backend.gatherings.services import (
    attendee_remove,
    attendees_add,
    gathering_compose,
    gathering_create,
    gathering_update,
    seat_move,
)
from backend.networks.serializers import LeaderBriefSerializer


@extend_schema_serializer(component_name="Gathering")
class GatheringOutputSerializer(serializers.ModelSerializer[Gathering]):
    """A leader meeting in HR's list."""

    attendee_count = serializers.IntegerField(read_only=True)
    composed = serializers.BooleanField(read_only=True)

    class Meta:
        model = Gathering
        fields = [
            "id",
            "title",
            "date",
            "place",
            "table_min",
            "table_max",
            "rounds",
            "attendee_count",
            "composed",
        ]


@extend_schema_serializer(component_name="GatheringInput")
class GatheringInputSerializer(serializers.Serializer[Any]):
    title = serializers.CharField(max_length=200)
    date = serializers.DateField()
    place = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    table_min = serializers.IntegerField(min_value=2, max_value=30, default=6)
    table_max = serializers.IntegerField(min_value=2, max_value=30, default=8)
    rounds = serializers.IntegerField(min_value=1, max_value=6, default=2)


class GatheringListApi(ListAPIView[Gathering]):
    """HR's leader meetings, newest first; HR creates one."""

    permission_classes = [IsHR]
    serializer_class = GatheringOutputSerializer

    def get_queryset(self) -> QuerySet[Gathering]:
        if getattr(self, "swagger_fake_view", False):
            return Gathering.objects.none()
        return gatherings_listed(actor=request_user(self.request))

    @extend_schema(request=GatheringInputSerializer, responses={201: GatheringOutputSerializer})
    def post(self, request: Request) -> Response:
        data = GatheringInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        actor = request_user(request)
        gathering = gathering_create(actor=actor, **data.validated_data)
        row = gatherings_listed(actor=actor).get(id=gathering.id)
        return Response(GatheringOutputSerializer(row).data, status=status.HTTP_201_CREATED)


@extend_schema_serializer(component_name="GatheringWarning")
class WarningOutputSerializer(serializers.Serializer[Any]):
    rule = serializers.ChoiceField(
        choices=["line", "unit", "known", "met", "one_administration", "size"]
    )
    hard = serializers.BooleanField(help_text="A hard rule: the server refuses such a move.")
    leaders = serializers.ListField(child=serializers.IntegerField())
    met_round = serializers.IntegerField(allow_null=True, help_text="For `met`: the round.")


@extend_schema_serializer(component_name="GatheringTable")
class TableOutputSerializer(serializers.Serializer[Any]):
    number = serializers.IntegerField()
    members = LeaderBriefSerializer(many=True)
    administrations = serializers.IntegerField()
    new_pairs = serializers.IntegerField(help_text="Pairs meeting for the first time.")
    pairs = serializers.IntegerField()
    warnings = WarningOutputSerializer(many=True)


@extend_schema_serializer(component_name="GatheringRound")
class RoundOutputSerializer(serializers.Serializer[Any]):
    number = serializers.IntegerField()
    tables = TableOutputSerializer(many=True)
    new_pairs = serializers.IntegerField(help_text="New acquaintances in this round.")
    pairs = serializers.IntegerField()
    repeated_pairs = serializers.IntegerField(help_text="Pairs who sat together in a round before.")


@extend_schema_serializer(component_name="GatheringPlan")
class PlanOutputSerializer(serializers.Serializer[GatheringPlan]):
    """A meeting with its attendees and each round's tables (public ties only)."""

    gathering = GatheringOutputSerializer()
    attendees = LeaderBriefSerializer(many=True)
    rounds = RoundOutputSerializer(many=True)


def _plan_response(actor: Any, gathering_id: int, **kwargs: Any) -> Response:
    row = gatherings_listed(actor=actor).get(id=gathering_id)
    return Response(PlanOutputSerializer(gathering_plan(gathering=row)).data, **kwargs)


@extend_schema_serializer(component_name="GatheringUpdateInput")
class GatheringUpdateInputSerializer(GatheringInputSerializer):
    title = serializers.CharField(max_length=200, required=False)
    date = serializers.DateField(required=False)
    table_min = serializers.IntegerField(min_value=2, max_value=30, required=False)
    table_max = serializers.IntegerField(min_value=2, max_value=30, required=False)
    rounds = serializers.IntegerField(min_value=1, max_value=6, required=False)
    place = serializers.CharField(max_length=200, required=False, allow_blank=True)


class GatheringDetailApi(APIView):
    """One meeting's plan (HR); HR changes its facts."""

    permission_classes = [IsHR]

    @extend_schema(responses=PlanOutputSerializer)
    def get(self, request: Request, gathering_id: int) -> Response:
        actor = request_user(request)
        gathering = gathering_for_hr_or_404(actor=actor, gathering_id=gathering_id)
        return _plan_response(actor, gathering.id)

    @extend_schema(request=GatheringUpdateInputSerializer, responses=PlanOutputSerializer)
    def patch(self, request: Request, gathering_id: int) -> Response:
        data = GatheringUpdateInputSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        actor = request_user(request)
        gathering = gathering_update(actor=actor, gathering_id=gathering_id, **data.validated_data)
        return _plan_response(actor, gathering.id)


@extend_schema_serializer(component_name="AttendeesAddInput")
class AttendeesInputSerializer(serializers.Serializer[Any]):
    leader_ids = serializers.ListField(
        child=serializers.IntegerField(), required=False, default=list, max_length=5000
    )
    administration_ids = serializers.ListField(
        child=serializers.IntegerField(), required=False, default=list, max_length=100
    )
    levels = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=10),
        required=False,
        default=list,
        help_text="1: top of the line; 2: one boss above; ...",
    )
    all_leaders = serializers.BooleanField(required=False, default=False)
    identifiers = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        max_length=100_000,
        help_text="Employee numbers or e-mails, separated by lines, commas or spaces.",
    )


@extend_schema_serializer(component_name="AttendeesAdded")
class AttendeesAddedSerializer(serializers.Serializer[Any]):
    added = serializers.IntegerField()


class GatheringAttendeesApi(APIView):
    """HR adds attendees: by hand, by administration or level, all leaders, or from a list."""

    permission_classes = [IsHR]

    @extend_schema(request=AttendeesInputSerializer, responses={201: AttendeesAddedSerializer})
    def post(self, request: Request, gathering_id: int) -> Response:
        data = AttendeesInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        added = attendees_add(
            actor=request_user(request), gathering_id=gathering_id, **data.validated_data
        )
        return Response(
            AttendeesAddedSerializer({"added": added}).data, status=status.HTTP_201_CREATED
        )


class GatheringAttendeeApi(APIView):
    """HR removes an attendee (and their seats)."""

    permission_classes = [IsHR]

    @extend_schema(responses={204: None})
    def delete(self, request: Request, gathering_id: int, leader_id: int) -> Response:
        attendee_remove(actor=request_user(request), gathering_id=gathering_id, leader_id=leader_id)
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema_serializer(component_name="GatheringComposeInput")
class ComposeInputSerializer(serializers.Serializer[Any]):
    seed = serializers.IntegerField(required=False, default=42, min_value=0)


class GatheringComposeApi(APIView):
    """HR composes every round's tables (about a second; replaces earlier moves)."""

    permission_classes = [IsHR]

    @extend_schema(request=ComposeInputSerializer, responses=PlanOutputSerializer)
    def post(self, request: Request, gathering_id: int) -> Response:
        data = ComposeInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        actor = request_user(request)
        gathering = gathering_compose(
            actor=actor, gathering_id=gathering_id, seed=data.validated_data["seed"]
        )
        return _plan_response(actor, gathering.id)


@extend_schema_serializer(component_name="SeatMoveInput")
class MoveInputSerializer(serializers.Serializer[Any]):
    round = serializers.IntegerField(min_value=1)
    leader = serializers.IntegerField()
    table = serializers.IntegerField(min_value=1)


class GatheringMoveApi(APIView):
    """HR moves a person to another table in one round; line and unit are checked."""

    permission_classes = [IsHR]

    @extend_schema(request=MoveInputSerializer, responses=PlanOutputSerializer)
    def post(self, request: Request, gathering_id: int) -> Response:
        data = MoveInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        actor = request_user(request)
        gathering = seat_move(
            actor=actor,
            gathering_id=gathering_id,
            round_number=data.validated_data["round"],
            leader_id=data.validated_data["leader"],
            table=data.validated_data["table"],
        )
        return _plan_response(actor, gathering.id)
