"""After publishing, a learning-network draft shows the objective HR approved (issue 13).

Re-measuring after publishing counted the new networks' own memberships as "already know each
other" ties, so the score dropped (554.5 to 332.5) as if HR had made the groups worse.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from rest_framework.test import APIClient

from backend.networks.models import GroupDraft, SignUpRegistration
from backend.networks.selectors.drafts import draft_evaluate
from backend.networks.services.signups import signup_create
from backend.people import models as m
from tests import factories as f
from tests.conftest import World

pytestmark = pytest.mark.django_db

Client = Callable[[m.User | None], APIClient]


def test_published_draft_keeps_the_objective_it_was_published_with(
    world: World, client_for: Client
) -> None:
    signup = signup_create(
        actor=world.hr,
        theme="Kommunikation",
        deadline=dt.date.today() - dt.timedelta(days=1),
        min_size=3,
        max_size=4,
    )
    for n in range(8):
        department = (world.children if n % 2 else world.social).departments.first()
        leader = f.LeaderFactory(
            unit=f.UnitFactory(department=department, name=f"Enhed {n}"),
            years_as_leader=n,
        )
        SignUpRegistration.objects.create(signup=signup, leader=leader)
    hr = client_for(world.hr)
    draft = hr.post(f"/api/network-signups/{signup.id}/compose/").json()
    before = hr.get(f"/api/network-drafts/{draft['id']}/").json()["objective"]

    published = hr.post(f"/api/network-drafts/{draft['id']}/publish/")
    assert published.status_code == 200
    after = hr.get(f"/api/network-drafts/{draft['id']}/").json()
    assert after["status"] == "published"
    assert after["objective"] == pytest.approx(before)
    # Measured again today the same groups score lower: the new networks are ties now. That is
    # the figure that must not be shown as the groups' quality.
    again = draft_evaluate(draft=GroupDraft.objects.get(id=draft["id"]))["objective"]
    assert again < before
