from django.apps import AppConfig


class CatalogueConfig(AppConfig):
    """The staff functions' catalogue of offers and the leaders' requests for them."""

    name = "backend.catalogue"
    label = "catalogue"
    default_auto_field = "django.db.models.BigAutoField"
