from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    """In-app and e-mail notifications."""

    name = "backend.notifications"
    label = "notifications"
    default_auto_field = "django.db.models.BigAutoField"
