from django.contrib import admin

from backend.gatherings.models import Attendee, Gathering, Seat


class AttendeeInline(admin.TabularInline):
    model = Attendee
    raw_id_fields = ["leader"]
    extra = 0


@admin.register(Gathering)
class GatheringAdmin(admin.ModelAdmin):
    list_display = ["title", "date", "place", "organisation", "rounds"]
    list_filter = ["organisation"]
    search_fields = ["title", "place"]
    inlines = [AttendeeInline]


@admin.register(Attendee)
class AttendeeAdmin(admin.ModelAdmin):
    list_display = ["gathering", "leader"]
    raw_id_fields = ["gathering", "leader"]


@admin.register(Seat)
class SeatAdmin(admin.ModelAdmin):
    list_display = ["gathering", "round", "table", "leader"]
    raw_id_fields = ["gathering", "leader"]
