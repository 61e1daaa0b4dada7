"""Privacy APIs: the leader's access log, GDPR export and erasure."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.api.permissions import IsAuthenticatedUser, IsHR, request_user
from backend.api.renderers import JSONRenderer
from backend.people.visibility import Audience, CardField, Kind, Sees
from backend.privacy.models import AccessLogEntry, Erasure
from backend.privacy.renderers import ExportHtmlRenderer
from backend.privacy.selectors import access_log_for_self, directory_rules, visibility_rules
from backend.privacy.services import leader_erase_as, leader_export_as


class AccessLogOutputSerializer(serializers.ModelSerializer[AccessLogEntry]):
    class Meta:
        model = AccessLogEntry
        fields = ["id", "actor_name", "what", "purpose", "channel", "at"]


class AccessLogOwnListApi(ListAPIView[AccessLogEntry]):
    """List who has read the caller's private data (support needs), when and why."""

    permission_classes = [IsAuthenticatedUser]
    serializer_class = AccessLogOutputSerializer
    filterset_fields = ["what", "channel"]
    ordering_fields = ["at"]

    def get_queryset(self) -> Any:
        if getattr(self, "swagger_fake_view", False):  # schema generation: no user
            return AccessLogEntry.objects.none()
        return access_log_for_self(actor=request_user(self.request))


class LeaderExportApi(APIView):
    """Everything Sparring holds about a leader (GDPR), as JSON or readable HTML.

    The leader may export their own data; HR in scope must give a ``purpose``, which is written
    to the leader's access log (channel ``export``). Anyone else gets 404.
    """

    permission_classes = [IsAuthenticatedUser]
    renderer_classes = [JSONRenderer, ExportHtmlRenderer]

    @extend_schema(
        parameters=[
            OpenApiParameter("purpose", str, description="Required for HR: why the export."),
            OpenApiParameter("format", str, enum=["json", "html"]),
        ],
        responses={200: OpenApiTypes.OBJECT},
    )
    def get(self, request: Request, leader_id: int) -> Response:
        data = leader_export_as(
            actor=request_user(request),
            leader_id=leader_id,
            purpose=str(request.query_params.get("purpose", "")),
        )
        filename = f"sparring-export-{leader_id}"
        response = Response(data)
        extension = "html" if request.accepted_renderer.format == "html" else "json"
        response["Content-Disposition"] = f'inline; filename="{filename}.{extension}"'
        response["Cache-Control"] = "no-store"
        return response


class LeaderEraseApi(APIView):
    """HR erases a leader's data for good (GDPR art. 17); idempotent.

    Needs a ``reason`` (kept, so it must not name the person) and ``confirm: true``.
    """

    permission_classes = [IsHR]

    class InputSerializer(serializers.Serializer[Any]):
        reason = serializers.CharField(max_length=300)
        confirm = serializers.BooleanField()

        def validate_confirm(self, value: bool) -> bool:
            if not value:
                raise serializers.ValidationError(_("Confirm that the erasure cannot be undone."))
            return value

    class OutputSerializer(serializers.ModelSerializer[Erasure]):
        class Meta:
            model = Erasure
            fields = ["subject", "trigger", "reason", "at"]

    @extend_schema(
        request=InputSerializer,
        responses={200: OutputSerializer},
        operation_id="privacy_leaders_erase_create",
    )
    def post(self, request: Request, leader_id: int) -> Response:
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        erasure = leader_erase_as(
            actor=request_user(request),
            leader_id=leader_id,
            reason=serializer.validated_data["reason"],
        )
        return Response(self.OutputSerializer(erasure).data)


class VisibilityRuleOutputSerializer(serializers.Serializer[Any]):
    """One rule: how much ``audience`` sees of ``kind``, and whether each read is logged."""

    kind = serializers.ChoiceField(choices=[k.value for k in Kind])
    audience = serializers.ChoiceField(choices=[a.value for a in Audience])
    sees = serializers.ChoiceField(choices=[s.value for s in Sees])
    logged = serializers.BooleanField()


class VisibilityRulesApi(APIView):
    """Who sees what of a leader's private things: the rules the server keeps to.

    The web app builds every privacy sentence on its screens from these rules.
    """

    permission_classes = [IsAuthenticatedUser]

    @extend_schema(responses=VisibilityRuleOutputSerializer(many=True))
    def get(self, request: Request) -> Response:
        rules = visibility_rules(actor=request_user(request))
        return Response(VisibilityRuleOutputSerializer(rules, many=True).data)


class DirectoryRulesOutputSerializer(serializers.Serializer[Any]):
    """What crosses to other organisations in the shared peer directory, and when."""

    card = serializers.ListField(
        child=serializers.ChoiceField(choices=[c.value for c in CardField])
    )
    requires = serializers.ListField(child=serializers.CharField())
    contact_on = serializers.CharField()
    others = serializers.ChoiceField(choices=[s.value for s in Sees])


class DirectoryRulesApi(APIView):
    """What of a leader other organisations see in the shared peer directory (the card), what
    must be on for it, and when contact details cross. The web app words its sentences on the
    directory, the profile and HR's setting from it."""

    permission_classes = [IsAuthenticatedUser]

    @extend_schema(responses=DirectoryRulesOutputSerializer)
    def get(self, request: Request) -> Response:
        rules = directory_rules(actor=request_user(request))
        return Response(DirectoryRulesOutputSerializer(rules).data)
