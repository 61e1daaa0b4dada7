"""Every link a notification or e-mail can carry: the one place that spells the web app's paths.

Services never write a path themselves; they call one of these functions (``url=links.x(...)``).
``tests/backend/notifications/test_links.py`` calls every function here and checks that the web
app's route table (``frontend/src/App.tsx``) has a route for what it returns, and that no other
module in the backend spells a web-app path.

The paths are stable: notifications already sent keep their link, so a path changes only with a
redirect route for the old one in the web app.
"""

from __future__ import annotations

__all__ = [
    "coach_requests",
    "coachees",
    "email_preferences",
    "hr_home",
    "hr_import",
    "hr_network_value",
    "hr_programme",
    "introductions",
    "leader_home",
    "mentor_offers",
    "mentoring_flags",
    "mentoring_suggestions",
    "mentorship",
    "my_coach",
    "my_networks",
    "my_staff_requests",
    "network",
    "network_requests",
    "network_value",
    "plan_item",
    "programme_manual_queue",
    "proposal",
    "roulette",
    "staff_request_board",
]


def proposal(proposal_id: int) -> str:
    """A mentor proposal, as the mentee and the mentor answer it (kind ``mentoring.proposal``)."""
    return f"/mentoring/proposals/{int(proposal_id)}"


def mentorship(mentorship_id: int) -> str:
    """A mentoring pair (``mentoring.started``, ``mentoring.did_you_meet``, ``mentoring.nudge``)."""
    return f"/mentoring/mentorships/{int(mentorship_id)}"


def mentoring_flags() -> str:
    """HR's list of mentoring pairs that need a look (``mentoring.flag.*``)."""
    return "/mentoring/flags"


def mentoring_suggestions() -> str:
    """A self-match mentee's ranked mentor suggestions (``mentoring.suggestions``)."""
    return "/mentoring/suggestions"


def programme_manual_queue(programme_id: int) -> str:
    """HR: a programme's mentees waiting for a manual match (``mentoring.manual_queue``)."""
    return f"/mentoring/programmes/{int(programme_id)}/manual-queue"


def introductions() -> str:
    """The leader's introduction requests (``networks.introduction*``)."""
    return "/peers/introductions"


def network_requests() -> str:
    """Join requests to networks the leader administers (``networks.join_request``)."""
    return "/networks/requests"


def network(network_id: int) -> str:
    """A network the leader belongs to (``networks.join_accepted``, cohorts, learning networks)."""
    return f"/networks/{int(network_id)}"


def roulette() -> str:
    """The leader's coffee-roulette pairs (``networks.roulette``)."""
    return "/networks/roulette"


def plan_item(plan_id: int, item_id: int) -> str:
    """One item of an onboarding plan (``onboarding.due_soon``, ``.overdue``, ``.escalated``)."""
    return f"/onboarding/plans/{int(plan_id)}?item={int(item_id)}"


def hr_home() -> str:
    """HR's start screen (where single sign-on lands HR)."""
    return "/hr/overview"


def leader_home() -> str:
    """A leader's start screen, their plan (where single sign-on lands a leader)."""
    return "/plan"


def hr_import() -> str:
    """HR's import screen (the nightly drop-folder import's report, ``people.import_report``)."""
    return "/hr/import"


def email_preferences() -> str:
    """Where a user chooses which notifications also come by e-mail (every e-mail's footer)."""
    return "/me/profile"


def mentor_offers() -> str:
    """Where a leader answers an invitation to mentor and manages their offers
    (``mentoring.mentor_invited``)."""
    return "/mentoring/offers"


def hr_programme(programme_id: int) -> str:
    """HR's screen of one mentoring programme (``mentoring.mentor_answered``)."""
    return f"/hr/programmes/{int(programme_id)}"


def my_networks() -> str:
    """The leader's own networks and invitations (``networks.invitation``, ``networks.closed``)."""
    return "/networks"


def my_coach() -> str:
    """The leader's own request for a coach and, once assigned, the coach (``coaching.*``)."""
    return "/coach"


def coach_requests() -> str:
    """HR's queue of requests for a coach (``coaching.request``)."""
    return "/hr/coaching/requests"


def coachees() -> str:
    """An internal coach's list of the leaders assigned to them (``coaching.coachee``)."""
    return "/coaching/coachees"


def network_value() -> str:
    """The member's question "Was the network worth your time?" (``netvalue.question``)."""
    return "/networks/value"


def hr_network_value() -> str:
    """HR's overview of the answers: which networks to renew, change or close."""
    return "/hr/networks/value"


def my_staff_requests(request_id: int) -> str:
    """The leader's requests for the staff functions' offers (``catalogue.request_*``)."""
    return f"/help/requests?request={int(request_id)}"


def staff_request_board(request_id: int) -> str:
    """HR's board of requests for the staff functions' offers (``catalogue.requested``)."""
    return f"/hr/staff-requests?request={int(request_id)}"
