"""Learning networks from sign-ups: sign-ups, registrations, group drafts."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import (
    extend_schema,
    extend_schema_serializer,
)
from rest_framework import serializers, status
from rest_framework.generics import ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.api.permissions import (
    IsHR,
    IsLeaderUser,
    IsOrganisationMember,
    WriteRolesMixin,
    request_user,
)
from backend.networks.models import (
    GroupDraft,
    SignUp,
    SignUpRegistration,
)
from backend.networks.selectors.drafts import DraftDetail, draft_detail, draft_for_hr_or_404
from backend.networks.selectors.signups import (
    signup_detail,
    signup_registrations,
    signups_visible_to,
)
from backend.networks.serializers import LeaderBriefSerializer
from backend.networks.services.drafts import (
    draft_move,
    draft_publish,
    signup_compose,
)
from backend.networks.services.signups import signup_create, signup_register, signup_withdraw
from backend.people.models import Administration


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


class SignUpListApi(WriteRolesMixin, ListAPIView[SignUp]):
    """Sign-ups the caller may see (GET); HR opens one (POST)."""

    permission_classes = [IsOrganisationMember]  # anyone in the organisation lists
    write_permission_classes = [IsHR]  # only HR opens a sign-up (403 for the rest)
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
        return signups_visible_to(actor=request_user(self.request))

    @extend_schema(request=InputSerializer, responses={201: SignUpOutputSerializer})
    def post(self, request: Request) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        signup = signup_create(
            actor=request_user(request),
            theme=v["theme"],
            description=v.get("description", ""),
            min_size=v["min_size"],
            max_size=v["max_size"],
            deadline=v["deadline"],
            eligible_administration_ids=v["eligible_administrations"],
        )
        return Response(SignUpOutputSerializer(signup).data, status=status.HTTP_201_CREATED)


@extend_schema_serializer(component_name="SignUpDetail")
class SignUpDetailOutputSerializer(SignUpOutputSerializer):
    """A sign-up, whether the caller signed up and (HR) its current group draft."""

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

    @extend_schema(responses=SignUpDetailOutputSerializer)
    def get(self, request: Request, signup_id: int) -> Response:
        signup = signup_detail(actor=request_user(request), signup_id=signup_id)
        return Response(SignUpDetailOutputSerializer(signup).data)


class SignUpRegistrationApi(APIView):
    """The calling leader signs up (POST) or withdraws (DELETE)."""

    permission_classes = [IsLeaderUser]

    @extend_schema_serializer(component_name="SignUpRegistered")
    class OutputSerializer(serializers.Serializer[Any]):
        registered = serializers.BooleanField()

    @extend_schema(request=None, responses={201: OutputSerializer})
    def post(self, request: Request, signup_id: int) -> Response:
        signup_register(actor=request_user(request), signup_id=signup_id)
        return Response(
            self.OutputSerializer({"registered": True}).data, status=status.HTTP_201_CREATED
        )

    @extend_schema(request=None, responses={204: None})
    def delete(self, request: Request, signup_id: int) -> Response:
        signup_withdraw(actor=request_user(request), signup_id=signup_id)
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
        return signup_registrations(
            actor=request_user(self.request), signup_id=self.kwargs["signup_id"]
        )


@extend_schema_serializer(component_name="GroupDraftViolation")
class GroupDraftViolationOutputSerializer(serializers.Serializer[Any]):
    rule = serializers.CharField()
    leaders = serializers.ListField(child=serializers.IntegerField())


@extend_schema_serializer(component_name="GroupDraftGroup")
class GroupDraftGroupOutputSerializer(serializers.Serializer[Any]):
    number = serializers.IntegerField()
    members = LeaderBriefSerializer(many=True)


@extend_schema_serializer(component_name="GroupDraft")
class GroupDraftOutputSerializer(serializers.Serializer[DraftDetail]):
    """A group draft: its groups with their members, the objective and the rules it breaks."""

    id = serializers.IntegerField()
    signup = serializers.IntegerField()
    status = serializers.ChoiceField(choices=GroupDraft.Status.choices)
    objective = serializers.FloatField(help_text="After HR's moves.")
    composer_objective = serializers.FloatField(help_text="As the composer left it.")
    seed = serializers.IntegerField()
    violations = GroupDraftViolationOutputSerializer(many=True)
    networks = serializers.ListField(
        child=serializers.IntegerField(), help_text="The published learning networks."
    )
    groups = GroupDraftGroupOutputSerializer(many=True)


def _draft_response(draft: GroupDraft, **kwargs: Any) -> Response:
    return Response(GroupDraftOutputSerializer(draft_detail(draft=draft)).data, **kwargs)


class SignUpComposeApi(APIView):
    """HR runs the composer on a sign-up whose deadline has passed."""

    permission_classes = [IsHR]

    @extend_schema_serializer(component_name="SignUpComposeInput")
    class InputSerializer(serializers.Serializer[Any]):
        seed = serializers.IntegerField(required=False, default=42, min_value=0)

    @extend_schema(request=InputSerializer, responses={201: GroupDraftOutputSerializer})
    def post(self, request: Request, signup_id: int) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        draft = signup_compose(
            actor=request_user(request), signup_id=signup_id, seed=data.validated_data["seed"]
        )
        return _draft_response(draft, status=status.HTTP_201_CREATED)


class DraftDetailApi(APIView):
    """A group draft with members, objective and broken rules (HR)."""

    permission_classes = [IsHR]

    @extend_schema(responses=GroupDraftOutputSerializer)
    def get(self, request: Request, draft_id: int) -> Response:
        draft = draft_for_hr_or_404(actor=request_user(request), draft_id=draft_id)
        return _draft_response(draft)


class DraftMoveApi(APIView):
    """HR moves a leader to another group; the objective updates."""

    permission_classes = [IsHR]

    @extend_schema_serializer(component_name="DraftMoveInput")
    class InputSerializer(serializers.Serializer[Any]):
        leader = serializers.IntegerField()
        to_group = serializers.IntegerField(min_value=0)

    @extend_schema(request=InputSerializer, responses=GroupDraftOutputSerializer)
    def post(self, request: Request, draft_id: int) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        draft = draft_move(
            actor=request_user(request),
            draft_id=draft_id,
            leader_id=data.validated_data["leader"],
            to_group=data.validated_data["to_group"],
        )
        return _draft_response(draft)


class DraftPublishApi(APIView):
    """HR publishes the groups as learning networks; members are notified."""

    permission_classes = [IsHR]

    @extend_schema(request=None, responses=GroupDraftOutputSerializer)
    def post(self, request: Request, draft_id: int) -> Response:
        draft = draft_publish(actor=request_user(request), draft_id=draft_id)
        return _draft_response(draft)
