from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    """The privacy app."""

    name = "backend.privacy"
    label = "privacy"
    default_auto_field = "django.db.models.BigAutoField"
