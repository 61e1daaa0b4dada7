"""Django admin for every mentoring model: HR's fallback when the web app lacks a screen.

The web app runs a round from end to end (``frontend/src/screens/hr/programmes/``); the admin
is for repairs. Check-in notes are the writer's own and never shown here (the field is left
out of every admin page).
"""

from __future__ import annotations

from django.contrib import admin

from backend.mentoring.models import (
    CheckIn,
    Enrolment,
    ExitSurvey,
    Flag,
    LeaderEntry,
    MatchRun,
    Meeting,
    MentorOffer,
    Mentorship,
    Programme,
    Proposal,
    Pulse,
    Suggestion,
)

_LEADER_SEARCH = ["leader__first_name", "leader__last_name"]


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "mode", "starts_on", "ends_on"]
    list_filter = ["organisation", "mode"]
    search_fields = ["name"]
    date_hierarchy = "starts_on"


@admin.register(LeaderEntry)
class LeaderEntryAdmin(admin.ModelAdmin):
    list_display = ["leader", "route"]
    list_filter = ["route"]
    search_fields = _LEADER_SEARCH
    autocomplete_fields = ["leader"]


@admin.register(Enrolment)
class EnrolmentAdmin(admin.ModelAdmin):
    list_display = ["leader", "programme", "route", "status", "enrolled_at"]
    list_filter = ["programme", "status", "route"]
    search_fields = _LEADER_SEARCH
    list_select_related = ["leader", "programme"]
    autocomplete_fields = ["leader"]


@admin.register(MentorOffer)
class MentorOfferAdmin(admin.ModelAdmin):
    list_display = ["leader", "programme", "state", "capacity", "active_count", "paused"]
    list_filter = ["programme", "state", "paused"]
    search_fields = _LEADER_SEARCH
    list_select_related = ["leader", "programme"]
    autocomplete_fields = ["leader"]
    filter_horizontal = ["topics"]
    readonly_fields = ["active_count", "invited_at", "answered_at"]


@admin.register(MatchRun)
class MatchRunAdmin(admin.ModelAdmin):
    list_display = ["id", "programme", "status", "progress", "created_at", "finished_at"]
    list_filter = ["programme", "status"]
    readonly_fields = ["policy", "input_summary", "excluded", "result", "timings", "error"]


@admin.register(Suggestion)
class SuggestionAdmin(admin.ModelAdmin):
    list_display = ["id", "run", "enrolment", "offer", "rank", "score"]
    list_filter = ["run__programme"]
    list_select_related = ["run", "enrolment__leader", "offer__leader"]
    raw_id_fields = ["run", "enrolment", "offer"]


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin):
    list_display = ["id", "programme", "enrolment", "offer", "origin", "status", "created_at"]
    list_filter = ["programme", "status", "origin"]
    search_fields = ["enrolment__leader__last_name", "offer__leader__last_name"]
    list_select_related = ["programme", "enrolment__leader", "offer__leader"]
    raw_id_fields = ["run", "enrolment", "offer", "decided_by"]


@admin.register(Mentorship)
class MentorshipAdmin(admin.ModelAdmin):
    list_display = ["id", "mentee", "mentor", "programme", "status", "started_on", "ended_on"]
    list_filter = ["programme", "status"]
    search_fields = ["mentee__last_name", "mentor__last_name"]
    list_select_related = ["mentee", "mentor", "programme"]
    raw_id_fields = ["proposal", "enrolment", "offer", "mentee", "mentor"]


@admin.register(CheckIn)
class CheckInAdmin(admin.ModelAdmin):
    list_display = ["id", "mentorship", "author", "met_on", "minutes"]
    list_filter = ["mentorship__programme"]
    raw_id_fields = ["mentorship", "author"]
    exclude = ["note"]  # the writer's own


@admin.register(Flag)
class FlagAdmin(admin.ModelAdmin):
    list_display = ["id", "mentorship", "kind", "created_at", "resolved_at"]
    list_filter = ["kind"]
    raw_id_fields = ["mentorship", "suggested_mentor"]


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["id", "mentorship", "starts_at", "minutes", "cancelled_at"]
    list_filter = ["mentorship__programme"]
    raw_id_fields = ["mentorship", "planned_by"]


class _FeedbackAdmin(admin.ModelAdmin):
    """Pulses and exit surveys are the writer's own; HR reads them only as figures over five
    or more people (``backend/mentoring/quality.py``). The admin shows that one was given and
    when, never who gave it, the rating or the comment, and changes nothing."""

    list_display = ["id", "mentorship", "created_at"]
    list_filter = ["mentorship__programme"]
    fields = ["mentorship", "created_at"]
    readonly_fields = ["mentorship", "created_at"]

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False


@admin.register(Pulse)
class PulseAdmin(_FeedbackAdmin):
    pass


@admin.register(ExitSurvey)
class ExitSurveyAdmin(_FeedbackAdmin):
    pass
