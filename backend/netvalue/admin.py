from django.contrib import admin

from backend.netvalue.models import ValueAnswer, ValueRound


@admin.register(ValueRound)
class ValueRoundAdmin(admin.ModelAdmin):
    list_display = ["organisation", "opened_on", "closes_on"]
    list_filter = ["organisation"]


@admin.register(ValueAnswer)
class ValueAnswerAdmin(admin.ModelAdmin):
    """Answers are the members' own: the admin shows neither score, wish nor comment."""

    list_display = ["round", "network", "answered_at"]
    fields = ["round", "network", "leader"]
    readonly_fields = ["round", "network", "leader"]

    def has_add_permission(self, request: object) -> bool:
        return False
