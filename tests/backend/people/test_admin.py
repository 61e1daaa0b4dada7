"""The Django admin: every people model has a working list and form; notes stay out of lists."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.test import Client

from backend.networks import models as nm
from backend.people import models as m
from tests.backend.people.conftest import Extras
from tests.conftest import CANARY, World

PEOPLE_MODELS = [
    m.Organisation,
    m.Administration,
    m.Department,
    m.Unit,
    m.StaffFunction,
    m.StaffContact,
    m.Leader,
    m.Topic,
    m.Competency,
    m.SupportNeed,
    nm.Network,
    nm.Membership,
    m.User,
]


@pytest.fixture
def admin_client_(world: World) -> Client:
    superuser = m.User.objects.create_superuser("root", "root@example.org", "x-long-pw-123")
    client = Client()
    client.force_login(superuser)
    return client


def test_every_people_model_is_registered() -> None:
    for model in PEOPLE_MODELS:
        assert admin.site.is_registered(model), model.__name__


@pytest.mark.django_db
@pytest.mark.parametrize("model", PEOPLE_MODELS, ids=lambda model: model.__name__)
def test_changelist_search_and_add_form_work(
    admin_client_: Client, extras: Extras, model: type
) -> None:
    base = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
    assert admin_client_.get(base).status_code == 200
    assert admin_client_.get(base, {"q": "Mette"}).status_code == 200
    assert admin_client_.get(f"{base}add/").status_code == 200
    row = model._default_manager.first()
    assert admin_client_.get(f"{base}{row.pk}/change/").status_code == 200


@pytest.mark.django_db
def test_support_need_lists_never_show_the_note(admin_client_: Client, world: World) -> None:
    lists = [
        admin_client_.get("/admin/people/supportneed/"),
        admin_client_.get("/admin/people/supportneed/", {"q": "Kjær"}),
        admin_client_.get("/admin/people/supportneed/", {"q": "CANARY"}),
        admin_client_.get(f"/admin/people/leader/{world.new_leader.leader_id}/change/"),
    ]
    for response in lists:
        assert response.status_code == 200
        assert CANARY not in response.content.decode()
    # Searching for the note's words finds nothing: notes are not searchable.
    assert lists[2].context["cl"].result_count == 0
    assert lists[1].context["cl"].result_count == 1


@pytest.mark.django_db
def test_user_admin_edits_the_sparring_fields(admin_client_: Client, world: World) -> None:
    page = admin_client_.get(f"/admin/people/user/{world.hr_scoped.id}/change/").content.decode()
    for field in ("role", "organisation", "leader", "hr_administrations"):
        assert f'name="{field}"' in page
