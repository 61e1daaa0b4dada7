"""URLs of the notifications app (mounted under /api/)."""

from django.urls import path

from backend.notifications.apis import NotificationListApi, NotificationReadApi

urlpatterns = [
    path("notifications/", NotificationListApi.as_view(), name="notification-list"),
    path(
        "notifications/<int:notification_id>/read/",
        NotificationReadApi.as_view(),
        name="notification-read",
    ),
]
