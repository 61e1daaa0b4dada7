"""GDPR export: everything about a leader, to the leader or to HR in scope with a purpose."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from backend.privacy.models import AccessLogEntry
from tests.conftest import CANARY
from tests.trust.scene import MENTEE_NOTE_CANARY, MENTOR_NOTE_CANARY, Scene

pytestmark = pytest.mark.django_db


def _url(scene: Scene, fmt: str = "json") -> str:
    return f"/api/privacy/leaders/{scene.mette.id}/export/?format={fmt}"


def test_the_leader_exports_everything_about_herself(scene: Scene, client_for) -> None:
    response = client_for(scene.world.new_leader).get(_url(scene))
    assert response.status_code == 200, response.content
    data = response.json()
    assert set(data) >= {"people", "mentoring", "networks", "onboarding", "notifications"}
    people = data["people"]
    assert people["profile"]["first_name"] == "Mette"
    assert people["user_account"]["username"] == "mette"
    assert "password" not in json.dumps(people["user_account"])
    assert [(n["note"], n["shared_with_mentor"]) for n in people["support_needs"]] == [
        (f"Jeg er bange for budgettet {CANARY}", True),
        ("Kun til mig", False),
    ]
    assert data["notes_included"] is True and "notes_left_out" not in data
    assert {c["topic"] for c in people["competencies"]} == {"roster"}
    assert {ms["network"] for ms in people["memberships"]} == {"Dagtilbudsledere", "Fredagskaffe"}
    mentoring = data["mentoring"]
    assert mentoring["mentorships"][0]["mentor"] == "Jens Bak"
    assert mentoring["enrolments"][0]["status"] == "matched"
    networks = data["networks"]
    assert networks["join_requests"][0]["message"] == "Må jeg være med?"
    assert networks["introductions"][0]["direction"] == "sent"
    assert networks["signups"] == [
        {"theme": "Økonomistyring", "created_at": networks["signups"][0]["created_at"]}
    ]
    assert networks["roulette_pairs"][0]["with"] == ["Søren Dahl"]
    onboarding = data["onboarding"]
    assert onboarding["plans"][0]["items"][0]["need_help"] is True
    assert onboarding["plans"][0]["items"][0]["history"][0]["kind"] == "need_help"
    assert onboarding["calendar_feed"] is True
    assert "Velkommen, Mette" in json.dumps(data["notifications"], ensure_ascii=False)
    assert data["access_log"][0]["purpose"] == "Matching"
    assert response["Cache-Control"] == "no-store"


def test_her_own_meeting_note_is_in_it_never_the_mentors_private_note(
    scene: Scene, client_for
) -> None:
    body = client_for(scene.world.new_leader).get(_url(scene)).content.decode()
    assert MENTEE_NOTE_CANARY in body
    assert MENTOR_NOTE_CANARY not in body
    # And the mentor's export holds his note, not hers.
    mentor_body = client_for(scene.world.mentor).get(
        f"/api/privacy/leaders/{scene.world.mentor.leader_id}/export/"
    )
    assert MENTOR_NOTE_CANARY in mentor_body.content.decode()
    assert MENTEE_NOTE_CANARY not in mentor_body.content.decode()


def test_a_shared_note_of_the_other_party_is_in_the_export(scene: Scene, client_for) -> None:
    scene.mentor_check_in.note_shared = True
    scene.mentor_check_in.save()
    body = client_for(scene.world.new_leader).get(_url(scene)).content.decode()
    assert MENTOR_NOTE_CANARY in body


def test_hr_must_state_a_purpose_and_the_export_is_logged(scene: Scene, client_for) -> None:
    client = client_for(scene.world.hr)
    refused = client.get(_url(scene))
    assert refused.status_code == 400
    assert "purpose" in refused.json()
    assert not AccessLogEntry.objects.filter(channel="export").exists()

    response = client.get(_url(scene) + "&purpose=Indsigtsanmodning")
    assert response.status_code == 200
    entry = AccessLogEntry.objects.get(channel="export")
    assert (entry.actor, entry.subject, entry.purpose) == (
        scene.world.hr,
        scene.mette,
        "Indsigtsanmodning",
    )
    # Mette sees the export in her own log.
    mine = client_for(scene.world.new_leader).get("/api/privacy/access-log/").json()["results"]
    assert ("export", "Indsigtsanmodning") in [(e["channel"], e["purpose"]) for e in mine]


def test_her_own_export_is_not_logged(scene: Scene, client_for) -> None:
    client_for(scene.world.new_leader).get(_url(scene))
    assert not AccessLogEntry.objects.filter(channel="export").exists()


@pytest.mark.parametrize(
    "persona", ["boss", "grand_boss", "mentor", "outsider", "hr_scoped", "other_organisation"]
)
def test_nobody_else_learns_that_the_export_exists(scene: Scene, client_for, persona: str) -> None:
    response = client_for(getattr(scene.world, persona)).get(_url(scene) + "&purpose=x")
    assert response.status_code == 404
    assert CANARY not in response.content.decode()


def test_anonymous_gets_no_export(scene: Scene, client_for) -> None:
    assert client_for(None).get(_url(scene)).status_code in (401, 403)


@pytest.mark.parametrize(
    ("language", "title"), [("da", "Dine data i Sparring"), ("en", "Your data in Sparring")]
)
def test_the_html_export_is_readable_in_danish_and_english(
    scene: Scene, client_for, language: str, title: str
) -> None:
    response = client_for(scene.world.new_leader).get(
        _url(scene, "html"), HTTP_ACCEPT_LANGUAGE=language
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    body = response.content.decode()
    assert title in body
    assert "Mette" in body and CANARY in body and "<table>" in body
    assert MENTOR_NOTE_CANARY not in body


def test_html_errors_are_html_too(scene: Scene, client_for) -> None:
    response = client_for(scene.world.hr).get(_url(scene, "html"))
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")


def test_the_command_writes_the_export_and_logs_it(scene: Scene, tmp_path) -> None:
    out = StringIO()
    call_command(
        "privacy_export",
        "--leader",
        scene.mette.employee_number,
        "--organisation",
        "testrup",
        "--purpose",
        "Anmodning om indsigt",
        stdout=out,
    )
    data = json.loads(out.getvalue())
    # Run on HR's behalf: topics and weights, no note (the leader's own export has them).
    assert data["notes_included"] is False
    assert data["people"]["support_needs"][0]["has_note"] is True
    assert CANARY not in out.getvalue() and MENTEE_NOTE_CANARY not in out.getvalue()
    entry = AccessLogEntry.objects.get(channel="export")
    assert entry.actor is None and entry.purpose == "Anmodning om indsigt"

    target = tmp_path / "export.html"
    call_command(
        "privacy_export",
        "--leader",
        scene.mette.employee_number,
        "--organisation",
        "testrup",
        "--purpose",
        "Anmodning",
        "--format",
        "html",
        "--output",
        str(target),
    )
    assert "Dine data i Sparring" in target.read_text(encoding="utf-8")


def test_the_command_refuses_an_unknown_leader(scene: Scene) -> None:
    with pytest.raises(CommandError):
        call_command(
            "privacy_export", "--leader", "nope", "--organisation", "testrup", "--purpose", "x"
        )


@pytest.mark.parametrize("fmt", ["json", "html"])
def test_hrs_export_carries_topics_and_weights_never_a_note(
    scene: Scene, client_for, fmt: str
) -> None:
    """Issue 15: HR's export (any purpose) holds no support-need note, no meeting note and no
    informal network (the leader's own export has them all)."""
    response = client_for(scene.world.hr).get(_url(scene, fmt) + "&purpose=Indsigt")
    assert response.status_code == 200, response.content
    body = response.content.decode()
    for canary in (CANARY, MENTEE_NOTE_CANARY, MENTOR_NOTE_CANARY, "Kun til mig", "Fredagskaffe"):
        assert canary not in body
    assert "Budget og økonomisystem" in body  # the topic is there
    assert "Dagtilbudsledere" in body  # and her open network
    if fmt == "json":
        data = response.json()
        assert data["notes_included"] is False and "udeladt" in data["notes_left_out"]
        needs = data["people"]["support_needs"]
        assert [(n["weight"], n["has_note"]) for n in needs] == [(3, True), (1, True)]
        assert all("note" not in n for n in needs)
        assert all("note" not in c for c in data["mentoring"]["check_ins"])
    else:
        assert "er udeladt" in body  # said in the export itself (Danish by default)


def test_hrs_export_in_english_says_what_is_left_out(scene: Scene, client_for) -> None:
    response = client_for(scene.world.hr).get(
        _url(scene, "html") + "&purpose=Indsigt", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert "informal networks are left out" in response.content.decode()
