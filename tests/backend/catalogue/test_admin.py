"""Every catalogue model has a Django admin, its pages open, and a request's private words (the
leader's message, the reply, the timing) are in neither the list nor the change form."""

from __future__ import annotations

from typing import Any

import pytest
from django.apps import apps
from django.contrib import admin

from tests import factories as f


def test_every_catalogue_model_has_an_admin() -> None:
    missing = {
        model.__name__
        for model in apps.get_app_config("catalogue").get_models()
        if not model._meta.auto_created and not admin.site.is_registered(model)
    }
    assert missing == set()


@pytest.mark.django_db
def test_the_admin_pages_open_without_the_leaders_message(client: Any) -> None:
    request = f.StaffOfferRequestFactory(message="CANARY-admin-besked", reply="CANARY-admin-svar")
    client.force_login(f.UserFactory(username="root", is_staff=True, is_superuser=True))
    pages = [
        "/admin/catalogue/offer/",
        f"/admin/catalogue/offer/{request.offer_id}/change/",
        "/admin/catalogue/offerrequest/",
        f"/admin/catalogue/offerrequest/{request.id}/change/",
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert b"CANARY-admin" not in response.content, url
