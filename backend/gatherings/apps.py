from django.apps import AppConfig


class GatheringsConfig(AppConfig):
    """The gatherings app: leader meetings with mixed tables."""

    name = "backend.gatherings"
    label = "gatherings"
    default_auto_field = "django.db.models.BigAutoField"
