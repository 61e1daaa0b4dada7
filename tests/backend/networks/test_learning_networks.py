"""Learning networks from sign-ups: open, sign up, compose, move, publish; the demo's 40."""

from __future__ import annotations

import datetime as dt
import math
import random
from collections import Counter
from collections.abc import Callable

import pytest
from rest_framework.test import APIClient

from backend.networks import models as nm
from backend.networks.models import GroupDraft, SignUp, SignUpRegistration
from backend.networks.selectors.drafts import signup_problem
from backend.notifications.models import Notification
from backend.people import models as m
from backend.people.lines import leader_line_ids
from matching.groups.model import grouping_objective
from tests.conftest import World

pytestmark = pytest.mark.django_db

Client = Callable[[m.User | None], APIClient]


def test_hr_opens_leaders_sign_up_and_withdraw(world: World, client_for: Client) -> None:
    deadline = (dt.date.today() + dt.timedelta(days=10)).isoformat()
    body = {"theme": "Kommunikation", "deadline": deadline, "min_size": 3, "max_size": 5}
    assert client_for(world.new_leader).post("/api/network-signups/", body).status_code == 403
    bad = client_for(world.hr).post("/api/network-signups/", {**body, "max_size": 2})
    assert bad.status_code == 400 and "max_size" in bad.json()
    created = client_for(world.hr).post(
        "/api/network-signups/",
        {**body, "eligible_administrations": [world.children.id]},
        format="json",
    )
    assert created.status_code == 201
    sid = created.json()["id"]
    # Scoped HR (Social og Sundhed) does not see a Børn og Unge sign-up; nor another organisation.
    assert client_for(world.hr_scoped).get(f"/api/network-signups/{sid}/").status_code == 404
    assert (
        client_for(world.other_organisation).get(f"/api/network-signups/{sid}/").status_code == 404
    )
    # Mentor (Social og Sundhed) is not eligible: not found.
    assert (
        client_for(world.mentor).post(f"/api/network-signups/{sid}/registration/").status_code
        == 404
    )
    leader = client_for(world.new_leader)
    assert leader.post(f"/api/network-signups/{sid}/registration/").status_code == 201
    assert leader.post(f"/api/network-signups/{sid}/registration/").status_code == 409
    assert leader.get(f"/api/network-signups/{sid}/").json()["registered"] is True
    assert leader.get(f"/api/network-signups/{sid}/registrations/").status_code == 403
    names = client_for(world.hr).get(f"/api/network-signups/{sid}/registrations/").json()
    assert [r["leader"]["id"] for r in names["results"]] == [world.new_leader.leader_id]
    assert leader.delete(f"/api/network-signups/{sid}/registration/").status_code == 204
    # Composing before the deadline is refused with a field error.
    early = client_for(world.hr).post(f"/api/network-signups/{sid}/compose/")
    assert early.status_code == 400 and "deadline" in early.json()


def _admin_of(ids: list[int]) -> dict[int, int]:
    return dict(
        m.Leader.objects.filter(id__in=ids).values_list("id", "unit__department__administration_id")
    )


def test_demo_sign_up_of_40_composes_into_valid_diverse_groups(
    demo: m.Organisation, client_for: Client
) -> None:
    """Done-when: 40 into groups of 5-7, no unit or boss pair together, every administration
    spread; HR moves someone (the objective updates) and publishes (networks, notifications)."""
    hr = m.User.objects.get(username="hr", organisation=demo)
    signup = SignUp.objects.get(organisation=demo)
    assert signup.registrations.count() == 40
    client = client_for(hr)
    response = client.post(f"/api/network-signups/{signup.id}/compose/", {"seed": 42})
    assert response.status_code == 201, response.json()
    draft = response.json()
    assert draft["violations"] == []
    groups = [[x["id"] for x in g["members"]] for g in draft["groups"]]
    everyone = [x for g in groups for x in g]
    assert sorted(x for g in groups for x in g) == sorted(
        signup.registrations.values_list("leader_id", flat=True)
    )
    assert all(5 <= len(g) <= 7 for g in groups)
    units = dict(m.Leader.objects.filter(id__in=everyone).values_list("id", "unit_id"))
    admin = _admin_of(everyone)
    boss_pairs = 0
    for group in groups:
        assert len({units[x] for x in group}) == len(group)
        for x in group:
            line = set(leader_line_ids(leader_id=x))
            assert not line & set(group), "a leader is in a group with someone in their line"
            boss_pairs += len(line & set(everyone))
    assert boss_pairs > 0, "the demo sign-up should contain boss-report pairs"
    # Spread: no group holds more of an administration than an even split allows.
    totals = Counter(admin.values())
    for group in groups:
        for a, count in Counter(admin[x] for x in group).items():
            assert count <= math.ceil(totals[a] / len(groups)), (a, count, totals[a])
    # The composer beats random valid-size groupings by a wide margin.
    people, ties = signup_problem(signup=signup)
    rng = random.Random(1)
    ids = [p.id for p in people]
    sizes = [len(g) for g in groups]
    randoms = []
    for _ in range(200):
        rng.shuffle(ids)
        cut, at = [], 0
        for s in sizes:
            cut.append(ids[at : at + s])
            at += s
        randoms.append(grouping_objective(people, cut, ties=ties))
    assert draft["objective"] > max(randoms)
    # HR moves a leader; the objective follows; then publishing refuses broken rules.
    mover = groups[0][0]
    moved = client.post(
        f"/api/network-drafts/{draft['id']}/move/", {"leader": mover, "to_group": 1}
    ).json()
    assert moved["objective"] != draft["objective"]
    expected = grouping_objective(
        people,
        [[str(x["id"]) for x in g["members"]] for g in moved["groups"]],
        ties=ties,
    )
    assert moved["objective"] == pytest.approx(expected)
    back = client.post(
        f"/api/network-drafts/{draft['id']}/move/", {"leader": mover, "to_group": 0}
    ).json()
    assert back["objective"] == pytest.approx(draft["objective"])
    published = client.post(f"/api/network-drafts/{draft['id']}/publish/")
    assert published.status_code == 200
    networks = nm.Network.objects.filter(id__in=published.json()["networks"])
    assert networks.count() == len(groups)
    assert {n.kind for n in networks} == {nm.NetworkKind.LEARNING_NETWORK}
    assert nm.Membership.objects.filter(network__in=networks).count() == 40
    # Members with a login were notified; publishing twice adds nothing.
    notified = Notification.objects.filter(kind="networks.learning_network").count()
    with_login = m.User.objects.filter(leader_id__in=everyone).count()
    assert notified == with_login
    assert client.post(f"/api/network-drafts/{draft['id']}/publish/").status_code == 200
    assert nm.Network.objects.filter(organisation=demo).count() == networks.count() + (
        nm.Network.objects.filter(organisation=demo).exclude(id__in=networks).count()
    )
    assert GroupDraft.objects.get(id=draft["id"]).status == GroupDraft.Status.PUBLISHED
    # Leaders and bosses cannot read drafts; another organisation's HR gets not-found.
    amalie = m.User.objects.get(username="amalie", organisation=demo)
    assert client_for(amalie).get(f"/api/network-drafts/{draft['id']}/").status_code == 403
    assert SignUpRegistration.objects.filter(signup=signup).count() == 40


def test_a_draft_breaking_a_rule_cannot_be_published(world: World, client_for: Client) -> None:
    from tests import factories as f

    signup = SignUp.objects.create(
        organisation=world.org,
        theme="Tryghed",
        min_size=2,
        max_size=3,
        deadline=dt.date.today() - dt.timedelta(days=1),
    )
    for user in (world.new_leader, world.boss, world.mentor, world.outsider):
        SignUpRegistration.objects.create(signup=signup, leader=user.leader)
    f.LeaderFactory()  # someone of another organisation, never involved
    client = client_for(world.hr)
    draft = client.post(f"/api/network-signups/{signup.id}/compose/").json()
    assert draft["violations"] == []
    groups = [[x["id"] for x in g["members"]] for g in draft["groups"]]
    boss_group = next(k for k, g in enumerate(groups) if world.boss.leader_id in g)
    moved = client.post(
        f"/api/network-drafts/{draft['id']}/move/",
        {"leader": world.new_leader.leader_id, "to_group": boss_group},
    ).json()
    if world.new_leader.leader_id not in groups[boss_group]:
        assert {v["rule"] for v in moved["violations"]} & {"line", "group_size"}
        refused = client.post(f"/api/network-drafts/{draft['id']}/publish/")
        assert refused.status_code == 400 and "groups" in refused.json()
    assert client_for(world.hr_scoped).get(f"/api/network-drafts/{draft['id']}/").status_code == 404
    assert (
        client_for(world.other_organisation)
        .post(f"/api/network-drafts/{draft['id']}/publish/")
        .status_code
        == 404
    )
