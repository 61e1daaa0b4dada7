"""URLs of the privacy app (mounted under /api/)."""

from django.urls import path

from backend.privacy.apis import AccessLogOwnListApi

urlpatterns = [
    path("privacy/access-log/", AccessLogOwnListApi.as_view(), name="access-log-own"),
]
