"""A sign-up names its current group draft to HR, so HR can come back to review and publish."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from rest_framework.test import APIClient

from backend.networks.models import GroupDraft, SignUpRegistration
from backend.networks.services.signups import signup_create
from backend.people import models as m
from tests import factories as f
from tests.conftest import World

pytestmark = pytest.mark.django_db

Client = Callable[[m.User | None], APIClient]


def test_signup_detail_names_the_current_draft_to_hr_only(world: World, client_for: Client) -> None:
    signup = signup_create(
        actor=world.hr,
        theme="Psykologisk tryghed",
        deadline=dt.date.today() - dt.timedelta(days=1),
        min_size=2,
        max_size=3,
    )
    dept = m.Department.objects.get(name="Skole", organisation=world.org)
    for n in range(4):
        leader = f.LeaderFactory(unit=f.UnitFactory(department=dept, name=f"Skole {n}"))
        SignUpRegistration.objects.create(signup=signup, leader=leader)
    SignUpRegistration.objects.create(signup=signup, leader=world.outsider.leader)
    hr = client_for(world.hr)
    url = f"/api/network-signups/{signup.id}/"
    assert hr.get(url).json()["draft"] is None

    first = hr.post(f"/api/network-signups/{signup.id}/compose/").json()["id"]
    assert hr.get(url).json()["draft"] == first
    # Composing again discards the first draft; the sign-up names the new one.
    second = hr.post(f"/api/network-signups/{signup.id}/compose/").json()["id"]
    assert GroupDraft.objects.get(id=first).status == GroupDraft.Status.DISCARDED
    assert hr.get(url).json()["draft"] == second
    # After publishing the published draft stays the current one.
    assert hr.post(f"/api/network-drafts/{second}/publish/").status_code == 200
    assert hr.get(url).json()["draft"] == second

    # A registered leader sees the sign-up, never the draft's id.
    leader = client_for(world.outsider).get(url).json()
    assert leader["registered"] is True and leader["draft"] is None
