"""HTTP entry points of the networks app: one small view per API, scope checks in selectors.

Out-of-scope objects are 404 (never 403); business rules are 400/409 with field errors.
"""

from __future__ import annotations

from typing import Any, cast

from django.db.models import QuerySet
from drf_spectacular.utils import (
    OpenApiResponse,
    extend_schema,
    extend_schema_serializer,
    inline_serializer,
)
from rest_framework import serializers, status
from rest_framework.generics import ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.api.permissions import IsHR, IsLeaderUser, IsOrganisationMember
from backend.networks import selectors, services
from backend.networks.models import (
    CohortCircle,
    CohortSetting,
    GroupDraft,
    IntroductionRequest,
    JoinRequest,
    RequestStatus,
    RoulettePair,
    RouletteSetting,
    SignUp,
    SignUpRegistration,
)
from backend.people.models import Administration, Leader, Membership, ServiceType, User


def _user(request: Request) -> User:
    # Every view here requires a signed-in user (IsLeaderUser, IsHR, IsOrganisationMember).
    return cast(User, request.user)


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
class _MapLeaderSchema(serializers.Serializer[Any]):
    """Schema only: a leader on a map or in the insights (``selectors._leader_brief``)."""

    id = serializers.IntegerField()
    name = serializers.CharField()
    role_title = serializers.CharField()
    unit = serializers.CharField(allow_null=True)
    administration = serializers.CharField(allow_null=True)


# --------------------------------------------------------------------------- peers


class PeerListApi(APIView):
    """Ranked peers with a similar core task for the calling leader (the peer finder)."""

    permission_classes = [IsLeaderUser]

    class FilterSerializer(serializers.Serializer[Any]):
        service_type = serializers.ChoiceField(choices=ServiceType.choices, required=False)
        specialist = serializers.BooleanField(required=False, allow_null=True, default=None)
        round_the_clock = serializers.BooleanField(required=False, allow_null=True, default=None)
        administration = serializers.IntegerField(required=False)
        other_administration = serializers.BooleanField(required=False, default=False)
        limit = serializers.IntegerField(required=False, min_value=1, max_value=100, default=20)

    @extend_schema_serializer(component_name="Peer")
    class OutputSerializer(serializers.Serializer[Any]):
        leader = LeaderBriefSerializer()
        score = serializers.FloatField()
        reasons = ReasonSerializer(many=True)

    @extend_schema(
        parameters=[FilterSerializer],
        responses=inline_serializer(
            "PeerList",
            {"count": serializers.IntegerField(), "results": OutputSerializer(many=True)},
        ),
    )
    def get(self, request: Request) -> Response:
        params = self.FilterSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        data = params.validated_data
        peers = selectors.peer_list(
            user=_user(request),
            service_type=data.get("service_type"),
            specialist=data.get("specialist"),
            round_the_clock=data.get("round_the_clock"),
            administration_id=data.get("administration"),
            other_administration_only=data["other_administration"],
            limit=data["limit"],
        )
        return Response(
            {"count": len(peers), "results": self.OutputSerializer(peers, many=True).data}
        )


class IntroductionOutputSerializer(serializers.ModelSerializer[IntroductionRequest]):
    """An introduction request; the other's contact details only once accepted."""

    from_leader = LeaderBriefSerializer()
    to_leader = LeaderBriefSerializer()
    direction = serializers.SerializerMethodField()
    contact = serializers.SerializerMethodField()

    class Meta:
        model = IntroductionRequest
        fields = [
            "id",
            "from_leader",
            "to_leader",
            "direction",
            "message",
            "status",
            "created_at",
            "decided_at",
            "contact",
        ]

    def _me(self) -> int | None:
        return self.context["request"].user.leader_id

    def get_direction(self, obj: IntroductionRequest) -> str:
        return "sent" if obj.from_leader_id == self._me() else "received"

    def get_contact(self, obj: IntroductionRequest) -> dict[str, str] | None:
        if obj.status != RequestStatus.ACCEPTED:
            return None
        other = obj.to_leader if obj.from_leader_id == self._me() else obj.from_leader
        return {"name": other.full_name, "email": other.email, "phone": other.phone}


class IntroductionListApi(ListAPIView[IntroductionRequest]):
    """The calling leader's introduction requests (GET) and a new one (POST)."""

    permission_classes = [IsLeaderUser]
    serializer_class = IntroductionOutputSerializer

    @extend_schema_serializer(component_name="IntroductionCreateInput")
    class InputSerializer(serializers.Serializer[Any]):
        to_leader = serializers.IntegerField()
        message = serializers.CharField(required=False, allow_blank=True, max_length=1000)

    def get_queryset(self) -> QuerySet[IntroductionRequest]:
        if getattr(self, "swagger_fake_view", False):
            return IntroductionRequest.objects.none()
        return selectors.introductions_of(user=_user(self.request))

    @extend_schema(request=InputSerializer, responses={201: IntroductionOutputSerializer})
    def post(self, request: Request) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        intro = services.introduction_request(
            user=_user(request),
            to_leader_id=data.validated_data["to_leader"],
            message=data.validated_data.get("message", ""),
        )
        intro = selectors.introduction_of_or_404(user=_user(request), introduction_id=intro.id)
        return Response(
            IntroductionOutputSerializer(intro, context={"request": request}).data,
            status=status.HTTP_201_CREATED,
        )


class IntroductionActionApi(APIView):
    """Accept, decline (the asked leader) or withdraw (the asker) an introduction."""

    permission_classes = [IsLeaderUser]
    action = ""

    @extend_schema(request=None, responses=IntroductionOutputSerializer)
    def post(self, request: Request, introduction_id: int) -> Response:
        user = _user(request)
        if self.action == "withdraw":
            services.introduction_withdraw(user=user, introduction_id=introduction_id)
        else:
            services.introduction_decide(
                user=user, introduction_id=introduction_id, accept=self.action == "accept"
            )
        intro = selectors.introduction_of_or_404(user=user, introduction_id=introduction_id)
        return Response(IntroductionOutputSerializer(intro, context={"request": request}).data)


# --------------------------------------------------------------------------- suggestions, joining


class NetworkSuggestionListApi(APIView):
    """Networks to join for the calling leader, ranked, with reasons (no private members)."""

    permission_classes = [IsLeaderUser]

    @extend_schema_serializer(component_name="NetworkSuggestion")
    class OutputSerializer(serializers.Serializer[Any]):
        kind = serializers.CharField()
        network_id = serializers.IntegerField(source="network.id", default=None)
        name = serializers.SerializerMethodField()
        description = serializers.CharField(source="network.description", default="")
        theme = serializers.CharField(source="network.theme", default="")
        is_private = serializers.BooleanField()
        join = serializers.CharField()
        member_count = serializers.IntegerField(allow_null=True)
        cohort = serializers.DictField(allow_null=True)
        score = serializers.FloatField()
        reasons = ReasonSerializer(many=True)

        def get_name(self, obj: selectors.Suggestion) -> str:
            if obj.network is not None:
                return obj.network.name
            return "Kohortecirkel for nye ledere"

    @extend_schema(
        responses=inline_serializer(
            "NetworkSuggestionList",
            {"count": serializers.IntegerField(), "results": OutputSerializer(many=True)},
        )
    )
    def get(self, request: Request) -> Response:
        suggestions = selectors.network_suggestions(user=_user(request))
        return Response(
            {
                "count": len(suggestions),
                "results": self.OutputSerializer(suggestions, many=True).data,
            }
        )


class NetworkJoinApi(APIView):
    """Join an open network, or ask to join a private one (its members decide)."""

    permission_classes = [IsLeaderUser]

    @extend_schema_serializer(component_name="NetworkJoinInput")
    class InputSerializer(serializers.Serializer[Any]):
        message = serializers.CharField(required=False, allow_blank=True, max_length=1000)

    @extend_schema(
        request=InputSerializer,
        responses={
            201: OpenApiResponse(
                inline_serializer(
                    "NetworkJoined",
                    {
                        "status": serializers.ChoiceField(choices=["member"]),
                        "network": serializers.IntegerField(),
                    },
                ),
                description="Joined an open network.",
            ),
            202: OpenApiResponse(
                inline_serializer(
                    "NetworkJoinRequested",
                    {
                        "status": serializers.ChoiceField(choices=["requested"]),
                        "request": serializers.IntegerField(),
                        "network": serializers.IntegerField(),
                    },
                ),
                description="Asked to join a private network; its members decide.",
            ),
        },
    )
    def post(self, request: Request, network_id: int) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        result = services.network_join(
            user=_user(request),
            network_id=network_id,
            message=data.validated_data.get("message", ""),
        )
        if isinstance(result, Membership):
            return Response(
                {"status": "member", "network": network_id}, status=status.HTTP_201_CREATED
            )
        return Response(
            {"status": "requested", "request": result.id, "network": network_id},
            status=status.HTTP_202_ACCEPTED,
        )


class JoinRequestOutputSerializer(serializers.ModelSerializer[JoinRequest]):
    """A join request: the asker and the network."""

    leader = LeaderBriefSerializer()
    network = serializers.CharField(source="network.name")
    network_id = serializers.IntegerField()

    class Meta:
        model = JoinRequest
        fields = ["id", "network_id", "network", "leader", "message", "status", "created_at"]


class JoinRequestListApi(ListAPIView[JoinRequest]):
    """The caller's join requests and those to the caller's networks."""

    permission_classes = [IsLeaderUser]
    serializer_class = JoinRequestOutputSerializer

    def get_queryset(self) -> QuerySet[JoinRequest]:
        if getattr(self, "swagger_fake_view", False):
            return JoinRequest.objects.none()
        return selectors.join_requests_for(user=_user(self.request))


class JoinRequestDecideApi(APIView):
    """A member accepts or declines a join request."""

    permission_classes = [IsLeaderUser]
    accept = True

    @extend_schema(request=None, responses=JoinRequestOutputSerializer)
    def post(self, request: Request, request_id: int) -> Response:
        decided = services.join_request_decide(
            user=_user(request), request_id=request_id, accept=self.accept
        )
        decided = selectors.join_requests_for(user=_user(request)).get(id=decided.id)
        return Response(JoinRequestOutputSerializer(decided).data)


# --------------------------------------------------------------------------- maps and insights


class EgoMapApi(APIView):
    """The calling leader's own network."""

    permission_classes = [IsLeaderUser]

    @extend_schema(
        responses=inline_serializer(
            "EgoMap",
            {
                "me": serializers.IntegerField(),
                "nodes": _MapLeaderSchema(many=True),
                "edges": inline_serializer(
                    "EgoMapEdge",
                    {
                        "source": serializers.IntegerField(),
                        "target": serializers.IntegerField(),
                        "weight": serializers.FloatField(),
                        "ties": serializers.ListField(child=serializers.CharField()),
                    },
                    many=True,
                ),
            },
        )
    )
    def get(self, request: Request) -> Response:
        return Response(selectors.network_map_ego(user=_user(request)))


class HrMapApi(APIView):
    """The leader network aggregated by administration (HR)."""

    permission_classes = [IsHR]

    @extend_schema(
        responses=inline_serializer(
            "HrMap",
            {
                "nodes": inline_serializer(
                    "HrMapNode",
                    {
                        "id": serializers.IntegerField(),
                        "name": serializers.CharField(),
                        "leaders": serializers.IntegerField(),
                    },
                    many=True,
                ),
                "edges": inline_serializer(
                    "HrMapEdge",
                    {
                        "source": serializers.IntegerField(),
                        "target": serializers.IntegerField(),
                        "ties": serializers.IntegerField(),
                        "private_ties": serializers.IntegerField(
                            allow_null=True, help_text="null under min_aggregate people."
                        ),
                    },
                    many=True,
                ),
                "min_aggregate": serializers.IntegerField(),
            },
        )
    )
    def get(self, request: Request) -> Response:
        return Response(selectors.network_map_hr(user=_user(request)))


class InsightsApi(APIView):
    """HR's figures on the leader network."""

    permission_classes = [IsHR]

    @extend_schema(
        responses=inline_serializer(
            "NetworkInsights",
            {
                "leaders": serializers.IntegerField(),
                "isolated": _MapLeaderSchema(many=True),
                "isolated_with_private_network": serializers.IntegerField(allow_null=True),
                "solo": _MapLeaderSchema(many=True),
                "administrations": inline_serializer(
                    "NetworkInsightsAdministration",
                    {
                        "id": serializers.IntegerField(),
                        "name": serializers.CharField(),
                        "leaders": serializers.IntegerField(),
                        "internal": serializers.IntegerField(),
                        "external": serializers.IntegerField(),
                        "ei_index": serializers.FloatField(allow_null=True),
                        "isolated": serializers.IntegerField(),
                        "in_private_networks": serializers.IntegerField(allow_null=True),
                    },
                    many=True,
                ),
                "brokers": inline_serializer(
                    "NetworkInsightsBroker",
                    {**_MapLeaderSchema().get_fields(), "betweenness": serializers.FloatField()},
                    many=True,
                ),
                "bridges": serializers.ListField(
                    child=serializers.ListField(child=_MapLeaderSchema()),
                    help_text="Pairs of leaders whose tie is a bridge.",
                ),
                "communities": inline_serializer(
                    "NetworkInsightsCommunity",
                    {
                        "size": serializers.IntegerField(),
                        "administrations": serializers.DictField(
                            child=serializers.IntegerField(),
                            help_text="Members per administration id.",
                        ),
                    },
                    many=True,
                ),
                "specialists_without_peers": _MapLeaderSchema(many=True),
                "min_aggregate": serializers.IntegerField(),
                "seed": serializers.IntegerField(),
            },
        )
    )
    def get(self, request: Request) -> Response:
        return Response(selectors.network_insights(user=_user(request)))


# --------------------------------------------------------------------------- sign-ups


class SignUpOutputSerializer(serializers.ModelSerializer[SignUp]):
    """A learning-network sign-up."""

    # (At runtime ``many=True`` makes a ManyRelatedField; the stubs type the call as written.)
    eligible_administrations: serializers.PrimaryKeyRelatedField[Administration] = (
        serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    )
    registration_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = SignUp
        fields = [
            "id",
            "theme",
            "description",
            "min_size",
            "max_size",
            "eligible_administrations",
            "deadline",
            "status",
            "registration_count",
        ]


class SignUpListApi(ListAPIView[SignUp]):
    """Sign-ups the caller may see (GET); HR opens one (POST)."""

    permission_classes = [IsOrganisationMember]
    serializer_class = SignUpOutputSerializer

    @extend_schema_serializer(component_name="SignUpCreateInput")
    class InputSerializer(serializers.Serializer[Any]):
        theme = serializers.CharField(max_length=200)
        description = serializers.CharField(required=False, allow_blank=True)
        min_size = serializers.IntegerField(min_value=2, max_value=50, default=5)
        max_size = serializers.IntegerField(min_value=2, max_value=50, default=7)
        deadline = serializers.DateField()
        eligible_administrations = serializers.ListField(
            child=serializers.IntegerField(), required=False, default=list
        )

    def get_queryset(self) -> QuerySet[SignUp]:
        if getattr(self, "swagger_fake_view", False):
            return SignUp.objects.none()
        return selectors.signups_visible_to(user=_user(self.request))

    @extend_schema(request=InputSerializer, responses={201: SignUpOutputSerializer})
    def post(self, request: Request) -> Response:
        if not IsHR().has_permission(request, self):
            return Response(status=status.HTTP_403_FORBIDDEN)
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        signup = services.signup_create(
            user=_user(request),
            theme=v["theme"],
            description=v.get("description", ""),
            min_size=v["min_size"],
            max_size=v["max_size"],
            deadline=v["deadline"],
            eligible_administration_ids=v["eligible_administrations"],
        )
        signup = selectors.signup_visible_or_404(user=_user(request), signup_id=signup.id)
        return Response(SignUpOutputSerializer(signup).data, status=status.HTTP_201_CREATED)


@extend_schema_serializer(component_name="SignUpDetail")
class _SignUpDetailSchema(SignUpOutputSerializer):
    """Schema only: a sign-up and whether the caller signed up."""

    registered = serializers.BooleanField()
    draft = serializers.IntegerField(
        allow_null=True,
        help_text="HR: the sign-up's current group draft (published or editable); else null.",
    )

    class Meta(SignUpOutputSerializer.Meta):
        fields = [*SignUpOutputSerializer.Meta.fields, "registered", "draft"]


class SignUpDetailApi(APIView):
    """One sign-up, with whether the caller signed up and (HR) its current group draft."""

    permission_classes = [IsOrganisationMember]

    @extend_schema(responses=_SignUpDetailSchema)
    def get(self, request: Request, signup_id: int) -> Response:
        signup = selectors.signup_visible_or_404(user=_user(request), signup_id=signup_id)
        data = dict(SignUpOutputSerializer(signup).data)
        data["registered"] = selectors.is_registered(user=_user(request), signup=signup)
        data["draft"] = selectors.signup_current_draft_id(user=_user(request), signup=signup)
        return Response(data)


class SignUpRegistrationApi(APIView):
    """The calling leader signs up (POST) or withdraws (DELETE)."""

    permission_classes = [IsLeaderUser]

    @extend_schema(
        request=None,
        responses={
            201: inline_serializer("SignUpRegistered", {"registered": serializers.BooleanField()})
        },
    )
    def post(self, request: Request, signup_id: int) -> Response:
        services.signup_register(user=_user(request), signup_id=signup_id)
        return Response({"registered": True}, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses={204: None})
    def delete(self, request: Request, signup_id: int) -> Response:
        services.signup_withdraw(user=_user(request), signup_id=signup_id)
        return Response(status=status.HTTP_204_NO_CONTENT)


class RegistrationOutputSerializer(serializers.ModelSerializer[SignUpRegistration]):
    """Who signed up."""

    leader = LeaderBriefSerializer()

    class Meta:
        model = SignUpRegistration
        fields = ["id", "leader", "created_at"]


class SignUpRegistrationListApi(ListAPIView[SignUpRegistration]):
    """Who signed up for a learning network (HR in scope)."""

    permission_classes = [IsHR]
    serializer_class = RegistrationOutputSerializer

    def get_queryset(self) -> QuerySet[SignUpRegistration]:
        if getattr(self, "swagger_fake_view", False):
            return SignUpRegistration.objects.none()
        return selectors.signup_registrations(
            user=_user(self.request), signup_id=self.kwargs["signup_id"]
        )


@extend_schema_serializer(component_name="GroupDraft")
class _GroupDraftSchema(serializers.Serializer[Any]):
    """Schema only: a group draft as ``_draft_payload`` builds it."""

    id = serializers.IntegerField()
    signup = serializers.IntegerField()
    status = serializers.ChoiceField(choices=GroupDraft.Status.choices)
    objective = serializers.FloatField(help_text="After HR's moves.")
    composer_objective = serializers.FloatField(help_text="As the composer left it.")
    seed = serializers.IntegerField()
    violations = inline_serializer(
        "GroupDraftViolation",
        {
            "rule": serializers.CharField(),
            "leaders": serializers.ListField(child=serializers.IntegerField()),
        },
        many=True,
    )
    networks = serializers.ListField(
        child=serializers.IntegerField(), help_text="The published learning networks."
    )
    groups = inline_serializer(
        "GroupDraftGroup",
        {"number": serializers.IntegerField(), "members": LeaderBriefSerializer(many=True)},
        many=True,
    )


def _draft_payload(draft: GroupDraft) -> dict[str, Any]:
    leaders = selectors.draft_leaders(draft=draft)
    evaluation = services.draft_evaluate(draft=draft)
    return {
        "id": draft.id,
        "signup": draft.signup_id,
        "status": draft.status,
        "objective": evaluation["objective"],
        "composer_objective": draft.composer_objective,
        "seed": draft.seed,
        "violations": evaluation["violations"],
        "networks": list(draft.networks.values_list("id", flat=True)),
        "groups": [
            {
                "number": k,
                "members": [
                    LeaderBriefSerializer(leaders[lid]).data for lid in group if lid in leaders
                ],
            }
            for k, group in enumerate(draft.groups)
        ],
    }


class SignUpComposeApi(APIView):
    """HR runs the composer on a sign-up whose deadline has passed."""

    permission_classes = [IsHR]

    @extend_schema_serializer(component_name="SignUpComposeInput")
    class InputSerializer(serializers.Serializer[Any]):
        seed = serializers.IntegerField(required=False, default=42, min_value=0)

    @extend_schema(request=InputSerializer, responses={201: _GroupDraftSchema})
    def post(self, request: Request, signup_id: int) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        draft = services.signup_compose(
            user=_user(request), signup_id=signup_id, seed=data.validated_data["seed"]
        )
        return Response(_draft_payload(draft), status=status.HTTP_201_CREATED)


class DraftDetailApi(APIView):
    """A group draft with members, objective and broken rules (HR)."""

    permission_classes = [IsHR]

    @extend_schema(responses=_GroupDraftSchema)
    def get(self, request: Request, draft_id: int) -> Response:
        draft = selectors.draft_for_hr_or_404(user=_user(request), draft_id=draft_id)
        return Response(_draft_payload(draft))


class DraftMoveApi(APIView):
    """HR moves a leader to another group; the objective updates."""

    permission_classes = [IsHR]

    @extend_schema_serializer(component_name="DraftMoveInput")
    class InputSerializer(serializers.Serializer[Any]):
        leader = serializers.IntegerField()
        to_group = serializers.IntegerField(min_value=0)

    @extend_schema(request=InputSerializer, responses=_GroupDraftSchema)
    def post(self, request: Request, draft_id: int) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        draft = services.draft_move(
            user=_user(request),
            draft_id=draft_id,
            leader_id=data.validated_data["leader"],
            to_group=data.validated_data["to_group"],
        )
        return Response(_draft_payload(draft))


class DraftPublishApi(APIView):
    """HR publishes the groups as learning networks; members are notified."""

    permission_classes = [IsHR]

    @extend_schema(request=None, responses=_GroupDraftSchema)
    def post(self, request: Request, draft_id: int) -> Response:
        draft = services.draft_publish(user=_user(request), draft_id=draft_id)
        return Response(_draft_payload(draft))


# --------------------------------------------------------------------------- cohorts


class CohortSettingApi(APIView):
    """HR reads (GET) and changes (PUT) how cohort circles are formed."""

    permission_classes = [IsHR]

    @extend_schema_serializer(component_name="CohortSetting")
    class Serializer(serializers.ModelSerializer[CohortSetting]):
        class Meta:
            model = CohortSetting
            fields = ["enabled", "window_days", "min_size", "max_size"]

    @extend_schema(responses=Serializer)
    def get(self, request: Request) -> Response:
        setting = services.cohort_setting_update(user=_user(request))
        return Response(self.Serializer(setting).data)

    @extend_schema(request=Serializer, responses=Serializer)
    def put(self, request: Request) -> Response:
        data = self.Serializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        setting = services.cohort_setting_update(user=_user(request), **data.validated_data)
        return Response(self.Serializer(setting).data)


class CohortCircleOutputSerializer(serializers.ModelSerializer[CohortCircle]):
    """A cohort circle."""

    name = serializers.CharField(source="network.name")
    member_count = serializers.IntegerField(read_only=True, default=None)

    class Meta:
        model = CohortCircle
        fields = ["id", "network_id", "name", "period_start", "period_end", "member_count"]


class CohortCircleListApi(ListAPIView[CohortCircle]):
    """The organisation's cohort circles (HR)."""

    permission_classes = [IsHR]
    serializer_class = CohortCircleOutputSerializer

    def get_queryset(self) -> QuerySet[CohortCircle]:
        if getattr(self, "swagger_fake_view", False):
            return CohortCircle.objects.none()
        return selectors.cohort_circles(user=_user(self.request))


class CohortCircleFormApi(APIView):
    """HR forms the cohort circles in one step."""

    permission_classes = [IsHR]

    @extend_schema(request=None, responses=CohortCircleOutputSerializer(many=True))
    def post(self, request: Request) -> Response:
        circles = services.cohort_circles_form(user=_user(request))
        rows = selectors.cohort_circles(user=_user(request)).filter(id__in=[c.id for c in circles])
        return Response(
            CohortCircleOutputSerializer(rows, many=True).data, status=status.HTTP_201_CREATED
        )


# --------------------------------------------------------------------------- roulette


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
    class OutputSerializer(serializers.Serializer[Any]):
        """Schema only: what ``_out`` returns."""

        network = serializers.IntegerField()
        active = serializers.BooleanField()
        every_weeks = serializers.IntegerField()
        cooldown_weeks = serializers.IntegerField()
        next_run_on = serializers.DateField(allow_null=True)

    def _out(self, setting: Any) -> dict[str, Any]:
        return {
            "network": setting.network_id,
            "active": setting.active,
            "every_weeks": setting.every_weeks,
            "cooldown_weeks": setting.cooldown_weeks,
            "next_run_on": setting.next_run_on,
        }

    @extend_schema(
        responses=OpenApiResponse(
            OutputSerializer,
            description="`active` false and `next_run_on` null while the network has no "
            "roulette set up.",
        )
    )
    def get(self, request: Request, network_id: int) -> Response:
        setting = selectors.roulette_setting_or_404(user=_user(request), network_id=network_id)
        if setting is None:  # not set up: the defaults, switched off, no next run
            setting = RouletteSetting(network_id=network_id, active=False)
        return Response(self._out(setting))

    @extend_schema(request=InputSerializer, responses=OutputSerializer)
    def put(self, request: Request, network_id: int) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        setting = services.roulette_setting_set(
            user=_user(request), network_id=network_id, **data.validated_data
        )
        return Response(self._out(setting))


class RouletteOptOutApi(APIView):
    """A member sits out the next round."""

    permission_classes = [IsLeaderUser]

    @extend_schema(
        request=None,
        responses={
            201: inline_serializer("RouletteOptedOut", {"round": serializers.IntegerField()})
        },
    )
    def post(self, request: Request, network_id: int) -> Response:
        number = services.roulette_opt_out(user=_user(request), network_id=network_id)
        return Response({"round": number}, status=status.HTTP_201_CREATED)


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
        return selectors.roulette_pairs_of(user=_user(self.request))
