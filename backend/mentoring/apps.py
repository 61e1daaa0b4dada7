from django.apps import AppConfig


class MentoringConfig(AppConfig):
    """The mentoring app."""

    name = "backend.mentoring"
    label = "mentoring"
    default_auto_field = "django.db.models.BigAutoField"
