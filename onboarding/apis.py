"""Onboarding API: plans, items, history, dashboards, templates, settings and calendar feed.

Every view finds its objects through ``onboarding.selectors`` (out of scope → 404) and writes
through ``onboarding.services``. Who may do what:

- read a plan: the leader, HR in scope, anyone above the leader in the line (no private fields);
- add, drop, reschedule items: the leader, HR in scope, the boss line;
- set an item's status: those, and the item's owner (e.g. the mentor on a mentor item);
- "I need help": the leader only (404 for everyone else: the feature is private);
- create a plan on demand, edit templates and reminder settings: HR.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET
from drf_spectacular.utils import extend_schema
from rest_framework import permissions, serializers, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.generics import ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.people import access
from backend.people.models import Organisation, SupportNeed, Topic, User
from onboarding import calendar, selectors, services
from onboarding.models import CalendarFeed, OwnerRole, Plan, PlanItem, Template, TemplateItem
from onboarding.selectors import Viewer
from onboarding.serializers import (
    CalendarFeedUrlSerializer,
    PlanDetailSerializer,
    PlanItemEventSerializer,
    PlanItemSerializer,
    PlanListSerializer,
    PlanSerializer,
    ProgressSerializer,
    TemplateItemSerializer,
    TemplateSerializer,
)

EDITORS = (Viewer.SELF, Viewer.HR, Viewer.BOSS)


def _require(viewer: Viewer, allowed: tuple[Viewer, ...]) -> None:
    if viewer not in allowed:
        raise PermissionDenied(_("You may not change this item."))


def _user(request: Request) -> User:
    # IsAuthenticated runs first on every view here, so the user is never anonymous.
    return request.user  # type: ignore[return-value]


def _require_hr(request: Request) -> Organisation:
    """Return the HR caller's organisation; anyone else is refused."""
    user = _user(request)
    if not access.is_hr(user) or user.organisation is None:
        raise PermissionDenied(_("Only HR may do this."))
    return user.organisation


class PlanListApi(ListAPIView):
    """Plans the caller may see with progress: HR its scope, a leader their own and their line's.

    ``?status=active|completed|archived|all`` (default active), ``?first_90_days=1``.
    """

    serializer_class = PlanListSerializer
    permission_classes = [permissions.IsAuthenticated]
    filter_backends: list[Any] = []
    first_days_only = False

    def get_queryset(self) -> Any:
        status_ = self.request.query_params.get("status", Plan.Status.ACTIVE)
        first_days = self.first_days_only or self.request.query_params.get("first_90_days") in (
            "1",
            "true",
        )
        plans, self.private = selectors.plans_visible_to(
            _user(self.request),
            status=None if status_ == "all" else status_,
            first_days_only=first_days,
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

    permission_classes = [permissions.IsAuthenticated]

    class OnboardingPlanCreateInputSerializer(serializers.Serializer):
        leader_id = serializers.IntegerField()

    InputSerializer = OnboardingPlanCreateInputSerializer

    @extend_schema(request=InputSerializer, responses=PlanSerializer)
    def post(self, request: Request) -> Response:
        _require_hr(request)
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        leader = access.leader_visible_or_404(_user(request), data.validated_data["leader_id"])
        if not access.is_hr_for(_user(request), leader):
            raise Http404
        existed = (
            Plan.objects.filter(leader=leader, role_start_date=leader.role_start_date).exists()
            if leader.role_start_date
            else False
        )
        plan = services.plan_create_for_leader(leader=leader, actor=_user(request))
        plan, _viewer = selectors.plan_for_user_or_404(_user(request), plan.id)
        return Response(
            PlanSerializer(plan).data,
            status=status.HTTP_200_OK if existed else status.HTTP_201_CREATED,
        )


class PlanDetailApi(APIView):
    """One plan with progress and items, as the caller may see it."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(responses=PlanDetailSerializer)
    def get(self, request: Request, plan_id: int) -> Response:
        plan, viewer = selectors.plan_for_user_or_404(_user(request), plan_id)
        items = selectors.plan_items_for(plan=plan, viewer=viewer)
        data = dict(PlanSerializer(plan).data)
        data["viewer"] = viewer.value
        data["progress"] = ProgressSerializer(selectors.progress_of(items)).data
        data["items"] = PlanItemSerializer(items, many=True, context={"viewer": viewer}).data
        return Response(data)


class PlanItemAddApi(APIView):
    """Add a personal item to a plan (the leader, HR or the boss line)."""

    permission_classes = [permissions.IsAuthenticated]

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
        plan, viewer = selectors.plan_for_user_or_404(_user(request), plan_id)
        _require(viewer, EDITORS)
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        if viewer is Viewer.BOSS and fields["owner_role"] == OwnerRole.MENTOR:
            raise PermissionDenied(_("Only the leader and HR can add items for the mentor."))
        slug = fields.pop("topic")
        fields["topic"] = (
            get_object_or_404(Topic, organisation_id=plan.organisation_id, slug=slug)
            if slug
            else None
        )
        depends_on_id = fields.pop("depends_on")
        fields["depends_on"] = (
            get_object_or_404(PlanItem, id=depends_on_id, plan=plan) if depends_on_id else None
        )
        item = services.plan_item_add(plan=plan, actor=_user(request), **fields)
        item, viewer = selectors.item_for_user_or_404(_user(request), item.id)
        return Response(
            PlanItemSerializer(item, context={"viewer": viewer}).data,
            status=status.HTTP_201_CREATED,
        )


class PlanItemUpdateApi(APIView):
    """Change an item's status (with a reason for "not applicable") or reschedule it."""

    permission_classes = [permissions.IsAuthenticated]

    class OnboardingPlanItemUpdateInputSerializer(serializers.Serializer):
        status = serializers.ChoiceField(choices=PlanItem.Status.choices, required=False)
        reason = serializers.CharField(max_length=500, required=False, default="", allow_blank=True)
        due_date = serializers.DateField(required=False)

    InputSerializer = OnboardingPlanItemUpdateInputSerializer

    @extend_schema(request=InputSerializer, responses=PlanItemSerializer)
    def patch(self, request: Request, item_id: int) -> Response:
        item, viewer = selectors.item_for_user_or_404(_user(request), item_id)
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        if "due_date" in values:
            _require(viewer, EDITORS)
            services.plan_item_reschedule(
                item=item,
                actor=_user(request),
                due_date=values["due_date"],
                reason=values["reason"],
            )
        if "status" in values:
            _require(viewer, (*EDITORS, Viewer.OWNER))
            services.plan_item_status_set(
                item=item, actor=_user(request), status=values["status"], reason=values["reason"]
            )
        item, viewer = selectors.item_for_user_or_404(_user(request), item_id)
        return Response(PlanItemSerializer(item, context={"viewer": viewer}).data)


class PlanItemDropApi(APIView):
    """Drop an item from the plan (kept in the history)."""

    permission_classes = [permissions.IsAuthenticated]

    class OnboardingPlanItemDropInputSerializer(serializers.Serializer):
        reason = serializers.CharField(max_length=500, required=False, default="", allow_blank=True)

    InputSerializer = OnboardingPlanItemDropInputSerializer

    @extend_schema(request=InputSerializer, responses=None)
    def post(self, request: Request, item_id: int) -> Response:
        item, viewer = selectors.item_for_user_or_404(_user(request), item_id)
        _require(viewer, EDITORS)
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.plan_item_drop(
            item=item, actor=_user(request), reason=data.validated_data["reason"]
        )
        return Response(status=status.HTTP_204_NO_CONTENT)


class PlanItemNeedHelpApi(APIView):
    """The leader says "I need help with this": their private support need for the topic rises.

    Only the leader: for anyone else the item is "not found", so the feature leaks nothing.
    """

    permission_classes = [permissions.IsAuthenticated]

    class OnboardingPlanItemNeedHelpInputSerializer(serializers.Serializer):
        weight = serializers.ChoiceField(
            choices=SupportNeed.Weight.choices, default=SupportNeed.Weight.SOME
        )

    InputSerializer = OnboardingPlanItemNeedHelpInputSerializer

    @extend_schema(request=InputSerializer, responses=PlanItemSerializer)
    def post(self, request: Request, item_id: int) -> Response:
        item, viewer = selectors.item_for_user_or_404(_user(request), item_id)
        if viewer is not Viewer.SELF:
            raise Http404
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.plan_item_need_help(
            item=item, actor=_user(request), weight=data.validated_data["weight"]
        )
        item, viewer = selectors.item_for_user_or_404(_user(request), item_id)
        return Response(PlanItemSerializer(item, context={"viewer": viewer}).data)


class PlanItemHistoryApi(APIView):
    """An item's history: who changed what, when (help requests hidden from the boss line)."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(responses=PlanItemEventSerializer(many=True))
    def get(self, request: Request, item_id: int) -> Response:
        item, viewer = selectors.item_for_user_or_404(_user(request), item_id)
        events = selectors.item_events_for(item=item, viewer=viewer)
        return Response(PlanItemEventSerializer(events, many=True).data)


class MyItemsApi(ListAPIView):
    """Open items the caller owns in other leaders' plans (a mentor's, a boss's)."""

    serializer_class = PlanItemSerializer
    permission_classes = [permissions.IsAuthenticated]
    filter_backends: list[Any] = []

    def get_queryset(self) -> Any:
        user = _user(self.request)
        return selectors.items_owned_by(user).exclude(plan__leader_id=user.leader_id or 0)

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "viewer": Viewer.OWNER}


class TemplateListApi(ListAPIView):
    """The organisation's templates with their items (read: any user; edit: HR, admin)."""

    serializer_class = TemplateSerializer
    permission_classes = [permissions.IsAuthenticated]
    filter_backends: list[Any] = []

    def get_queryset(self) -> Any:
        return Template.objects.filter(
            organisation_id=_user(self.request).organisation_id or 0
        ).prefetch_related("administrations", "items__topic", "items__administrations")


class TemplateItemUpdateApi(APIView):
    """HR edits a template item; running plans keep their snapshot."""

    permission_classes = [permissions.IsAuthenticated]

    class OnboardingTemplateItemUpdateInputSerializer(serializers.Serializer):
        title_da = serializers.CharField(max_length=200, required=False)
        title_en = serializers.CharField(max_length=200, required=False, allow_blank=True)
        guidance_da = serializers.CharField(required=False, allow_blank=True)
        guidance_en = serializers.CharField(required=False, allow_blank=True)
        due_offset_days = serializers.IntegerField(required=False)
        required = serializers.BooleanField(required=False)  # type: ignore[assignment]
        owner_role = serializers.ChoiceField(choices=OwnerRole.choices, required=False)

    InputSerializer = OnboardingTemplateItemUpdateInputSerializer

    @extend_schema(request=InputSerializer, responses=TemplateItemSerializer)
    def patch(self, request: Request, item_id: int) -> Response:
        organisation = _require_hr(request)
        item = get_object_or_404(
            TemplateItem.objects.select_related("template"),
            id=item_id,
            template__organisation_id=organisation.id,
        )
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        item = services.template_item_update(item=item, **data.validated_data)
        return Response(TemplateItemSerializer(item).data)


class SettingsSerializer(serializers.Serializer):
    """Reminder settings of the organisation."""

    remind_days_before = serializers.IntegerField(min_value=0, max_value=60, required=False)
    overdue_reminder = serializers.BooleanField(required=False)
    escalate_after_days = serializers.IntegerField(min_value=0, max_value=365, required=False)
    reminders_enabled = serializers.BooleanField(required=False)


class SettingsApi(APIView):
    """HR reads and changes the organisation's reminder settings."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(responses=SettingsSerializer)
    def get(self, request: Request) -> Response:
        organisation = _require_hr(request)
        found = services.onboarding_settings_for(organisation_id=organisation.id)
        return Response(SettingsSerializer(found).data)

    @extend_schema(request=SettingsSerializer, responses=SettingsSerializer)
    def patch(self, request: Request) -> Response:
        organisation = _require_hr(request)
        data = SettingsSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        updated = services.onboarding_settings_update(
            organisation=organisation, **data.validated_data
        )
        return Response(SettingsSerializer(updated).data)


def _feed_payload(request: Request, feed: CalendarFeed) -> dict[str, str]:
    url = request.build_absolute_uri(f"/api/onboarding/calendar/{feed.token}.ics")
    return {
        "url": url,
        "webcal_url": url.replace("https://", "webcal://").replace("http://", "webcal://"),
    }


class CalendarFeedApi(APIView):
    """The leader's own secret calendar-feed URL (subscribe to it in any calendar app)."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(responses=CalendarFeedUrlSerializer)
    def get(self, request: Request) -> Response:
        leader = access.actor_leader(_user(request))
        if leader is None:
            raise Http404
        return Response(_feed_payload(request, services.calendar_feed_get_or_create(leader=leader)))


class CalendarFeedRotateApi(APIView):
    """Give the leader a new feed URL; the old one stops working."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(request=None, responses=CalendarFeedUrlSerializer)
    def post(self, request: Request) -> Response:
        leader = access.actor_leader(_user(request))
        if leader is None:
            raise Http404
        return Response(_feed_payload(request, services.calendar_feed_rotate(leader=leader)))


@require_GET
def calendar_ics(request: HttpRequest, token: str) -> HttpResponse:
    """The ICS feed itself, for calendar apps: the secret token in the URL is the credential.

    A plain Django view (not DRF) so calendar clients' ``Accept`` headers never meet content
    negotiation. An unknown or rotated token is 404.
    """
    feed = get_object_or_404(CalendarFeed.objects.select_related("leader"), token=token)
    body = calendar.leader_calendar_ics(leader=feed.leader)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, max-age=300"
    return response
