"""Give the load test its logins on the scale organisation: one HR user and 50 leaders.

Run with ``python manage.py shell < bench/load/setup_users.py`` after ``seed_scale``; writes
``$LOAD_TOKENS`` (HR and leader tokens, the leader-list pages each login sees, leader ids, unit
ids, and per leader login the ids it writes to). Each leader gets an onboarding plan (the
Danish templates), three notifications, the peer finder switched on, and a mentorship with
another login (the first 25 mentor the other 25), so the writes of the mix — plan items,
check-ins, notifications read — touch real rows; HR gets a programme with its proposals.
"""

import datetime as dt
import json
import os
from pathlib import Path

from rest_framework.authtoken.models import Token

from backend.mentoring.models import Enrolment, MentorOffer, Mentorship, Programme, Proposal
from backend.notifications.models import Notification
from backend.notifications.services import notify
from backend.people.models import Leader, Organisation, Unit, User
from backend.people.selectors import leader_list
from onboarding.models import PlanItem
from onboarding.services.plans import plan_create_for_leader
from onboarding.services.templates import templates_load
from seed.onboarding_content import TEMPLATES

org = Organisation.objects.filter(slug__startswith="scale").order_by("id").first()
assert org is not None, "run seed_scale first"
templates_load(organisation=org, templates=TEMPLATES)
hr, _ = User.objects.get_or_create(
    username="load_hr", defaults={"organisation": org, "role": User.Role.HR}
)
# 50 leaders spread over the organisation (every n-th by id): the top director, whose line
# holds everyone, middle managers and leaves of the tree, as real logins would be.
active = Leader.objects.filter(organisation=org, active=True).order_by("id")
ids = list(active.values_list("id", flat=True))
picked = ids[:: max(1, len(ids) // 50)][:50]
leaders = list(Leader.objects.filter(id__in=picked).order_by("id"))
users = []
for leader in leaders:
    user, _ = User.objects.get_or_create(
        username=f"load_leader_{leader.id}",
        defaults={"organisation": org, "role": User.Role.LEADER, "leader": leader},
    )
    plan_create_for_leader(leader=leader)
    for i in range(3):
        notify(
            user=user, kind="load.test", subject=f"Besked {i}", email=False, dedupe_key=f"load-{i}"
        )
    users.append(user)
Leader.objects.filter(id__in=picked).update(discoverable=True)
programme, _ = Programme.objects.get_or_create(
    organisation=org, name="Belastningstest", defaults={"starts_on": dt.date.today()}
)
mentorship_of: dict[int, int] = {}
for mentor, mentee in zip(leaders[:25], leaders[25:], strict=False):
    enrolment, _ = Enrolment.objects.get_or_create(programme=programme, leader=mentee)
    offer, _ = MentorOffer.objects.get_or_create(
        programme=programme, leader=mentor, defaults={"capacity": 1}
    )
    Proposal.objects.get_or_create(
        programme=programme,
        enrolment=enrolment,
        offer=offer,
        defaults={"status": Proposal.Status.ACCEPTED, "origin": Proposal.Origin.MANUAL},
    )
    pair, _ = Mentorship.objects.get_or_create(
        programme=programme,
        enrolment=enrolment,
        offer=offer,
        mentee=mentee,
        mentor=mentor,
        defaults={"started_on": dt.date.today()},
    )
    mentorship_of[mentee.id] = mentorship_of[mentor.id] = pair.id
hr_token = Token.objects.get_or_create(user=hr)[0].key
leader_tokens = [Token.objects.get_or_create(user=u)[0].key for u in users]
data = {
    "hr": hr_token,
    "leaders": leader_tokens,
    # Pages of the leaders list each login sees (50 a page), so users need not ask first.
    "pages": {
        token: max(1, -(-leader_list(actor=user).count() // 50))
        for token, user in [(hr_token, hr), *zip(leader_tokens, users, strict=True)]
    },
    "leader_ids": list(
        Leader.objects.filter(organisation=org).values_list("id", flat=True).order_by("?")[:500]
    ),
    "unit_ids": list(
        Unit.objects.filter(organisation=org).values_list("id", flat=True).order_by("?")[:200]
    ),
    "leader_count": Leader.objects.filter(organisation=org).count(),
    "programme": programme.id,
    # What each leader login writes to: its own plan items, its mentorship, its notices.
    "writes": {
        token: {
            "items": list(
                # Items that depend on none: one that does cannot be done before its blocker.
                PlanItem.objects.filter(
                    plan__leader=user.leader, depends_on__isnull=True
                ).values_list("id", flat=True)[:20]
            ),
            "mentorship": mentorship_of.get(user.leader_id),
            "notifications": list(
                Notification.objects.filter(user=user).values_list("id", flat=True)
            ),
        }
        for token, user in zip(leader_tokens, users, strict=True)
    },
}
Path(os.environ.get("LOAD_TOKENS", "/tmp/sparring-load/tokens.json")).write_text(json.dumps(data))
print(f"load users ready: {data['leader_count']} leaders, {len(users)} leader logins")
