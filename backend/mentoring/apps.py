from django.apps import AppConfig


class MentoringConfig(AppConfig):
    """The mentoring app."""

    name = "backend.mentoring"
    label = "mentoring"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        """Enrol new leaders and re-check live pairs when the people app reports changes; give
        the networks app's leader graph the mentorships.

        Importing the tasks registers them, so the services can send them by name.
        """
        from backend.mentoring import network_ties, tasks  # noqa: F401
        from backend.mentoring.receivers import on_leaders_changed
        from backend.networks import hooks as network_hooks
        from backend.people import hooks

        hooks.leaders_changed_receiver_register(on_leaders_changed)
        network_hooks.mentorship_source_register(
            fingerprint=network_ties.mentorship_fingerprint,
            ties=network_ties.mentorship_ties,
            mentor_of=network_ties.mentor_of,
        )
