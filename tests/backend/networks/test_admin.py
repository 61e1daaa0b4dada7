"""The Django admin covers every model of the networks app (HR's fallback, issue 13): each has a
working list, search, add and change form; messages between leaders appear in none of them."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.contrib import admin
from django.test import Client

from backend.people import models as m
from tests import factories as f
from tests.conftest import CANARY

MODELS = list(apps.get_app_config("networks").get_models())


def test_every_networks_model_has_an_admin() -> None:
    missing = [model.__name__ for model in MODELS if not admin.site.is_registered(model)]
    assert missing == []
    assert len(MODELS) >= 13  # the whole app, not an empty walk


@pytest.fixture
def admin_client_(db: None) -> Client:
    superuser = m.User.objects.create_superuser("root", "root@example.org", "x-long-pw-123")
    client = Client()
    client.force_login(superuser)
    return client


@pytest.fixture
def rows(db: None) -> None:
    """One row of every model, with a private message in each request."""
    network = f.NetworkFactory(name="Ledergruppe Nord")
    leader = f.MembershipFactory(network=network).leader
    f.JoinRequestFactory(message=f"Må jeg være med? {CANARY}")
    f.IntroductionRequestFactory(message=f"Hej {CANARY}")
    signup = f.SignUpFactory()
    f.SignUpRegistrationFactory(signup=signup)
    f.GroupDraftFactory(signup=signup, groups=[])
    f.CohortSettingFactory(organisation=network.organisation)
    f.CohortCircleFactory()
    f.RouletteSettingFactory(network=network)
    pair = f.RoulettePairFactory(round=f.RouletteRoundFactory(network=network))
    pair.leaders.add(leader)
    f.RouletteOptOutFactory(network=network, leader=leader)
    f.NetworkInvitationFactory(network=f.NetworkFactory(kind="informal", name="Nord-klubben"))
    f.InsightsSnapshotFactory(organisation=network.organisation)


def _request(client: Client) -> object:
    """A request of the logged-in superuser, for the admin's permission checks."""
    from django.test import RequestFactory

    request = RequestFactory().get("/admin/")
    request.user = m.User.objects.get(username="root")
    return request


@pytest.mark.django_db
@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_list_search_add_and_change_work_and_show_no_message(
    admin_client_: Client, rows: None, model: type
) -> None:
    base = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
    row = model._default_manager.first()
    assert row is not None, model.__name__
    # Rows only the app writes (stored insights, informal-network invitations) have no add form.
    addable = admin.site._registry[model].has_add_permission(_request(admin_client_))
    for url, query, status in (
        (base, {}, 200),
        (base, {"q": "Nord"}, 200),
        (f"{base}add/", {}, 200 if addable else 403),
        (f"{base}{row.pk}/change/", {}, 200),
    ):
        response = admin_client_.get(url, query)
        assert response.status_code == status, url
        assert CANARY not in response.content.decode(), url
