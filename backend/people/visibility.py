"""The one table of who sees what of a leader's private things (issue 15, item 4).

Each row says, for one kind of private thing and one audience, how much that audience sees.
The server's answers keep to it (``tests/trust/test_rules.py`` checks every row against every
persona's GET responses in the trust scene), and the web app builds every privacy sentence it
shows from it (``GET /api/privacy/rules/``, ``frontend/src/privacy.ts``): a changed rule is a
changed sentence, and a failing test until the server agrees.

Plain data, no Django: selectors and tests import it, the privacy app serves it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    """A kind of private thing about a leader."""

    SUPPORT_NEED = "support_need"  # a support need: its topic and weight
    SUPPORT_NEED_NOTE = "support_need_note"  # the leader's own words on a support need
    HELP_REQUEST = "help_request"  # "I need help" on an item of the onboarding plan
    MENTOR_PAIRING = "mentor_pairing"  # that the leader has a mentor (or is one), and who
    CHECK_IN_NOTE = "check_in_note"  # the leader's note on a meeting of the pair
    MENTORING_FEEDBACK = "mentoring_feedback"  # pulses after meetings, the exit survey
    COACH_REQUEST = "coach_request"  # a request for a confidential coach: that it exists, its words
    NETWORK_VALUE = "network_value"  # "was the network worth your time?" answers
    STAFF_REQUEST = "staff_request"  # a request for a staff function's offer, and its message
    INFORMAL_NETWORK = "informal_network"  # that the leader is in an informal network, with whom


class Audience(StrEnum):
    """Who might look: the leader, the line above, HR, the paired mentor, other leaders."""

    SELF = "self"
    LINE = "line"  # the boss and everyone above in the line of command
    HR = "hr"  # HR with the leader in its scope (organisation or administrations)
    MENTOR = "mentor"  # the mentor of an active pairing (for a mentor: the mentee)
    OTHERS = "others"  # every other leader, network peers included


class Sees(StrEnum):
    """How much an audience sees of a kind of thing."""

    EVERYTHING = "everything"
    TOPIC_AND_WEIGHT = "topic_and_weight"  # a support need's topic and weight, no note
    WHEN_SHARED = "when_shared"  # only what the leader chose to share with the pair
    NOTHING = "nothing"  # not even that it exists
    IN_FIGURES = "in_figures"  # only figures resting on five people or more, and no names
    MEMBERS = "members"  # only those who are in it themselves (fellow members of a network)


@dataclass(frozen=True)
class Rule:
    kind: Kind
    audience: Audience
    sees: Sees
    logged: bool = False  # each read is written to the leader's access log


_S, _L, _H, _M, _O = Audience.SELF, Audience.LINE, Audience.HR, Audience.MENTOR, Audience.OTHERS
_ALL, _TW, _SH, _NO = Sees.EVERYTHING, Sees.TOPIC_AND_WEIGHT, Sees.WHEN_SHARED, Sees.NOTHING

RULES: tuple[Rule, ...] = (
    # Support needs: HR reads topics and weights for matching (with a purpose, logged); the
    # mentor only the needs the mentee shares (logged); the line and other leaders nothing.
    Rule(Kind.SUPPORT_NEED, _S, _ALL),
    Rule(Kind.SUPPORT_NEED, _L, _NO),
    Rule(Kind.SUPPORT_NEED, _H, _TW, logged=True),
    Rule(Kind.SUPPORT_NEED, _M, _SH, logged=True),
    Rule(Kind.SUPPORT_NEED, _O, _NO),
    # A support need's note: the leader's alone, in every view and every export but her own.
    Rule(Kind.SUPPORT_NEED_NOTE, _S, _ALL),
    Rule(Kind.SUPPORT_NEED_NOTE, _L, _NO),
    Rule(Kind.SUPPORT_NEED_NOTE, _H, _NO),
    Rule(Kind.SUPPORT_NEED_NOTE, _M, _NO),
    Rule(Kind.SUPPORT_NEED_NOTE, _O, _NO),
    # "I need help": HR follows up (overview, plan); the boss sees the plan without help flags.
    Rule(Kind.HELP_REQUEST, _S, _ALL),
    Rule(Kind.HELP_REQUEST, _L, _NO),
    Rule(Kind.HELP_REQUEST, _H, _ALL),
    Rule(Kind.HELP_REQUEST, _M, _NO),
    Rule(Kind.HELP_REQUEST, _O, _NO),
    # The pairing: the pair and HR; a boss never learns that it exists.
    Rule(Kind.MENTOR_PAIRING, _S, _ALL),
    Rule(Kind.MENTOR_PAIRING, _L, _NO),
    Rule(Kind.MENTOR_PAIRING, _H, _ALL),
    Rule(Kind.MENTOR_PAIRING, _M, _ALL),
    Rule(Kind.MENTOR_PAIRING, _O, _NO),
    # A meeting note: the writer's own; the other of the pair reads it only when shared.
    Rule(Kind.CHECK_IN_NOTE, _S, _ALL),
    Rule(Kind.CHECK_IN_NOTE, _L, _NO),
    Rule(Kind.CHECK_IN_NOTE, _H, _NO),
    Rule(Kind.CHECK_IN_NOTE, _M, _SH),
    Rule(Kind.CHECK_IN_NOTE, _O, _NO),
    # Pulses and exit-survey answers: the writer's own; the programme coordinator (HR) reads
    # them only as figures of five people or more, comments without names; the other of the
    # pair and the line never.
    Rule(Kind.MENTORING_FEEDBACK, _S, _ALL),
    Rule(Kind.MENTORING_FEEDBACK, _L, _NO),
    Rule(Kind.MENTORING_FEEDBACK, _H, Sees.IN_FIGURES),
    Rule(Kind.MENTORING_FEEDBACK, _M, _NO),
    Rule(Kind.MENTORING_FEEDBACK, _O, _NO),
    # A request for a coach: the leader's; HR for the whole organisation matches it (each read
    # logged) unless the HR user is in the leader's line; the line and every other leader never
    # learn that it exists (the assigned coach knows who the leader is, not what they wrote).
    Rule(Kind.COACH_REQUEST, _S, _ALL),
    Rule(Kind.COACH_REQUEST, _L, _NO),
    Rule(Kind.COACH_REQUEST, _H, _ALL, logged=True),
    Rule(Kind.COACH_REQUEST, _M, _NO),
    Rule(Kind.COACH_REQUEST, _O, _NO),
    # "Was the network worth your time?": the member's own; organisation-wide HR reads only
    # figures of five answers or more per network, comments without names; the line, the
    # other members and everyone else never.
    Rule(Kind.NETWORK_VALUE, _S, _ALL),
    Rule(Kind.NETWORK_VALUE, _L, _NO),
    Rule(Kind.NETWORK_VALUE, _H, Sees.IN_FIGURES),
    Rule(Kind.NETWORK_VALUE, _M, _NO),
    Rule(Kind.NETWORK_VALUE, _O, _NO),
    # A request for a staff function's offer (it may be about a sick-leave conversation): HR,
    # who follows it through to done, reads it; the line and everyone else never learn of it.
    Rule(Kind.STAFF_REQUEST, _S, _ALL),
    Rule(Kind.STAFF_REQUEST, _L, _NO),
    Rule(Kind.STAFF_REQUEST, _H, _ALL),
    Rule(Kind.STAFF_REQUEST, _M, _NO),
    Rule(Kind.STAFF_REQUEST, _O, _NO),
    # An informal network is its members' own: only fellow members see who is in it (a mentor
    # too, only as a member); HR sees its head count only from five people on (insights, the
    # network list), never who, so HR's tools (the table composer's "already know each other",
    # the network-value figures, HR's export of a leader) leave it out; the line sees nothing.
    Rule(Kind.INFORMAL_NETWORK, _S, _ALL),
    Rule(Kind.INFORMAL_NETWORK, _L, _NO),
    Rule(Kind.INFORMAL_NETWORK, _H, Sees.IN_FIGURES),
    Rule(Kind.INFORMAL_NETWORK, _M, Sees.MEMBERS),
    Rule(Kind.INFORMAL_NETWORK, _O, Sees.MEMBERS),
)


def rule_for(kind: Kind, audience: Audience) -> Rule:
    """Return the one rule for a kind of thing and an audience."""
    for rule in RULES:
        if rule.kind == kind and rule.audience == audience:
            return rule
    raise LookupError(f"no visibility rule for {kind} / {audience}")


def sees(kind: Kind, audience: Audience) -> Sees:
    """How much ``audience`` sees of ``kind``."""
    return rule_for(kind, audience).sees


# --- The shared peer directory across organisations (issue 16, item 2; docs/directory.md) ----
#
# The one thing of a leader that crosses an organisation's boundary: a card, shown to leaders of
# the other organisations on the installation, and only while the leader and both organisations
# have opted in. Contact details cross only when the leader accepts an introduction. The
# directory's answers are built from these names (``backend/networks/apis/directory.py``), and
# the web app words its sentences from them (``GET /api/privacy/rules/directory/``).


class CardField(StrEnum):
    """A fact on the directory card."""

    NAME = "name"
    ROLE_TITLE = "role_title"
    SERVICE_TYPE = "service_type"
    MUNICIPALITY = "municipality"
    ASK_ME_ABOUT = "ask_me_about"


@dataclass(frozen=True)
class DirectoryRules:
    """What crosses the boundary, and when."""

    card: tuple[CardField, ...]  # what other organisations' leaders see
    requires: tuple[str, ...]  # every one must be on for the card to be seen
    contact_on: str  # when contact details (e-mail, phone) cross
    others: Sees  # what other organisations' leaders, HR and bosses see of anything else


DIRECTORY = DirectoryRules(
    card=tuple(CardField),
    requires=("organisation_opted_in", "leader_opted_in", "asker_organisation_opted_in"),
    contact_on="introduction_accepted",
    others=Sees.NOTHING,
)
