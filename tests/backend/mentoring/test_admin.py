"""Every model of mentoring and networks has a Django admin (HR's fallback, issue 13 item 6),
and the mentoring admin pages open."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.contrib import admin


def _without_admin(app_label: str) -> set[str]:
    return {
        f"{app_label}.{model.__name__}"
        for model in apps.get_app_config(app_label).get_models()
        if not model._meta.auto_created and not admin.site.is_registered(model)
    }


def test_every_mentoring_model_has_an_admin():
    assert _without_admin("mentoring") == set()


def test_every_networks_model_has_an_admin():
    assert _without_admin("networks") == set()


@pytest.mark.django_db
def test_the_mentoring_admin_pages_open(setup, client):
    from tests import factories as f

    superuser = f.UserFactory(username="root", is_staff=True, is_superuser=True)
    client.force_login(superuser)
    for model in apps.get_app_config("mentoring").get_models():
        name = model._meta.model_name
        response = client.get(f"/admin/mentoring/{name}/")
        assert response.status_code == 200, name
    offer = setup.jens
    assert client.get(f"/admin/mentoring/mentoroffer/{offer.id}/change/").status_code == 200
