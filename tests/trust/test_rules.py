"""The visibility rules the web app words are the rules the server keeps (issue 15, item 4).

The web app builds every privacy sentence on the support-needs, plan, help and proposals
screens from ``GET /api/privacy/rules/`` (``backend/people/visibility.py``). Here each persona
of the trust scene reads those rules from the server, then reads every GET route of the trust
matrix (Mette's objects and the lists), and what the persona's answers hold must be exactly
what the rule for its audience says, kind by kind:

- support needs: the topic of Mette's unshared need (``UNSHARED_TOPIC_CANARY``, a topic label)
  is read by ``everything`` and ``topic_and_weight`` audiences and by no one else; a
  ``when_shared`` audience reads the shared need's topic in the pair's views and not the other;
- a support need's note (``CANARY``) and a meeting note (Mette's private one; and one she
  shares): ``everything`` reads them, ``when_shared`` only the shared one, ``nothing`` neither;
- "I need help": a ``need_help: true`` flag or a help count above 0 in some answer or not;
- the pairing: the pair's proposal, mentorship and check-ins answer 200 or not;
- a request for a coach (its words, ``COACH_CANARY``): ``everything`` reads them, ``nothing``
  does not, and no list answers with a count of them (``tests/backend/coaching``);
- a request for a staff function's offer (its message ``STAFF_REQUEST_CANARY``): read or not;
- mentoring feedback (Mette's pulse, its comment ``PULSE_CANARY``): ``everything`` reads the
  comment outside HR's quality figures, ``in_figures`` reads programme quality resting on her
  pulse and four others' (five people), ``nothing`` neither;
- her informal network (``Fredagskaffe``): that she is in it shows as its name in an answer
  about her, or as the network with its member count; HR's network list names every network
  of the organisation but counts no informal one's members. ``members`` means seen by the
  persona exactly when the persona is in it (Jens, her mentor, is; Søren, a peer, is not).

HR scoped to another administration and HR of another organisation are HR without Mette in
their scope, so they see nothing; so does an anonymous caller. Changing a rule without changing
the server (or the other way round) fails here, and the sentence on the screen changes with it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from backend.mentoring.models import CheckIn, Pulse
from backend.netvalue.models import ValueAnswer
from backend.netvalue.services import value_round_open
from backend.networks.models import NetworkKind
from backend.people.visibility import RULES, Audience, Kind
from backend.privacy.models import AccessLogEntry
from tests import factories as f
from tests.conftest import CANARY
from tests.trust.matrix import PERSONAS, call, user_of
from tests.trust.scene import (
    COACH_CANARY,
    MENTEE_NOTE_CANARY,
    STAFF_REQUEST_CANARY,
    UNSHARED_TOPIC_CANARY,
    Scene,
)
from tests.trust.test_matrix import CASES

SHARED_NOTE_CANARY = "CANARY-delt-moedenote-7f10"
PULSE_CANARY = "CANARY-pulskommentar-a41c"
QUALITY_ROUTES = {"programme-quality"}
NETVALUE_CANARY = "CANARY-netvaerkssvar-5d2e"
NETVALUE_ROUTES = {"netvalue-overview"}
NETWORK_ROUTES = {"network-list", "network-detail"}
NETVALUE_NETWORK = "Ledergruppe Tillid"
AUDIENCE_OF: dict[str, Audience | None] = {
    "leader": Audience.SELF,
    "boss": Audience.LINE,
    "grand_boss": Audience.LINE,
    "hr": Audience.HR,
    "hr_scoped": None,  # HR, but Mette is outside its administrations: nothing
    "mentor": Audience.MENTOR,
    "peer": Audience.OTHERS,
    "outsider": Audience.OTHERS,
    "other_org": None,  # HR of another organisation: nothing
    "anon": None,
}
# The organisation's topic catalogue names every topic to everyone (it names no one's need).
CATALOGUE_ROUTES = {"topic-list", "topic-detail"}
PAIR_ROUTES = {"proposal-detail", "mentorship-detail", "mentorship-check-ins"}
PAIR_VIEWS = ("proposal", "mentorship", "suggestion", "check-in")
HELP = re.compile(r'"need_help":\s*true|"need_help_count":\s*[1-9]')
PURPOSE = {"purpose": "Opfølgning på mentormatch"}


def test_one_rule_for_every_kind_and_audience() -> None:
    pairs = [(rule.kind, rule.audience) for rule in RULES]
    assert sorted(pairs) == sorted((k, a) for k in Kind for a in Audience)


@pytest.mark.django_db
def test_the_web_apps_tests_render_the_served_rules(scene: Scene, client_for: Any) -> None:
    """The rules the web app's tests build the screens' sentences from are the served ones."""
    fixture = Path(__file__).parents[2] / "frontend" / "src" / "test" / "privacyRules.json"
    served = client_for(scene.world.mentor).get("/api/privacy/rules/").json()
    assert json.loads(fixture.read_text()) == served


def _served_rules(client: Any) -> dict[tuple[str, str], str]:
    response = client.get("/api/privacy/rules/")
    assert response.status_code == 200
    return {(r["kind"], r["audience"]): r["sees"] for r in response.json()}


def _answers(scene: Scene, client_for: Any, persona: str) -> list[tuple[str, int, str]]:
    """(route, status, body) of every GET of the matrix on Mette's objects and the lists."""
    answers = []
    for case in CASES:
        if case.method != "GET" or case.target not in ("own", "-", "open"):
            continue
        for params in ({}, PURPOSE):
            status, content = call(scene, client_for, case, persona, params)
            assert status < 500, (case, persona, params)
            answers.append((case.route, status, content.decode(errors="replace")))
    return answers


def _observed(
    answers: list[tuple[str, int, str]], shared_topic: str, informal_name: str
) -> dict[str, str]:
    """What the answers show of each kind of thing, in the rules' values."""
    text = "\n".join(body for route, _, body in answers if route not in CATALOGUE_ROUTES)
    pair_text = "\n".join(body for route, _, body in answers if any(v in route for v in PAIR_VIEWS))
    if UNSHARED_TOPIC_CANARY in text:
        need = "everything" if CANARY in text else "topic_and_weight"
    elif shared_topic in pair_text:
        need = "when_shared"
    else:
        need = "nothing"
    if MENTEE_NOTE_CANARY in text:
        check_in_note = "everything"
    elif SHARED_NOTE_CANARY in text:
        check_in_note = "when_shared"
    else:
        check_in_note = "nothing"
    paired = any(status == 200 for route, status, _ in answers if route in PAIR_ROUTES)
    outside_figures = "\n".join(body for route, _, body in answers if route not in QUALITY_ROUTES)
    in_figures = any(
        json.loads(body)["pulses"]["total"]["respondents"]["value"] == 5
        for route, status, body in answers
        if route in QUALITY_ROUTES and status == 200
    )
    if PULSE_CANARY in outside_figures:
        feedback = "everything"
    else:
        feedback = "in_figures" if in_figures else "nothing"
    outside_value = "\n".join(body for route, _, body in answers if route not in NETVALUE_ROUTES)
    value_figures = any(
        row["network"]["name"] == NETVALUE_NETWORK and not row["mean_score"]["suppressed"]
        for route, status, body in answers
        if route in NETVALUE_ROUTES and status == 200
        for row in json.loads(body)["networks"]
    )
    if NETVALUE_CANARY in outside_value:
        network_value = "everything"
    else:
        network_value = "in_figures" if value_figures else "nothing"
    return {
        Kind.SUPPORT_NEED: need,
        Kind.SUPPORT_NEED_NOTE: "everything" if CANARY in text else "nothing",
        Kind.HELP_REQUEST: "everything" if HELP.search(text) else "nothing",
        Kind.MENTOR_PAIRING: "everything" if paired else "nothing",
        Kind.CHECK_IN_NOTE: check_in_note,
        Kind.MENTORING_FEEDBACK: feedback,
        # A request for a coach: its words (``COACH_CANARY``) in some answer or not.
        Kind.COACH_REQUEST: "everything" if COACH_CANARY in text else "nothing",
        Kind.NETWORK_VALUE: network_value,
        Kind.STAFF_REQUEST: "everything" if STAFF_REQUEST_CANARY in text else "nothing",
        Kind.INFORMAL_NETWORK: _informal_seen(answers, informal_name),
    }


def _informal_seen(answers: list[tuple[str, int, str]], name: str) -> str:
    """Whether the answers show who is in the informal network ``name``: its name in an answer
    about the leader, or the network listed with its members counted."""
    elsewhere = "\n".join(body for route, _, body in answers if route not in NETWORK_ROUTES)
    listed = [
        network
        for route, status, body in answers
        if route in NETWORK_ROUTES and status == 200
        for network in (json.loads(body).get("results") or [json.loads(body)])
        if network.get("name") == name
    ]
    counted = any(not network["member_count_suppressed"] for network in listed)
    return "everything" if name in elsewhere or counted else "nothing"


def _expected(rules: dict[tuple[str, str], str], scene: Scene, persona: str) -> dict[str, str]:
    """What the served rules say the persona sees of each kind, as :func:`_observed` words it:
    ``members`` is everything for a fellow member of the network and nothing for anyone else;
    ``in_figures`` of an informal network is nothing here, since hers has two members (head
    counts show from five: ``tests/backend/networks`` checks the count of a bigger one)."""
    audience = AUDIENCE_OF[persona]
    if audience is None:
        return dict.fromkeys(Kind, "nothing")
    user = user_of(scene, persona)
    member = (
        user is not None and scene.informal.memberships.filter(leader_id=user.leader_id).exists()
    )
    expected = {kind: rules[(kind.value, audience.value)] for kind in Kind}
    if expected[Kind.INFORMAL_NETWORK] == "in_figures":
        expected[Kind.INFORMAL_NETWORK] = "nothing"
    return {
        kind: ("everything" if member else "nothing") if sees == "members" else sees
        for kind, sees in expected.items()
    }


def _plant_feedback(scene: Scene) -> None:
    """Mette's pulse after a meeting, and four other mentees' in her administration."""
    met_on = scene.mentee_check_in.met_on
    Pulse.objects.create(
        mentorship=scene.mentorship,
        leader=scene.mette,
        met_on=met_on,
        score=3,
        comment=PULSE_CANARY,
    )
    assert scene.mette.unit is not None
    department = scene.mette.unit.department
    for _ in range(4):
        mentee = f.LeaderFactory(unit=f.UnitFactory(department=department))
        mentor = f.LeaderFactory(unit=f.UnitFactory(department=department))
        pair = f.MentorshipFactory(
            programme=scene.programme,
            enrolment=f.EnrolmentFactory(programme=scene.programme, leader=mentee),
            offer=f.MentorOfferFactory(programme=scene.programme, leader=mentor, capacity=1),
        )
        Pulse.objects.create(mentorship=pair, leader=mentee, met_on=met_on, score=4)


def _plant_network_value(scene: Scene) -> None:
    """Mette's answer on her leader group (a comment canary) and four other members' answers."""
    network = f.NetworkFactory(
        organisation=scene.world.org, kind=NetworkKind.LEADER_GROUP, name=NETVALUE_NETWORK
    )
    assert scene.mette.unit is not None
    department = scene.mette.unit.department
    others = [f.LeaderFactory(unit=f.UnitFactory(department=department)) for _ in range(4)]
    value_round = value_round_open(organisation_id=scene.world.org.id)
    for leader in [scene.mette, *others]:
        f.MembershipFactory(network=network, leader=leader)
        ValueAnswer.objects.create(
            round=value_round,
            network=network,
            leader=leader,
            score=2 if leader == scene.mette else 4,
            wish="close" if leader == scene.mette else "keep",
            comment=NETVALUE_CANARY if leader == scene.mette else "",
        )


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_sees_what_the_served_rules_say(
    scene: Scene, client_for: Any, persona: str
) -> None:
    CheckIn.objects.create(
        mentorship=scene.mentorship,
        author=scene.mette,
        met_on=scene.mentee_check_in.met_on,
        minutes=30,
        note=SHARED_NOTE_CANARY,
        note_shared=True,
    )
    _plant_feedback(scene)
    _plant_network_value(scene)
    rules = _served_rules(client_for(scene.world.new_leader))
    answers = _answers(scene, client_for, persona)
    observed = _observed(answers, scene.need.topic.label_da, scene.informal.name)
    assert observed == _expected(rules, scene, persona)


@pytest.mark.django_db
def test_reads_the_rules_call_logged_are_in_the_leaders_access_log(
    scene: Scene, client_for: Any
) -> None:
    """HR's and the mentor's reads of Mette's needs are logged, as the served rules say."""
    rules = client_for(scene.world.mentor).get("/api/privacy/rules/").json()
    logged = {r["audience"] for r in rules if r["kind"] == Kind.SUPPORT_NEED and r["logged"]}
    assert logged == {Audience.HR, Audience.MENTOR}
    reads = {
        scene.world.hr: ("/api/support-needs/", PURPOSE),
        scene.world.mentor: (f"/api/proposals/{scene.proposal.id}/", {}),
    }
    for user, (url, params) in reads.items():
        before = AccessLogEntry.objects.filter(subject=scene.mette, actor=user).count()
        assert client_for(user).get(url, params).status_code == 200
        assert AccessLogEntry.objects.filter(subject=scene.mette, actor=user).count() > before
