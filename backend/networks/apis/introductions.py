"""Introduction requests between leaders."""

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

from backend.api.permissions import IsLeaderUser, request_user
from backend.networks.models import (
    IntroductionRequest,
    RequestStatus,
)
from backend.networks.selectors.introductions import introductions_of
from backend.networks.serializers import LeaderBriefSerializer
from backend.networks.services.introductions import (
    introduction_decide,
    introduction_request,
    introduction_withdraw,
)


class IntroductionOutputSerializer(serializers.ModelSerializer[IntroductionRequest]):
    """An introduction request; the other's contact details only once accepted.

    Across organisations (``cross_organisation``) the other leader is shown as the directory
    card shows them: no unit, no administration, their municipality instead.
    """

    from_leader = LeaderBriefSerializer()
    to_leader = LeaderBriefSerializer()
    direction = serializers.SerializerMethodField()
    contact = serializers.SerializerMethodField()
    municipality = serializers.SerializerMethodField()

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
            "cross_organisation",
            "municipality",
        ]

    def _my_leader_id(self) -> int | None:
        return self.context["request"].user.leader_id

    def get_direction(self, obj: IntroductionRequest) -> str:
        return "sent" if obj.from_leader_id == self._my_leader_id() else "received"

    def get_municipality(self, obj: IntroductionRequest) -> str | None:
        """The other leader's municipality, across organisations only."""
        if not obj.cross_organisation:
            return None
        other = obj.to_leader if obj.from_leader_id == self._my_leader_id() else obj.from_leader
        return other.organisation.name

    def to_representation(self, instance: IntroductionRequest) -> dict[str, Any]:
        data = super().to_representation(instance)
        if instance.cross_organisation:
            mine = instance.from_leader_id == self._my_leader_id()
            other = data["to_leader" if mine else "from_leader"]
            other.update(unit=None, administration=None)
        return data

    def get_contact(self, obj: IntroductionRequest) -> dict[str, str] | None:
        if obj.status != RequestStatus.ACCEPTED:
            return None
        other = obj.to_leader if obj.from_leader_id == self._my_leader_id() else obj.from_leader
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
        return introductions_of(actor=request_user(self.request))

    @extend_schema(request=InputSerializer, responses={201: IntroductionOutputSerializer})
    def post(self, request: Request) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        intro = introduction_request(
            actor=request_user(request),
            to_leader_id=data.validated_data["to_leader"],
            message=data.validated_data.get("message", ""),
        )
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
        user = request_user(request)
        if self.action == "withdraw":
            intro = introduction_withdraw(actor=user, introduction_id=introduction_id)
        else:
            intro = introduction_decide(
                actor=user, introduction_id=introduction_id, accept=self.action == "accept"
            )
        return Response(IntroductionOutputSerializer(intro, context={"request": request}).data)
