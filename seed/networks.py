"""The networks step of the demo: a learning-network sign-up, cohort circles, roulette, peers.

``seed_networks`` runs after ``seed.demo.seed_people`` (add ``"seed.networks.seed_networks"`` to
``seed.demo.STEPS``). It makes:

- HR's sign-up "Psykologisk tryghed i hverdagen" for every administration, groups of 5-7, whose
  deadline passed three days ago, with 40 leaders signed up (some chiefs with their own
  leaders, so the composer's boss rule matters): ready to compose;
- the cohort-circle setting (leaders who started within 120 days; circles of 4-8);
- coffee roulette every four weeks in "Alene-ledernes kaffeklub" (no repeat within 12 weeks);
- "Frokostklubben", the area's school and day-care leaders' lunch club, opened to new leaders
  (``welcomes_newcomers``): its members said yes to newcomers, who still need a member's
  acceptance to join;
- introduction requests: Lone (the nutrition unit) asked her top peer; one accepted pair.

Sign-up registrations and the club's setting are written directly (most demo leaders have no
login to call the services with); the sign-up itself goes through ``signup_create``.
"""

from __future__ import annotations

import datetime as dt
import random

from backend.networks.models import (
    CohortSetting,
    IntroductionRequest,
    Network,
    RequestStatus,
    RouletteSetting,
    SignUpRegistration,
)
from backend.networks.selectors.peers import peer_list
from backend.networks.services.introductions import introduction_request
from backend.networks.services.signups import signup_create
from backend.people.models import Leader, Organisation, User

SIGNUP_THEME = "Psykologisk tryghed i hverdagen"
SIGNUP_SIZE = 40
ROULETTE_NETWORK = "Alene-ledernes kaffeklub"
WELCOMING_NETWORK = "Frokostklubben"


def seed_networks(*, organisation: Organisation, rng: random.Random, today: dt.date) -> None:
    """Create the demo's sign-up, cohort setting, roulette and introductions (see module)."""
    hr = User.objects.filter(organisation=organisation, role=User.Role.HR).order_by("id")
    hr_user = next((u for u in hr if not u.hr_administrations.exists()), None)
    if hr_user is None:  # the demo's HR login was taken by someone else: nothing to act as
        return
    Network.objects.filter(organisation=organisation, name=WELCOMING_NETWORK).update(
        welcomes_newcomers=True
    )
    CohortSetting.objects.update_or_create(
        organisation=organisation,
        defaults={"enabled": True, "window_days": 120, "min_size": 4, "max_size": 8},
    )
    _signup(organisation=organisation, rng=rng, today=today, hr_user=hr_user)
    club = Network.objects.filter(organisation=organisation, name=ROULETTE_NETWORK).first()
    if club is not None:
        RouletteSetting.objects.update_or_create(
            network=club,
            defaults={
                "active": True,
                "every_weeks": 4,
                "cooldown_weeks": 12,
                "next_run_on": today + dt.timedelta(days=7),
            },
        )
    _introductions(organisation=organisation, rng=rng)


def _signup(
    *, organisation: Organisation, rng: random.Random, today: dt.date, hr_user: User
) -> None:
    signup = signup_create(
        actor=hr_user,
        theme=SIGNUP_THEME,
        description=(
            "Tværgående læringsnetværk for erfarne ledere: hvordan skaber vi et arbejdsmiljø, "
            "hvor medarbejderne tør sige fra og fejle? Seks møder over et år, sammensat af HR "
            "Udvikling efter tilmelding."
        ),
        min_size=5,
        max_size=7,
        deadline=today - dt.timedelta(days=3),
    )
    # Unit leaders and department chiefs sign up; directors do not.
    pool = list(
        Leader.objects.filter(organisation=organisation, active=True, boss__isnull=False)
        .exclude(boss__boss__isnull=True)
        .order_by("id")
    )
    chosen = rng.sample(pool, min(SIGNUP_SIZE, len(pool)))
    # Make sure some boss–report pairs signed up together, so the boss rule is exercised.
    ids = {leader.id for leader in chosen}
    bosses = [leader for leader in pool if leader.id in {c.boss_id for c in chosen}]
    for boss in bosses[:4]:
        if boss.id not in ids:
            drop = next(
                c for c in chosen if c.boss_id != boss.id and c.id not in {b.id for b in bosses}
            )
            chosen.remove(drop)
            chosen.append(boss)
            ids = {leader.id for leader in chosen}
    SignUpRegistration.objects.bulk_create(
        [SignUpRegistration(signup=signup, leader=leader) for leader in chosen]
    )


def _introductions(*, organisation: Organisation, rng: random.Random) -> None:
    lone = User.objects.filter(organisation=organisation, username="lone").first()
    if lone is not None and lone.leader_id is not None:
        peers = peer_list(actor=lone, limit=3)
        if peers:
            introduction_request(
                actor=lone,
                to_leader_id=peers[0].leader.id,
                message="Hej! Jeg leder Madservice og Kostenheden og savner sparring med en "
                "leder med en lignende kerneopgave. Har du tid til en kop kaffe?",
            )
    discoverable = list(
        Leader.objects.filter(organisation=organisation, active=True, discoverable=True)
        .exclude(user__isnull=False)
        .order_by("id")
    )
    if len(discoverable) >= 2:
        a, b = rng.sample(discoverable, 2)
        IntroductionRequest.objects.create(
            organisation=organisation,
            from_leader=a,
            to_leader=b,
            message="Vi mødtes kort på lederdagen – skal vi tage en snak om vagtplaner?",
            status=RequestStatus.ACCEPTED,
        )
