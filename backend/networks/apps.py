from django.apps import AppConfig


class NetworksConfig(AppConfig):
    """The networks app."""

    name = "backend.networks"
    label = "networks"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        """Add the leader's memberships to the people section of the GDPR export; register the
        tasks, so the services can send them by name."""
        from backend.networks import tasks  # noqa: F401
        from backend.networks.privacy import memberships_export
        from backend.people import hooks

        hooks.leader_export_part_register("memberships", memberships_export)
