from django.apps import AppConfig


class NetvalueConfig(AppConfig):
    """The network-value app: the periodic question and HR's overview."""

    name = "backend.netvalue"
    label = "netvalue"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        """Register the tasks, so the beat schedule can send them by name."""
        from backend.netvalue import tasks  # noqa: F401
