"""The Django admin shows the know-how index read-only, without the profile text it holds."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.contrib import admin
from django.test import Client

from backend.people import models as m
from tests import factories as f


def test_every_knowhow_model_has_an_admin() -> None:
    models = list(apps.get_app_config("knowhow").get_models())
    assert [model for model in models if not admin.site.is_registered(model)] == []
    assert len(models) == 2


@pytest.mark.django_db
def test_lists_and_rows_open_read_only_without_the_introduction_text() -> None:
    superuser = m.User.objects.create_superuser("root", "root@example.org", "x-long-pw-123")
    client = Client()
    client.force_login(superuser)
    document = f.KnowhowDocumentFactory(text_b="Spørg mig om HEMMELIG-BIO-TEKST")
    term = f.KnowhowTermFactory()
    for url in (
        "/admin/knowhow/knowhowdocument/",
        f"/admin/knowhow/knowhowdocument/{document.pk}/change/",
        "/admin/knowhow/knowhowterm/",
        f"/admin/knowhow/knowhowterm/{term.pk}/change/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert b"HEMMELIG-BIO-TEKST" not in response.content
    assert client.get("/admin/knowhow/knowhowterm/add/").status_code == 403
