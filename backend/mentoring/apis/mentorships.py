"""Mentorships (the pairs) and the flags HR follows up on."""

from __future__ import annotations

from django.db.models import QuerySet
from drf_spectacular.utils import (
    extend_schema,
    extend_schema_serializer,
    extend_schema_view,
)
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.api.filters import FilterBackend
from backend.api.permissions import IsAuthenticatedUser, IsHR, IsOrgWideHR, request_user
from backend.mentoring import selectors
from backend.mentoring.filters import MentorshipFilter, status_parameter
from backend.mentoring.models import Flag, Mentorship
from backend.mentoring.serializers import (
    FlagOutputSerializer,
    FlagResolvedSerializer,
    MentorshipOutputSerializer,
    RecheckOutputSerializer,
)
from backend.mentoring.services import mentorships as services


@extend_schema_view(get=extend_schema(parameters=[status_parameter(Mentorship.Status.values)]))
class MentorshipListApi(ListAPIView[Mentorship]):
    """GET: the caller's pairs (a leader) or the pairs in scope (HR)."""

    queryset = Mentorship.objects.none()  # the model, for the schema; rows: get_queryset
    permission_classes = [IsAuthenticatedUser]
    serializer_class = MentorshipOutputSerializer
    filter_backends = [FilterBackend]
    filterset_class = MentorshipFilter

    def get_queryset(self) -> QuerySet[Mentorship]:
        mentorships = selectors.mentorships_visible_to(actor=request_user(self.request))
        return mentorships.order_by("-started_on", "-id")


class MentorshipDetailApi(APIView):
    """GET: one pair (its members, HR in scope)."""

    permission_classes = [IsAuthenticatedUser]

    @extend_schema(responses=MentorshipOutputSerializer)
    def get(self, request: Request, mentorship_id: int) -> Response:
        mentorship = selectors.mentorship_visible_or_404(
            actor=request_user(request), mentorship_id=mentorship_id
        )
        return Response(MentorshipOutputSerializer(mentorship).data)


class MentorshipEndApi(APIView):
    """POST: end a pair: completed, or ended early with a reason and optional exit survey."""

    permission_classes = [IsAuthenticatedUser]

    @extend_schema_serializer(component_name="MentorshipEndInput")
    class InputSerializer(serializers.Serializer):
        """How the mentorship ends."""

        completed = serializers.BooleanField()
        reason = serializers.CharField(max_length=400, required=False, allow_blank=True)
        exit_survey = serializers.DictField(required=False)

    @extend_schema(request=InputSerializer, responses=MentorshipOutputSerializer)
    def post(self, request: Request, mentorship_id: int) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        mentorship = services.mentorship_end_as(
            actor=request_user(request),
            mentorship_id=mentorship_id,
            completed=data.validated_data["completed"],
            reason=data.validated_data.get("reason", ""),
            exit_survey=data.validated_data.get("exit_survey"),
        )
        return Response(MentorshipOutputSerializer(mentorship).data)


# --- HR follow-up -------------------------------------------------------------------------


class FlagListApi(ListAPIView[Flag]):
    """GET: open flags on pairs in scope (HR)."""

    queryset = Flag.objects.none()  # the model, for the schema; rows: get_queryset
    permission_classes = [IsHR]
    serializer_class = FlagOutputSerializer
    filter_backends = []

    def get_queryset(self) -> QuerySet[Flag]:
        return selectors.flags_for_hr(actor=request_user(self.request))


class FlagResolveApi(APIView):
    """POST: mark a flag handled (HR in scope)."""

    permission_classes = [IsHR]

    @extend_schema(request=None, responses=FlagResolvedSerializer)
    def post(self, request: Request, flag_id: int) -> Response:
        flag = services.flag_resolve_as(actor=request_user(request), flag_id=flag_id)
        return Response(FlagResolvedSerializer(flag).data)


class RecheckApi(APIView):
    """POST: re-check the organisation's live pairs against the hard rules now (HR)."""

    permission_classes = [IsOrgWideHR]

    @extend_schema(request=None, responses=RecheckOutputSerializer)
    def post(self, request: Request) -> Response:
        rechecked = services.pairs_recheck_as(actor=request_user(request))
        return Response(RecheckOutputSerializer(rechecked).data)
