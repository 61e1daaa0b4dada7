"""The know-how search over the API: who is found, who never is, what each caller sees."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from rest_framework.test import APIClient

from backend.knowhow.models import KnowhowDocument
from backend.knowhow.selectors import rank_of
from backend.people import models as m
from tests import factories as f
from tests.conftest import CANARY, World

Client = Callable[[m.User | None], APIClient]
URL = "/api/knowhow/search/"


@pytest.fixture
def found_world(world: World) -> World:
    """Jens (opted in) offers roster know-how; Søren has the same words but did not opt in."""
    jens = world.mentor.leader
    jens.bio = "Centerleder. Spørg mig om vagtplanlægning med mange deltidsansatte."
    jens.discoverable = True
    jens.email, jens.phone = "jens@testrup.dk", "1234 5678"
    jens.save()
    f.CompetencyFactory(leader=jens, topic=world.roster, level=3)
    soren = world.outsider.leader
    soren.bio = "Spørg mig om vagtplanlægning med mange deltidsansatte."
    soren.save()
    # Another municipality's opted-in leader with the very same words.
    f.LeaderFactory(
        organisation=world.other_organisation.organisation,
        discoverable=True,
        bio="Spørg mig om vagtplanlægning med mange deltidsansatte.",
    )
    return world


def _search(client: APIClient, q: str) -> Any:
    response = client.get(URL, {"q": q})
    assert response.status_code == 200, response.content
    return response.json()


@pytest.mark.django_db
def test_a_leader_finds_an_opted_in_leader_by_other_words_with_reasons(
    found_world: World, client_for: Client
) -> None:
    body = _search(client_for(found_world.new_leader), "Vagterne går ikke op med deltid")
    assert [r["leader"]["name"] for r in body["results"]] == ["Jens Bak"]
    result = body["results"][0]
    assert set(result["leader"]) == {"id", "name", "role_title", "unit", "administration"}
    assert result["leader"]["unit"] == "Plejecenter Egely"
    strength, sentence = result["reasons"]
    assert (strength["kind"], strength["text"], strength["level"]) == (
        "strength",
        "Vagtplan og arbejdstid",
        3,
    )
    assert strength["asked"] == ["vagterne"]
    assert sentence["kind"] == "introduction"
    assert sentence["text"] == "Spørg mig om vagtplanlægning med mange deltidsansatte."
    assert sentence["matched"] == ["vagtplanlægning", "deltidsansatte"]
    assert sentence["asked"] == ["vagterne", "deltid"]
    assert "jens@testrup.dk" not in str(body) and "1234 5678" not in str(body)


@pytest.mark.django_db
def test_english_readers_see_the_strength_in_english(
    found_world: World, client_for: Client
) -> None:
    client = client_for(found_world.new_leader)
    body = client.get(URL, {"q": "vagtplan"}, HTTP_ACCEPT_LANGUAGE="en").json()
    assert body["results"][0]["reasons"][0]["text"] == "Roster and working-time rules"


@pytest.mark.django_db
def test_a_leader_who_opts_out_disappears_and_an_edited_profile_is_found_at_once(
    found_world: World, client_for: Client
) -> None:
    mette, jens = client_for(found_world.new_leader), client_for(found_world.mentor)
    jens_id = found_world.mentor.leader_id
    assert _search(mette, "deltidsansatte")["count"] == 1
    assert jens.patch(f"/api/leaders/{jens_id}/", {"discoverable": False}).status_code == 200
    assert _search(mette, "deltidsansatte")["count"] == 0
    assert jens.patch(f"/api/leaders/{jens_id}/", {"discoverable": True}).status_code == 200
    assert _search(mette, "tilsynsbesøg")["count"] == 0
    new_bio = {"bio": "Spørg mig om det uanmeldte tilsyn."}
    assert jens.patch(f"/api/leaders/{jens_id}/", new_bio, format="json").status_code == 200
    assert [r["leader"]["id"] for r in _search(mette, "tilsynsbesøg")["results"]] == [jens_id]
    assert _search(mette, "deltidsansatte")["count"] == 0  # the old words are gone
    # Strengths changed on the profile are searchable at once too.
    put = jens.put("/api/me/competencies/", {"levels": {"budget": 2}}, format="json")
    assert put.status_code == 200
    assert _search(mette, "økonomistyring")["results"][0]["leader"]["id"] == jens_id
    assert _search(mette, "vagtplan")["count"] == 0


@pytest.mark.django_db
def test_other_organisations_and_inactive_leaders_are_never_found(
    found_world: World, client_for: Client
) -> None:
    other = f.LeaderFactory(organisation=found_world.other_organisation.organisation)
    other_user = f.UserFactory(
        organisation=other.organisation, role=m.User.Role.LEADER, leader=other
    )
    names = [
        r["leader"]["name"] for r in _search(client_for(other_user), "deltidsansatte")["results"]
    ]
    assert "Jens Bak" not in names and len(names) == 1  # only their own municipality's leader
    jens = found_world.mentor.leader
    jens.active = False
    jens.save()
    assert _search(client_for(found_world.new_leader), "deltidsansatte")["count"] == 0


@pytest.mark.django_db
def test_the_asker_is_not_found_and_a_boss_sees_no_private_data(
    found_world: World, client_for: Client
) -> None:
    assert _search(client_for(found_world.mentor), "deltidsansatte")["count"] == 0
    mette = found_world.new_leader.leader
    mette.discoverable = True
    mette.bio = "Spørg mig om budgetopfølgning."
    mette.save()
    for user in (found_world.boss, found_world.grand_boss, found_world.mentor):
        body = _search(client_for(user), "budget bange")  # "bange" is in her private note
        assert CANARY not in str(body)
        reasons = [r for res in body["results"] for r in res["reasons"]]
        assert all("bange" not in r["text"] for r in reasons)
    assert not KnowhowDocument.objects.filter(terms__contains="bange").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["hr", "hr_scoped", "other_organisation", None])
def test_hr_and_anonymous_callers_are_refused(
    world: World, client_for: Client, persona: str | None
) -> None:
    user = getattr(world, persona) if persona else None
    assert client_for(user).get(URL, {"q": "budget"}).status_code == 403


@pytest.mark.django_db
def test_a_question_without_words_is_refused_or_empty(world: World, client_for: Client) -> None:
    client = client_for(world.new_leader)
    assert client.get(URL).status_code == 400
    assert _search(client, "og i det")["count"] == 0  # stop words only


@pytest.mark.django_db
def test_contact_details_only_after_the_asked_leader_accepts(
    found_world: World, client_for: Client
) -> None:
    mette, jens = client_for(found_world.new_leader), client_for(found_world.mentor)
    found = _search(mette, "vagtplan")["results"][0]["leader"]["id"]
    asked = mette.post(
        "/api/peers/introductions/", {"to_leader": found, "message": "Vagtplan?"}, format="json"
    )
    assert asked.status_code == 201 and asked.json()["contact"] is None
    # Søren did not opt in: he cannot be asked through the finder's ask either.
    refused = mette.post(
        "/api/peers/introductions/", {"to_leader": found_world.outsider.leader_id}, format="json"
    )
    assert refused.status_code == 404
    intro_id = asked.json()["id"]
    accepted = jens.post(f"/api/peers/introductions/{intro_id}/accept/")
    assert accepted.status_code == 200
    mine = mette.get("/api/peers/introductions/").json()["results"][0]
    assert mine["contact"] == {"name": "Jens Bak", "email": "jens@testrup.dk", "phone": "1234 5678"}


def test_rank_of_follows_postgresql_ts_rank_for_an_or_query() -> None:
    # PostgreSQL's calc_rank_or: the occurrences' weights in document order (A before B ...),
    # the j-th (from 0) counting w / (j + 1)², all over π²/6; the sum over the query's stems
    # divided by their number.
    assert rank_of(" a:vagtplan ", ["vagtplan"]) == pytest.approx(1.0 / 1.64493406685)
    two = rank_of(" a:vagtplan b:vagtplan d:budget ", ["vagtplan"])
    assert two == pytest.approx((1.0 + 0.4 / 4) / 1.64493406685)
    assert rank_of(" a:vagtplan b:deltid ", ["vagtplan", "budget"]) == pytest.approx(
        1.0 / 1.64493406685 / 2
    )


def test_the_profile_opt_in_says_what_the_knowhow_finder_shows() -> None:
    """The opt-in on the profile names this finder and what it shows (strengths, sentences)."""
    import json
    from pathlib import Path

    root = Path(__file__).resolve().parents[3] / "frontend/src/i18n/areas"
    for language, words in {
        "da": ("Hvem har løst det?", "styrker", "sætninger fra din præsentation", "e-mail"),
        "en": ("Who has solved this?", "strengths", "sentences of your introduction", "e-mail"),
    }.items():
        catalogue = json.loads((root / f"leader_self.{language}.json").read_text("utf-8"))
        sentence = catalogue["lself.finder.sees"]
        assert all(word in sentence for word in words), (language, sentence)
        assert words[0] in catalogue["lself.finder.label"]


@pytest.mark.django_db
def test_erasing_a_leader_removes_their_words_from_the_index(
    found_world: World, client_for: Client
) -> None:
    from backend.knowhow import privacy
    from backend.privacy.services import leader_erase, leader_export

    _search(client_for(found_world.new_leader), "deltidsansatte")  # builds the documents
    jens = found_world.mentor.leader
    export = leader_export(leader=jens, actor=found_world.mentor)
    assert export["knowhow"]["search_document"] is not None
    m.Competency.objects.filter(leader=jens).delete()  # no strength left to signal the erasure
    _search(client_for(found_world.new_leader), "deltidsansatte")
    assert KnowhowDocument.objects.filter(leader=jens).exists()
    leader_erase(leader=jens, actor=found_world.hr, reason="Fratrådt, anmodet om sletning")
    assert not KnowhowDocument.objects.filter(leader=jens).exists()
    assert privacy.export_leader(jens) == {"search_document": None}
    assert _search(client_for(found_world.new_leader), "deltidsansatte")["count"] == 0
