from django.apps import AppConfig


class MentoringConfig(AppConfig):
    """The mentoring app."""

    name = "backend.mentoring"
    label = "mentoring"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        """Enrol new leaders and re-check live pairs when the people app reports changes.

        Importing the tasks registers them, so the services can send them by name.
        """
        from backend.mentoring import tasks  # noqa: F401
        from backend.mentoring.receivers import on_leaders_changed
        from backend.people import hooks

        hooks.leaders_changed_receiver_register(on_leaders_changed)
