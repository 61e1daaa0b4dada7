from django.apps import AppConfig


class OnboardingConfig(AppConfig):
    """Onboarding templates, plans and items."""

    name = "onboarding"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        """Create plans when the people app reports that leaders started a new role."""
        from backend.people import hooks
        from onboarding.receivers import on_leaders_changed

        hooks.leaders_changed_receiver_register(on_leaders_changed)
