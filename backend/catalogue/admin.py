"""Django admin for the catalogue. A request's message and reply are the leader's private words:
they are left out of the list and of the change form (the admin sees who asked for what)."""

from __future__ import annotations

from django.contrib import admin

from backend.catalogue.models import Offer, OfferRequest


@admin.register(Offer)
class OfferAdmin(admin.ModelAdmin):
    list_display = ["title_da", "staff_function", "delivered_by", "active"]
    list_filter = ["active", "staff_function__kind"]
    search_fields = ["title_da", "title_en"]
    filter_horizontal = ["topics"]


@admin.register(OfferRequest)
class OfferRequestAdmin(admin.ModelAdmin):
    list_display = ["offer", "leader", "status", "created_at"]
    list_filter = ["status"]
    exclude = ["message", "reply", "desired_timing"]
    raw_id_fields = ["offer", "leader", "handled_by"]
