from django.apps import AppConfig


class SeedConfig(AppConfig):
    """Seed data: the demo municipality and scale generators."""

    name = "seed"
