"""A mentorship's life after the first meeting: planned meetings (with an invitation each),
pulses after meetings, the exit survey, and HR's view of programme quality.

Meetings, pulses and survey answers are the pair's: only its two members reach them (anyone
else, HR included, gets 404; a caller without a leader profile 403). A member reads back only
their own pulses and answers, never the other member's. HR reads quality in aggregate only.
"""

from __future__ import annotations

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_serializer
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.api.permissions import IsHR, IsLeaderUser, request_user
from backend.mentoring import ics
from backend.mentoring.models import ExitSurvey
from backend.mentoring.quality import programme_quality
from backend.mentoring.services import meetings, pulses, surveys


class MeetingOutputSerializer(serializers.Serializer):
    """A planned meeting of the pair."""

    id = serializers.IntegerField()
    mentorship = serializers.IntegerField(source="mentorship_id")
    starts_at = serializers.DateTimeField()
    minutes = serializers.IntegerField()
    location = serializers.CharField()
    planned_by = serializers.IntegerField(source="planned_by_id", allow_null=True)
    cancelled = serializers.SerializerMethodField()

    def get_cancelled(self, meeting: object) -> bool:
        return getattr(meeting, "cancelled_at", None) is not None


class MeetingListCreateApi(APIView):
    """GET: the pair's planned meetings. POST: plan the next one (the other member is told)."""

    permission_classes = [IsLeaderUser]

    @extend_schema_serializer(component_name="MeetingInput")
    class InputSerializer(serializers.Serializer):
        """When and where the pair meets."""

        starts_at = serializers.DateTimeField()
        minutes = serializers.IntegerField(min_value=15, max_value=480, default=60)
        location = serializers.CharField(max_length=200, required=False, allow_blank=True)

    @extend_schema(responses=MeetingOutputSerializer(many=True))
    def get(self, request: Request, mentorship_id: int) -> Response:
        found = meetings.meetings_of_pair(actor=request_user(request), mentorship_id=mentorship_id)
        return Response(MeetingOutputSerializer(found, many=True).data)

    @extend_schema(request=InputSerializer, responses={201: MeetingOutputSerializer})
    def post(self, request: Request, mentorship_id: int) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        meeting = meetings.meeting_plan_as(
            actor=request_user(request), mentorship_id=mentorship_id, **data.validated_data
        )
        return Response(MeetingOutputSerializer(meeting).data, status=status.HTTP_201_CREATED)


class MeetingCancelApi(APIView):
    """POST: cancel a planned meeting (a member of the pair)."""

    permission_classes = [IsLeaderUser]

    @extend_schema(request=None, responses=MeetingOutputSerializer)
    def post(self, request: Request, meeting_id: int) -> Response:
        meeting = meetings.meeting_cancel_as(actor=request_user(request), meeting_id=meeting_id)
        return Response(MeetingOutputSerializer(meeting).data)


class MeetingInvitationApi(APIView):
    """GET: the ICS invitation for a planned meeting (a cancelled one as a cancellation)."""

    permission_classes = [IsLeaderUser]

    @extend_schema(
        responses={
            (200, "text/calendar"): OpenApiResponse(
                OpenApiTypes.STR, description="An iCalendar (RFC 5545) file, as an attachment."
            )
        },
    )
    def get(self, request: Request, meeting_id: int) -> HttpResponse:
        meeting = meetings.meeting_of_pair_or_404(
            actor=request_user(request), meeting_id=meeting_id
        )
        response = HttpResponse(
            ics.meeting_invitation(meeting=meeting), content_type="text/calendar; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="mentormoede-{meeting_id}.ics"'
        return response


class PulseOutputSerializer(serializers.Serializer):
    """One of the caller's own pulses (the comment is theirs; HR reads it without a name)."""

    id = serializers.IntegerField()
    met_on = serializers.DateField()
    score = serializers.IntegerField()
    comment = serializers.CharField()


class PulseListCreateApi(APIView):
    """GET: the caller's own pulses on the pair. POST: rate a meeting 1-5 (once per meeting)."""

    permission_classes = [IsLeaderUser]

    @extend_schema_serializer(component_name="PulseInput")
    class InputSerializer(serializers.Serializer):
        """How useful the meeting was, and an optional word for the programme coordinator."""

        met_on = serializers.DateField()
        score = serializers.IntegerField(min_value=1, max_value=5)
        comment = serializers.CharField(max_length=1000, required=False, allow_blank=True)

    @extend_schema(responses=PulseOutputSerializer(many=True))
    def get(self, request: Request, mentorship_id: int) -> Response:
        mine = pulses.pulses_mine(actor=request_user(request), mentorship_id=mentorship_id)
        return Response(PulseOutputSerializer(mine, many=True).data)

    @extend_schema(request=InputSerializer, responses={201: PulseOutputSerializer})
    def post(self, request: Request, mentorship_id: int) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        pulse = pulses.pulse_give_as(
            actor=request_user(request), mentorship_id=mentorship_id, **data.validated_data
        )
        return Response(PulseOutputSerializer(pulse).data, status=status.HTTP_201_CREATED)


class ExitSurveyOutputSerializer(serializers.Serializer):
    """The caller's own exit-survey answer (``answered`` false: not answered yet)."""

    answered = serializers.BooleanField()
    rating = serializers.IntegerField(allow_null=True)
    goals_met = serializers.ChoiceField(choices=ExitSurvey.Goals.choices, allow_null=True)
    would_recommend = serializers.BooleanField(allow_null=True)
    comment = serializers.CharField(allow_null=True)


def _survey_data(answer: ExitSurvey | None) -> dict[str, object]:
    if answer is None:
        empty = {"rating": None, "goals_met": None, "would_recommend": None, "comment": None}
        return dict(ExitSurveyOutputSerializer({"answered": False, **empty}).data)
    return dict(
        ExitSurveyOutputSerializer(
            {
                "answered": True,
                "rating": answer.rating,
                "goals_met": answer.goals_met,
                "would_recommend": answer.would_recommend,
                "comment": answer.comment,
            }
        ).data
    )


class ExitSurveyApi(APIView):
    """GET: the caller's own answer. POST: answer once the pair has ended (409 while active)."""

    permission_classes = [IsLeaderUser]

    @extend_schema_serializer(component_name="ExitSurveyInput")
    class InputSerializer(serializers.Serializer):
        """How the mentorship went."""

        rating = serializers.IntegerField(min_value=1, max_value=5)
        goals_met = serializers.ChoiceField(choices=ExitSurvey.Goals.choices)
        would_recommend = serializers.BooleanField()
        comment = serializers.CharField(max_length=2000, required=False, allow_blank=True)

    @extend_schema(responses=ExitSurveyOutputSerializer)
    def get(self, request: Request, mentorship_id: int) -> Response:
        answer = surveys.exit_survey_mine(actor=request_user(request), mentorship_id=mentorship_id)
        return Response(_survey_data(answer))

    @extend_schema(request=InputSerializer, responses={201: ExitSurveyOutputSerializer})
    def post(self, request: Request, mentorship_id: int) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        answer = surveys.exit_survey_answer_as(
            actor=request_user(request), mentorship_id=mentorship_id, **data.validated_data
        )
        return Response(_survey_data(answer), status=status.HTTP_201_CREATED)


# --- HR: programme quality ----------------------------------------------------------------


class QualityCellSerializer(serializers.Serializer):
    """A figure, or ``null`` with ``suppressed`` when it rests on fewer than five people."""

    value = serializers.FloatField(allow_null=True)
    suppressed = serializers.BooleanField()


class PulseFiguresSerializer(serializers.Serializer):
    """Pulse figures of a group: people who rated, pulses, the mean score (1-5)."""

    administration = serializers.CharField(allow_null=True, required=False)
    respondents = QualityCellSerializer()
    pulses = QualityCellSerializer()
    mean_score = QualityCellSerializer()


class SurveyFiguresSerializer(serializers.Serializer):
    """Exit-survey figures of a group: people, mean rating, goals met %, would recommend %."""

    administration = serializers.CharField(allow_null=True, required=False)
    respondents = QualityCellSerializer()
    mean_rating = QualityCellSerializer()
    goals_met_pct = QualityCellSerializer()
    recommend_pct = QualityCellSerializer()


class PulseQualitySerializer(serializers.Serializer):
    """The total and each administration (``null``: the pooled small ones)."""

    total = PulseFiguresSerializer()
    administrations = PulseFiguresSerializer(many=True)


class SurveyQualitySerializer(serializers.Serializer):
    """The total and each administration (``null``: the pooled small ones)."""

    total = SurveyFiguresSerializer()
    administrations = SurveyFiguresSerializer(many=True)


class ProgrammeQualitySerializer(serializers.Serializer):
    """A programme's quality from pulses and exit surveys; comments without names."""

    programme = serializers.IntegerField()
    pulses = PulseQualitySerializer()
    surveys = SurveyQualitySerializer()
    pulse_comments = serializers.ListField(child=serializers.CharField())
    pulse_comments_hidden = serializers.BooleanField()
    survey_comments = serializers.ListField(child=serializers.CharField())
    survey_comments_hidden = serializers.BooleanField()


class ProgrammeQualityApi(APIView):
    """GET: the programme's quality from pulses and exit surveys (HR; small groups hidden)."""

    permission_classes = [IsHR]

    @extend_schema(responses=ProgrammeQualitySerializer)
    def get(self, request: Request, programme_id: int) -> Response:
        quality = programme_quality(actor=request_user(request), programme_id=programme_id)
        return Response(ProgrammeQualitySerializer(quality).data)
