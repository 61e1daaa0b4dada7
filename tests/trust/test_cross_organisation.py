"""Across organisations only the directory card crosses, and only when both opted in.

The trust scene's Testrup (Mette's municipality) and Andeby share one installation. In Andeby a
leader (Anders, whose unit is like Mette's), his boss (Bodil) and Andeby's HR walk every GET
route of the trust matrix on Mette's objects and the lists, with both municipalities and Mette
and Anders opted in to the shared peer directory: nothing of Mette answers but her card in
Anders's directory (name, role title, service type, municipality, "ask me about"), and an
introduction Anders asks for. Without the opt-ins not even the card.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from rest_framework.test import APIClient

from backend.people import models as m
from backend.people.visibility import DIRECTORY
from tests import factories as f
from tests.conftest import CANARY
from tests.trust.matrix import url_for
from tests.trust.scene import MENTEE_NOTE_CANARY, UNSHARED_TOPIC_CANARY, Scene
from tests.trust.test_matrix import CASES

pytestmark = pytest.mark.django_db

Client = Callable[[m.User | None], APIClient]
DIRECTORY_ROUTE = "peer-directory"


def _andeby(scene: Scene) -> dict[str, m.User]:
    """Andeby's leader like Mette (Anders), his boss (Bodil) and its HR, as logins."""
    anders = scene.other_org_leader
    mette_unit = scene.mette.unit
    assert anders.unit is not None and mette_unit is not None
    m.Unit.objects.filter(id=anders.unit_id).update(
        service_type=mette_unit.service_type, is_specialist=True
    )
    m.Unit.objects.filter(id=mette_unit.id).update(is_specialist=True)
    bodil = f.LeaderFactory(
        unit__department=anders.unit.department, first_name="Bodil", last_name="Bøgh"
    )
    m.Leader.objects.filter(id=anders.id).update(boss=bodil)
    org = anders.organisation
    return {
        "leader": f.UserFactory(username="anders", organisation=org, leader=anders),
        "boss": f.UserFactory(username="bodil", organisation=org, leader=bodil),
        "hr": scene.world.other_organisation,
    }


def _opt_in(scene: Scene, *, testrup: bool = True) -> None:
    testrup_org = scene.mette.organisation
    m.Organisation.objects.filter(id=testrup_org.id).update(peer_directory=testrup)
    m.Organisation.objects.filter(id=scene.other_org_leader.organisation_id).update(
        peer_directory=True
    )
    m.Leader.objects.filter(id__in=[scene.mette.id, scene.other_org_leader.id]).update(
        directory_discoverable=True
    )


def _secrets(scene: Scene) -> list[str]:
    mette = scene.mette
    return [mette.email, mette.full_name, CANARY, MENTEE_NOTE_CANARY, UNSHARED_TOPIC_CANARY]


def _get(client: APIClient, url: str) -> tuple[int, str]:
    response = client.get(url)
    content = b"" if getattr(response, "streaming", False) else response.content
    return response.status_code, content.decode(errors="replace")


@pytest.mark.parametrize("persona", ["leader", "boss", "hr"])
def test_another_organisation_sees_nothing_of_mette_but_the_card(
    scene: Scene, client_for: Client, persona: str
) -> None:
    users = _andeby(scene)
    _opt_in(scene)
    client = client_for(users[persona])
    secrets = _secrets(scene)
    walked = 0
    for case in CASES:
        if case.method != "GET" or case.target not in ("own", "open", "-"):
            continue
        status, body = _get(client, url_for(scene, case.route, case.target))
        assert status < 500, (case.route, persona)
        walked += 1
        # Answers anyone: logging in with SSO, and the calendar feed, whose secret token in the
        # URL is the key (the matrix pins those for every persona).
        public = case.expect["anon"] < 400
        if case.target != "-" and not public:
            assert status in (401, 403, 404), (case.route, case.target, persona, status)
        if case.route == DIRECTORY_ROUTE or public:
            continue  # the card is checked below
        leaked = [s for s in secrets if s and s in body]
        assert leaked == [], (case.route, persona, leaked)
    assert walked > 50
    status, body = _get(client, "/api/peers/directory/")
    if persona == "hr":
        assert status == 403  # the directory is a leader's
        return
    results = client.get("/api/peers/directory/").json()["results"]
    if persona == "boss":
        assert results == []  # Bodil did not opt in herself: she sees no card
        return
    assert [card["id"] for card in results] == [scene.mette.id]
    card = results[0]
    assert set(card) - {"id", "score", "reasons"} == {c.value for c in DIRECTORY.card}
    assert card["name"] == scene.mette.full_name
    assert scene.mette.email not in body and CANARY not in body


def test_without_both_organisations_not_even_the_card(scene: Scene, client_for: Client) -> None:
    users = _andeby(scene)
    _opt_in(scene, testrup=False)
    anders = client_for(users["leader"])
    assert anders.get("/api/peers/directory/").json()["results"] == []
    asked = anders.post("/api/peers/introductions/", {"to_leader": scene.mette.id}, format="json")
    assert asked.status_code == 404


def test_an_introduction_across_organisations_opens_no_other_door(
    scene: Scene, client_for: Client
) -> None:
    """Once Mette accepted Anders's request, he has her contact, and still 404 on her profile."""
    users = _andeby(scene)
    _opt_in(scene)
    anders = client_for(users["leader"])
    asked = anders.post("/api/peers/introductions/", {"to_leader": scene.mette.id}, format="json")
    assert asked.status_code == 201
    # Anders's boss and Andeby's HR do not see the request (it is the two leaders').
    for persona in ("boss", "hr"):
        _status, body = _get(client_for(users[persona]), "/api/peers/introductions/")
        assert scene.mette.full_name not in body
    mette = client_for(scene.world.new_leader)
    accepted = mette.post(f"/api/peers/introductions/{asked.json()['id']}/accept/")
    assert accepted.status_code == 200
    mine = anders.get("/api/peers/introductions/").json()["results"][0]
    assert mine["contact"]["email"] == scene.mette.email
    assert anders.get(f"/api/leaders/{scene.mette.id}/").status_code == 404
    for persona in ("leader", "boss", "hr"):
        client: Any = client_for(users[persona])
        assert client.get(f"/api/leaders/{scene.mette.id}/").status_code == 404
