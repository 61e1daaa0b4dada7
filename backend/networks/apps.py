from django.apps import AppConfig


class NetworksConfig(AppConfig):
    """The networks app."""

    name = "backend.networks"
    label = "networks"
    default_auto_field = "django.db.models.BigAutoField"
