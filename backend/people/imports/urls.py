"""URLs of the HR import (mounted under /api/imports/)."""

from django.urls import path

from backend.people.imports.apis import LeaderImportApi

urlpatterns = [
    path("leaders/", LeaderImportApi.as_view(), name="import-leaders"),
]
