"""The demo's Ledertræf: an upcoming leader meeting with about 40 attendees from every
administration and its two rounds of mixed tables, composed through the services as HR would."""

from __future__ import annotations

import datetime as dt
import random

from backend.gatherings.services import attendees_add, gathering_compose, gathering_create
from backend.people.models import Leader, Organisation, User

TITLE = "Ledertræf: Fælles om velfærden"
ATTENDEES = 40


def seed_gatherings(*, organisation: Organisation, rng: random.Random, today: dt.date) -> None:
    """One Ledertræf six weeks ahead: ~40 leaders drawn across administrations, 2 rounds."""
    hr = User.objects.filter(organisation=organisation, role=User.Role.HR).order_by("id")
    hr_user = next((u for u in hr if not u.hr_administrations.exists()), None)
    if hr_user is None:
        return
    gathering = gathering_create(
        actor=hr_user,
        title=TITLE,
        date=today + dt.timedelta(days=42),
        place="Rådhuset, byrådssalen",
        table_min=6,
        table_max=8,
        rounds=2,
    )
    ids = sorted(
        Leader.objects.filter(organisation=organisation, active=True).values_list("id", flat=True)
    )
    chosen = sorted(rng.sample(ids, min(ATTENDEES, len(ids))))
    attendees_add(actor=hr_user, gathering_id=gathering.id, leader_ids=chosen)
    gathering_compose(
        actor=hr_user, gathering_id=gathering.id, seed=rng.randrange(10_000), budget=800
    )
