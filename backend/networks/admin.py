"""Django admin for networks and memberships: HR's fallback when the web app lacks a screen."""

from __future__ import annotations

from django.contrib import admin

from backend.networks.models import InsightsSnapshot, Membership, Network, NetworkInvitation


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
