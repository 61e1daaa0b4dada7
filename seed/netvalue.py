"""The demo's round of "Er netværket tiden værd?": the question asked a fortnight ago, answered
by most members of some networks (figures shown) and a few of others (cells hidden)."""

from __future__ import annotations

import datetime as dt
import random

from backend.netvalue.selectors import round_networks
from backend.netvalue.services import value_answer, value_round_open
from backend.people.models import Organisation, User

COMMENTS = (
    "Godt at høre, hvordan de andre løser vagtplanen.",
    "Vi bruger for meget tid på orientering og for lidt på sparring.",
    "Det er her, jeg får luft til de svære sager.",
    "Mødetidspunktet passer dårligt med min drift.",
    "",
    "",
)


def seed_netvalue(*, organisation: Organisation, rng: random.Random, today: dt.date) -> None:
    """Open a round 14 days ago; answers for every leader group and learning network."""
    value_round_open(organisation_id=organisation.id, today=today - dt.timedelta(days=14))
    for k, network in enumerate(round_networks(organisation_id=organisation.id)):
        users = list(
            User.objects.filter(
                leader__memberships__network=network, leader__active=True, is_active=True
            ).order_by("id")
        )
        # Every other network gets most of its members' answers; the rest only a few.
        share = 0.8 if k % 2 == 0 else 0.3
        answering = rng.sample(users, max(1, int(len(users) * share))) if users else []
        low = k % 4 == 2  # a network that has lost its way
        for user in answering:
            score = rng.choice((1, 2, 2, 3) if low else (3, 4, 4, 5))
            wish = rng.choice(("close", "change") if low else ("keep", "keep", "change"))
            value_answer(
                actor=user,
                network_id=network.id,
                score=score,
                wish=wish,
                comment=rng.choice(COMMENTS),
                today=today - dt.timedelta(days=10),
            )
