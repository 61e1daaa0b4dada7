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

The networks those refer to, and their memberships, are made earlier, inside the people step
(``seed.demo.seed_people`` calls ``networks_create``, drawing from that step's rng): the tables
below (``NetworkSpec`` rows) and the code that writes them. There is no service for them yet, so
they are created directly.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Final

from backend.networks.models import (
    CohortSetting,
    IntroductionRequest,
    Membership,
    Network,
    NetworkKind,
    RequestStatus,
    RouletteSetting,
    SignUpRegistration,
)
from backend.networks.selectors.peers import peer_list
from backend.networks.services.introductions import introduction_request
from backend.networks.services.signups import signup_create
from backend.people.models import Leader, LeadershipEducation, Organisation, User
from seed.demo_people import DemoContext
from seed.municipality import POSTS, Post

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


# --------------------------------------------------------------------------------------------
# The networks themselves, made inside the people step (``networks_create``)
# --------------------------------------------------------------------------------------------

OPEN, MEMBERS_ONLY = Network.Visibility.OPEN, Network.Visibility.MEMBERS_ONLY


@dataclass(frozen=True, slots=True)
class NetworkSpec:
    """One network of the demo: its fields, its members (post keys) and who convenes it."""

    name: str
    kind: str
    members: tuple[str, ...] = ()
    convener: str | None = None
    visibility: str = OPEN
    description: str = ""
    theme: str = ""
    welcomes_newcomers: bool = False
    founded_days_ago: int = 2000  # members joined at most this long ago


#: Learning networks for experienced leaders, composed by HR Udvikling after sign-up (the
#: report, line 737): (name, theme); members are drawn across administrations.
EXPERIENCED_LEARNING: Final = (
    ("Læringsnetværk: Psykologisk tryghed", "Psykologisk tryghed"),
    ("Læringsnetværk: Kommunikation og borgerdialog", "Kommunikation"),
)
EXPERIENCED_LEARNING_SIZE: Final = 8
EXPERIENCED_LEARNING_DESCRIPTION: Final = (
    "Tværgående læringsnetværk for ledere efter diplom i ledelse, sammensat af HR Udvikling "
    "efter tilmelding."
)

#: The specialist leaders of Social og Sundhed have a network of their own; the leader of the
#: nutrition unit is not in it yet and misses peers with a similar core task (finding 4).
SPECIALIST_NETWORK: Final = NetworkSpec(
    "Læringsnetværk for specialtilbud",
    NetworkKind.LEARNING_NETWORK,
    members=tuple(
        p.key
        for p in POSTS
        if p.specialist
        and p.tier == "leader"
        and p.administration == "Social og Sundhed"
        and p.key != "kost"
    ),
    convener="rusmiddel",
    theme="Hvordan løfter vi kerneopgaven anderledes?",
    description="Faglig sparring mellem ledere af specialtilbud i Social og Sundhed.",
    welcomes_newcomers=True,
    founded_days_ago=500,
)
#: The new leaders' network; its members are the step's new leaders.
NEW_LEADERS_NETWORK: Final = NetworkSpec(
    "Læringsnetværk for nye ledere",
    NetworkKind.LEARNING_NETWORK,
    convener="hru",
    theme="Det første år som leder",
    welcomes_newcomers=True,
    description="Nye ledere mødes hver anden måned med HR Udvikling om det første år.",
    founded_days_ago=150,
)

#: Informal networks: power-free, confidential, members only (the report, lines 540-553).
LUNCH_CLUB: Final = NetworkSpec(
    "Frokostklubben",
    NetworkKind.INFORMAL,
    members=(
        "dag_mælkebøtten",
        "skole_østerby",
        "skole_vestervang",
        "dag_troldehøj",
        "dag_myretuen",
        "dag_regnbuen",
    ),
    convener="skole_nørre",
    visibility=MEMBERS_ONLY,
    description="Skole- og dagtilbudsledere i nordområdet mødes til frokost fire gange om "
    "året. Relationerne smitter af på samarbejdet mellem medarbejderne.",
)
#: The walking group; its members are drawn across administrations.
WALKERS: Final = NetworkSpec(
    "Gå-og-snak",
    NetworkKind.INFORMAL,
    visibility=MEMBERS_ONLY,
    description="Vi går en tur langs åen den første fredag i måneden og vender det, der fylder.",
)
WALKERS_SIZE: Final = 5
#: The remaining informal networks, in this order after the walking group.
INFORMAL_NETWORKS: Final = (
    NetworkSpec(
        "Landsbyledernes netværk",
        NetworkKind.INFORMAL,
        members=tuple(p.key for p in POSTS if p.service_type == "village_scheme"),
        visibility=MEMBERS_ONLY,
        description="Landsbylederne har selv skabt netværket: her drøftes ting spot on, og de "
        "bedste ideer breder sig.",
    ),
    NetworkSpec(
        "Sundhedsledernes netværksgruppe",
        NetworkKind.INFORMAL,
        members=("akut", "sygeplejen", "traening", "kost", "sundhedsplejen"),
        visibility=MEMBERS_ONLY,
        description="Selvbestaltet netværksgruppe, der arbejder struktureret med ledelse og et "
        "fælles ledelsesgrundlag.",
    ),
    NetworkSpec(
        "Alene-ledernes kaffeklub",
        NetworkKind.INFORMAL,
        members=("cafe", "kulturhus", "museum", "indkob", "uu"),
        visibility=MEMBERS_ONLY,
        description="For ledere, der er alene leder på deres arbejdsplads.",
    ),
)

#: External networks, across municipalities.
EXTERNAL_NETWORKS: Final = (
    NetworkSpec(
        "Landsnetværket for ledere af specialtilbud",
        NetworkKind.EXTERNAL,
        members=("kost", "rusmiddel", "cafe"),
        description="Nationalt netværk for ledere af sjældne specialtilbud.",
    ),
    NetworkSpec(
        "Tværkommunalt netværk for akutfunktioner",
        NetworkKind.EXTERNAL,
        members=("akut",),
        description="Ledere af akutfunktioner i Midt- og Vestjylland: hvor er I på rejsen?",
    ),
    NetworkSpec(
        "Kostfagligt ledernetværk Midtjylland",
        NetworkKind.EXTERNAL,
        members=("kost",),
        description="Ledere af madservice og kostenheder i regionens kommuner.",
    ),
    NetworkSpec(
        "Forstandernetværket for forsorgshjem",
        NetworkKind.EXTERNAL,
        members=("forsorgshjem",),
        visibility=MEMBERS_ONLY,
        description="Landsdækkende netværk for forstandere af §110-tilbud.",
    ),
)

_POSTS_BY_KEY: Final = {p.key: p for p in POSTS}


def networks_create(ctx: DemoContext) -> None:
    """Networks of every kind the report names, with memberships (order matters: one rng)."""
    _leader_groups(ctx)
    _leadership_teams(ctx)
    _learning_networks(ctx)
    _informal_networks(ctx)
    for spec in EXTERNAL_NETWORKS:
        _network_add(ctx, spec)


def _network_add(ctx: DemoContext, spec: NetworkSpec) -> None:
    """Create one network and its memberships, the convener first; join dates are drawn."""
    network = Network.objects.create(
        organisation=ctx.organisation,
        name=spec.name,
        kind=spec.kind,
        visibility=spec.visibility,
        description=spec.description,
        theme=spec.theme,
        welcomes_newcomers=spec.welcomes_newcomers,
    )
    convener = spec.convener
    rows = []
    for key in dict.fromkeys(([convener] if convener else []) + list(spec.members)):
        leader = ctx.leaders[key]
        joined = max(
            ctx.today - dt.timedelta(days=ctx.rng.randint(0, spec.founded_days_ago)),
            leader.role_start_date or ctx.today,
        )
        rows.append(
            Membership(
                network=network,
                leader=leader,
                since=joined,
                role=Membership.Role.CONVENER if key == convener else Membership.Role.MEMBER,
            )
        )
    Membership.objects.bulk_create(rows)


def _leader_groups(ctx: DemoContext) -> None:
    """Leader groups: one per department with two or more leaders; the chief convenes."""
    by_department: dict[tuple[str, str], list[Post]] = {}
    for post in POSTS:
        by_department.setdefault((post.administration, post.department), []).append(post)
    for (_admin, department), dept_posts in by_department.items():
        members = [p.key for p in dept_posts if p.tier == "leader"]
        chiefs = [p.key for p in dept_posts if p.tier == "chief"]
        if len(members) < 2:
            continue
        spec = NetworkSpec(
            f"Ledergruppen {department}",
            NetworkKind.LEADER_GROUP,
            members=tuple(members),
            convener=chiefs[0] if chiefs else _POSTS_BY_KEY[members[0]].boss,
            description=f"Ledergruppen for {department}: drift, udvikling og temadrøftelser.",
        )
        _network_add(ctx, spec)


def _leadership_teams(ctx: DemoContext) -> None:
    """Leadership teams: the directors, each administration's chiefs, each unit's sub-leaders."""
    directors = tuple(p.key for p in POSTS if p.tier == "director")
    spec = NetworkSpec(
        "Direktionen",
        NetworkKind.LEADERSHIP_TEAM,
        members=directors,
        convener="kd",
        description="Kommunaldirektøren og de fire fagdirektører.",
    )
    _network_add(ctx, spec)
    for director in directors:
        admin = _POSTS_BY_KEY[director].administration
        chiefs = tuple(p.key for p in POSTS if p.tier == "chief" and p.administration == admin)
        spec = NetworkSpec(
            f"Chefgruppen {admin}",
            NetworkKind.LEADERSHIP_TEAM,
            members=chiefs,
            convener=director,
            description=f"Direktør og chefer i {admin}.",
        )
        _network_add(ctx, spec)
    for post in POSTS:
        subs = tuple(p.key for p in POSTS if p.boss == post.key and p.tier == "sub")
        if subs:
            spec = NetworkSpec(
                f"Lederteamet {post.unit_name}",
                NetworkKind.LEADERSHIP_TEAM,
                members=subs,
                convener=post.key,
                description="Lederteamet i eget tilbud.",
            )
            _network_add(ctx, spec)


def _learning_networks(ctx: DemoContext) -> None:
    """Learning networks: two for experienced leaders, the specialists', the new leaders'."""
    experienced = [
        p.key
        for p in POSTS
        if p.tier == "leader"
        and p.key not in ctx.backgrounds
        and ctx.leaders[p.key].leadership_education
        in (LeadershipEducation.DIPLOMA, LeadershipEducation.MASTER)
    ]
    for name, theme in EXPERIENCED_LEARNING:
        members = _across_administrations(ctx.rng, experienced, EXPERIENCED_LEARNING_SIZE)
        spec = NetworkSpec(
            name,
            NetworkKind.LEARNING_NETWORK,
            members=tuple(members),
            description=EXPERIENCED_LEARNING_DESCRIPTION,
            theme=theme,
            founded_days_ago=300,
        )
        _network_add(ctx, spec)
    _network_add(ctx, SPECIALIST_NETWORK)
    _network_add(ctx, replace(NEW_LEADERS_NETWORK, members=tuple(sorted(ctx.backgrounds))))


def _informal_networks(ctx: DemoContext) -> None:
    """Informal networks: the lunch club, the walking group (drawn), then the fixed ones."""
    _network_add(ctx, LUNCH_CLUB)
    leaders = [p.key for p in POSTS if p.tier == "leader"]
    walkers = _across_administrations(ctx.rng, leaders, WALKERS_SIZE)
    _network_add(ctx, replace(WALKERS, members=tuple(walkers)))
    for spec in INFORMAL_NETWORKS:
        _network_add(ctx, spec)


def _across_administrations(rng: random.Random, keys: Sequence[str], size: int) -> list[str]:
    """Draw ``size`` posts, round-robin over administrations so the group mixes them."""
    posts = {p.key: p for p in POSTS}
    by_admin: dict[str, list[str]] = {}
    for key in keys:
        by_admin.setdefault(posts[key].administration, []).append(key)
    pools = [rng.sample(v, len(v)) for _k, v in sorted(by_admin.items())]
    rng.shuffle(pools)
    chosen: list[str] = []
    while len(chosen) < size and any(pools):
        for pool in pools:
            if pool and len(chosen) < size:
                chosen.append(pool.pop())
    return chosen
