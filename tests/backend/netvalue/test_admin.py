"""The Django admin covers the gatherings and netvalue models; a member's answer shows neither
score, wish nor comment."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.contrib import admin
from django.test import Client

from backend.people import models as m
from tests import factories as f

MODELS = [
    *apps.get_app_config("gatherings").get_models(),
    *apps.get_app_config("netvalue").get_models(),
]
CANARY = "CANARY-admin-netvaerkssvar-77"


def test_every_model_has_an_admin() -> None:
    assert [x.__name__ for x in MODELS if not admin.site.is_registered(x)] == []
    assert len(MODELS) == 5


@pytest.fixture
def admin_client_(db: None) -> Client:
    superuser = m.User.objects.create_superuser("root", "root@example.org", "x-long-pw-123")
    client = Client()
    client.force_login(superuser)
    return client


@pytest.mark.django_db
def test_lists_and_change_forms_work_and_hide_the_answer(admin_client_: Client) -> None:
    answer = f.ValueAnswerFactory(comment=CANARY)
    seat = f.SeatFactory()
    f.AttendeeFactory(gathering=seat.gathering)
    for model in MODELS:
        url = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
        listing = admin_client_.get(url)
        assert listing.status_code == 200, url
        assert CANARY not in listing.content.decode()
    change = admin_client_.get(f"/admin/netvalue/valueanswer/{answer.id}/change/")
    assert change.status_code == 200
    assert CANARY not in change.content.decode()
    assert (
        admin_client_.get(f"/admin/gatherings/gathering/{seat.gathering.id}/change/").status_code
        == 200
    )
