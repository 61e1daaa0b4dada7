"""URLs of the privacy app (mounted under /api/)."""

from django.urls import path

from backend.privacy.apis import (
    AccessLogOwnListApi,
    DirectoryRulesApi,
    LeaderEraseApi,
    LeaderExportApi,
    VisibilityRulesApi,
)

urlpatterns = [
    path("privacy/rules/", VisibilityRulesApi.as_view(), name="privacy-rules"),
    path("privacy/rules/directory/", DirectoryRulesApi.as_view(), name="privacy-rules-directory"),
    path("privacy/access-log/", AccessLogOwnListApi.as_view(), name="access-log-own"),
    path(
        "privacy/leaders/<int:leader_id>/export/",
        LeaderExportApi.as_view(),
        name="privacy-leader-export",
    ),
    path(
        "privacy/leaders/<int:leader_id>/erase/",
        LeaderEraseApi.as_view(),
        name="privacy-leader-erase",
    ),
]
