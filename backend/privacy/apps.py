from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    """Access log, export, erasure and retention."""

    name = "backend.privacy"
    label = "privacy"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        """Write the access log whenever the people app reports a read of private data."""
        from backend.people import hooks
        from backend.privacy.services import access_log_receive

        hooks.access_bulk_recorder_register(access_log_receive)
