"""Reads: the member's own questions and answers; HR's overview with small cells hidden.

HR's overview follows the mentoring programme's quality rules (``backend/mentoring/quality.py``):
a figure resting on fewer than five answers is hidden; comments come without names, dates or
networks' members, sorted by their text, and only with at least five answers. Nobody else — a
boss, another member — ever reads an answer; the member reads their own.
"""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from backend.netvalue.models import ValueAnswer, ValueRound
from backend.networks.access import hr_or_404, organisation_id_or_404
from backend.networks.models import Network, NetworkKind
from backend.people.access import actor_leader
from backend.people.models import User

SUPPRESS_BELOW = 5  # the same threshold as the mentoring programme's quality figures
ASKED_KINDS = (NetworkKind.LEADER_GROUP, NetworkKind.LEARNING_NETWORK)


def round_networks(*, organisation_id: int) -> QuerySet[Network]:
    """The networks the question is asked for: active leader groups and learning networks."""
    return Network.objects.filter(
        organisation_id=organisation_id, kind__in=ASKED_KINDS, active=True
    ).order_by("name", "id")


def open_round(*, organisation_id: int, today: dt.date) -> ValueRound | None:
    return (
        ValueRound.objects.filter(
            organisation_id=organisation_id, opened_on__lte=today, closes_on__gte=today
        )
        .order_by("-opened_on", "-id")
        .first()
    )


@dataclass(frozen=True)
class MyQuestion:
    network: Network
    answer: ValueAnswer | None


@dataclass(frozen=True)
class MyQuestions:
    round: ValueRound | None
    questions: list[MyQuestion]


def my_value_questions(*, actor: User, today: dt.date | None = None) -> MyQuestions:
    """The leader's networks to answer for in the open round, with their own answers."""
    leader = actor_leader(actor)
    if leader is None:
        raise Http404
    value_round = open_round(
        organisation_id=leader.organisation_id, today=today or timezone.localdate()
    )
    if value_round is None:
        return MyQuestions(round=None, questions=[])
    networks = round_networks(organisation_id=leader.organisation_id).filter(
        memberships__leader=leader
    )
    mine = {a.network_id: a for a in ValueAnswer.objects.filter(round=value_round, leader=leader)}
    return MyQuestions(
        round=value_round,
        questions=[MyQuestion(network=n, answer=mine.get(n.id)) for n in networks],
    )


def _cell(value: Any, hidden: bool) -> dict[str, Any]:
    return {"value": None if hidden else value, "suppressed": hidden}


def verdict(*, answers: int, mean: float | None, close_share: float) -> str:
    """``renew``, ``change``, ``close`` or ``too_few`` (the screen words the reason)."""
    if answers < SUPPRESS_BELOW or mean is None:
        return "too_few"
    if mean < 2.5 or close_share >= 0.5:
        return "close"
    if mean >= 3.5 and close_share < 0.25:
        return "renew"
    return "change"


def _network_row(network: Network, rows: list[dict[str, Any]], members: int) -> dict[str, Any]:
    n = len(rows)
    hidden = n < SUPPRESS_BELOW
    mean = statistics.fmean(r["score"] for r in rows) if rows else None
    wishes = {w: sum(1 for r in rows if r["wish"] == w) for w in ValueAnswer.Wish.values}
    close_share = wishes["close"] / n if n else 0.0
    return {
        "network": network,
        "members": members,
        "answers": n,
        "mean_score": _cell(round(mean, 1) if mean is not None else None, hidden),
        "keep": _cell(wishes["keep"], hidden),
        "change": _cell(wishes["change"], hidden),
        "close": _cell(wishes["close"], hidden),
        "comments": [] if hidden else sorted(r["comment"] for r in rows if r["comment"]),
        "verdict": verdict(answers=n, mean=None if hidden else mean, close_share=close_share),
    }


def value_overview(*, actor: User) -> dict[str, Any]:
    """HR: per network of the latest round, the figures (hidden under five answers) and a
    recommendation to renew, change or close."""
    hr_or_404(actor)
    organisation_id = organisation_id_or_404(actor)
    value_round = ValueRound.objects.filter(organisation_id=organisation_id).first()
    if value_round is None:
        return {"round": None, "networks": []}
    rows_by: dict[int, list[dict[str, Any]]] = {}
    for row in ValueAnswer.objects.filter(round=value_round).values(
        "network_id", "score", "wish", "comment"
    ):
        rows_by.setdefault(row["network_id"], []).append(dict(row))
    networks = round_networks(organisation_id=organisation_id)
    members = {n.id: n.memberships.count() for n in networks}
    return {
        "round": value_round,
        "networks": [_network_row(n, rows_by.get(n.id, []), members[n.id]) for n in networks],
    }
