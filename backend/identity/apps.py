from django.apps import AppConfig


class IdentityConfig(AppConfig):
    """Single sign-on (OpenID Connect), SCIM provisioning and each organisation's IdP set-up."""

    name = "backend.identity"
    label = "identity"
    default_auto_field = "django.db.models.BigAutoField"
