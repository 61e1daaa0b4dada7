from django.apps import AppConfig


class OnboardingConfig(AppConfig):
    """Onboarding templates, plans and items."""

    name = "onboarding"
    default_auto_field = "django.db.models.BigAutoField"
