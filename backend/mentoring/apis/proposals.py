"""Proposals (HR reviews, the pair accepts or declines) and a mentee's suggested mentors."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_serializer,
    extend_schema_view,
)
from rest_framework import serializers, status
from rest_framework.generics import ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.api.filters import FilterBackend
from backend.api.permissions import (
    IsAuthenticatedUser,
    IsHR,
    IsLeaderUser,
    request_user,
)
from backend.mentoring import selectors
from backend.mentoring.filters import ProposalFilter, status_parameter
from backend.mentoring.models import Proposal, Suggestion
from backend.mentoring.serializers import (
    PROPOSAL_DESCRIPTION,
    MyProposalListSerializer,
    ProposalAcceptedSerializer,
    ProposalDeclinedSerializer,
    ProposalForLeaderSerializer,
    ProposalOutputSerializer,
    SuggestionOutputSerializer,
    _ProposalForAnyoneSchema,
)
from backend.mentoring.services import proposals as services


@extend_schema_view(
    get=extend_schema(
        parameters=[
            status_parameter(Proposal.Status.values),
            OpenApiParameter("run", int, description="Only proposals of this match run."),
        ]
    )
)
class ProposalListCreateApi(ListAPIView[Proposal]):
    """GET: the programme's proposals in scope (HR). POST: a manual match (HR, needs a reason)."""

    queryset = Proposal.objects.none()  # the model, for the schema; rows: get_queryset
    permission_classes = [IsHR]
    serializer_class = ProposalOutputSerializer
    filter_backends = [FilterBackend]
    filterset_class = ProposalFilter

    @extend_schema_serializer(component_name="ProposalCreateInput")
    class InputSerializer(serializers.Serializer):
        """Pair a mentee with a mentor by hand."""

        enrolment = serializers.IntegerField()
        offer = serializers.IntegerField()
        reason = serializers.CharField(max_length=400)

    def get_queryset(self) -> QuerySet[Proposal]:
        return selectors.proposals_for_hr(
            actor=request_user(self.request), programme_id=self.kwargs["programme_id"]
        )

    def paginate_queryset(self, queryset: Any) -> list[Any] | None:
        """The page's proposals as HR reads them (the read of the mentees' topics logged)."""
        page = super().paginate_queryset(queryset)
        if page is None:
            return None
        return list(selectors.proposals_seen(actor=request_user(self.request), proposals=page))

    @extend_schema(request=InputSerializer, responses={201: ProposalOutputSerializer})
    def post(self, request: Request, programme_id: int) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        seen = services.proposal_create_manual_as(
            actor=request_user(request),
            programme_id=programme_id,
            enrolment_id=data.validated_data["enrolment"],
            offer_id=data.validated_data["offer"],
            reason=data.validated_data["reason"],
        )
        return Response(ProposalOutputSerializer(seen).data, status=status.HTTP_201_CREATED)


class MyProposalListApi(APIView):
    """GET: the caller's own proposals, as mentee and as mentor."""

    permission_classes = [IsAuthenticatedUser]

    @extend_schema(responses=MyProposalListSerializer)
    def get(self, request: Request) -> Response:
        proposals = selectors.proposals_seen_by_leader(actor=request_user(request))
        return Response(MyProposalListSerializer(proposals).data)


class ProposalDetailApi(APIView):
    """GET: one proposal (HR in scope, its mentee or its mentor)."""

    permission_classes = [IsAuthenticatedUser]

    @extend_schema(
        responses=OpenApiResponse(_ProposalForAnyoneSchema, description=PROPOSAL_DESCRIPTION)
    )
    def get(self, request: Request, proposal_id: int) -> Response:
        seen = selectors.proposal_seen_or_404(actor=request_user(request), proposal_id=proposal_id)
        return Response(ProposalOutputSerializer(seen).data)


# The networks app's ``ReasonSerializer`` (an explanation in two languages) is another shape.
@extend_schema_serializer(component_name="ReasonInput")
class ReasonSerializer(serializers.Serializer):
    """A reason, required."""

    reason = serializers.CharField(max_length=400)


class ProposalApproveApi(APIView):
    """POST: HR approves a draft; it goes to the mentee and the mentor."""

    permission_classes = [IsHR]

    @extend_schema(request=None, responses=ProposalOutputSerializer)
    def post(self, request: Request, proposal_id: int) -> Response:
        seen = services.proposal_approve_as(actor=request_user(request), proposal_id=proposal_id)
        return Response(ProposalOutputSerializer(seen).data)


class ProposalRejectApi(APIView):
    """POST: HR rejects a proposal (reason required); the cascade proposes the next best."""

    permission_classes = [IsHR]

    @extend_schema(request=ReasonSerializer, responses=ProposalOutputSerializer)
    def post(self, request: Request, proposal_id: int) -> Response:
        data = ReasonSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        seen = services.proposal_reject_as(
            actor=request_user(request),
            proposal_id=proposal_id,
            reason=data.validated_data["reason"],
        )
        return Response(ProposalOutputSerializer(seen).data)


class ProposalSwapApi(APIView):
    """POST: HR swaps in another mentor (an override: reason required). Returns the new one."""

    permission_classes = [IsHR]

    @extend_schema_serializer(component_name="ProposalSwapInput")
    class InputSerializer(ReasonSerializer):
        """The mentor to propose instead."""

        offer = serializers.IntegerField()

    @extend_schema(request=InputSerializer, responses={201: ProposalOutputSerializer})
    def post(self, request: Request, proposal_id: int) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        seen = services.proposal_swap_as(
            actor=request_user(request),
            proposal_id=proposal_id,
            offer_id=data.validated_data["offer"],
            reason=data.validated_data["reason"],
        )
        return Response(ProposalOutputSerializer(seen).data, status=status.HTTP_201_CREATED)


@extend_schema_serializer(component_name="ShareNeedsInput")
class ShareNeedsInputSerializer(serializers.Serializer):
    """The mentee's choice of which support needs the mentor may see (none if left out)."""

    share_needs = serializers.ListField(
        child=serializers.IntegerField(min_value=1),
        required=False,
        max_length=100,
        help_text="Ids of the mentee's own open support needs to share with the mentor.",
    )


class ProposalAcceptApi(APIView):
    """POST: the mentee or the mentor accepts; when both have, the mentorship is active."""

    permission_classes = [IsLeaderUser]

    @extend_schema(request=ShareNeedsInputSerializer, responses=ProposalAcceptedSerializer)
    def post(self, request: Request, proposal_id: int) -> Response:
        data = ShareNeedsInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        accepted = services.proposal_accept_as(
            actor=request_user(request),
            proposal_id=proposal_id,
            share_needs=data.validated_data.get("share_needs"),
        )
        return Response(ProposalAcceptedSerializer(accepted).data)


class ProposalDeclineApi(APIView):
    """POST: the mentor (or mentee) declines, reason optional and for HR only."""

    permission_classes = [IsLeaderUser]

    @extend_schema_serializer(component_name="ProposalDeclineInput")
    class InputSerializer(serializers.Serializer):
        """An optional reason."""

        reason = serializers.CharField(max_length=400, required=False, allow_blank=True)

    @extend_schema(request=InputSerializer, responses=ProposalDeclinedSerializer)
    def post(self, request: Request, proposal_id: int) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        proposal = services.proposal_decline_as(
            actor=request_user(request),
            proposal_id=proposal_id,
            reason=data.validated_data.get("reason", ""),
        )
        return Response(ProposalDeclinedSerializer(proposal).data)


class ProposalInvitationApi(APIView):
    """GET: the ICS invitation for the first meeting (the mentee or the mentor).

    The pair may pick the time, length and place (``start``, ``minutes``, ``location``);
    without ``start`` the proposal's first-meeting slot is used.
    """

    permission_classes = [IsLeaderUser]

    class FilterSerializer(serializers.Serializer):
        """The meeting the leader proposes."""

        start = serializers.DateTimeField(required=False)
        minutes = serializers.IntegerField(required=False, min_value=15, max_value=480, default=60)
        location = serializers.CharField(required=False, allow_blank=True, max_length=200)

    @extend_schema(
        parameters=[FilterSerializer],
        responses={
            (200, "text/calendar"): OpenApiResponse(
                OpenApiTypes.STR, description="An iCalendar (RFC 5545) file, as an attachment."
            )
        },
    )
    def get(self, request: Request, proposal_id: int) -> HttpResponse:
        params = self.FilterSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        body = selectors.proposal_invitation_ics(
            actor=request_user(request),
            proposal_id=proposal_id,
            start=params.validated_data.get("start"),
            minutes=params.validated_data["minutes"],
            location=params.validated_data.get("location", ""),
        )
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="mentor-{proposal_id}.ics"'
        return response


# --- self-match ---------------------------------------------------------------------------


class MySuggestionListApi(ListAPIView[Suggestion]):
    """GET: the mentee's suggested mentors (self-match programmes)."""

    queryset = Suggestion.objects.none()  # the model, for the schema; rows: get_queryset
    permission_classes = [IsAuthenticatedUser]
    serializer_class = SuggestionOutputSerializer
    filter_backends = []

    def get_queryset(self) -> QuerySet[Suggestion]:
        return selectors.suggestions_for_leader(actor=request_user(self.request))


class SuggestionChooseApi(APIView):
    """POST: the mentee picks a suggested mentor (and the needs to share); the mentor is asked."""

    permission_classes = [IsLeaderUser]

    @extend_schema(request=ShareNeedsInputSerializer, responses={201: ProposalForLeaderSerializer})
    def post(self, request: Request, suggestion_id: int) -> Response:
        data = ShareNeedsInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        seen = services.suggestion_choose_as(
            actor=request_user(request),
            suggestion_id=suggestion_id,
            share_needs=data.validated_data.get("share_needs"),
        )
        return Response(ProposalOutputSerializer(seen).data, status=status.HTTP_201_CREATED)
