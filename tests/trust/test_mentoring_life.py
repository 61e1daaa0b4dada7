"""Pulses and exit surveys per persona: the writer reads their own; HR reads quality in
aggregate with comments unattributed; the other member of the pair and the boss line never.

Canaries sit in Mette's pulse comment and exit-survey comment; every GET route of the matrix is
read as every persona on every object, and a canary may appear only where Mette reads her own.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone

from backend.mentoring.models import ExitSurvey, Pulse
from tests.trust.matrix import PERSONAS, call
from tests.trust.scene import Scene
from tests.trust.test_matrix import CASES

PULSE_CANARY = "CANARY-pulsen-3e1a"
SURVEY_CANARY = "CANARY-exit-9c4d"

CARRIERS = {
    ("mentorship-pulses", "own", "leader"): {PULSE_CANARY},
    ("mentorship-exit-survey", "own", "leader"): {SURVEY_CANARY},
    ("privacy-leader-export", "own", "leader"): {PULSE_CANARY, SURVEY_CANARY},
}


@pytest.mark.django_db
def test_pulse_and_survey_comments_reach_only_their_writer(scene: Scene, client_for: Any):
    mentorship = scene.mentorship
    Pulse.objects.create(
        mentorship=mentorship,
        leader=mentorship.mentee,
        met_on=timezone.localdate(),
        score=2,
        comment=PULSE_CANARY,
    )
    ExitSurvey.objects.create(
        mentorship=mentorship,
        leader=mentorship.mentee,
        as_mentor=False,
        rating=2,
        goals_met="no",
        would_recommend=False,
        comment=SURVEY_CANARY,
    )
    leaks = []
    for case in (c for c in CASES if c.method == "GET"):
        body = {"purpose": "Opfølgning"} if case.route.startswith("privacy-") else {}
        for persona in PERSONAS:
            status, content = call(scene, client_for, case, persona, body)
            text = content.decode(errors="replace")
            allowed = CARRIERS.get((case.route, case.target, persona), set())
            for canary in (PULSE_CANARY, SURVEY_CANARY):
                if canary in text and canary not in allowed:
                    leaks.append(f"{canary} in {case.route} {case.target} as {persona} ({status})")
    assert leaks == []


@pytest.mark.django_db
def test_the_writer_reads_back_their_own_pulse(scene: Scene, client_for: Any):
    mentorship = scene.mentorship
    Pulse.objects.create(
        mentorship=mentorship,
        leader=mentorship.mentee,
        met_on=timezone.localdate(),
        score=2,
        comment=PULSE_CANARY,
    )
    url = f"/api/mentorships/{mentorship.id}/pulses/"
    assert PULSE_CANARY in client_for(scene.world.new_leader).get(url).content.decode()
    assert client_for(scene.world.mentor).get(url).json() == []
