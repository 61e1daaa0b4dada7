"""Django admin for networks and memberships: HR's fallback when the web app lacks a screen."""

from __future__ import annotations

from django.contrib import admin

from backend.networks.models import (
    CohortCircle,
    CohortSetting,
    GroupDraft,
    InsightsSnapshot,
    IntroductionRequest,
    JoinRequest,
    Membership,
    Network,
    NetworkInvitation,
    RouletteOptOut,
    RoulettePair,
    RouletteRound,
    RouletteSetting,
    SignUp,
    SignUpRegistration,
)


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["leader"]


@admin.register(Network)
class NetworkAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "visibility", "welcomes_newcomers", "active", "organisation"]
    list_filter = ["organisation", "kind", "visibility", "active", "welcomes_newcomers"]
    search_fields = ["name", "theme", "description"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["leader", "network", "role", "since"]
    list_filter = ["role", "network__kind"]
    search_fields = ["leader__first_name", "leader__last_name", "network__name"]
    list_select_related = ["leader", "network"]
    autocomplete_fields = ["leader", "network"]


@admin.register(InsightsSnapshot)
class InsightsSnapshotAdmin(admin.ModelAdmin):
    """HR's stored network insights: read-only (the task writes them; deleting one makes the
    next view compute it again)."""

    list_display = ["organisation", "scope", "status", "progress", "computed_at", "seconds"]
    list_filter = ["status", "organisation"]
    readonly_fields = [
        "organisation",
        "scope",
        "status",
        "fingerprint",
        "phase",
        "progress",
        "requested_at",
        "data",
        "data_fingerprint",
        "computed_at",
        "seconds",
        "error",
    ]

    def has_add_permission(self, request: object) -> bool:
        return False


@admin.register(NetworkInvitation)
class NetworkInvitationAdmin(admin.ModelAdmin):
    """Invitations to informal networks: who is in an informal network is its members' own, so
    the admin lists the invitations by id and status only."""

    list_display = ["id", "status", "created_at", "decided_at"]
    list_filter = ["status"]
    fields = ["status", "created_at", "decided_at"]
    readonly_fields = ["status", "created_at", "decided_at"]

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False


# --- Every other model of the app (HR's fallback; issue 13). Messages between leaders are
# private to them: they appear in no list and no form.


@admin.register(JoinRequest)
class JoinRequestAdmin(admin.ModelAdmin):
    list_display = ["leader", "network", "status", "created_at", "decided_at"]
    list_filter = ["status", "network__kind"]
    search_fields = ["leader__first_name", "leader__last_name", "network__name"]
    list_select_related = ["leader", "network"]
    autocomplete_fields = ["leader", "network"]
    exclude = ["message"]
    raw_id_fields = ["decided_by"]


@admin.register(IntroductionRequest)
class IntroductionRequestAdmin(admin.ModelAdmin):
    list_display = ["from_leader", "to_leader", "status", "created_at", "decided_at"]
    list_filter = ["status", "organisation"]
    search_fields = [
        "from_leader__first_name",
        "from_leader__last_name",
        "to_leader__first_name",
        "to_leader__last_name",
    ]
    list_select_related = ["from_leader", "to_leader"]
    autocomplete_fields = ["from_leader", "to_leader"]
    exclude = ["message"]


class SignUpRegistrationInline(admin.TabularInline):
    model = SignUpRegistration
    extra = 0
    autocomplete_fields = ["leader"]


@admin.register(SignUp)
class SignUpAdmin(admin.ModelAdmin):
    list_display = ["theme", "status", "deadline", "min_size", "max_size", "organisation"]
    list_filter = ["organisation", "status"]
    search_fields = ["theme", "description"]
    filter_horizontal = ["eligible_administrations"]
    raw_id_fields = ["created_by"]
    inlines = [SignUpRegistrationInline]


@admin.register(SignUpRegistration)
class SignUpRegistrationAdmin(admin.ModelAdmin):
    list_display = ["leader", "signup", "created_at"]
    search_fields = ["leader__first_name", "leader__last_name", "signup__theme"]
    list_select_related = ["leader", "signup"]
    autocomplete_fields = ["leader"]
    raw_id_fields = ["signup"]


@admin.register(GroupDraft)
class GroupDraftAdmin(admin.ModelAdmin):
    list_display = ["signup", "status", "objective", "created_at", "published_at"]
    list_filter = ["status"]
    search_fields = ["signup__theme"]
    list_select_related = ["signup"]
    raw_id_fields = ["signup"]
    filter_horizontal = ["networks"]


@admin.register(CohortSetting)
class CohortSettingAdmin(admin.ModelAdmin):
    list_display = ["organisation", "enabled", "window_days", "min_size", "max_size"]
    search_fields = ["organisation__name"]


@admin.register(CohortCircle)
class CohortCircleAdmin(admin.ModelAdmin):
    list_display = ["network", "period_start", "period_end"]
    search_fields = ["network__name"]
    list_select_related = ["network"]
    autocomplete_fields = ["network"]


@admin.register(RouletteSetting)
class RouletteSettingAdmin(admin.ModelAdmin):
    list_display = ["network", "active", "every_weeks", "cooldown_weeks", "next_run_on"]
    list_filter = ["active"]
    search_fields = ["network__name"]
    list_select_related = ["network"]
    autocomplete_fields = ["network"]


class RoulettePairInline(admin.TabularInline):
    model = RoulettePair
    extra = 0


@admin.register(RouletteRound)
class RouletteRoundAdmin(admin.ModelAdmin):
    list_display = ["network", "number", "run_on", "created_at"]
    search_fields = ["network__name"]
    list_select_related = ["network"]
    autocomplete_fields = ["network"]
    inlines = [RoulettePairInline]


@admin.register(RouletteOptOut)
class RouletteOptOutAdmin(admin.ModelAdmin):
    list_display = ["leader", "network", "round_number"]
    search_fields = ["leader__first_name", "leader__last_name", "network__name"]
    list_select_related = ["leader", "network"]
    autocomplete_fields = ["leader", "network"]


@admin.register(RoulettePair)
class RoulettePairAdmin(admin.ModelAdmin):
    list_display = ["id", "round"]
    search_fields = ["round__network__name"]
    list_select_related = ["round__network"]
    raw_id_fields = ["round"]
    autocomplete_fields = ["leaders"]
