"""The know-how finder app."""

from django.apps import AppConfig


class KnowhowConfig(AppConfig):
    """Registers the signal receivers that drop a leader's document when its sources change."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "backend.knowhow"
    label = "knowhow"

    def ready(self) -> None:
        from backend.knowhow import signals  # noqa: F401
