"""Django admin for the coaching app: the pool in full, requests without their content.

A request's text and topics are the leader's private data: they are in no list, no search and
no form here (``tests/backend/coaching/test_admin.py``); nor is who the leader is in the list.
"""

from __future__ import annotations

from django.contrib import admin

from backend.coaching.models import Coach, CoachRequest


@admin.register(Coach)
class CoachAdmin(admin.ModelAdmin):
    list_display = ["id", "organisation", "kind", "name", "leader", "capacity", "status"]
    list_filter = ["kind", "status"]
    search_fields = ["name", "firm", "leader__first_name", "leader__last_name"]
    list_select_related = ["organisation", "leader"]
    raw_id_fields = ["leader"]
    filter_horizontal = ["topics"]
    readonly_fields = ["created_at", "updated_at"]


@admin.register(CoachRequest)
class CoachRequestAdmin(admin.ModelAdmin):
    # Never "text", "topics", "reasons" or the leader in a list, a search or a form.
    list_display = ["id", "organisation", "status", "preference", "created_at"]
    list_filter = ["status", "preference"]
    list_select_related = ["organisation"]
    fields = ["organisation", "status", "preference", "coach", "assigned_at", "ended_at"]
    readonly_fields = ["organisation", "preference", "coach", "assigned_at", "ended_at"]

    def has_add_permission(self, request: object) -> bool:
        """Requests are the leader's own: they are made in the app, never here."""
        return False
