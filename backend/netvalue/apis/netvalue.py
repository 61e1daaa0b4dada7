"""The member's question and answers; HR's overview and asking now."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema, extend_schema_serializer
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.api.permissions import IsLeaderUser, IsOrgWideHR, request_user
from backend.netvalue.models import ValueAnswer, ValueRound
from backend.netvalue.selectors import my_value_questions, value_overview
from backend.netvalue.services import value_answer, value_round_open_as


@extend_schema_serializer(component_name="ValueRound")
class RoundSerializer(serializers.ModelSerializer[ValueRound]):
    class Meta:
        model = ValueRound
        fields = ["id", "opened_on", "closes_on"]


@extend_schema_serializer(component_name="ValueAnswer")
class AnswerSerializer(serializers.ModelSerializer[ValueAnswer]):
    class Meta:
        model = ValueAnswer
        fields = ["network", "score", "wish", "comment"]


@extend_schema_serializer(component_name="ValueNetwork")
class NetworkBriefSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    name = serializers.CharField()
    kind = serializers.CharField()


@extend_schema_serializer(component_name="ValueQuestion")
class QuestionSerializer(serializers.Serializer[Any]):
    network = NetworkBriefSerializer()
    answer = AnswerSerializer(allow_null=True)


@extend_schema_serializer(component_name="MyValueQuestions")
class MyQuestionsSerializer(serializers.Serializer[Any]):
    round = RoundSerializer(allow_null=True)
    questions = QuestionSerializer(many=True)


class MyValueQuestionsApi(APIView):
    """The leader's networks to answer for in the open round, with their own answers."""

    permission_classes = [IsLeaderUser]

    @extend_schema(responses=MyQuestionsSerializer)
    def get(self, request: Request) -> Response:
        return Response(MyQuestionsSerializer(my_value_questions(actor=request_user(request))).data)


@extend_schema_serializer(component_name="ValueAnswerInput")
class AnswerInputSerializer(serializers.Serializer[Any]):
    network = serializers.IntegerField()
    score = serializers.IntegerField(min_value=1, max_value=5)
    wish = serializers.ChoiceField(choices=ValueAnswer.Wish.choices)
    comment = serializers.CharField(required=False, allow_blank=True, max_length=1000, default="")


class ValueAnswerApi(APIView):
    """A member answers for one of their networks (answering again replaces the answer)."""

    permission_classes = [IsLeaderUser]

    @extend_schema(request=AnswerInputSerializer, responses={201: AnswerSerializer})
    def post(self, request: Request) -> Response:
        data = AnswerInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        answer = value_answer(
            actor=request_user(request),
            network_id=v["network"],
            score=v["score"],
            wish=v["wish"],
            comment=v["comment"],
        )
        return Response(AnswerSerializer(answer).data, status=status.HTTP_201_CREATED)


@extend_schema_serializer(component_name="ValueCell")
class CellSerializer(serializers.Serializer[Any]):
    value = serializers.FloatField(allow_null=True)
    suppressed = serializers.BooleanField()


@extend_schema_serializer(component_name="ValueOverviewNetwork")
class OverviewNetworkSerializer(serializers.Serializer[Any]):
    network = NetworkBriefSerializer()
    members = serializers.IntegerField()
    answers = serializers.IntegerField()
    mean_score = CellSerializer()
    keep = CellSerializer()
    change = CellSerializer()
    close = CellSerializer()
    comments = serializers.ListField(
        child=serializers.CharField(), help_text="Without names; only with five answers or more."
    )
    verdict = serializers.ChoiceField(choices=["renew", "change", "close", "too_few"])


@extend_schema_serializer(component_name="ValueOverview")
class OverviewSerializer(serializers.Serializer[Any]):
    round = RoundSerializer(allow_null=True)
    networks = OverviewNetworkSerializer(many=True)


class ValueOverviewApi(APIView):
    """Organisation-wide HR: the latest round per network, small cells hidden, and what to
    renew or close (networks have no administration, so HR scoped to one sees none)."""

    permission_classes = [IsOrgWideHR]

    @extend_schema(responses=OverviewSerializer)
    def get(self, request: Request) -> Response:
        return Response(OverviewSerializer(value_overview(actor=request_user(request))).data)


class ValueRoundOpenApi(APIView):
    """Organisation-wide HR asks the question now (the beat asks every three months)."""

    permission_classes = [IsOrgWideHR]

    @extend_schema(request=None, responses={201: RoundSerializer})
    def post(self, request: Request) -> Response:
        value_round = value_round_open_as(actor=request_user(request))
        return Response(RoundSerializer(value_round).data, status=status.HTTP_201_CREATED)
