"""Onboarding API: plans, items, history, dashboards, templates, settings and calendar feed.

Every view parses its input and calls one selector (reads) or one service (writes) with the
caller as ``actor``; those find the rows in the caller's sight (out of scope → 404) and refuse
what the caller may not do (403). Who may do what:

- read a plan: the leader, HR in scope, anyone above the leader in the line (no private fields);
- add, drop, reschedule items: the leader, HR in scope, the boss line;
- set an item's status: those, and the item's owner (e.g. the mentor on a mentor item);
- "I need help": the leader only (404 for everyone else: the feature is private);
- create a plan on demand, edit templates and reminder settings: HR.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.generics import ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.api.filters import FilterBackend
from backend.api.permissions import IsAuthenticatedUser, IsHR, IsLeaderUser, request_user
from backend.people.models import SupportNeed
from onboarding import calendar, selectors
from onboarding.filters import PlanFilter
from onboarding.models import OwnerRole, PlanItem
from onboarding.selectors import Viewer
from onboarding.serializers import (
    CalendarFeedUrlSerializer,
    PlanDetailSerializer,
    PlanItemEventSerializer,
    PlanItemSerializer,
    PlanListSerializer,
    PlanSerializer,
    TemplateSerializer,
)
from onboarding.services.calendar_feeds import calendar_feed_get_or_create, calendar_feed_rotate
from onboarding.services.items import (
    plan_item_add_as,
    plan_item_change_as,
    plan_item_drop_as,
    plan_item_need_help_as,
)
from onboarding.services.organisation_settings import onboarding_settings_update
from onboarding.services.plans import plan_create_on_request


class PlanListApi(ListAPIView):
    """Plans the caller may see with progress: HR its scope, a leader their own and their line's."""

    serializer_class = PlanListSerializer
    permission_classes = [IsAuthenticatedUser]
    filter_backends = [FilterBackend]
    filterset_class = PlanFilter
    first_days_only = False

    def get_queryset(self) -> Any:
        plans, self.private = selectors.plans_visible_to(
            actor=request_user(self.request), first_days_only=self.first_days_only
        )
        return plans

    def get_serializer_context(self) -> dict[str, Any]:
        context = dict(super().get_serializer_context())
        context["private"] = getattr(self, "private", False)
        return context


class DashboardApi(PlanListApi):
    """The first-90-days dashboard: HR sees progress, overdue, help requests, mentor status; a
    boss sees their new leaders' progress only."""

    first_days_only = True


class PlanCreateApi(APIView):
    """HR creates a leader's plan on demand (idempotent: returns the existing plan)."""

    permission_classes = [IsHR]

    class OnboardingPlanCreateInputSerializer(serializers.Serializer):
        leader_id = serializers.IntegerField()

    InputSerializer = OnboardingPlanCreateInputSerializer

    @extend_schema(request=InputSerializer, responses=PlanSerializer)
    def post(self, request: Request) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        plan, created = plan_create_on_request(
            actor=request_user(request), leader_id=data.validated_data["leader_id"]
        )
        return Response(
            PlanSerializer(plan).data,
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )


class PlanDetailApi(APIView):
    """One plan with progress and items, as the caller may see it."""

    permission_classes = [IsAuthenticatedUser]

    @extend_schema(responses=PlanDetailSerializer)
    def get(self, request: Request, plan_id: int) -> Response:
        detail = selectors.plan_detail(actor=request_user(request), plan_id=plan_id)
        return Response(PlanDetailSerializer(detail, context={"viewer": detail.viewer}).data)


class PlanItemAddApi(APIView):
    """Add a personal item to a plan (the leader, HR or the boss line)."""

    permission_classes = [IsAuthenticatedUser]

    class OnboardingPlanItemAddInputSerializer(serializers.Serializer):
        title_da = serializers.CharField(max_length=200)
        title_en = serializers.CharField(max_length=200, required=False, default="")
        guidance_da = serializers.CharField(required=False, default="", allow_blank=True)
        guidance_en = serializers.CharField(required=False, default="", allow_blank=True)
        topic = serializers.SlugField(required=False, allow_null=True, default=None)
        owner_role = serializers.ChoiceField(
            choices=OwnerRole.choices, default=OwnerRole.NEW_LEADER
        )
        staff_function_kind = serializers.CharField(required=False, default="", allow_blank=True)
        due_date = serializers.DateField()
        required = serializers.BooleanField(default=False)  # type: ignore[assignment]
        depends_on = serializers.IntegerField(required=False, allow_null=True, default=None)

    InputSerializer = OnboardingPlanItemAddInputSerializer

    @extend_schema(request=InputSerializer, responses=PlanItemSerializer)
    def post(self, request: Request, plan_id: int) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        item, viewer = plan_item_add_as(
            actor=request_user(request), plan_id=plan_id, **data.validated_data
        )
        return Response(
            PlanItemSerializer(item, context={"viewer": viewer}).data,
            status=status.HTTP_201_CREATED,
        )


class PlanItemUpdateApi(APIView):
    """Change an item's status (with a reason for "not applicable") or reschedule it."""

    permission_classes = [IsAuthenticatedUser]

    class OnboardingPlanItemUpdateInputSerializer(serializers.Serializer):
        status = serializers.ChoiceField(choices=PlanItem.Status.choices, required=False)
        reason = serializers.CharField(max_length=500, required=False, default="", allow_blank=True)
        due_date = serializers.DateField(required=False)

    InputSerializer = OnboardingPlanItemUpdateInputSerializer

    @extend_schema(request=InputSerializer, responses=PlanItemSerializer)
    def patch(self, request: Request, item_id: int) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        item, viewer = plan_item_change_as(
            actor=request_user(request), item_id=item_id, **data.validated_data
        )
        return Response(PlanItemSerializer(item, context={"viewer": viewer}).data)


class PlanItemDropApi(APIView):
    """Drop an item from the plan (kept in the history)."""

    permission_classes = [IsAuthenticatedUser]

    class OnboardingPlanItemDropInputSerializer(serializers.Serializer):
        reason = serializers.CharField(max_length=500, required=False, default="", allow_blank=True)

    InputSerializer = OnboardingPlanItemDropInputSerializer

    @extend_schema(request=InputSerializer, responses=None)
    def post(self, request: Request, item_id: int) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        plan_item_drop_as(
            actor=request_user(request), item_id=item_id, reason=data.validated_data["reason"]
        )
        return Response(status=status.HTTP_204_NO_CONTENT)


class PlanItemNeedHelpApi(APIView):
    """The leader says "I need help with this": their private support need for the topic rises.

    Only the leader: for anyone else the item is "not found", so the feature leaks nothing.
    """

    permission_classes = [IsAuthenticatedUser]

    class OnboardingPlanItemNeedHelpInputSerializer(serializers.Serializer):
        weight = serializers.ChoiceField(
            choices=SupportNeed.Weight.choices, default=SupportNeed.Weight.SOME
        )

    InputSerializer = OnboardingPlanItemNeedHelpInputSerializer

    @extend_schema(request=InputSerializer, responses=PlanItemSerializer)
    def post(self, request: Request, item_id: int) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        item, viewer = plan_item_need_help_as(
            actor=request_user(request), item_id=item_id, weight=data.validated_data["weight"]
        )
        return Response(PlanItemSerializer(item, context={"viewer": viewer}).data)


class PlanItemHistoryApi(APIView):
    """An item's history: who changed what, when (help requests hidden from the boss line)."""

    permission_classes = [IsAuthenticatedUser]

    @extend_schema(responses=PlanItemEventSerializer(many=True))
    def get(self, request: Request, item_id: int) -> Response:
        events = selectors.item_history(actor=request_user(request), item_id=item_id)
        return Response(PlanItemEventSerializer(events, many=True).data)


class MyItemsApi(ListAPIView):
    """Open items the caller owns in other leaders' plans (a mentor's, a boss's)."""

    serializer_class = PlanItemSerializer
    permission_classes = [IsAuthenticatedUser]
    filter_backends: list[Any] = []

    def get_queryset(self) -> Any:
        return selectors.items_owned_in_others_plans(actor=request_user(self.request))

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "viewer": Viewer.OWNER}


class TemplateListApi(ListAPIView):
    """The organisation's templates with their items (read: any user; edit: HR, admin)."""

    serializer_class = TemplateSerializer
    permission_classes = [IsAuthenticatedUser]
    filter_backends: list[Any] = []

    def get_queryset(self) -> Any:
        return selectors.template_list(actor=request_user(self.request))


class SettingsSerializer(serializers.Serializer):
    """Reminder settings of the organisation."""

    remind_days_before = serializers.IntegerField(min_value=0, max_value=60, required=False)
    overdue_reminder = serializers.BooleanField(required=False)
    escalate_after_days = serializers.IntegerField(min_value=0, max_value=365, required=False)
    reminders_enabled = serializers.BooleanField(required=False)


class SettingsApi(APIView):
    """HR reads and changes the organisation's reminder settings."""

    permission_classes = [IsHR]

    @extend_schema(responses=SettingsSerializer)
    def get(self, request: Request) -> Response:
        found = selectors.onboarding_settings_of(actor=request_user(request))
        return Response(SettingsSerializer(found).data)

    @extend_schema(request=SettingsSerializer, responses=SettingsSerializer)
    def patch(self, request: Request) -> Response:
        data = SettingsSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        updated = onboarding_settings_update(actor=request_user(request), **data.validated_data)
        return Response(SettingsSerializer(updated).data)


class CalendarFeedApi(APIView):
    """The leader's own secret calendar-feed URL (subscribe to it in any calendar app)."""

    permission_classes = [IsLeaderUser]

    @extend_schema(responses=CalendarFeedUrlSerializer)
    def get(self, request: Request) -> Response:
        feed = calendar_feed_get_or_create(actor=request_user(request))
        return Response(CalendarFeedUrlSerializer(feed, context={"request": request}).data)


class CalendarFeedRotateApi(APIView):
    """Give the leader a new feed URL; the old one stops working."""

    permission_classes = [IsLeaderUser]

    @extend_schema(request=None, responses=CalendarFeedUrlSerializer)
    def post(self, request: Request) -> Response:
        feed = calendar_feed_rotate(actor=request_user(request))
        return Response(CalendarFeedUrlSerializer(feed, context={"request": request}).data)


@require_GET
def calendar_ics(request: HttpRequest, token: str) -> HttpResponse:
    """The ICS feed itself, for calendar apps: the secret token in the URL is the credential.

    A plain Django view (not DRF) so calendar clients' ``Accept`` headers never meet content
    negotiation. An unknown or rotated token is 404.
    """
    body = calendar.calendar_ics_for_token(token=token)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, max-age=300"
    return response
