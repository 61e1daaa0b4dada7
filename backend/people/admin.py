"""Django admin for every people model: HR's fallback when the web app lacks a screen.

Networks and memberships are the networks app's (``backend/networks/admin.py``).

Support-need notes never appear in a list view (only on the change form of one need). Every
admin page that shows support needs reports the read to the access log (channel "admin"), as the
API does: the leaders on a list page, the leader of a need opened.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from backend.people import hooks
from backend.people.models import (
    Administration,
    Competency,
    Department,
    Leader,
    Organisation,
    StaffContact,
    StaffFunction,
    SupportNeed,
    Topic,
    Unit,
    User,
)


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "default_language", "created_at"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Administration)
class AdministrationAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "organisation"]
    list_filter = ["organisation"]
    search_fields = ["name", "code"]
    list_select_related = ["organisation"]


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):
    list_display = ["name", "administration", "organisation"]
    list_filter = ["organisation", "administration"]
    search_fields = ["name", "administration__name"]
    list_select_related = ["administration", "organisation"]
    autocomplete_fields = ["administration"]


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "code",
        "service_type",
        "department",
        "is_specialist",
        "round_the_clock",
        "sites",
        "staff_count",
    ]
    list_filter = [
        "organisation",
        "service_type",
        "is_specialist",
        "round_the_clock",
        "department__administration",
    ]
    search_fields = ["name", "code", "target_group"]
    list_select_related = ["department"]
    autocomplete_fields = ["department"]


@admin.register(StaffFunction)
class StaffFunctionAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "organisation"]
    list_filter = ["organisation", "kind"]
    search_fields = ["name", "description"]


@admin.register(StaffContact)
class StaffContactAdmin(admin.ModelAdmin):
    list_display = ["name", "title", "staff_function", "email", "phone"]
    list_filter = ["organisation", "staff_function__kind"]
    search_fields = ["name", "title", "email"]
    list_select_related = ["staff_function"]
    filter_horizontal = ["units", "administrations"]


class CompetencyInline(admin.TabularInline):
    model = Competency
    extra = 0
    autocomplete_fields = ["topic"]


@admin.register(Leader)
class LeaderAdmin(admin.ModelAdmin):
    list_display = [
        "full_name",
        "employee_number",
        "role_title",
        "unit",
        "boss",
        "role_start_date",
        "first_leader_job",
        "entry_route",
        "active",
    ]
    list_filter = [
        "organisation",
        "active",
        "first_leader_job",
        "entry_route",
        "leadership_education",
        "unit__department__administration",
        "unit__service_type",
    ]
    search_fields = ["first_name", "last_name", "employee_number", "email", "role_title"]
    list_select_related = ["unit", "boss"]
    autocomplete_fields = ["unit", "boss"]
    date_hierarchy = "role_start_date"
    # Support needs are private: no inline here, so a glance at a profile shows none.
    inlines = [CompetencyInline]

    @admin.display(description=_("name"), ordering="last_name")
    def full_name(self, obj: Leader) -> str:
        return obj.full_name


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["slug", "label_da", "label_en", "order", "active", "organisation"]
    list_editable = ["order", "active"]
    list_filter = ["organisation", "active"]
    search_fields = ["slug", "label_da", "label_en"]


@admin.register(Competency)
class CompetencyAdmin(admin.ModelAdmin):
    list_display = ["leader", "topic", "level"]
    list_filter = ["level", "topic"]
    search_fields = ["leader__first_name", "leader__last_name", "topic__slug"]
    list_select_related = ["leader", "topic"]
    autocomplete_fields = ["leader", "topic"]


@admin.register(SupportNeed)
class SupportNeedAdmin(admin.ModelAdmin):
    # Never "note" in list_display or search_fields: a note must not show up in any list, nor
    # be findable by searching for its words.
    list_display = ["id", "leader", "topic", "weight", "status", "source", "updated_at"]
    list_filter = ["status", "weight", "source", "topic"]
    search_fields = ["leader__first_name", "leader__last_name", "leader__employee_number"]
    list_select_related = ["leader", "topic"]
    autocomplete_fields = ["leader", "topic"]
    readonly_fields = ["created_at", "updated_at"]

    def changelist_view(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        """The list, with the read of every leader on the page written to the access log."""
        response = super().changelist_view(request, extra_context)
        changelist = getattr(response, "context_data", None) or {}
        if isinstance(response, TemplateResponse) and "cl" in changelist:
            needs: list[SupportNeed] = list(changelist["cl"].result_list)
            leaders = list({need.leader_id: need.leader for need in needs}.values())
            _record_admin_read(request, leaders)
        return response

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        """One need (with its note), its read written to the access log."""
        response = super().change_view(request, object_id, form_url, extra_context)
        need = (getattr(response, "context_data", None) or {}).get("original")
        if request.method == "GET" and isinstance(need, SupportNeed):
            _record_admin_read(request, [need.leader])
        return response


def _record_admin_read(request: HttpRequest, leaders: list[Leader]) -> None:
    """Report an admin page's read of these leaders' support needs (purpose: the admin page)."""
    user = request.user
    if isinstance(user, User) and leaders:
        hooks.record_access_many(
            actor=user,
            subject_leaders=leaders,
            purpose=f"Django admin: {request.path}"[:300],
            what="support_needs",
            channel=hooks.CHANNEL_ADMIN,
        )


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ["username", "email", "role", "organisation", "leader", "is_staff", "is_active"]
    list_filter = ["role", "organisation", "is_staff", "is_superuser", "is_active"]
    search_fields = ["username", "email", "first_name", "last_name", "leader__last_name"]
    list_select_related = ["organisation", "leader"]
    autocomplete_fields = ["leader"]
    filter_horizontal = ["groups", "user_permissions", "hr_administrations"]
    fieldsets = (
        *(DjangoUserAdmin.fieldsets or ()),
        (
            _("Sparring"),
            {"fields": ("role", "organisation", "leader", "hr_administrations", "language")},
        ),
    )
    add_fieldsets = (
        *(DjangoUserAdmin.add_fieldsets or ()),
        (_("Sparring"), {"fields": ("role", "organisation", "leader")}),
    )
