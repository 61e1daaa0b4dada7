"""Seed the demo municipality, Vesterå Kommune, through the services; rerunnable and seeded.

``demo_run`` wipes the demo organisation (and only it), creates it again and runs ``STEPS`` in
order. Each step is a function ``step(*, organisation, rng, today) -> None`` named by dotted path;
each gets its own ``random.Random`` seeded from ``(seed, path)``, so adding a step later never
changes what the earlier steps produce. Dates are relative to ``today``. Same seed and same
``today`` → the same database (apart from primary keys, timestamps and password salts).

The people step (``seed_people``, here) writes through ``backend.people.services``
(organisation, units, leaders, competencies, support needs, staff functions). Networks,
memberships, staff contacts and logins have no service in ``people`` yet, so it creates those
rows directly, one place each. Its parts live by what they seed: ``seed.demo_people`` (units,
leaders, predecessors), ``seed.demo_staff`` (staff functions and consultants),
``seed.networks.networks_create`` (networks and memberships); the logins are here.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from backend.networks.models import Membership
from backend.people import services as people
from backend.people.models import Leader, Organisation, Topic, Unit, User
from seed.demo_people import DemoContext, choose_new_leaders, leaders_create, predecessors_create
from seed.demo_staff import FIXED_STAFF_NAMES, SS, staff_functions_create
from seed.municipality import MAIL_DOMAIN, ORGANISATION_NAME, ORGANISATION_SLUG, PERSONAS
from seed.networks import networks_create

#: The demo's steps, in order. Later steps (``seed.onboarding.seed_onboarding``,
#: ``seed.mentoring.seed_mentoring``, ``seed.networks.seed_networks``) are added here when they
#: exist; each takes ``(*, organisation, rng, today)``.
STEPS: Final[tuple[str, ...]] = (
    "seed.demo.seed_people",
    "seed.mentoring.seed_mentoring",
    "seed.onboarding.seed_onboarding",
    "seed.networks.seed_networks",
    "seed.crossorg.seed_neighbour",
    "seed.coaching.seed_coaching",
    "seed.knowhow.seed_knowhow",
    "seed.gatherings.seed_gatherings",
    "seed.netvalue.seed_netvalue",
    "seed.catalogue.seed_catalogue",
)

#: The one password of every demo login. Demo only: printed by ``seed_demo``, in docs/demo.md.
DEMO_PASSWORD: Final = "sparring-demo"

Step = Callable[..., None]


@dataclass(frozen=True, slots=True)
class Login:
    """A demo login printed by the command."""

    username: str
    role: str
    who: str


@dataclass(frozen=True, slots=True)
class DemoResult:
    """What ``demo_run`` made: the organisation, row counts and the logins."""

    organisation: Organisation
    counts: dict[str, int]
    logins: tuple[Login, ...]
    skipped_logins: tuple[str, ...] = ()  # usernames already taken outside the demo
    password: str = DEMO_PASSWORD


def demo_run(
    *, seed: int = 42, today: dt.date | None = None, steps: Sequence[str] = STEPS
) -> DemoResult:
    """Wipe and recreate the demo organisation, then run ``steps`` in order, in one transaction."""
    today = today or timezone.localdate()
    with transaction.atomic():
        demo_wipe()
        organisation = people.organisation_create(name=ORGANISATION_NAME, slug=ORGANISATION_SLUG)
        for path in steps:
            step: Step = import_string(path)
            step(organisation=organisation, rng=random.Random(f"{seed}:{path}"), today=today)
    return DemoResult(
        organisation=organisation,
        counts=demo_counts(organisation=organisation),
        logins=(logins := demo_logins(organisation=organisation)),
        skipped_logins=tuple(
            name for name in demo_usernames() if name not in {login.username for login in logins}
        ),
    )


def demo_wipe() -> None:
    """Delete the demo organisation and everything hanging off it (no other organisation)."""
    # Units first: Unit.department is PROTECT, and the collector refuses the organisation's
    # cascade when it reaches a unit through its department before through the organisation.
    Unit.objects.filter(organisation__slug=ORGANISATION_SLUG).delete()
    # The demo's logins belong to the organisation and go with it (User.organisation cascades).
    # A login of the same name outside the demo is never touched: see ``_users``.
    Organisation.objects.filter(slug=ORGANISATION_SLUG).delete()


def demo_counts(*, organisation: Organisation) -> dict[str, int]:
    """Row counts of the demo organisation, for the command's summary."""
    leaders = Leader.objects.filter(organisation=organisation)
    return {
        "administrations": organisation.administrations.count(),
        "departments": organisation.departments.count(),
        "units": organisation.units.count(),
        "leaders": leaders.filter(active=True).count(),
        "leaders_left": leaders.filter(active=False).count(),
        "staff_contacts": organisation.staff_contacts.count(),
        "networks": organisation.networks.count(),
        "memberships": Membership.objects.filter(network__organisation=organisation).count(),
    }


def demo_logins(*, organisation: Organisation) -> tuple[Login, ...]:
    """The demo's logins in a stable order, with who they are."""
    users = User.objects.filter(organisation=organisation).select_related("leader__unit")
    logins = []
    for user in users.order_by("role", "username"):
        if user.leader is not None:
            unit = user.leader.unit.name if user.leader.unit else ""
            who = f"{user.leader.full_name}, {user.leader.role_title.lower()} · {unit}"
        else:
            who = f"{user.get_full_name()}".strip() or user.username
            if user.hr_administrations.exists():
                scope = ", ".join(a.name for a in user.hr_administrations.all())
                who = f"{who} (HR, kun {scope})"
        logins.append(Login(username=user.username, role=user.role, who=who))
    return tuple(logins)


# --------------------------------------------------------------------------------------------
# The people step
# --------------------------------------------------------------------------------------------


def seed_people(*, organisation: Organisation, rng: random.Random, today: dt.date) -> None:
    """Create the tree, ~130 leaders and their profiles, staff contacts, networks and logins."""
    # This step stays at ``seed.demo.seed_people``: its rng is seeded from that path, so moving
    # it would change the demo. Its parts share the one rng, so their order is fixed too.
    ctx = DemoContext(
        organisation=organisation,
        rng=rng,
        today=today,
        topics={t.slug: t for t in Topic.objects.filter(organisation=organisation)},
    )
    ctx.names.update((p.first_name, p.last_name) for p in PERSONAS)
    ctx.names.update(FIXED_STAFF_NAMES)
    ctx.backgrounds = choose_new_leaders(rng=rng, personas={p.post: p for p in PERSONAS})
    leaders_create(ctx)
    predecessors_create(ctx)
    staff_functions_create(ctx)
    networks_create(ctx)
    _users(ctx)


# --------------------------------------------------------------------------------------------
# Logins
# --------------------------------------------------------------------------------------------


def demo_usernames() -> list[str]:
    """The usernames the demo creates."""
    return ["hr", "hr_social", "admin", *(p.username for p in PERSONAS)]


def _users(ctx: DemoContext) -> None:
    """Create the demo's logins: HR (one scoped to an administration), admin, the personas."""
    password = make_password(DEMO_PASSWORD)  # one hash for all: hashing is slow on purpose
    org = ctx.organisation

    def login(
        username: str,
        role: str,
        *,
        first_name: str = "",
        last_name: str = "",
        leader: Leader | None = None,
        staff: bool = False,
    ) -> User | None:
        # The wipe removed the demo's own logins, so a user of this name now belongs to someone
        # else (a real superuser called "admin", HR of another organisation): leave it alone and
        # let the command report the login as skipped.
        if User.objects.filter(username=username).exists():
            return None
        return User.objects.create(
            username=username,
            **{
                "organisation": org,
                "role": role,
                "leader": leader,
                "password": password,
                "first_name": first_name or (leader.first_name if leader else ""),
                "last_name": last_name or (leader.last_name if leader else ""),
                "email": leader.email if leader else f"{username}@{MAIL_DOMAIN}",
                "is_staff": staff,
                "is_superuser": staff,
                "language": "da",
                "is_active": True,
            },
        )

    login("hr", User.Role.HR, first_name="Hanne", last_name="Bech")
    scoped = login("hr_social", User.Role.HR, first_name="Rasmus", last_name="Friis")
    if scoped is not None:
        scoped.hr_administrations.set([ctx.administrations[SS]])
    login("admin", User.Role.ADMIN, first_name="Demo", last_name="Administrator", staff=True)
    for persona in PERSONAS:
        login(persona.username, User.Role.LEADER, leader=ctx.leaders[persona.post])
