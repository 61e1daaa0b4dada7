"""The know-how documents in the Django admin: derived data, read-only, no profile text listed."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from backend.knowhow.models import KnowhowDocument, KnowhowTerm


@admin.register(KnowhowDocument)
class KnowhowDocumentAdmin(admin.ModelAdmin):
    """Rebuilt from the profile at the next search; deleting one only forces a rebuild."""

    list_display = ["leader", "organisation", "built_at"]
    list_filter = ["organisation"]
    fields = ("leader", "organisation", "built_at")
    readonly_fields = ("leader", "organisation", "built_at")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(KnowhowTerm)
class KnowhowTermAdmin(admin.ModelAdmin):
    """The SQLite search index: one stem per row; read-only."""

    list_display = ["leader", "stem", "weight"]
    list_filter = ["organisation"]
    search_fields = ["stem"]
    fields = ("leader", "organisation", "stem", "weight")
    readonly_fields = ("leader", "organisation", "stem", "weight")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
