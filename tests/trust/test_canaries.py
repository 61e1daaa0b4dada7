"""Field level and canaries: private notes reach their owner only, and nothing else, anywhere.

Canary strings sit in every support-need note in the database and in both private meeting
notes of Mette's mentorship. The whole test runs with every logger at DEBUG captured and every
Celery task's arguments captured (``before_task_publish`` for real sends, ``task_prerun`` for
eager runs). It then:

1. reads every GET route of the matrix as every persona, on every object, plain and with
   ``?search=``, ``?ordering=note`` / ``-note``, ``?q=`` and a purpose (the export also as
   HTML), and checks that a canary appears only where its owner reads it: HR (notes) and the
   paired mentor are personas like the others, HR's export holds no note, and the mentor's
   mentoring views never name the topic of a need the mentee did not share;
2. checks the side channels: searching for a word of a note and ordering by the note give the
   same answer as searching for nonsense and ordering the other way;
3. makes the writes that notify people (a new need, "I need help", check-ins) and runs the
   periodic tasks, and checks notifications, e-mails, logs and task arguments.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import Any

import pytest
from celery import signals
from django.core import mail

from backend.mentoring.models import CheckIn
from backend.notifications.models import Notification
from backend.people import models as m
from tests.conftest import CANARY, World
from tests.trust.matrix import PERSONAS, Case, call, user_of
from tests.trust.scene import (
    COACH_CANARY,
    MENTEE_NOTE_CANARY,
    MENTOR_NOTE_CANARY,
    UNSHARED_TOPIC_CANARY,
    Scene,
    build_scene,
)
from tests.trust.test_matrix import CASES

OTHER_NEED_CANARY = "CANARY-andre-behov-5be1"
NEW_NEED_CANARY = "CANARY-nyt-behov-0d77"
ALL_CANARIES = (
    CANARY,
    MENTEE_NOTE_CANARY,
    MENTOR_NOTE_CANARY,
    OTHER_NEED_CANARY,
    NEW_NEED_CANARY,
    COACH_CANARY,
)

# Where a canary may legitimately be read: (route, target, persona) -> canaries allowed.
CARRIERS: dict[tuple[str, str, str], set[str]] = {
    ("me-support-need-detail", "own", "leader"): {CANARY},
    ("mentorship-check-ins", "own", "leader"): {MENTEE_NOTE_CANARY},
    ("mentorship-check-ins", "own", "mentor"): {MENTOR_NOTE_CANARY},
    # Her own export holds every note of hers (her second need's too, planted below). HR's
    # export, purpose-bound and logged, holds none (issue 15): not in this table.
    ("privacy-leader-export", "own", "leader"): {
        CANARY,
        MENTEE_NOTE_CANARY,
        OTHER_NEED_CANARY,
        COACH_CANARY,
    },
    # Her request for a coach (issue 16): hers, and org-wide HR's (each read logged).
    ("coaching-my-requests", "-", "leader"): {COACH_CANARY},
    ("coaching-my-request", "own", "leader"): {COACH_CANARY},
    ("coaching-requests", "-", "hr"): {COACH_CANARY},
    ("coaching-request", "own", "hr"): {COACH_CANARY},
}
PARAMS: tuple[dict[str, str], ...] = (
    {},
    {"search": "bange"},
    {"ordering": "note"},
    {"q": "budget"},
    {"purpose": "Opfølgning på mentormatch"},
)
# The export also as HTML (HR's and the leader's), with and without a purpose.
EXPORT_PARAMS: tuple[dict[str, str], ...] = (
    {"format": "html"},
    {"purpose": "Opfølgning på mentormatch", "format": "html"},
)
# Mentoring views where the paired mentor reads what the mentee shares: never the topic of a
# need the mentee kept for herself (her second need, ``UNSHARED_TOPIC_CANARY``).
MENTOR_VIEWS = ("proposal", "mentorship", "suggestion", "check-in")


@pytest.fixture
def captured(caplog: pytest.LogCaptureFixture) -> Iterator[list[Any]]:
    """Capture every log record at DEBUG and the arguments of every Celery task."""
    caplog.set_level(logging.DEBUG)
    messages: list[Any] = []

    def on_publish(sender: Any = None, body: Any = None, headers: Any = None, **_: Any) -> None:
        messages.append((sender, body, headers))

    def on_prerun(sender: Any = None, args: Any = None, kwargs: Any = None, **_: Any) -> None:
        messages.append((getattr(sender, "name", sender), args, kwargs))

    signals.before_task_publish.connect(on_publish, weak=False)
    signals.task_prerun.connect(on_prerun, weak=False)
    yield messages
    signals.before_task_publish.disconnect(on_publish)
    signals.task_prerun.disconnect(on_prerun)


def _plant(scene: Scene) -> None:
    """Every other support need in the database gets a canary note too."""
    for need in m.SupportNeed.objects.exclude(id=scene.need.id):
        need.note = f"{need.note} {OTHER_NEED_CANARY}".strip()
        need.save(update_fields=["note"])
    f_leader = scene.world.outsider.leader
    assert f_leader is not None
    m.SupportNeed.objects.create(
        leader=f_leader, topic=scene.world.roster, weight=2, note=f"Vagtplan {OTHER_NEED_CANARY}"
    )


def _found(text: str) -> set[str]:
    return {c for c in ALL_CANARIES if c in text}


def _get_cases() -> list[Case]:
    return [c for c in CASES if c.method == "GET"]


def _body(scene: Scene, client_for: Any, case: Case, persona: str, params: dict[str, str]) -> str:
    status, content = call(scene, client_for, case, persona, params)
    assert status < 500, (case, persona, params)
    return content.decode(errors="replace")


@pytest.mark.django_db
def test_canaries_reach_their_owner_only(
    world: World, client_for: Any, captured: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        scene = build_scene(world)  # inside the test: its logs and tasks are captured too
    _plant(scene)

    leaks = []
    for case in _get_cases():
        for persona in PERSONAS:
            allowed = CARRIERS.get((case.route, case.target, persona), set())
            # Search and ordering only mean something on lists; a purpose only where asked.
            variants = PARAMS if case.target == "-" else ({}, PARAMS[-1])
            if case.route == "privacy-leader-export":
                variants = (*variants, *EXPORT_PARAMS)
            for params in variants:
                body = _body(scene, client_for, case, persona, params)
                found = _found(body) - allowed
                if persona == "mentor" and any(v in case.route for v in MENTOR_VIEWS):
                    found |= {UNSHARED_TOPIC_CANARY} if UNSHARED_TOPIC_CANARY in body else set()
                if found:
                    leaks.append(f"{case.route} {case.target} as {persona} {params}: {found}")
    assert leaks == []
    # The paired mentor did read what Mette shares (the sweep above is not vacuous).
    shown = client_for(world.mentor).get(f"/api/proposals/{scene.proposal.id}/").json()
    assert shown["mentee"]["topics"] == [scene.need.topic.label_da]

    # Writes that notify people, with their e-mails and tasks run after commit.
    mette = client_for(world.new_leader)
    jens = client_for(world.mentor)
    mentorship = f"/api/mentorships/{scene.mentorship.id}/check-ins/"
    with django_capture_on_commit_callbacks(execute=True):
        created = mette.post(
            "/api/me/support-needs/",
            {"topic": world.roster.id, "weight": 3, "note": f"Hjælp {NEW_NEED_CANARY}"},
            format="json",
        )
        assert created.status_code == 201, created.content
        assert mette.post(f"/api/onboarding/items/{scene.item.id}/need-help/", {}).status_code < 300
        for client, note in ((mette, MENTEE_NOTE_CANARY), (jens, MENTOR_NOTE_CANARY)):
            response = client.post(
                mentorship, {"met_on": "2026-01-01", "minutes": 45, "note": note}, format="json"
            )
            assert response.status_code in (201, 400), response.content
        hr = client_for(world.hr)
        assert hr.get("/api/support-needs/", {"purpose": "Matching af mentorer"}).status_code == 200
        export = f"/api/privacy/leaders/{scene.mette.id}/export/"
        assert hr.get(export, {"purpose": "Indsigtsanmodning"}).status_code == 200
        from backend.mentoring.tasks import nudges_send_task
        from backend.privacy.tasks import retention_apply_task
        from onboarding.tasks import reminders_send_task

        for task in (reminders_send_task, nudges_send_task, retention_apply_task):
            task.delay()

    assert CheckIn.objects.filter(note=MENTOR_NOTE_CANARY).exists()  # the canaries are real
    # A need raised after the match (and "I need help") is not shared until Mette says so.
    for url in (f"/api/proposals/{scene.proposal.id}/", "/api/proposals/mine/"):
        body = jens.get(url).content.decode()
        assert world.roster.label_da not in body and UNSHARED_TOPIC_CANARY not in body
    notifications = list(Notification.objects.values_list("subject", "body", "url"))
    assert notifications, "the writes notified somebody"
    assert _found(json.dumps(notifications, ensure_ascii=False)) == set()
    assert (
        _found(
            json.dumps(
                [(e.subject, e.body, [str(a[0]) for a in e.alternatives]) for e in mail.outbox],
                ensure_ascii=False,
            )
        )
        == set()
    )
    assert captured, "the test captured Celery tasks"
    assert _found(repr(captured)) == set()


@pytest.mark.django_db
def test_no_log_line_carries_a_note(
    scene: Scene, client_for: Any, caplog: pytest.LogCaptureFixture
) -> None:
    """Every route, every persona, with logging at DEBUG: no record holds a canary."""
    caplog.set_level(logging.DEBUG)
    _plant(scene)
    for case in CASES:
        for persona in PERSONAS:
            call(scene, client_for, case, persona, {"note": CANARY, "search": CANARY})
    text = "\n".join(f"{r.getMessage()} {r.args!r} {r.exc_text or ''}" for r in caplog.records)
    assert caplog.records, "something was logged"
    # The request's own query string is the caller's input; what matters is stored notes.
    assert {c for c in _found(text) if c != CANARY} == set()


@pytest.mark.django_db
def test_search_and_ordering_reveal_nothing_of_the_notes(scene: Scene, client_for: Any) -> None:
    """A note's words must not change what a search or an ordering returns to anyone else."""
    _plant(scene)
    differ = []
    for case in _get_cases():
        if case.target != "-":
            continue  # lists only: one object cannot be re-ordered or filtered
        for persona in PERSONAS:
            if persona == "leader" and case.route.startswith("me-support-need"):
                continue  # her own notes, hers to search
            pairs = (
                ({"search": "bange"}, {"search": "zzqqxx"}),
                ({"ordering": "note"}, {"ordering": "-note"}),
                ({"q": "bange"}, {"q": "zzqqxx"}),
            )
            for a, b in pairs:
                left = _ids(_body(scene, client_for, case, persona, a))
                right = _ids(_body(scene, client_for, case, persona, b))
                if left != right:
                    differ.append(f"{case.route} as {persona}: {a} {left} vs {b} {right}")
    assert differ == []


def _ids(body: str) -> list[Any] | None:
    """The ids of a list response's rows, in order (``None`` for anything else)."""
    try:
        data = json.loads(body)
    except ValueError:
        return None
    rows = data.get("results") if isinstance(data, dict) else data
    if not isinstance(rows, list):
        return None
    return [row.get("id") if isinstance(row, dict) else row for row in rows]


# --- Field level -----------------------------------------------------------------------------

PROFILE = {
    "active",
    "administration",
    "bio",
    "boss",
    "competencies",
    "department",
    "discoverable",
    "directory_discoverable",  # the leader's own yes to the shared peer directory
    "email",
    "employee_number",
    "entry_route",  # how the leader came into the role: a profile fact, like first_leader_job
    "first_leader_job",
    "first_name",
    "full_name",
    "id",
    "is_boss",
    "languages",
    "last_name",
    "leadership_education",
    "phone",
    "previous_role_title",
    "role_start_date",
    "role_title",
    "unit",
    "years_as_leader",
}
LIST_PROFILE = PROFILE - {"competencies", "is_boss"}
NEED = {"created_at", "has_note", "id", "source", "status", "topic", "updated_at", "weight"}
MENTORSHIP = {
    "end_reason",
    "ended_on",
    "first_meeting_at",
    "first_meeting_due",
    "first_met_on",
    "id",
    "last_met_on",
    "mentee",
    "mentor",
    "planned_end_on",
    "programme",
    "proposal",  # the pair's own proposal (its reasons, the first-meeting invitation)
    "started_on",
    "status",
}
CHECK_IN = {"author", "id", "met_on", "mine", "minutes", "note", "note_shared"}
PROPOSAL_TO_PAIR = {
    "created_at",
    "expires_at",
    "first_meeting_at",
    "id",
    "mentee_accepted_at",
    "mentor",
    "mentor_accepted_at",
    "offered_at",
    "origin",
    "programme",
    "reasons",
    "reasons_da",
    "status",
}
PROPOSAL_TO_HR = PROPOSAL_TO_PAIR | {
    "components",
    "decline_reason",
    "mentee",
    "override_reason",
    "run",
    "score",
}

# (route, target, persona) -> the keys a response (or each row of a list) may have.
ALLOWED_KEYS: dict[tuple[str, str, str], set[str]] = {
    **{("leader-detail", "own", p): PROFILE for p in ("hr", "leader", "boss", "grand_boss")},
    **{("leader-list", "-", p): LIST_PROFILE for p in PERSONAS if p != "anon"},
    # Her own choice of what her mentor sees is hers alone (HR's list has no such key).
    ("me-support-need-list", "-", "leader"): NEED | {"shared_with_mentor"},
    ("me-support-need-detail", "own", "leader"): NEED | {"note", "shared_with_mentor"},
    # HR's purpose-bound list says whether a note exists, never what it says.
    ("support-need-list", "-", "hr"): {
        "has_note",
        "id",
        "leader",
        "topic",
        "weight",
        "status",
        "source",
        "created_at",
        "updated_at",
    },
    **{("mentorship-detail", "own", p): MENTORSHIP for p in ("hr", "leader", "mentor")},
    **{("mentorship-list", "-", p): MENTORSHIP for p in PERSONAS if p != "anon"},
    **{("mentorship-check-ins", "own", p): CHECK_IN for p in ("hr", "leader", "mentor")},
    ("proposal-detail", "own", "hr"): PROPOSAL_TO_HR,
    ("proposal-detail", "own", "leader"): PROPOSAL_TO_PAIR,
    ("proposal-detail", "own", "mentor"): PROPOSAL_TO_PAIR | {"mentee"},
    **{("my-proposals", "-", p): PROPOSAL_TO_PAIR | {"mentee"} for p in PERSONAS if p != "anon"},
}
# Keys that would tell someone above in the line about support needs or a pairing.
LINE_FORBIDDEN = {
    "note",
    "has_note",
    "weight",
    "support_needs",
    "needs",
    "need_help",
    "mentor",
    "mentee",
    "mentorship",
    "mentor_status",
    "help_requests",
}


def _rows(data: Any) -> list[dict[str, Any]]:
    if isinstance(data, dict) and isinstance(data.get("results"), list):
        return data["results"]
    if isinstance(data, list):
        return [row for row in data if isinstance(row, dict)]
    return [data] if isinstance(data, dict) else []


def _keys_deep(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for key, inner in value.items():
            yield key
            yield from _keys_deep(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _keys_deep(inner)


@pytest.mark.django_db
def test_response_keys_stay_within_each_roles_allowed_set(scene: Scene, client_for: Any) -> None:
    extra = []
    for (route, target, persona), allowed in ALLOWED_KEYS.items():
        params = {"purpose": "Matching af mentorer"} if route == "support-need-list" else {}
        status, content = call(scene, client_for, Case(route, "GET", target, {}), persona, params)
        assert status == 200, (route, persona, status)
        for row in _rows(json.loads(content)):
            if set(row) - allowed:
                extra.append(f"{route} as {persona}: {sorted(set(row) - allowed)}")
    assert extra == []


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["boss", "grand_boss"])
def test_the_line_never_learns_of_needs_or_the_pairing(
    scene: Scene, client_for: Any, persona: str
) -> None:
    """Every GET route on Mette's objects, as her boss and his boss: no private key, no mentor."""
    jens = scene.world.mentor.leader
    assert jens is not None
    problems = []
    for case in _get_cases():
        if case.target == "andeby" or case.route == "onboarding-calendar-ics":
            continue  # the feed is the token holder's (Mette's) own calendar
        status, content = call(scene, client_for, case, persona, {})
        text = content.decode(errors="replace")
        if jens.last_name in text or "Fredagskaffe" in text or "Første møde med din mentor" in text:
            problems.append(f"{case.route} {case.target}: names the mentor or informal network")
        if COACH_CANARY in text or "Lone Friis" in text:
            problems.append(f"{case.route} {case.target}: tells of her request for a coach")
        # The caller's own network map: its "weight" is tie strength, not a need's weight.
        if status == 200 and content[:1] in (b"{", b"[") and case.route != "network-map-ego":
            keys = set(_keys_deep(json.loads(content))) & LINE_FORBIDDEN
            if keys:
                problems.append(f"{case.route} {case.target}: keys {sorted(keys)}")
    assert problems == []


@pytest.mark.django_db
def test_the_mentor_sees_his_own_note_and_only_that(scene: Scene, client_for: Any) -> None:
    rows = (
        client_for(user_of(scene, "mentor"))
        .get(f"/api/mentorships/{scene.mentorship.id}/check-ins/")
        .json()
    )
    notes = {row["mine"]: row["note"] for row in _rows(rows)}
    assert notes == {True: MENTOR_NOTE_CANARY, False: None}
