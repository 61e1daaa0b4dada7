"""Running a round: HR invites mentors by criteria and previews a run; a leader answers an
invitation, volunteers for a programme and sees their own offers."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_serializer
from rest_framework import serializers, status
from rest_framework.generics import ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.api.permissions import IsHR, IsLeaderUser, IsOrgWideHR, request_user
from backend.mentoring import round_reads
from backend.mentoring.models import MentorOffer, Programme
from backend.mentoring.serializers import LeaderBriefSerializer, OfferOutputSerializer
from backend.mentoring.services import offers as services


class MentorCandidateSerializer(serializers.Serializer):
    """A leader HR may invite, with what the guard rails see."""

    leader = LeaderBriefSerializer()
    years_as_leader = serializers.FloatField()
    first_year = serializers.BooleanField(help_text="In their first year as a leader.")
    mentee = serializers.BooleanField(help_text="Enrolled as a mentee in a programme.")
    has_login = serializers.BooleanField(help_text="Can log in to answer an invitation.")
    offer_state = serializers.ChoiceField(
        choices=MentorOffer.State.choices, allow_null=True, help_text="Their offer, if any."
    )


class _CandidateQuery(serializers.Serializer):
    min_years = serializers.FloatField(required=False, default=0, min_value=0, max_value=60)
    administration = serializers.IntegerField(required=False, allow_null=True, default=None)
    exclude_first_year = serializers.BooleanField(required=False, default=True)
    exclude_mentees = serializers.BooleanField(required=False, default=True)


class MentorCandidateListApi(APIView):
    """GET: leaders HR may invite to mentor, by criteria (HR)."""

    permission_classes = [IsHR]

    @extend_schema(
        parameters=[
            OpenApiParameter("min_years", float, description="At least this many years as leader."),
            OpenApiParameter("administration", int, description="Only this administration."),
            OpenApiParameter(
                "exclude_first_year", bool, description="Leave out first-year leaders."
            ),
            OpenApiParameter("exclude_mentees", bool, description="Leave out enrolled mentees."),
        ],
        responses=MentorCandidateSerializer(many=True),
    )
    def get(self, request: Request, programme_id: int) -> Response:
        query = _CandidateQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        found = round_reads.mentor_candidates(
            actor=request_user(request),
            programme_id=programme_id,
            min_years=query.validated_data["min_years"],
            administration_id=query.validated_data["administration"],
            exclude_first_year=query.validated_data["exclude_first_year"],
            exclude_mentees=query.validated_data["exclude_mentees"],
        )
        return Response(MentorCandidateSerializer(found, many=True).data)


class MentorInviteApi(APIView):
    """POST: invite leaders to mentor; each gets a notification to answer (HR)."""

    permission_classes = [IsOrgWideHR]

    @extend_schema_serializer(component_name="MentorInviteInput")
    class InputSerializer(serializers.Serializer):
        """Who to invite; a reason when a first-year leader or a mentee is among them."""

        leaders = serializers.ListField(
            child=serializers.IntegerField(), min_length=1, max_length=500
        )
        override_reason = serializers.CharField(
            max_length=400, required=False, allow_blank=True, default=""
        )

    @extend_schema(request=InputSerializer, responses={201: OfferOutputSerializer(many=True)})
    def post(self, request: Request, programme_id: int) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        invited = services.mentor_invite_as(
            actor=request_user(request),
            programme_id=programme_id,
            leader_ids=data.validated_data["leaders"],
            override_reason=data.validated_data["override_reason"],
        )
        return Response(
            OfferOutputSerializer(invited, many=True).data, status=status.HTTP_201_CREATED
        )


class MyOfferListApi(ListAPIView[MentorOffer]):
    """GET: my offers to mentor and HR's invitations to me (a leader)."""

    queryset = MentorOffer.objects.none()  # the model, for the schema; rows: get_queryset
    permission_classes = [IsLeaderUser]
    serializer_class = OfferOutputSerializer
    filter_backends = []

    def get_queryset(self) -> QuerySet[MentorOffer]:
        return round_reads.offers_of_leader(actor=request_user(self.request))


class InvitationAnswerApi(APIView):
    """POST: answer HR's invitation to mentor: accept with capacity, topics and availability,
    or decline (the invited leader)."""

    permission_classes = [IsLeaderUser]

    @extend_schema_serializer(component_name="InvitationAnswerInput")
    class InputSerializer(serializers.Serializer):
        """The answer."""

        accept = serializers.BooleanField()
        capacity = serializers.IntegerField(min_value=0, max_value=10, required=False, default=1)
        topics = serializers.ListField(
            child=serializers.IntegerField(), required=False, default=list, max_length=50
        )
        availability = serializers.CharField(
            max_length=400, required=False, allow_blank=True, default=""
        )
        hours_per_month = serializers.IntegerField(
            min_value=0, max_value=100, required=False, allow_null=True, default=None
        )

    @extend_schema(request=InputSerializer, responses=OfferOutputSerializer)
    def post(self, request: Request, offer_id: int) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        offer = services.mentor_invitation_answer_as(
            actor=request_user(request),
            offer_id=offer_id,
            accept=values["accept"],
            capacity=values["capacity"],
            topic_ids=values["topics"],
            availability=values["availability"],
            hours_per_month=values["hours_per_month"],
        )
        return Response(OfferOutputSerializer(offer).data)


class OpenProgrammeSerializer(serializers.ModelSerializer):
    """A programme a leader can offer to mentor in."""

    class Meta:
        model = Programme
        fields = ["id", "name", "starts_on", "ends_on"]


class OpenProgrammeListApi(ListAPIView[Programme]):
    """GET: programmes of my organisation I can offer to mentor in (a leader)."""

    queryset = Programme.objects.none()  # the model, for the schema; rows: get_queryset
    permission_classes = [IsLeaderUser]
    serializer_class = OpenProgrammeSerializer
    filter_backends = []

    def get_queryset(self) -> QuerySet[Programme]:
        return round_reads.programmes_open_to_mentors(actor=request_user(self.request))


class PreviewExcludedSerializer(serializers.Serializer):
    """How many were left out of the run, for one reason."""

    role = serializers.ChoiceField(choices=["mentee", "mentor"])
    reason = serializers.CharField()
    count = serializers.IntegerField()


class PreviewOutputSerializer(serializers.Serializer):
    """How a run would go now (nothing written)."""

    mentees = serializers.IntegerField(help_text="Mentees waiting for a match.")
    mentors = serializers.IntegerField(help_text="Mentors taking part.")
    capacity = serializers.IntegerField(help_text="Free places.")
    matched = serializers.IntegerField(help_text="Mentees the run would match.")
    unmatched = serializers.IntegerField()
    excluded = PreviewExcludedSerializer(many=True)


class ProgrammePreviewApi(APIView):
    """POST: dry-run the programme's matching with its policy or a draft policy (HR for the
    whole organisation: the counts cover every administration)."""

    permission_classes = [IsOrgWideHR]

    @extend_schema_serializer(component_name="PreviewInput")
    class InputSerializer(serializers.Serializer):
        """A draft policy (optional; the programme's own when left out)."""

        policy = serializers.JSONField(required=False)

        def validate_policy(self, value: Any) -> dict[str, Any]:
            """The policy is an object."""
            if not isinstance(value, dict):
                raise serializers.ValidationError(_("The policy must be an object."))
            return value

    @extend_schema(request=InputSerializer, responses=PreviewOutputSerializer)
    def post(self, request: Request, programme_id: int) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        preview = round_reads.programme_preview(
            actor=request_user(request),
            programme_id=programme_id,
            policy=data.validated_data.get("policy"),
        )
        return Response(PreviewOutputSerializer(preview).data)
