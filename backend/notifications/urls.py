"""URLs of the notifications app (mounted under /api/)."""

from django.urls import path

from backend.notifications.apis import (
    EmailPreferenceApi,
    NotificationListApi,
    NotificationReadAllApi,
    NotificationReadApi,
    NotificationUnreadCountApi,
)

urlpatterns = [
    path("notifications/", NotificationListApi.as_view(), name="notification-list"),
    path(
        "notifications/unread-count/",
        NotificationUnreadCountApi.as_view(),
        name="notification-unread-count",
    ),
    path("notifications/read-all/", NotificationReadAllApi.as_view(), name="notification-read-all"),
    path(
        "me/email-preferences/",
        EmailPreferenceApi.as_view(),
        name="notification-email-preferences",
    ),
    path(
        "notifications/<int:notification_id>/read/",
        NotificationReadApi.as_view(),
        name="notification-read",
    ),
]
