"""Output shapes of the onboarding API, per viewer (private fields only for the leader and HR)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import get_language
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from onboarding.models import CalendarFeed, Plan, PlanItem, PlanItemEvent, Template, TemplateItem
from onboarding.selectors import (
    FIRST_DAYS,
    Viewer,
    item_guidance,
    item_is_blocked,
    item_is_overdue,
    item_owner_label,
    item_owner_name,
    item_title,
    progress_from_row,
)


def _language() -> str:
    return get_language() or "da"


def _user_name(user: Any) -> str | None:
    if user is None:
        return None
    return user.get_full_name() or user.username


class ProgressSerializer(serializers.Serializer):
    """Done / total over applicable items, percent, overdue and next due date."""

    done = serializers.IntegerField()
    total = serializers.IntegerField()
    percent = serializers.IntegerField()
    overdue = serializers.IntegerField()
    next_due = serializers.DateField(allow_null=True)


class PlanLeaderSerializer(serializers.Serializer):
    """The plan's leader: name, title, unit, administration."""

    id = serializers.IntegerField()
    name = serializers.CharField(source="full_name")
    role_title = serializers.CharField()
    unit = serializers.CharField(source="unit.name", default=None)
    administration = serializers.CharField(
        source="unit.department.administration.name", default=None
    )


class PlanItemOfferSerializer(serializers.Serializer):
    """A staff function's offer linked to a plan item ("Request this help")."""

    id = serializers.IntegerField()
    title_da = serializers.CharField()
    title_en = serializers.CharField()
    staff_function_name = serializers.CharField(source="staff_function.name")


class PlanItemSerializer(serializers.Serializer):
    """One plan item as the viewer may see it (``need_help`` for the leader and HR only)."""

    id = serializers.IntegerField()
    plan = serializers.IntegerField(source="plan_id")
    title = serializers.SerializerMethodField()
    guidance = serializers.SerializerMethodField()
    title_da = serializers.CharField()
    title_en = serializers.CharField()
    topic = serializers.CharField(source="topic.slug", default=None, allow_null=True)
    topic_label = serializers.SerializerMethodField()
    owner_role = serializers.CharField()
    staff_function_kind = serializers.CharField()
    owner_name = serializers.SerializerMethodField()
    owner_label = serializers.SerializerMethodField()
    owner_email = serializers.SerializerMethodField()
    owner_fallback = serializers.BooleanField()
    due_date = serializers.DateField(allow_null=True)
    status = serializers.CharField()
    not_applicable_reason = serializers.CharField()
    completed_by = serializers.SerializerMethodField()
    completed_at = serializers.DateTimeField(allow_null=True)
    required = serializers.BooleanField()  # type: ignore[assignment]
    personal = serializers.BooleanField()
    depends_on = serializers.IntegerField(source="depends_on_id", allow_null=True)
    blocked = serializers.SerializerMethodField()
    overdue = serializers.SerializerMethodField()
    need_help = serializers.BooleanField()
    offers = serializers.SerializerMethodField(
        help_text="The staff functions' active offers that help with this item."
    )

    def get_title(self, item: PlanItem) -> str:
        return item_title(item, language=_language())

    def get_guidance(self, item: PlanItem) -> str:
        return item_guidance(item, language=_language())

    def get_topic_label(self, item: PlanItem) -> str | None:
        if item.topic is None:
            return None
        return item.topic.label_en if _language().startswith("en") else item.topic.label_da

    def get_owner_name(self, item: PlanItem) -> str:
        return item_owner_name(item)

    def get_owner_label(self, item: PlanItem) -> str:
        return item_owner_label(item)

    def get_owner_email(self, item: PlanItem) -> str:
        if item.owner_staff_contact is not None:
            return item.owner_staff_contact.email
        return item.owner_leader.email if item.owner_leader is not None else ""

    def get_completed_by(self, item: PlanItem) -> str | None:
        return _user_name(item.completed_by)

    @extend_schema_field(PlanItemOfferSerializer(many=True))
    def get_offers(self, item: PlanItem) -> list[dict[str, Any]]:
        rows = getattr(item, "offer_rows", [])
        return PlanItemOfferSerializer(rows, many=True).data  # type: ignore[return-value]

    def get_blocked(self, item: PlanItem) -> bool:
        return item_is_blocked(item)

    def get_overdue(self, item: PlanItem) -> bool:
        return item_is_overdue(item, today=timezone.localdate())

    def to_representation(self, instance: PlanItem) -> dict[str, Any]:
        data = super().to_representation(instance)
        viewer: Viewer = self.context["viewer"]
        if not viewer.sees_private:
            data.pop("need_help")
        return data


class PlanSerializer(serializers.Serializer):
    """A plan with its leader and progress."""

    id = serializers.IntegerField()
    leader = PlanLeaderSerializer()
    role_start_date = serializers.DateField()
    status = serializers.CharField()
    day = serializers.SerializerMethodField()
    in_first_90_days = serializers.SerializerMethodField()

    def get_day(self, plan: Plan) -> int:
        """Days since the role started (negative before the start)."""
        return (timezone.localdate() - plan.role_start_date).days

    def get_in_first_90_days(self, plan: Plan) -> bool:
        return 0 <= self.get_day(plan) <= FIRST_DAYS


class PlanListSerializer(PlanSerializer):
    """A dashboard row: plan, progress; for HR also help requests and mentor status."""

    progress = serializers.SerializerMethodField()

    def get_progress(self, plan: Any) -> dict[str, Any]:
        return dict(ProgressSerializer(progress_from_row(plan)).data)

    def to_representation(self, instance: Any) -> dict[str, Any]:
        data = super().to_representation(instance)
        if self.context.get("private"):
            data["need_help_count"] = instance.need_help_count
            data["mentor_status"] = "matched" if instance.mentor_matched else "not_matched"
        return data


class PlanDetailSerializer(PlanSerializer):
    """A plan as its detail endpoint returns it: how the caller sees it, progress and items."""

    viewer = serializers.ChoiceField(choices=["self", "hr", "boss", "owner"])
    progress = ProgressSerializer()
    items = PlanItemSerializer(many=True)


class CalendarFeedUrlSerializer(serializers.Serializer):
    """The leader's secret feed URL (https and webcal)."""

    url = serializers.URLField()
    webcal_url = serializers.CharField()

    def to_representation(self, instance: CalendarFeed) -> dict[str, Any]:
        """The feed's URLs on the host the request came to (``context["request"]``)."""
        url = self.context["request"].build_absolute_uri(
            f"/api/onboarding/calendar/{instance.token}.ics"
        )
        return {
            "url": url,
            "webcal_url": url.replace("https://", "webcal://").replace("http://", "webcal://"),
        }


class PlanItemEventSerializer(serializers.Serializer):
    """One line of an item's history."""

    id = serializers.IntegerField()
    kind = serializers.CharField()
    actor = serializers.SerializerMethodField()
    old_value = serializers.CharField()
    new_value = serializers.CharField()
    reason = serializers.CharField()
    at = serializers.DateTimeField()

    def get_actor(self, event: PlanItemEvent) -> str | None:
        return _user_name(event.actor)


class TemplateItemSerializer(serializers.ModelSerializer):
    """A template item with its rules and the staff offers linked to it."""

    offer_ids = serializers.SerializerMethodField()

    topic: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, allow_null=True
    )

    class Meta:
        model = TemplateItem
        fields = [
            "id",
            "key",
            "topic",
            "title_da",
            "title_en",
            "guidance_da",
            "guidance_en",
            "owner_role",
            "staff_function_kind",
            "due_offset_days",
            "depends_on",
            "required",
            "order",
            "service_types",
            "round_the_clock",
            "shift_work",
            "multi_site",
            "first_leader_job",
            "specialist",
            "staff_above",
            "entry_routes",
            "administrations",
            "offer_ids",
        ]

    def get_offer_ids(self, item: TemplateItem) -> list[int]:
        return [offer.id for offer in item.offers.all()]


class TemplateSerializer(serializers.ModelSerializer):
    """A template, its rules and items."""

    items = TemplateItemSerializer(many=True, read_only=True)

    class Meta:
        model = Template
        fields = [
            "id",
            "slug",
            "name_da",
            "name_en",
            "description_da",
            "description_en",
            "order",
            "active",
            "service_types",
            "round_the_clock",
            "shift_work",
            "multi_site",
            "first_leader_job",
            "specialist",
            "staff_above",
            "entry_routes",
            "administrations",
            "items",
        ]
