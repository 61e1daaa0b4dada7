"""URLs of the HR import (mounted under /api/imports/)."""

from django.urls import path

from backend.people.imports.apis import LeaderImportApi
from backend.people.imports.guide_apis import LeaderImportColumnListApi, LeaderImportTemplateApi

urlpatterns = [
    path("leaders/", LeaderImportApi.as_view(), name="import-leaders"),
    path("leaders/columns/", LeaderImportColumnListApi.as_view(), name="import-leader-columns"),
    path(
        "leaders/template.csv",
        LeaderImportTemplateApi.as_view(kind="csv"),
        name="import-leader-template-csv",
    ),
    path(
        "leaders/template.xlsx",
        LeaderImportTemplateApi.as_view(kind="xlsx"),
        name="import-leader-template-xlsx",
    ),
]
