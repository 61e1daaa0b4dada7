"""REST endpoints of the mentoring app: one small view per API, a service or selector each.

Privacy (brief): HR sees its organisation (its administrations when scoped); a leader sees
their own proposals, suggestions and pairs; anyone else, a boss included, gets 404 — no
endpoint tells a boss that a pairing exists. A mentor sees a minimal mentee profile (name, role,
unit, administration, the topics they want help with), never the notes; scores and decline
reasons are for HR only.
"""

from __future__ import annotations

from typing import Any, cast

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_serializer,
    inline_serializer,
)
from rest_framework import serializers, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.api.pagination import Pagination
from backend.mentoring import selectors, services
from backend.mentoring.ics import proposal_invitation
from backend.mentoring.models import (
    Enrolment,
    EntryRoute,
    Flag,
    MatchRun,
    MentorOffer,
    Mentorship,
    Programme,
    Proposal,
    Suggestion,
)
from backend.mentoring.reasons import (  # reason codes rendered at API time
    manual_reason_field,
    proposal_reasons_field,
    run_result_field,
    suggestion_reasons_field,
)
from backend.people.access import hr_scope_q, is_hr, is_hr_for
from backend.people.hooks import record_access_many
from backend.people.models import Leader, Organisation, User

# --- helpers ------------------------------------------------------------------------------


def _user(request: Request) -> User:
    # Every view here is ``IsAuthenticated``: the user is a real ``User``, never anonymous.
    return cast(User, request.user)


def _require_hr(user: User) -> None:
    """Non-HR callers get 404: these resources do not exist for them."""
    if not is_hr(user):
        raise Http404


def _require_org_wide_hr(user: User) -> None:
    """Programme-wide writes need HR for the whole organisation (scoped HR: 403)."""
    from rest_framework.exceptions import PermissionDenied

    if user.hr_administrations.exists():
        raise PermissionDenied(_("Only HR for the whole organisation can do this."))


def _leader_or_404(user: User) -> Leader:
    if user.leader_id is None:
        raise Http404
    return cast(Leader, user.leader)  # a set leader_id is a leader (a foreign key)


def _organisation_or_404(user: User) -> Organisation:
    """HR acts for its organisation; a user in none has nothing here (404)."""
    organisation = user.organisation
    if organisation is None:
        raise Http404
    return organisation


def _organisation_id_or_404(user: User) -> int:
    if user.organisation_id is None:
        raise Http404
    return user.organisation_id


def _paginate(request: Request, view: APIView, queryset: Any, serializer: type) -> Response:
    paginator = Pagination()
    page: list[Any] | None = paginator.paginate_queryset(queryset, request, view=view)
    return paginator.get_paginated_response(serializer(page, many=True).data)


# The networks app has its own, wider ``LeaderBriefSerializer``: name this one apart.
@extend_schema_serializer(component_name="MentoringLeaderBrief")
class LeaderBriefSerializer(serializers.Serializer):
    """A leader as others in the programme see them: name, role, unit, administration."""

    id = serializers.IntegerField()
    name = serializers.CharField(source="full_name")
    role_title = serializers.CharField()
    unit = serializers.CharField(source="unit.name", default=None, allow_null=True)
    administration = serializers.CharField(
        source="unit.department.administration.name", default=None, allow_null=True
    )


# --- programmes ---------------------------------------------------------------------------


class ProgrammeOutputSerializer(serializers.ModelSerializer):
    """A programme as HR sees it."""

    class Meta:
        model = Programme
        fields = [
            "id",
            "name",
            "starts_on",
            "ends_on",
            "policy",
            "mode",
            "default_length_months",
            "meeting_cadence_weeks",
            "proposal_expiry_days",
            "first_meeting_days",
            "enrol_first_leader_job",
            "enrol_promotion",
            "enrol_other_sector",
            "enrol_window_days",
            "created_at",
        ]


class ProgrammeInputSerializer(serializers.Serializer):
    """Fields HR sets on a programme."""

    name = serializers.CharField(max_length=200)
    starts_on = serializers.DateField()
    ends_on = serializers.DateField(required=False, allow_null=True)
    policy = serializers.JSONField(required=False)
    mode = serializers.ChoiceField(choices=Programme.Mode.choices, required=False)
    default_length_months = serializers.IntegerField(min_value=1, max_value=60, required=False)
    meeting_cadence_weeks = serializers.IntegerField(min_value=1, max_value=26, required=False)
    proposal_expiry_days = serializers.IntegerField(min_value=1, max_value=90, required=False)
    first_meeting_days = serializers.IntegerField(min_value=1, max_value=180, required=False)
    enrol_first_leader_job = serializers.BooleanField(required=False)
    enrol_promotion = serializers.BooleanField(required=False)
    enrol_other_sector = serializers.BooleanField(required=False)
    enrol_window_days = serializers.IntegerField(min_value=1, max_value=1000, required=False)

    def validate_policy(self, value: Any) -> dict[str, Any]:
        """The policy is an object (its fields are checked against the matcher's ``Policy``)."""
        if not isinstance(value, dict):
            raise serializers.ValidationError(_("The policy must be an object."))
        return value


class ProgrammeListCreateApi(APIView):
    """GET: the organisation's programmes (HR). POST: create one (HR for the organisation)."""

    permission_classes = [IsAuthenticated]
    pagination_class = Pagination  # read by the schema generator only; ``_paginate`` pages

    @extend_schema(responses=ProgrammeOutputSerializer(many=True))
    def get(self, request: Request) -> Response:
        _require_hr(_user(request))
        qs = selectors.programmes_visible_to(user=_user(request))
        return _paginate(request, self, qs, ProgrammeOutputSerializer)

    @extend_schema(request=ProgrammeInputSerializer, responses={201: ProgrammeOutputSerializer})
    def post(self, request: Request) -> Response:
        user = _user(request)
        _require_hr(user)
        _require_org_wide_hr(user)
        data = ProgrammeInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        programme = services.programme_create(
            organisation=_organisation_or_404(user), created_by=user, **data.validated_data
        )
        return Response(ProgrammeOutputSerializer(programme).data, status=status.HTTP_201_CREATED)


class ProgrammeDetailApi(APIView):
    """GET: one programme (HR). PATCH: change its settings (HR for the organisation)."""

    permission_classes = [IsAuthenticated]

    @extend_schema(responses=ProgrammeOutputSerializer)
    def get(self, request: Request, programme_id: int) -> Response:
        programme = selectors.programme_for_hr_or_404(
            user=_user(request), programme_id=programme_id
        )
        return Response(ProgrammeOutputSerializer(programme).data)

    @extend_schema(request=ProgrammeInputSerializer, responses=ProgrammeOutputSerializer)
    def patch(self, request: Request, programme_id: int) -> Response:
        user = _user(request)
        programme = selectors.programme_for_hr_or_404(user=user, programme_id=programme_id)
        _require_org_wide_hr(user)
        data = ProgrammeInputSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        programme = services.programme_update(programme=programme, **data.validated_data)
        return Response(ProgrammeOutputSerializer(programme).data)


# --- enrolment and offers -----------------------------------------------------------------


class EnrolmentOutputSerializer(serializers.ModelSerializer):
    """An enrolled mentee (HR)."""

    leader = LeaderBriefSerializer()
    manual_reason = manual_reason_field()  # reason codes rendered (backend/mentoring/reasons.py)

    class Meta:
        model = Enrolment
        fields = ["id", "leader", "route", "status", "manual_reason", "enrolled_at", "matched_at"]


class EnrolmentListCreateApi(APIView):
    """GET: the programme's mentees in scope (HR). POST: enrol a leader (HR)."""

    permission_classes = [IsAuthenticated]
    pagination_class = Pagination  # read by the schema generator only; ``_paginate`` pages

    @extend_schema_serializer(component_name="EnrolmentCreateInput")
    class InputSerializer(serializers.Serializer):
        """Who to enrol."""

        leader = serializers.IntegerField()
        route = serializers.ChoiceField(choices=EntryRoute.choices, default=EntryRoute.HR)

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "status",
                str,
                enum=Enrolment.Status.values,
                description="Only those with this status.",
            )
        ],
        responses=EnrolmentOutputSerializer(many=True),
    )
    def get(self, request: Request, programme_id: int) -> Response:
        user = _user(request)
        programme = selectors.programme_for_hr_or_404(user=user, programme_id=programme_id)
        qs = selectors.enrolments_for_hr(user=user, programme=programme)
        if request.query_params.get("status"):
            qs = qs.filter(status=request.query_params["status"])
        return _paginate(request, self, qs, EnrolmentOutputSerializer)

    @extend_schema(request=InputSerializer, responses={201: EnrolmentOutputSerializer})
    def post(self, request: Request, programme_id: int) -> Response:
        user = _user(request)
        programme = selectors.programme_for_hr_or_404(user=user, programme_id=programme_id)
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        leader = (
            Leader.objects.filter(hr_scope_q(user)).filter(id=data.validated_data["leader"]).first()
        )
        if leader is None:
            raise serializers.ValidationError({"leader": [_("No such leader.")]})
        enrolment = services.enrolment_create(
            programme=programme, leader=leader, route=data.validated_data["route"]
        )
        return Response(EnrolmentOutputSerializer(enrolment).data, status=status.HTTP_201_CREATED)


class EnrolmentEnsureApi(APIView):
    """POST: enrol every new leader the programme's rule covers (HR)."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        request=None,
        responses=inline_serializer(
            "EnrolmentEnsureOutput", {"enrolled": serializers.IntegerField()}
        ),
    )
    def post(self, request: Request, programme_id: int) -> Response:
        user = _user(request)
        programme = selectors.programme_for_hr_or_404(user=user, programme_id=programme_id)
        _require_org_wide_hr(user)
        created = services.enrolment_ensure_new_leaders(programme=programme)
        return Response({"enrolled": len(created)})


class EnrolmentWithdrawApi(APIView):
    """POST: withdraw a mentee (HR in scope, or the mentee)."""

    permission_classes = [IsAuthenticated]

    @extend_schema(request=None, responses=EnrolmentOutputSerializer)
    def post(self, request: Request, enrolment_id: int) -> Response:
        user = _user(request)
        enrolment = get_object_or_404(
            Enrolment.objects.select_related("leader__unit__department"), id=enrolment_id
        )
        if not (is_hr_for(user, enrolment.leader) or user.leader_id == enrolment.leader_id):
            raise Http404
        enrolment = services.enrolment_withdraw(enrolment=enrolment)
        return Response(EnrolmentOutputSerializer(enrolment).data)


class OfferOutputSerializer(serializers.ModelSerializer):
    """A mentor's offer."""

    leader = LeaderBriefSerializer()

    class Meta:
        model = MentorOffer
        fields = ["id", "leader", "capacity", "hours_per_month", "paused", "active_count"]


class OfferInputSerializer(serializers.Serializer):
    """Capacity, hours and pause of an offer."""

    capacity = serializers.IntegerField(min_value=0, max_value=10)
    hours_per_month = serializers.IntegerField(
        min_value=0, max_value=100, required=False, allow_null=True
    )
    paused = serializers.BooleanField(required=False, default=False)


class OfferListCreateApi(APIView):
    """GET: the programme's mentors in scope (HR). POST: offer to mentor (the leader, or HR)."""

    permission_classes = [IsAuthenticated]
    pagination_class = Pagination  # read by the schema generator only; ``_paginate`` pages

    @extend_schema_serializer(component_name="OfferCreateInput")
    class InputSerializer(OfferInputSerializer):
        """HR may name the leader; a leader offers themselves."""

        leader = serializers.IntegerField(required=False)

    @extend_schema(responses=OfferOutputSerializer(many=True))
    def get(self, request: Request, programme_id: int) -> Response:
        user = _user(request)
        programme = selectors.programme_for_hr_or_404(user=user, programme_id=programme_id)
        qs = selectors.offers_for_hr(user=user, programme=programme)
        return _paginate(request, self, qs, OfferOutputSerializer)

    @extend_schema(request=InputSerializer, responses={201: OfferOutputSerializer})
    def post(self, request: Request, programme_id: int) -> Response:
        user = _user(request)
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        leader_id = values.pop("leader", None)
        if is_hr(user):
            programme = selectors.programme_for_hr_or_404(user=user, programme_id=programme_id)
            leader = Leader.objects.filter(hr_scope_q(user)).filter(id=leader_id).first()
            if leader is None:
                raise serializers.ValidationError({"leader": [_("No such leader.")]})
        else:
            leader = _leader_or_404(user)
            programme = get_object_or_404(
                Programme, id=programme_id, organisation_id=leader.organisation_id
            )
        offer = services.mentor_offer_upsert(programme=programme, leader=leader, **values)
        return Response(OfferOutputSerializer(offer).data, status=status.HTTP_201_CREATED)


class OfferUpdateApi(APIView):
    """PATCH: change capacity, hours or pause (the mentor, or HR in scope)."""

    permission_classes = [IsAuthenticated]

    @extend_schema(request=OfferInputSerializer, responses=OfferOutputSerializer)
    def patch(self, request: Request, offer_id: int) -> Response:
        user = _user(request)
        offer = get_object_or_404(
            MentorOffer.objects.select_related("programme", "leader__unit__department"),
            id=offer_id,
        )
        if not (user.leader_id == offer.leader_id or is_hr_for(user, offer.leader)):
            raise Http404
        data = OfferInputSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        offer = services.mentor_offer_update(offer=offer, **data.validated_data)
        return Response(OfferOutputSerializer(offer).data)


# --- match runs ---------------------------------------------------------------------------


class MatchRunOutputSerializer(serializers.ModelSerializer):
    """A run and its decision log (HR)."""

    created_by = serializers.CharField(source="created_by.username", default=None, allow_null=True)
    result = run_result_field()  # reason codes rendered (backend/mentoring/reasons.py)

    class Meta:
        model = MatchRun
        fields = [
            "id",
            "programme",
            "status",
            "progress",
            "created_by",
            "created_at",
            "started_at",
            "finished_at",
            "attempts",
            "policy",
            "input_summary",
            "excluded",
            "result",
            "timings",
            "error",
        ]


class MatchRunListStartApi(APIView):
    """GET: the programme's runs (HR). POST: start a run (HR for the organisation): 202, or 409."""

    permission_classes = [IsAuthenticated]
    pagination_class = Pagination  # read by the schema generator only; ``_paginate`` pages

    @extend_schema(responses=MatchRunOutputSerializer(many=True))
    def get(self, request: Request, programme_id: int) -> Response:
        user = _user(request)
        programme = selectors.programme_for_hr_or_404(user=user, programme_id=programme_id)
        qs = MatchRun.objects.filter(programme=programme).select_related("created_by")
        return _paginate(request, self, qs, MatchRunOutputSerializer)

    @extend_schema(request=None, responses={202: MatchRunOutputSerializer})
    def post(self, request: Request, programme_id: int) -> Response:
        user = _user(request)
        programme = selectors.programme_for_hr_or_404(user=user, programme_id=programme_id)
        _require_org_wide_hr(user)
        run = services.match_run_start(programme=programme, user=user)
        return Response(MatchRunOutputSerializer(run).data, status=status.HTTP_202_ACCEPTED)


class MatchRunDetailApi(APIView):
    """GET: a run's status, progress and decision log (HR; poll while it runs)."""

    permission_classes = [IsAuthenticated]

    @extend_schema(responses=MatchRunOutputSerializer)
    def get(self, request: Request, run_id: int) -> Response:
        run = selectors.match_run_for_hr_or_404(user=_user(request), run_id=run_id)
        return Response(MatchRunOutputSerializer(run).data)


# --- proposals ----------------------------------------------------------------------------


@extend_schema_serializer(component_name="MenteeProfile")
class MenteeProfileSerializer(LeaderBriefSerializer):
    """The minimal mentee profile a mentor sees: no notes, only the topics they want help with."""

    topics = serializers.SerializerMethodField()

    def get_topics(self, leader: Leader) -> list[str]:
        needs = getattr(leader, "open_needs", None)
        if needs is None:
            needs = list(leader.support_needs.filter(status="open").select_related("topic"))
        return [need.topic.label_da for need in needs]


_HIDDEN_FROM_MENTEE = {
    Proposal.Status.DECLINED,
    Proposal.Status.EXPIRED,
    Proposal.Status.REJECTED,
    Proposal.Status.SWAPPED,
    Proposal.Status.WITHDRAWN,
}


class ProposalOutputSerializer(serializers.ModelSerializer):
    """A proposal; what is shown depends on who asks (``context['view']``: hr|mentee|mentor)."""

    mentee = MenteeProfileSerializer(source="enrolment.leader")
    mentor = LeaderBriefSerializer(source="offer.leader")
    reasons = proposal_reasons_field()  # reason codes rendered (backend/mentoring/reasons.py)
    reasons_da = proposal_reasons_field(lang="da")

    class Meta:
        model = Proposal
        fields = [
            "id",
            "programme",
            "run",
            "origin",
            "status",
            "score",
            "components",
            "reasons",
            "reasons_da",
            "override_reason",
            "decline_reason",
            "mentee",
            "mentor",
            "mentee_accepted_at",
            "mentor_accepted_at",
            "offered_at",
            "expires_at",
            "first_meeting_at",
            "created_at",
        ]

    def to_representation(self, instance: Proposal) -> dict[str, Any]:
        data = super().to_representation(instance)
        view = self.context.get("view_as", "hr")
        if view != "hr":
            for key in ("score", "components", "override_reason", "decline_reason", "run"):
                data.pop(key, None)
        if view == "mentee":
            data.pop("mentee", None)
            if instance.status in _HIDDEN_FROM_MENTEE:
                data["status"] = "replaced"  # no stigma: who said no is not the mentee's news
        if view == "mentor":
            data["mentee"].pop("id", None)
        return data


# Schema only (drf-spectacular): what ``ProposalOutputSerializer`` gives the mentee or the mentor.
# ``to_representation`` drops the HR fields, drops ``mentee`` for the mentee and the mentee's
# ``id`` for the mentor, and shows a mentee every proposal that went away as "replaced".
PROPOSAL_STATUS_FOR_LEADER = [*Proposal.Status.choices, ("replaced", "Replaced")]


@extend_schema_serializer(component_name="MenteeProfileForLeader")
class _MenteeProfileForLeaderSchema(MenteeProfileSerializer):
    """Schema only: the mentee profile without its ``id`` (the mentor's view)."""

    id = serializers.IntegerField(required=False)


@extend_schema_serializer(component_name="ProposalForLeader")
class _ProposalForLeaderSchema(ProposalOutputSerializer):
    """Schema only: a proposal as its mentee or mentor sees it."""

    mentee = _MenteeProfileForLeaderSchema(source="enrolment.leader", required=False)
    status = serializers.ChoiceField(choices=PROPOSAL_STATUS_FOR_LEADER)

    class Meta(ProposalOutputSerializer.Meta):
        fields = [
            f
            for f in ProposalOutputSerializer.Meta.fields
            if f not in ("score", "components", "override_reason", "decline_reason", "run")
        ]


@extend_schema_serializer(component_name="ProposalAccepted")
class _ProposalAcceptedSchema(_ProposalForLeaderSchema):
    """Schema only: the accepted proposal and its mentorship once both have accepted."""

    mentorship = serializers.IntegerField(allow_null=True)

    class Meta(_ProposalForLeaderSchema.Meta):
        fields = [*_ProposalForLeaderSchema.Meta.fields, "mentorship"]


@extend_schema_serializer(component_name="ProposalForAnyone")
class _ProposalForAnyoneSchema(ProposalOutputSerializer):
    """Schema only: one proposal as HR (every field) or its mentee or mentor sees it."""

    mentee = _MenteeProfileForLeaderSchema(source="enrolment.leader", required=False)
    status = serializers.ChoiceField(choices=PROPOSAL_STATUS_FOR_LEADER)


_PROPOSAL_DESCRIPTION = (
    "HR gets every field. The mentee and the mentor get the `ProposalForLeader` shape "
    "(no score, components, run or reasons for HR)."
)


def _view_as(user: User, proposal: Proposal) -> str:
    if user.leader_id == proposal.offer.leader_id:
        return "mentor"
    if user.leader_id == proposal.enrolment.leader_id:
        return "mentee"
    return "hr"


# What the access log says when a proposal shows someone the mentee's support-need topics.
_TOPICS_READ = "support_need_topics"
_TOPICS_PURPOSE = {
    "mentor": "Mentorforslag: de emner mentee ønsker sparring om",
    "hr": "Mentormatch: forslag med mentees emner",
}


def _proposals_out(user: User, proposals: list[Proposal]) -> list[dict[str, Any]]:
    """Serialise proposals as ``user`` may see them and log each read of a mentee's topics.

    The mentor and HR see the topics the mentee wants help with (from their support needs):
    that is a read of another person's private data, so each goes to the access log (one
    insert per page). The mentee's own reads are not logged.
    """
    readers: dict[str, list[Leader]] = {"mentor": [], "hr": []}
    data: list[dict[str, Any]] = []
    for proposal in proposals:
        view = _view_as(user, proposal)
        data.append(ProposalOutputSerializer(proposal, context={"view_as": view}).data)
        if view in readers:
            readers[view].append(proposal.enrolment.leader)
    for view, leaders in readers.items():
        unique = list({leader.id: leader for leader in leaders}.values())
        record_access_many(
            actor=user, subject_leaders=unique, purpose=_TOPICS_PURPOSE[view], what=_TOPICS_READ
        )
    return data


def _proposal_out(user: User, proposal: Proposal) -> dict[str, Any]:
    """One proposal as ``user`` may see it (the read of the mentee's topics logged)."""
    return _proposals_out(user, [proposal])[0]


class ProposalListCreateApi(APIView):
    """GET: the programme's proposals in scope (HR). POST: a manual match (HR, needs a reason)."""

    permission_classes = [IsAuthenticated]
    pagination_class = Pagination  # read by the schema generator only; ``_paginate`` pages

    @extend_schema_serializer(component_name="ProposalCreateInput")
    class InputSerializer(serializers.Serializer):
        """Pair a mentee with a mentor by hand."""

        enrolment = serializers.IntegerField()
        offer = serializers.IntegerField()
        reason = serializers.CharField(max_length=400)

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "status",
                str,
                enum=Proposal.Status.values,
                description="Only those with this status.",
            ),
            OpenApiParameter("run", int, description="Only proposals of this match run."),
        ],
        responses=ProposalOutputSerializer(many=True),
    )
    def get(self, request: Request, programme_id: int) -> Response:
        user = _user(request)
        programme = selectors.programme_for_hr_or_404(user=user, programme_id=programme_id)
        qs = selectors.proposals_for_hr(user=user, programme=programme)
        if request.query_params.get("status"):
            qs = qs.filter(status=request.query_params["status"])
        if request.query_params.get("run"):
            qs = qs.filter(run_id=int(request.query_params["run"]))
        paginator = Pagination()
        page: list[Proposal] = paginator.paginate_queryset(qs, request, view=self) or []
        return paginator.get_paginated_response(_proposals_out(user, page))

    @extend_schema(request=InputSerializer, responses={201: ProposalOutputSerializer})
    def post(self, request: Request, programme_id: int) -> Response:
        user = _user(request)
        programme = selectors.programme_for_hr_or_404(user=user, programme_id=programme_id)
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        enrolment = (
            selectors.enrolments_for_hr(user=user, programme=programme)
            .filter(id=data.validated_data["enrolment"])
            .first()
        )
        if enrolment is None:
            raise serializers.ValidationError({"enrolment": [_("No such mentee.")]})
        offer = MentorOffer.objects.filter(
            programme=programme, id=data.validated_data["offer"]
        ).first()
        if offer is None:
            raise serializers.ValidationError({"offer": [_("No such mentor.")]})
        proposal = services.proposal_create_manual(
            enrolment=enrolment, offer=offer, user=user, reason=data.validated_data["reason"]
        )
        return Response(_proposal_out(user, proposal), status=status.HTTP_201_CREATED)


class MyProposalListApi(APIView):
    """GET: the caller's own proposals, as mentee and as mentor."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        responses=inline_serializer(
            "MyProposalList",
            {
                "count": serializers.IntegerField(),
                "results": _ProposalForLeaderSchema(many=True),
            },
        )
    )
    def get(self, request: Request) -> Response:
        user = _user(request)
        data = _proposals_out(user, list(selectors.proposals_for_leader(user=user)))
        return Response({"count": len(data), "results": data})


class ProposalDetailApi(APIView):
    """GET: one proposal (HR in scope, its mentee or its mentor)."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        responses=OpenApiResponse(_ProposalForAnyoneSchema, description=_PROPOSAL_DESCRIPTION)
    )
    def get(self, request: Request, proposal_id: int) -> Response:
        user = _user(request)
        proposal = selectors.proposal_visible_or_404(user=user, proposal_id=proposal_id)
        return Response(_proposal_out(user, proposal))


def _hr_proposal(request: Request, proposal_id: int) -> tuple[User, Proposal]:
    user = _user(request)
    proposal = selectors.proposal_visible_or_404(user=user, proposal_id=proposal_id)
    if not is_hr_for(user, proposal.enrolment.leader):
        raise Http404
    return user, proposal


# The networks app's ``ReasonSerializer`` (an explanation in two languages) is another shape.
@extend_schema_serializer(component_name="ReasonInput")
class ReasonSerializer(serializers.Serializer):
    """A reason, required."""

    reason = serializers.CharField(max_length=400)


class ProposalApproveApi(APIView):
    """POST: HR approves a draft; it goes to the mentee and the mentor."""

    permission_classes = [IsAuthenticated]

    @extend_schema(request=None, responses=ProposalOutputSerializer)
    def post(self, request: Request, proposal_id: int) -> Response:
        user, proposal = _hr_proposal(request, proposal_id)
        proposal = services.proposal_approve(proposal=proposal, user=user)
        return Response(_proposal_out(user, proposal))


class ProposalRejectApi(APIView):
    """POST: HR rejects a proposal (reason required); the cascade proposes the next best."""

    permission_classes = [IsAuthenticated]

    @extend_schema(request=ReasonSerializer, responses=ProposalOutputSerializer)
    def post(self, request: Request, proposal_id: int) -> Response:
        user, proposal = _hr_proposal(request, proposal_id)
        data = ReasonSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        proposal = services.proposal_reject(
            proposal=proposal, user=user, reason=data.validated_data["reason"]
        )
        return Response(_proposal_out(user, proposal))


class ProposalSwapApi(APIView):
    """POST: HR swaps in another mentor (an override: reason required). Returns the new one."""

    permission_classes = [IsAuthenticated]

    @extend_schema_serializer(component_name="ProposalSwapInput")
    class InputSerializer(ReasonSerializer):
        """The mentor to propose instead."""

        offer = serializers.IntegerField()

    @extend_schema(request=InputSerializer, responses={201: ProposalOutputSerializer})
    def post(self, request: Request, proposal_id: int) -> Response:
        user, proposal = _hr_proposal(request, proposal_id)
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        offer = MentorOffer.objects.filter(
            programme_id=proposal.programme_id, id=data.validated_data["offer"]
        ).first()
        if offer is None:
            raise serializers.ValidationError({"offer": [_("No such mentor.")]})
        new = services.proposal_swap(
            proposal=proposal, user=user, offer=offer, reason=data.validated_data["reason"]
        )
        return Response(_proposal_out(user, new), status=status.HTTP_201_CREATED)


def _own_proposal(request: Request, proposal_id: int) -> tuple[User, Proposal, Leader]:
    user = _user(request)
    proposal = selectors.proposal_visible_or_404(user=user, proposal_id=proposal_id)
    if user.leader_id not in (proposal.enrolment.leader_id, proposal.offer.leader_id):
        raise Http404
    return user, proposal, _leader_or_404(user)


class ProposalAcceptApi(APIView):
    """POST: the mentee or the mentor accepts; when both have, the mentorship is active."""

    permission_classes = [IsAuthenticated]

    @extend_schema(request=None, responses=_ProposalAcceptedSchema)
    def post(self, request: Request, proposal_id: int) -> Response:
        user, proposal, leader = _own_proposal(request, proposal_id)
        proposal = services.proposal_accept(proposal=proposal, leader=leader)
        proposal = selectors.proposal_visible_or_404(user=user, proposal_id=proposal.id)
        body = _proposal_out(user, proposal)
        mentorship = Mentorship.objects.filter(proposal=proposal).values_list("id", flat=True)
        body["mentorship"] = mentorship.first()
        return Response(body)


class ProposalDeclineApi(APIView):
    """POST: the mentor (or mentee) declines, reason optional and for HR only."""

    permission_classes = [IsAuthenticated]

    @extend_schema_serializer(component_name="ProposalDeclineInput")
    class InputSerializer(serializers.Serializer):
        """An optional reason."""

        reason = serializers.CharField(max_length=400, required=False, allow_blank=True)

    @extend_schema(
        request=InputSerializer,
        responses=inline_serializer(
            "ProposalDeclined", {"status": serializers.ChoiceField(choices=["declined"])}
        ),
    )
    def post(self, request: Request, proposal_id: int) -> Response:
        _unused, proposal, leader = _own_proposal(request, proposal_id)
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.proposal_decline(
            proposal=proposal, leader=leader, reason=data.validated_data.get("reason", "")
        )
        return Response({"status": "declined"})


class ProposalInvitationApi(APIView):
    """GET: the ICS invitation for the first meeting (the mentee or the mentor).

    The pair may pick the time, length and place (``start``, ``minutes``, ``location``);
    without ``start`` the proposal's first-meeting slot is used.
    """

    permission_classes = [IsAuthenticated]

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
        proposal = _own_proposal(request, proposal_id)[1]
        params = self.FilterSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        start = params.validated_data.get("start") or proposal.first_meeting_at
        if start is None:
            raise Http404
        body = proposal_invitation(
            proposal=proposal,
            start=start,
            minutes=params.validated_data["minutes"],
            location=params.validated_data.get("location", ""),
        )
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="mentor-{proposal.id}.ics"'
        return response


# --- self-match ---------------------------------------------------------------------------


class SuggestionOutputSerializer(serializers.ModelSerializer):
    """A suggested mentor for the mentee to choose."""

    mentor = LeaderBriefSerializer(source="offer.leader")
    reasons = suggestion_reasons_field()  # reason codes rendered (backend/mentoring/reasons.py)
    reasons_da = suggestion_reasons_field(lang="da")
    full = serializers.SerializerMethodField()

    class Meta:
        model = Suggestion
        fields = ["id", "enrolment", "rank", "mentor", "reasons", "reasons_da", "full"]

    def get_full(self, suggestion: Suggestion) -> bool:
        offer = suggestion.offer
        return offer.paused or offer.active_count >= offer.capacity


class MySuggestionListApi(APIView):
    """GET: the mentee's suggested mentors (self-match programmes)."""

    permission_classes = [IsAuthenticated]
    pagination_class = Pagination  # read by the schema generator only; ``_paginate`` pages

    @extend_schema(responses=SuggestionOutputSerializer(many=True))
    def get(self, request: Request) -> Response:
        qs = selectors.suggestions_for_leader(user=_user(request))
        return _paginate(request, self, qs, SuggestionOutputSerializer)


class SuggestionChooseApi(APIView):
    """POST: the mentee picks a suggested mentor; the mentor is asked to accept."""

    permission_classes = [IsAuthenticated]

    @extend_schema(request=None, responses={201: _ProposalForLeaderSchema})
    def post(self, request: Request, suggestion_id: int) -> Response:
        user = _user(request)
        suggestion = selectors.suggestions_for_leader(user=user).filter(id=suggestion_id).first()
        if suggestion is None:
            raise Http404
        proposal = services.suggestion_choose(suggestion=suggestion, leader=_leader_or_404(user))
        proposal = selectors.proposal_visible_or_404(user=user, proposal_id=proposal.id)
        return Response(
            ProposalOutputSerializer(proposal, context={"view_as": "mentee"}).data,
            status=status.HTTP_201_CREATED,
        )


class ManualQueueApi(APIView):
    """GET: the programme's mentees HR must match by hand, with the reason."""

    permission_classes = [IsAuthenticated]
    pagination_class = Pagination  # read by the schema generator only; ``_paginate`` pages

    @extend_schema(responses=EnrolmentOutputSerializer(many=True))
    def get(self, request: Request, programme_id: int) -> Response:
        user = _user(request)
        programme = selectors.programme_for_hr_or_404(user=user, programme_id=programme_id)
        qs = selectors.manual_queue_for_hr(user=user, programme=programme)
        return _paginate(request, self, qs, EnrolmentOutputSerializer)


# --- mentorships and check-ins ------------------------------------------------------------


class MentorshipOutputSerializer(serializers.ModelSerializer):
    """A pair (its members and HR in scope)."""

    mentee = LeaderBriefSerializer()
    mentor = LeaderBriefSerializer()

    class Meta:
        model = Mentorship
        fields = [
            "id",
            "programme",
            "proposal",
            "status",
            "mentee",
            "mentor",
            "started_on",
            "planned_end_on",
            "first_meeting_due",
            "first_meeting_at",
            "first_met_on",
            "last_met_on",
            "ended_on",
            "end_reason",
        ]


class MentorshipListApi(APIView):
    """GET: the caller's pairs (a leader) or the pairs in scope (HR)."""

    permission_classes = [IsAuthenticated]
    pagination_class = Pagination  # read by the schema generator only; ``_paginate`` pages

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "status",
                str,
                enum=Mentorship.Status.values,
                description="Only those with this status.",
            )
        ],
        responses=MentorshipOutputSerializer(many=True),
    )
    def get(self, request: Request) -> Response:
        qs = selectors.mentorships_visible_to(user=_user(request)).order_by("-started_on", "-id")
        if request.query_params.get("status"):
            qs = qs.filter(status=request.query_params["status"])
        return _paginate(request, self, qs, MentorshipOutputSerializer)


class MentorshipDetailApi(APIView):
    """GET: one pair (its members, HR in scope)."""

    permission_classes = [IsAuthenticated]

    @extend_schema(responses=MentorshipOutputSerializer)
    def get(self, request: Request, mentorship_id: int) -> Response:
        mentorship = selectors.mentorship_visible_or_404(
            user=_user(request), mentorship_id=mentorship_id
        )
        return Response(MentorshipOutputSerializer(mentorship).data)


class MentorshipEndApi(APIView):
    """POST: end a pair: completed, or ended early with a reason and optional exit survey."""

    permission_classes = [IsAuthenticated]

    @extend_schema_serializer(component_name="MentorshipEndInput")
    class InputSerializer(serializers.Serializer):
        """How the mentorship ends."""

        completed = serializers.BooleanField()
        reason = serializers.CharField(max_length=400, required=False, allow_blank=True)
        exit_survey = serializers.DictField(required=False)

    @extend_schema(request=InputSerializer, responses=MentorshipOutputSerializer)
    def post(self, request: Request, mentorship_id: int) -> Response:
        user = _user(request)
        mentorship = selectors.mentorship_visible_or_404(user=user, mentorship_id=mentorship_id)
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        mentorship = services.mentorship_end(
            mentorship=mentorship,
            leader=user.leader,
            completed=data.validated_data["completed"],
            reason=data.validated_data.get("reason", ""),
            exit_survey=data.validated_data.get("exit_survey"),
        )
        return Response(MentorshipOutputSerializer(mentorship).data)


class CheckInListCreateApi(APIView):
    """GET: the pair's check-ins (notes per the writer's choice). POST: log one (the pair)."""

    permission_classes = [IsAuthenticated]

    @extend_schema_serializer(component_name="CheckInInput")
    class InputSerializer(serializers.Serializer):
        """A meeting."""

        met_on = serializers.DateField()
        minutes = serializers.IntegerField(min_value=1, max_value=1440)
        note = serializers.CharField(max_length=4000, required=False, allow_blank=True)
        note_shared = serializers.BooleanField(required=False, default=False)

    @extend_schema(
        responses=inline_serializer(
            "CheckInList",
            {
                "count": serializers.IntegerField(),
                "results": inline_serializer(
                    "CheckIn",
                    {
                        "id": serializers.IntegerField(),
                        "author": serializers.CharField(help_text="The writer's full name."),
                        "mine": serializers.BooleanField(),
                        "met_on": serializers.DateField(),
                        "minutes": serializers.IntegerField(),
                        "note_shared": serializers.BooleanField(),
                        "note": serializers.CharField(
                            allow_null=True,
                            help_text="Only to its writer, or to the pair when shared.",
                        ),
                    },
                    many=True,
                ),
            },
        )
    )
    def get(self, request: Request, mentorship_id: int) -> Response:
        user = _user(request)
        mentorship = selectors.mentorship_visible_or_404(user=user, mentorship_id=mentorship_id)
        rows = selectors.check_ins_visible_to(user=user, mentorship=mentorship)
        return Response({"count": len(rows), "results": rows})

    @extend_schema(
        request=InputSerializer,
        responses={
            201: inline_serializer(
                "CheckInCreated",
                {
                    "id": serializers.IntegerField(),
                    "met_on": serializers.DateField(),
                    "minutes": serializers.IntegerField(),
                },
            )
        },
    )
    def post(self, request: Request, mentorship_id: int) -> Response:
        user = _user(request)
        mentorship = selectors.mentorship_visible_or_404(user=user, mentorship_id=mentorship_id)
        if user.leader_id not in (mentorship.mentee_id, mentorship.mentor_id):
            raise Http404
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        check_in = services.check_in_log(
            mentorship=mentorship, author=_leader_or_404(user), **data.validated_data
        )
        return Response(
            {"id": check_in.id, "met_on": check_in.met_on, "minutes": check_in.minutes},
            status=status.HTTP_201_CREATED,
        )


# --- HR follow-up -------------------------------------------------------------------------


@extend_schema_serializer(component_name="AnalyticsCell")
class _AnalyticsCellSchema(serializers.Serializer):
    """Schema only: a figure, ``null`` and ``suppressed`` when it rests on under five people."""

    value = serializers.FloatField(allow_null=True)
    suppressed = serializers.BooleanField()


def _analytics_figures(
    name: str, extra: dict[str, serializers.Field], *, many: bool = False
) -> serializers.Serializer:
    """Schema only: ``selectors.programme_analytics`` figures, overall or per administration."""
    figures = (
        "enrolled",
        "matched_pct",
        "days_to_match",
        "days_to_first_meeting",
        "active",
        "ended_early",
        "needs_covered_pct",
    )
    return inline_serializer(
        name, {**extra, **{f: _AnalyticsCellSchema() for f in figures}}, many=many
    )


class ProgrammeAnalyticsApi(APIView):
    """GET: the programme's figures, per administration, small cells suppressed (HR)."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        responses=inline_serializer(
            "ProgrammeAnalytics",
            {
                "programme": serializers.IntegerField(),
                "total": _analytics_figures("AnalyticsFigures", {}),
                "administrations": _analytics_figures(
                    "AdministrationAnalyticsFigures",
                    {"administration": serializers.CharField()},
                    many=True,
                ),
            },
        )
    )
    def get(self, request: Request, programme_id: int) -> Response:
        user = _user(request)
        programme = selectors.programme_for_hr_or_404(user=user, programme_id=programme_id)
        return Response(selectors.programme_analytics(user=user, programme=programme))


class FlagOutputSerializer(serializers.ModelSerializer):
    """A pair HR should look at."""

    mentee = LeaderBriefSerializer(source="mentorship.mentee")
    mentor = LeaderBriefSerializer(source="mentorship.mentor")
    suggested_mentor = LeaderBriefSerializer(allow_null=True)

    class Meta:
        model = Flag
        fields = [
            "id",
            "mentorship",
            "kind",
            "reason",
            "mentee",
            "mentor",
            "suggested_mentor",
            "created_at",
        ]


class FlagListApi(APIView):
    """GET: open flags on pairs in scope (HR)."""

    permission_classes = [IsAuthenticated]
    pagination_class = Pagination  # read by the schema generator only; ``_paginate`` pages

    @extend_schema(responses=FlagOutputSerializer(many=True))
    def get(self, request: Request) -> Response:
        user = _user(request)
        _require_hr(user)
        return _paginate(request, self, selectors.flags_for_hr(user=user), FlagOutputSerializer)


class FlagResolveApi(APIView):
    """POST: mark a flag handled (HR in scope)."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        request=None,
        responses=inline_serializer(
            "FlagResolved",
            {"id": serializers.IntegerField(), "resolved_at": serializers.DateTimeField()},
        ),
    )
    def post(self, request: Request, flag_id: int) -> Response:
        flag = selectors.flags_for_hr(user=_user(request)).filter(id=flag_id).first()
        if flag is None:
            raise Http404
        flag = services.flag_resolve(flag=flag)
        return Response({"id": flag.id, "resolved_at": flag.resolved_at})


class RecheckApi(APIView):
    """POST: re-check the organisation's live pairs against the hard rules now (HR)."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        request=None,
        responses=inline_serializer("RecheckOutput", {"flagged": serializers.IntegerField()}),
    )
    def post(self, request: Request) -> Response:
        user = _user(request)
        _require_hr(user)
        _require_org_wide_hr(user)
        flags = services.pairs_recheck(organisation_id=_organisation_id_or_404(user))
        return Response({"flagged": len(flags)})
