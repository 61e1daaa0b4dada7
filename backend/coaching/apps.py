"""The coaching app."""

from django.apps import AppConfig


class CoachingConfig(AppConfig):
    """A confidential coach for a leader, matched from HR's coach pool."""

    name = "backend.coaching"
    label = "coaching"
    default_auto_field = "django.db.models.BigAutoField"
