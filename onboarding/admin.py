"""Admin for onboarding: templates with their items, plans with items and history."""

from __future__ import annotations

from django.contrib import admin

from onboarding.models import (
    CalendarFeed,
    OnboardingSettings,
    Plan,
    PlanItem,
    PlanItemEvent,
    Template,
    TemplateItem,
)


class TemplateItemInline(admin.TabularInline):
    """Items edited in place on their template."""

    model = TemplateItem
    fk_name = "template"
    extra = 0
    fields = [
        "order",
        "key",
        "title_da",
        "owner_role",
        "staff_function_kind",
        "due_offset_days",
        "topic",
        "depends_on",
        "required",
    ]


@admin.register(Template)
class TemplateAdmin(admin.ModelAdmin):
    """Templates and their rules."""

    list_display = ["name_da", "organisation", "active", "order"]
    list_filter = ["organisation", "active"]
    search_fields = ["name_da", "name_en", "slug"]
    inlines = [TemplateItemInline]
    filter_horizontal = ["administrations"]


@admin.register(TemplateItem)
class TemplateItemAdmin(admin.ModelAdmin):
    """Template items with their rules."""

    list_display = ["title_da", "template", "owner_role", "due_offset_days", "required"]
    list_filter = ["template__organisation", "template", "owner_role"]
    search_fields = ["title_da", "title_en", "key"]
    filter_horizontal = ["administrations"]
    list_select_related = ["template"]


class PlanItemInline(admin.TabularInline):
    """A plan's items (need-help flags are omitted here: private to the leader and HR UI)."""

    model = PlanItem
    fk_name = "plan"
    extra = 0
    fields = [
        "title_da",
        "owner_role",
        "owner_fallback",
        "due_date",
        "status",
        "not_applicable_reason",
        "dropped_at",
    ]
    readonly_fields = ["title_da", "owner_role", "owner_fallback"]
    show_change_link = True


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    """Plans per leader and role start."""

    list_display = ["__str__", "leader", "role_start_date", "status"]
    list_filter = ["organisation", "status"]
    search_fields = ["leader__first_name", "leader__last_name"]
    list_select_related = ["leader"]
    raw_id_fields = ["leader", "created_by"]
    inlines = [PlanItemInline]


class PlanItemEventInline(admin.TabularInline):
    """An item's history, read only."""

    model = PlanItemEvent
    extra = 0
    can_delete = False
    readonly_fields = ["kind", "actor", "old_value", "new_value", "reason", "at"]
    fields = ["kind", "actor", "old_value", "new_value", "reason", "at"]


@admin.register(PlanItem)
class PlanItemAdmin(admin.ModelAdmin):
    """Plan items with their history."""

    list_display = ["title_da", "plan", "owner_role", "due_date", "status"]
    list_filter = ["status", "owner_role", "plan__organisation"]
    search_fields = ["title_da"]
    raw_id_fields = [
        "plan",
        "template_item",
        "owner_leader",
        "owner_staff_contact",
        "depends_on",
        "completed_by",
    ]
    list_select_related = ["plan"]
    inlines = [PlanItemEventInline]


@admin.register(OnboardingSettings)
class OnboardingSettingsAdmin(admin.ModelAdmin):
    """Reminder settings per organisation."""

    list_display = [
        "organisation",
        "remind_days_before",
        "escalate_after_days",
        "reminders_enabled",
    ]


@admin.register(CalendarFeed)
class CalendarFeedAdmin(admin.ModelAdmin):
    """Calendar feeds (the token is not shown)."""

    list_display = ["__str__", "rotated_at"]
    fields = ["leader", "rotated_at"]
    readonly_fields = ["leader", "rotated_at"]
