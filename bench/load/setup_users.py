"""Give the load test its logins on the scale organisation: one HR user and 50 leaders.

Run with ``python manage.py shell < bench/load/setup_users.py`` after ``seed_scale``; writes
``$LOAD_TOKENS`` (HR and leader tokens, the leader-list pages each login sees, leader ids, unit
ids). Each leader gets an onboarding plan (the Danish templates) and three notifications, so
"my plan" and "my notifications" read real rows. Idempotent.
"""

import json
import os
from pathlib import Path

from rest_framework.authtoken.models import Token

from backend.notifications.services import notify
from backend.people.models import Leader, Organisation, Unit, User
from backend.people.selectors import leader_list
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
}
Path(os.environ.get("LOAD_TOKENS", "/tmp/sparring-load/tokens.json")).write_text(json.dumps(data))
print(f"load users ready: {data['leader_count']} leaders, {len(users)} leader logins")
