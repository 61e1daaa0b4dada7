from django.contrib import admin

from backend.notifications.models import Notification


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["subject", "kind", "user", "created_at", "read_at", "emailed"]
    list_filter = ["kind", "emailed"]
    search_fields = ["subject", "user__username"]
