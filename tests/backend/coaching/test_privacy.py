"""A request for a coach is exported with the leader's data, erased with it, and kept out of the
Django admin's lists, searches and forms."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib import admin
from django.test import Client

from backend.coaching.models import Coach, CoachRequest
from backend.people import models as m
from backend.privacy.services import leader_erase, leader_export
from tests import factories as f
from tests.conftest import World

SECRET = "CANARY-coach-admin-41d0"


def test_every_coaching_model_has_an_admin() -> None:
    assert admin.site.is_registered(Coach) and admin.site.is_registered(CoachRequest)


@pytest.mark.django_db
def test_export_holds_the_request_for_the_leader_and_not_its_words_for_hr(world: World) -> None:
    mette = world.new_leader.leader
    assert mette is not None
    request = f.CoachRequestFactory(leader=mette, text=SECRET)
    request.topics.set([world.budget])
    own = leader_export(leader=mette, actor=world.new_leader)
    assert own["coaching"]["coach_requests"][0]["text"] == SECRET
    assert own["coaching"]["coach_requests"][0]["topics"] == ["budget"]
    for_hr = leader_export(leader=mette, actor=world.hr, purpose="Indsigtsanmodning")
    assert SECRET not in str(for_hr)


@pytest.mark.django_db
def test_erasure_removes_the_requests_and_the_coach_role(world: World) -> None:
    mette = world.new_leader.leader
    assert mette is not None
    f.CoachRequestFactory(leader=mette, text=SECRET)
    f.CoachFactory(organisation=world.org, kind="internal", leader=mette, name="")
    leader_erase(leader=mette, actor=world.hr, reason="Fratrådt")
    assert not CoachRequest.objects.filter(leader=mette).exists()
    assert not Coach.objects.filter(leader=mette).exists()


@pytest.fixture
def admin_client_(db: None) -> Client:
    superuser = m.User.objects.create_superuser("root", "root@example.org", "x-long-pw-123")
    client = Client()
    client.force_login(superuser)
    return client


@pytest.mark.django_db
def test_the_admin_shows_no_request_content(admin_client_: Client, world: World) -> None:
    request = f.CoachRequestFactory(leader=world.new_leader.leader, text=SECRET)
    coach = f.CoachFactory(organisation=world.org)
    pages: list[Any] = [
        admin_client_.get("/admin/coaching/coachrequest/"),
        admin_client_.get("/admin/coaching/coachrequest/", {"q": "Mette"}),
        admin_client_.get(f"/admin/coaching/coachrequest/{request.id}/change/"),
        admin_client_.get("/admin/coaching/coach/"),
        admin_client_.get(f"/admin/coaching/coach/{coach.id}/change/"),
        admin_client_.get("/admin/coaching/coach/add/"),
    ]
    for page in pages:
        assert page.status_code == 200
        assert SECRET not in page.content.decode()
    form = pages[2].content.decode()
    assert 'name="text"' not in form and "Mette" not in form
    assert admin_client_.get("/admin/coaching/coachrequest/add/").status_code == 403
