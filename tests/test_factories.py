"""Every model of Sparring has a factory, and ``XFactory()`` saves a valid row."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.db import models
from factory.django import DjangoModelFactory

from tests import factories as f

APPS = (
    "people",
    "networks",
    "mentoring",
    "onboarding",
    "privacy",
    "notifications",
    "coaching",
    "knowhow",
    "gatherings",
    "netvalue",
    "onboarding",
    "privacy",
    "notifications",
    "catalogue",
)
FACTORIES: dict[type[models.Model], type[DjangoModelFactory]] = {
    factory._meta.model: factory
    for factory in vars(f).values()
    if isinstance(factory, type) and issubclass(factory, DjangoModelFactory)
    if factory._meta.model is not None
}
MODELS = sorted(
    (model for label in APPS for model in apps.get_app_config(label).get_models()),
    key=lambda model: model._meta.label,
)


def test_every_model_has_a_factory() -> None:
    missing = [model._meta.label for model in MODELS if model not in FACTORIES]
    assert missing == []


@pytest.mark.django_db
@pytest.mark.parametrize("model", MODELS, ids=lambda model: model._meta.label)
def test_a_factory_makes_a_valid_row(model: type[models.Model]) -> None:
    row = FACTORIES[model]()
    # The database took the row (constraints hold); every value the factory chose passes the
    # model's validation too. Fields left at their model default (an empty JSON list the app
    # itself writes, a null actor) are the model's business, not the factory's.
    untouched = [
        field.name
        for field in model._meta.concrete_fields
        if getattr(row, field.attname) == field.get_default()
    ]
    row.full_clean(exclude=untouched)
    second = FACTORIES[model]()  # sequences keep unique fields apart
    assert model.objects.filter(pk__in=[row.pk, second.pk]).count() == 2
