from django.contrib import admin

from backend.privacy.models import AccessLogEntry


@admin.register(AccessLogEntry)
class AccessLogEntryAdmin(admin.ModelAdmin):
    """Read-only: the log is evidence, so nobody edits or deletes entries by hand."""

    list_display = ["at", "actor_name", "subject", "what", "purpose", "channel"]
    list_filter = ["what", "channel"]
    search_fields = ["actor_name", "purpose"]
    readonly_fields = ["at", "actor", "actor_name", "subject", "what", "purpose", "channel"]

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: object, obj: object = None) -> bool:
        return False
