"""HR's template editor: templates, their items and rules, and a preview of a leader's plan.

Reads of the templates stay open to every user of the organisation (``apis.TemplateListApi``);
writes and the preview are HR's. Rule values are choice fields, so an unknown service type or
owner role is a field error before any row is read.
"""

from __future__ import annotations

import datetime as dt

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.api.permissions import IsHR, WriteRolesMixin, request_user
from backend.people.models import ENTRY_ROUTES_KNOWN, EntryRoute, ServiceType, StaffFunctionKind
from onboarding.apis import TemplateListApi
from onboarding.models import OwnerRole
from onboarding.preview import plan_preview
from onboarding.serializers import TemplateItemSerializer, TemplateSerializer
from onboarding.services.template_editing import (
    template_create_as,
    template_item_create_as,
    template_item_delete_as,
    template_item_update_as,
    template_update_as,
)


class RulesInputSerializer(serializers.Serializer):
    """Applicability rules: unset or null means "any"."""

    service_types = serializers.ListField(
        child=serializers.ChoiceField(choices=ServiceType.choices), required=False, max_length=40
    )
    round_the_clock = serializers.BooleanField(required=False, allow_null=True)
    shift_work = serializers.BooleanField(required=False, allow_null=True)
    multi_site = serializers.BooleanField(required=False, allow_null=True)
    first_leader_job = serializers.BooleanField(required=False, allow_null=True)
    specialist = serializers.BooleanField(required=False, allow_null=True)
    staff_above = serializers.IntegerField(
        required=False, allow_null=True, min_value=0, max_value=100000
    )
    administration_ids = serializers.ListField(
        child=serializers.IntegerField(min_value=1), required=False, max_length=200
    )
    entry_routes = serializers.ListField(
        child=serializers.ChoiceField(choices=ENTRY_ROUTES_KNOWN),
        required=False,
        max_length=10,
    )


class TemplateInputSerializer(RulesInputSerializer):
    """A template: names and descriptions in Danish and English, and its rules."""

    name_da = serializers.CharField(max_length=200)
    name_en = serializers.CharField(max_length=200, required=False, allow_blank=True)
    description_da = serializers.CharField(required=False, allow_blank=True, max_length=4000)
    description_en = serializers.CharField(required=False, allow_blank=True, max_length=4000)
    order = serializers.IntegerField(required=False, min_value=0, max_value=32767)
    active = serializers.BooleanField(required=False)


class TemplateItemInputSerializer(RulesInputSerializer):
    """A template item: texts, owner, timing, dependency, topic and rules."""

    title_da = serializers.CharField(max_length=200)
    title_en = serializers.CharField(max_length=200, required=False, allow_blank=True)
    guidance_da = serializers.CharField(required=False, allow_blank=True, max_length=20000)
    guidance_en = serializers.CharField(required=False, allow_blank=True, max_length=20000)
    owner_role = serializers.ChoiceField(choices=OwnerRole.choices, required=False)
    staff_function_kind = serializers.ChoiceField(
        choices=StaffFunctionKind.choices, required=False, allow_blank=True
    )
    due_offset_days = serializers.IntegerField(required=False, min_value=-365, max_value=1095)
    depends_on = serializers.IntegerField(required=False, allow_null=True, min_value=1)
    topic_id = serializers.IntegerField(required=False, allow_null=True, min_value=1)
    required = serializers.BooleanField(required=False)  # type: ignore[assignment]
    order = serializers.IntegerField(required=False, min_value=0, max_value=32767)
    offer_ids = serializers.ListField(
        child=serializers.IntegerField(min_value=1), required=False, max_length=50
    )


def _item_fields(data: dict[str, object]) -> dict[str, object]:
    """The service's names: ``depends_on`` (an id) → ``depends_on_id``."""
    return {("depends_on_id" if k == "depends_on" else k): v for k, v in data.items()}


class TemplateListCreateApi(WriteRolesMixin, TemplateListApi):
    """The organisation's templates with their items; HR adds a template with POST."""

    write_permission_classes = [IsHR]

    @extend_schema(request=TemplateInputSerializer, responses={201: TemplateSerializer})
    def post(self, request: Request) -> Response:
        data = TemplateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        template = template_create_as(actor=request_user(request), **data.validated_data)
        return Response(TemplateSerializer(template).data, status=status.HTTP_201_CREATED)


class TemplateDetailApi(APIView):
    """HR edits a template (names, rules, in use or not)."""

    permission_classes = [IsHR]

    @extend_schema(request=TemplateInputSerializer(partial=True), responses=TemplateSerializer)
    def patch(self, request: Request, template_id: int) -> Response:
        data = TemplateInputSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        template = template_update_as(
            actor=request_user(request), template_id=template_id, **data.validated_data
        )
        return Response(TemplateSerializer(template).data)


class TemplateItemCreateApi(APIView):
    """HR adds an item to a template."""

    permission_classes = [IsHR]

    @extend_schema(request=TemplateItemInputSerializer, responses={201: TemplateItemSerializer})
    def post(self, request: Request, template_id: int) -> Response:
        data = TemplateItemInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        item = template_item_create_as(
            actor=request_user(request),
            template_id=template_id,
            **_item_fields(data.validated_data),
        )
        return Response(TemplateItemSerializer(item).data, status=status.HTTP_201_CREATED)


class TemplateItemApi(APIView):
    """HR edits (PATCH) or removes (DELETE) a template item; running plans keep their snapshot."""

    permission_classes = [IsHR]

    @extend_schema(
        request=TemplateItemInputSerializer(partial=True), responses=TemplateItemSerializer
    )
    def patch(self, request: Request, item_id: int) -> Response:
        data = TemplateItemInputSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        item = template_item_update_as(
            actor=request_user(request), item_id=item_id, **_item_fields(data.validated_data)
        )
        return Response(TemplateItemSerializer(item).data)

    @extend_schema(responses={204: None})
    def delete(self, request: Request, item_id: int) -> Response:
        template_item_delete_as(actor=request_user(request), item_id=item_id)
        return Response(status=status.HTTP_204_NO_CONTENT)


class PreviewTemplateSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name_da = serializers.CharField()
    name_en = serializers.CharField()


class PreviewItemSerializer(serializers.Serializer):
    """One item of the previewed plan."""

    template_item_id = serializers.IntegerField(source="template_item.id")
    template_id = serializers.IntegerField(source="template.id")
    title_da = serializers.CharField()
    title_en = serializers.CharField()
    owner_role = serializers.CharField(source="template_item.owner_role")
    owner = serializers.CharField(help_text="The owner as the plan will name them.")
    owner_fallback = serializers.BooleanField(help_text="Nobody known yet: HR holds it.")
    due_date = serializers.DateField()
    due_offset_days = serializers.IntegerField(source="template_item.due_offset_days")
    depends_on = serializers.IntegerField(allow_null=True, help_text="A template item id.")
    required = serializers.BooleanField(source="template_item.required")  # type: ignore[assignment]


class PlanPreviewLeaderSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    full_name = serializers.CharField()
    entry_route = serializers.ChoiceField(
        choices=EntryRoute.choices, help_text="How the leader came into the role."
    )


class PlanPreviewSerializer(serializers.Serializer):
    """The plan a leader would get from today's templates."""

    leader = PlanPreviewLeaderSerializer()
    role_start_date = serializers.DateField()
    templates = PreviewTemplateSerializer(many=True)
    templates_left_out = PreviewTemplateSerializer(many=True)
    items = PreviewItemSerializer(many=True)


class PlanPreviewApi(APIView):
    """HR previews the plan a leader (in HR's scope) would get; nothing is written."""

    permission_classes = [IsHR]

    class PlanPreviewQuerySerializer(serializers.Serializer):
        leader = serializers.IntegerField(min_value=1)
        role_start_date = serializers.DateField(required=False)

    @extend_schema(
        parameters=[
            OpenApiParameter("leader", int, required=True),
            OpenApiParameter("role_start_date", dt.date, required=False),
        ],
        responses=PlanPreviewSerializer,
    )
    def get(self, request: Request) -> Response:
        query = self.PlanPreviewQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        preview = plan_preview(
            actor=request_user(request),
            leader_id=query.validated_data["leader"],
            role_start_date=query.validated_data.get("role_start_date"),
        )
        return Response(PlanPreviewSerializer(preview).data)
