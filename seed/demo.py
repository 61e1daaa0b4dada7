"""Seed the demo municipality, Vesterå Kommune, through the services; rerunnable and seeded.

``demo_run`` wipes the demo organisation (and only it), creates it again and runs ``STEPS`` in
order. Each step is a function ``step(*, organisation, rng, today) -> None`` named by dotted path;
each gets its own ``random.Random`` seeded from ``(seed, path)``, so adding a step later never
changes what the earlier steps produce. Dates are relative to ``today``. Same seed and same
``today`` → the same database (apart from primary keys, timestamps and password salts).

The people step writes through ``backend.people.services`` (organisation, units, leaders,
competencies, support needs, staff functions). Networks, memberships, staff contacts and logins
have no service in ``people`` yet, so it creates those rows directly, one place each.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Final

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from backend.networks.models import Membership, Network, NetworkKind
from backend.people import services as people
from backend.people.models import (
    Administration,
    Department,
    Leader,
    LeadershipEducation,
    Organisation,
    StaffContact,
    StaffFunctionKind,
    Topic,
    Unit,
    User,
)
from seed import vocabulary as words
from seed.municipality import (
    MAIL_DOMAIN,
    ORGANISATION_NAME,
    ORGANISATION_SLUG,
    PERSONAS,
    POSTS,
    Persona,
    Post,
)

#: The demo's steps, in order. Later steps (``seed.onboarding.seed_onboarding``,
#: ``seed.mentoring.seed_mentoring``, ``seed.networks.seed_networks``) are added here when they
#: exist; each takes ``(*, organisation, rng, today)``.
STEPS: Final[tuple[str, ...]] = (
    "seed.demo.seed_people",
    "seed.mentoring.seed_mentoring",
    "seed.onboarding.seed_onboarding",
    "seed.networks.seed_networks",
)

#: The one password of every demo login. Demo only: printed by ``seed_demo``, in docs/demo.md.
DEMO_PASSWORD: Final = "sparring-demo"

#: How many leaders are in their first months (besides the persona Amalie).
NEW_LEADERS: Final = 11
#: How many of the new leaders replaced someone who has left (Amalie's predecessor is one).
PREDECESSORS: Final = 3

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


@dataclass
class _Context:
    """What the people step builds up as it goes."""

    organisation: Organisation
    rng: random.Random
    today: dt.date
    topics: dict[str, Topic]
    leaders: dict[str, Leader] = field(default_factory=dict)
    units: dict[str, Unit] = field(default_factory=dict)
    administrations: dict[str, Administration] = field(default_factory=dict)
    departments: dict[tuple[str, str], Department] = field(default_factory=dict)
    names: set[tuple[str, str]] = field(default_factory=set)
    mailboxes: set[str] = field(default_factory=set)
    backgrounds: dict[str, str] = field(default_factory=dict)  # post key → new-leader background


def seed_people(*, organisation: Organisation, rng: random.Random, today: dt.date) -> None:
    """Create the tree, ~130 leaders and their profiles, staff contacts, networks and logins."""
    ctx = _Context(
        organisation=organisation,
        rng=rng,
        today=today,
        topics={t.slug: t for t in Topic.objects.filter(organisation=organisation)},
    )
    personas = {p.post: p for p in PERSONAS}
    ctx.names.update((p.first_name, p.last_name) for p in PERSONAS)
    ctx.names.update(_FIXED_STAFF_NAMES)
    ctx.backgrounds = _choose_new_leaders(rng=rng, personas=personas)

    for number, post in enumerate(POSTS, start=40001):
        unit = _unit(ctx, post)
        persona = personas.get(post.key)
        if persona is not None:
            leader = _persona_leader(ctx, post, unit, persona, number)
        else:
            leader = _leader(ctx, post, unit, number)
        ctx.leaders[post.key] = leader

    _predecessors(ctx)
    _staff_functions(ctx)
    _networks(ctx)
    _users(ctx)


def _unit(ctx: _Context, post: Post) -> Unit:
    administration = ctx.administrations.get(post.administration)
    if administration is None:
        administration = people.administration_get_or_create(
            organisation=ctx.organisation, name=post.administration
        )
        ctx.administrations[post.administration] = administration
    key = (post.administration, post.department)
    department = ctx.departments.get(key)
    if department is None:
        department = people.department_get_or_create(
            administration=administration, name=post.department
        )
        ctx.departments[key] = department
    unit = people.unit_upsert(
        organisation=ctx.organisation,
        code=post.unit_code,
        department=department,
        name=post.unit_name,
        service_type=post.service_type,
        target_group=post.target_group,
        is_specialist=post.specialist,
        round_the_clock=post.round_the_clock,
        sites=post.sites,
        staff_count=ctx.rng.randint(*post.staff),
    )
    ctx.units[post.key] = unit
    return unit


def _choose_new_leaders(*, rng: random.Random, personas: dict[str, Persona]) -> dict[str, str]:
    """Pick the posts whose leader is new, and how they came: first job, promotion, other sector."""
    eligible = [p.key for p in POSTS if p.tier in ("leader", "sub") and p.key not in personas]
    chosen = sorted(rng.sample(eligible, NEW_LEADERS), key=eligible.index)
    kinds = ["first"] * 5 + ["promotion"] * 3 + ["sector"] * 3
    rng.shuffle(kinds)
    backgrounds = dict(zip(chosen, kinds, strict=True))
    backgrounds.update({p.post: "first" for p in PERSONAS if p.started_days_ago <= 120})
    return backgrounds


def _contact_fields(ctx: _Context, first_name: str, last_name: str, number: int) -> dict[str, str]:
    box = words.mailbox(first_name, last_name, ctx.mailboxes)
    return {"email": f"{box}@{MAIL_DOMAIN}", "phone": f"9612 {number % 10000:04d}"}


def _persona_leader(ctx: _Context, post: Post, unit: Unit, persona: Persona, number: int) -> Leader:
    leader = people.leader_create(
        organisation=ctx.organisation,
        employee_number=str(number),
        first_name=persona.first_name,
        last_name=persona.last_name,
        role_title=post.role_title,
        unit=unit,
        boss=ctx.leaders.get(post.boss) if post.boss else None,
        role_start_date=ctx.today - dt.timedelta(days=persona.started_days_ago),
        first_leader_job=persona.first_leader_job,
        years_as_leader=Decimal(str(persona.years_as_leader)),
        leadership_education=persona.education,
        languages=list(persona.languages),
        bio=persona.bio,
        discoverable=persona.username != "henrik",
        **_contact_fields(ctx, persona.first_name, persona.last_name, number),
    )
    if persona.strengths:
        people.competencies_set(leader=leader, levels=persona.strengths)
    for slug, weight, note in persona.needs:
        people.support_need_raise(leader=leader, topic=ctx.topics[slug], weight=weight, note=note)
    return leader


def _leader(ctx: _Context, post: Post, unit: Unit, number: int) -> Leader:
    rng = ctx.rng
    background = ctx.backgrounds.get(post.key)
    years = _years_as_leader(rng, post.tier, background)
    if background is not None:
        started = ctx.today - dt.timedelta(days=rng.randint(0, 120))
    else:
        started = ctx.today - dt.timedelta(days=rng.randint(200, max(201, int(years * 365))))
    education = _education(rng, post.tier, background)
    first_name, last_name = words.person_name(rng, ctx.names)
    profession = rng.choice(words.PROFESSIONS.get(post.service_type, words.PROFESSIONS["other"]))
    strengths = _strengths(rng, post, background)
    leader = people.leader_create(
        organisation=ctx.organisation,
        employee_number=str(number),
        first_name=first_name,
        last_name=last_name,
        role_title=post.role_title,
        unit=unit,
        boss=ctx.leaders[post.boss] if post.boss else None,
        role_start_date=started,
        first_leader_job=background == "first",
        years_as_leader=Decimal(str(years)),
        leadership_education=education,
        languages=words.languages(rng),
        bio=_bio(rng, post, profession, education, background, years, strengths),
        discoverable=post.tier != "director" and (post.specialist or rng.random() < 0.55),
        **_contact_fields(ctx, first_name, last_name, number),
    )
    if strengths:
        people.competencies_set(leader=leader, levels=strengths)
    for slug, weight, note in _needs(rng, post, background):
        people.support_need_raise(leader=leader, topic=ctx.topics[slug], weight=weight, note=note)
    return leader


def _years_as_leader(rng: random.Random, tier: str, background: str | None) -> float:
    if background == "first":
        return 0.0
    if background == "promotion":
        return round(rng.uniform(2, 8), 1)
    if background == "sector":
        return round(rng.uniform(3, 12), 1)
    low, high = {"director": (14, 28), "chief": (8, 22), "leader": (2, 24), "sub": (1, 12)}[tier]
    return round(rng.uniform(low, high), 1)


def _education(rng: random.Random, tier: str, background: str | None) -> str:
    E = LeadershipEducation
    if background == "first":
        return rng.choice([E.NONE, E.NONE, E.IN_PROGRESS])
    if tier in ("director", "chief"):
        return rng.choice([E.MASTER, E.MASTER, E.DIPLOMA])
    return rng.choices([E.NONE, E.IN_PROGRESS, E.DIPLOMA, E.MASTER], weights=[2, 2, 6, 1])[0]


def _strengths(rng: random.Random, post: Post, background: str | None) -> dict[str, int]:
    typical = list(post.strengths) + [
        s for s in words.STRENGTHS_BY_SERVICE.get(post.service_type, ()) if s not in post.strengths
    ]
    if post.tier in ("director", "chief") and "leading_leaders" not in typical:
        typical.insert(0, "leading_leaders")
    if background == "first":
        return {rng.choice(typical[:3]): 1} if rng.random() < 0.6 else {}
    if background is not None:
        return {slug: rng.choice([1, 2]) for slug in rng.sample(typical, min(2, len(typical)))}
    how_many = min(len(typical), rng.randint(2, 4))
    chosen = list(post.strengths[:how_many])
    rest = [s for s in typical if s not in chosen]
    chosen += rng.sample(rest, min(len(rest), how_many - len(chosen)))
    levels = {slug: 3 if slug in post.strengths else rng.choice([2, 2, 3]) for slug in chosen}
    if rng.random() < 0.5:
        extra = rng.choice(words.GENERAL_STRENGTHS)
        levels.setdefault(extra, rng.choice([1, 2]))
    return levels


def _needs(rng: random.Random, post: Post, background: str | None) -> list[tuple[str, int, str]]:
    def note(slug: str, chance: float) -> str:
        notes = words.NEED_NOTES.get(slug, ())
        return rng.choice(notes) if notes and rng.random() < chance else ""

    if background is not None:
        pool = ["budget", "employment_law", "sick_leave", "med", "recruitment", "digital"]
        if post.round_the_clock:
            pool.insert(0, "roster")
        if post.sites > 1:
            pool.append("multi_site")
        if background in ("first", "promotion"):
            pool.append("former_colleagues")
        if post.specialist or post.round_the_clock:
            pool.append("inspections")
        first = ["budget"] if background == "first" or rng.random() < 0.7 else []
        rest = [s for s in pool if s not in first]
        chosen = first + rng.sample(rest, rng.randint(1, 3))
        return [
            (
                slug,
                rng.choice([2, 3]) if slug in ("budget", "roster") else rng.randint(1, 3),
                note(slug, 0.5),
            )
            for slug in chosen
        ]
    needs: list[tuple[str, int, str]] = []
    if post.specialist and post.tier == "leader" and rng.random() < 0.6:
        needs.append(("cross_sector", 2, note("cross_sector", 0.6)))
    if rng.random() < 0.25:
        pool = [
            "psychological_safety",
            "strategy",
            "wellbeing_self",
            "change",
            "digital",
            "crisis_press",
        ]
        for slug in rng.sample(pool, rng.randint(1, 2)):
            needs.append((slug, rng.randint(1, 2), note(slug, 0.3)))
    return needs


_SECTORS: Final = (
    "Kommer fra en lederstilling i Region Midtjylland.",
    "Kommer fra en lederstilling i en privat virksomhed.",
    "Kommer fra en lederstilling i en nabokommune.",
    "Kommer fra en lederstilling i en selvejende institution.",
)
_PLACE_PAA: Final = {"school", "daycare", "village_scheme", "care_home", "residential", "shelter"}


def _bio(
    rng: random.Random,
    post: Post,
    profession: str,
    education: str,
    background: str | None,
    years: float,
    strengths: dict[str, int],
) -> str:
    where = "på" if post.service_type in _PLACE_PAA else "i"
    parts = [f"{post.role_title} {where} {post.unit_name}."]
    schooling = {
        LeadershipEducation.NONE: "",
        LeadershipEducation.IN_PROGRESS: " og er i gang med diplom i ledelse",
        LeadershipEducation.DIPLOMA: " og har diplom i ledelse",
        LeadershipEducation.MASTER: " med en master i offentlig ledelse",
    }[LeadershipEducation(education)]
    parts.append(f"Uddannet {profession}{schooling}.")
    if background == "first":
        parts.append(f"Første lederjob efter {rng.randint(4, 15)} år som {profession}.")
    elif background == "promotion":
        parts.append("Har tidligere været afdelingsleder og er nu rykket et ledelsestrin op.")
    elif background == "sector":
        parts.append(rng.choice(_SECTORS))
    elif years >= 2:
        parts.append(f"Har været leder i {int(years)} år.")
    if strengths:
        top = max(strengths, key=lambda slug: (strengths[slug], slug))
        parts.append(f"Brænder for {words.PASSIONS.get(top, 'god ledelse')}.")
    return " ".join(parts)


def _predecessors(ctx: _Context) -> None:
    """A few new leaders replaced someone who has left: the old leader stays, inactive."""
    rng = ctx.rng
    persona_posts = [p.post for p in PERSONAS if p.started_days_ago <= 120]
    others = sorted(k for k in ctx.backgrounds if k not in persona_posts)
    keys = persona_posts + rng.sample(others, PREDECESSORS - len(persona_posts))
    for offset, key in enumerate(keys):
        successor = ctx.leaders[key]
        assert successor.role_start_date is not None
        left_on = successor.role_start_date - dt.timedelta(days=rng.randint(7, 45))
        years = round(rng.uniform(4, 20), 1)
        first_name, last_name = words.person_name(rng, ctx.names)
        people.leader_create(
            organisation=ctx.organisation,
            employee_number=str(49001 + offset),
            first_name=first_name,
            last_name=last_name,
            role_title=successor.role_title,
            unit=successor.unit,
            boss=successor.boss,
            role_start_date=left_on - dt.timedelta(days=int(years * 365)),
            years_as_leader=Decimal(str(years)),
            leadership_education=LeadershipEducation.DIPLOMA,
            languages=["da"],
            active=False,
            left_on=left_on,
        )


# --------------------------------------------------------------------------------------------
# Staff functions and their consultants
# --------------------------------------------------------------------------------------------

_FIXED_STAFF_NAMES: Final = (("Hanne", "Bech"), ("Rasmus", "Friis"))

_FUNCTIONS: Final[dict[str, tuple[str, str]]] = {
    StaffFunctionKind.PAYROLL_HR_LAW: (
        "Løn og Personale",
        "Ansættelser, ansættelsesbreve, løn, sygefravær, tilbagevendingsplaner og personalejura.",
    ),
    StaffFunctionKind.HR_DEVELOPMENT: (
        "HR Udvikling",
        "Lederintroduktion, lederudvikling, coaching, mentorordning, læringsnetværk og trivsel.",
    ),
    StaffFunctionKind.FINANCE: (
        "Økonomi",
        "Budget, budgetopfølgning, økonomisystemet og reglerne for overførsel mellem år.",
    ),
    StaffFunctionKind.IT: ("IT", "IT-udstyr, fagsystemer, adgange og digitalisering."),
    StaffFunctionKind.COMMUNICATIONS: (
        "Kommunikation",
        "Pressehenvendelser, krisekommunikation, sociale medier og intranet.",
    ),
    StaffFunctionKind.LEGAL: (
        "Jura",
        "Juridisk rådgivning om forvaltningsret, tilsyn, klagesager og personalejura.",
    ),
    StaffFunctionKind.PROPERTY: (
        "Ejendomme",
        "Fælles Ejendomscenter: bygningsvedligehold, lokaler, indeklima og nøgler.",
    ),
}

BU, SS, AM, KT, CS = (
    "Børn og Unge",
    "Social og Sundhed",
    "Arbejdsmarked",
    "Kultur og Teknik",
    "Centrale stabe",
)

#: (function, title, administrations served, units served by service type / 24-hour, fixed name)
_CONTACTS: Final[
    tuple[tuple[str, str, tuple[str, ...], tuple[str, ...], tuple[str, str] | None], ...]
] = (
    (StaffFunctionKind.PAYROLL_HR_LAW, "Personalekonsulent", (BU,), (), None),
    (StaffFunctionKind.PAYROLL_HR_LAW, "Personalekonsulent", (SS,), (), None),
    (StaffFunctionKind.PAYROLL_HR_LAW, "Personalekonsulent", (AM, KT, CS), (), None),
    (StaffFunctionKind.PAYROLL_HR_LAW, "Vagtplankonsulent", (), ("24h",), None),
    (StaffFunctionKind.HR_DEVELOPMENT, "HR-konsulent", (BU, AM, CS), (), ("Hanne", "Bech")),
    (StaffFunctionKind.HR_DEVELOPMENT, "HR-konsulent", (SS, KT), (), ("Rasmus", "Friis")),
    (StaffFunctionKind.FINANCE, "Økonomikonsulent", (BU,), (), None),
    (StaffFunctionKind.FINANCE, "Økonomikonsulent", (SS,), (), None),
    (StaffFunctionKind.FINANCE, "Økonomikonsulent", (AM,), (), None),
    (StaffFunctionKind.FINANCE, "Økonomikonsulent", (KT, CS), (), None),
    (StaffFunctionKind.IT, "IT-konsulent", (BU, KT), (), None),
    (StaffFunctionKind.IT, "IT-konsulent", (SS, AM, CS), (), None),
    (StaffFunctionKind.COMMUNICATIONS, "Kommunikationskonsulent", (BU, SS, AM, KT, CS), (), None),
    (StaffFunctionKind.LEGAL, "Jurist", (SS, AM), (), None),
    (StaffFunctionKind.LEGAL, "Jurist", (BU, KT, CS), (), None),
    (StaffFunctionKind.PROPERTY, "Ejendomskonsulent", (), ("school", "village_scheme"), None),
    (StaffFunctionKind.PROPERTY, "Ejendomskonsulent", (), ("daycare", "youth_club"), None),
    (
        StaffFunctionKind.PROPERTY,
        "Ejendomskonsulent",
        (),
        ("care_home", "residential", "shelter"),
        None,
    ),
)


def _staff_functions(ctx: _Context) -> None:
    functions = {
        kind: people.staff_function_get_or_create(
            organisation=ctx.organisation, kind=kind, name=name
        )
        for kind, (name, _description) in _FUNCTIONS.items()
    }
    for kind, (_name, description) in _FUNCTIONS.items():
        functions[kind].description = description
        functions[kind].save(update_fields=["description"])
    for number, (kind, title, administrations, unit_kinds, fixed) in enumerate(_CONTACTS):
        first_name, last_name = fixed or words.person_name(ctx.rng, ctx.names)
        contact = StaffContact.objects.create(
            organisation=ctx.organisation,
            staff_function=functions[kind],
            name=f"{first_name} {last_name}",
            title=title,
            **_contact_fields(ctx, first_name, last_name, 5000 + number),
        )
        contact.administrations.set([ctx.administrations[a] for a in administrations])
        if unit_kinds:
            units = [
                unit
                for unit in ctx.units.values()
                if unit.service_type in unit_kinds or ("24h" in unit_kinds and unit.round_the_clock)
            ]
            people.staff_contact_set_units(contact=contact, units=units)


# --------------------------------------------------------------------------------------------
# Networks
# --------------------------------------------------------------------------------------------


def _networks(ctx: _Context) -> None:
    """Networks of every kind the report names, with memberships."""
    rng, leaders = ctx.rng, ctx.leaders
    posts = {p.key: p for p in POSTS}
    Open, Private = Network.Visibility.OPEN, Network.Visibility.MEMBERS_ONLY

    def add(
        name: str,
        kind: str,
        members: Sequence[str],
        *,
        convener: str | None = None,
        visibility: str = Open,
        description: str = "",
        theme: str = "",
        welcomes_newcomers: bool = False,
        founded_days_ago: int = 2000,
    ) -> None:
        network = Network.objects.create(
            organisation=ctx.organisation,
            name=name,
            kind=kind,
            visibility=visibility,
            description=description,
            theme=theme,
            welcomes_newcomers=welcomes_newcomers,
        )
        rows = []
        for key in dict.fromkeys(([convener] if convener else []) + list(members)):
            leader = leaders[key]
            joined = max(
                ctx.today - dt.timedelta(days=rng.randint(0, founded_days_ago)),
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

    # Leader groups: one per department, the chief convenes.
    by_department: dict[tuple[str, str], list[Post]] = {}
    for post in POSTS:
        by_department.setdefault((post.administration, post.department), []).append(post)
    for (_admin, department), dept_posts in by_department.items():
        members = [p.key for p in dept_posts if p.tier == "leader"]
        chiefs = [p.key for p in dept_posts if p.tier == "chief"]
        if len(members) < 2:
            continue
        add(
            f"Ledergruppen {department}",
            NetworkKind.LEADER_GROUP,
            members,
            convener=chiefs[0] if chiefs else posts[members[0]].boss,
            description=f"Ledergruppen for {department}: drift, udvikling og temadrøftelser.",
        )

    # Leadership teams: the directors, each administration's chiefs, and every unit with
    # leaders under its leader.
    directors = [p.key for p in POSTS if p.tier == "director"]
    add(
        "Direktionen",
        NetworkKind.LEADERSHIP_TEAM,
        directors,
        convener="kd",
        description="Kommunaldirektøren og de fire fagdirektører.",
    )
    for director in directors:
        admin = posts[director].administration
        chiefs = [p.key for p in POSTS if p.tier == "chief" and p.administration == admin]
        add(
            f"Chefgruppen {admin}",
            NetworkKind.LEADERSHIP_TEAM,
            chiefs,
            convener=director,
            description=f"Direktør og chefer i {admin}.",
        )
    for post in POSTS:
        subs = [p.key for p in POSTS if p.boss == post.key and p.tier == "sub"]
        if subs:
            add(
                f"Lederteamet {post.unit_name}",
                NetworkKind.LEADERSHIP_TEAM,
                subs,
                convener=post.key,
                description="Lederteamet i eget tilbud.",
            )

    # Learning networks, composed by HR Udvikling after sign-up (the report, line 737).
    experienced = [
        p.key
        for p in POSTS
        if p.tier == "leader"
        and p.key not in ctx.backgrounds
        and leaders[p.key].leadership_education
        in (LeadershipEducation.DIPLOMA, LeadershipEducation.MASTER)
    ]
    for name, theme in (
        ("Læringsnetværk: Psykologisk tryghed", "Psykologisk tryghed"),
        ("Læringsnetværk: Kommunikation og borgerdialog", "Kommunikation"),
    ):
        add(
            name,
            NetworkKind.LEARNING_NETWORK,
            _across_administrations(rng, experienced, 8),
            description="Tværgående læringsnetværk for ledere efter diplom i ledelse, sammensat "
            "af HR Udvikling efter tilmelding.",
            theme=theme,
            founded_days_ago=300,
        )
    # The specialist leaders of Social og Sundhed have a network of their own; the leader of the
    # nutrition unit is not in it yet and misses peers with a similar core task (finding 4).
    specialists = [
        p.key
        for p in POSTS
        if p.specialist
        and p.tier == "leader"
        and p.administration == "Social og Sundhed"
        and p.key != "kost"
    ]
    add(
        "Læringsnetværk for specialtilbud",
        NetworkKind.LEARNING_NETWORK,
        specialists,
        convener="rusmiddel",
        theme="Hvordan løfter vi kerneopgaven anderledes?",
        description="Faglig sparring mellem ledere af specialtilbud i Social og Sundhed.",
        welcomes_newcomers=True,
        founded_days_ago=500,
    )
    add(
        "Læringsnetværk for nye ledere",
        NetworkKind.LEARNING_NETWORK,
        sorted(ctx.backgrounds),
        convener="hru",
        theme="Det første år som leder",
        welcomes_newcomers=True,
        description="Nye ledere mødes hver anden måned med HR Udvikling om det første år.",
        founded_days_ago=150,
    )

    # Informal networks: power-free, confidential, members only (the report, lines 540-553).
    add(
        "Frokostklubben",
        NetworkKind.INFORMAL,
        [
            "dag_mælkebøtten",
            "skole_østerby",
            "skole_vestervang",
            "dag_troldehøj",
            "dag_myretuen",
            "dag_regnbuen",
        ],
        convener="skole_nørre",
        visibility=Private,
        description="Skole- og dagtilbudsledere i nordområdet mødes til frokost fire gange om "
        "året. Relationerne smitter af på samarbejdet mellem medarbejderne.",
    )
    walkers = _across_administrations(rng, [p.key for p in POSTS if p.tier == "leader"], 5)
    add(
        "Gå-og-snak",
        NetworkKind.INFORMAL,
        walkers,
        visibility=Private,
        description="Vi går en tur langs åen den første fredag i måneden og vender det, "
        "der fylder.",
    )
    add(
        "Landsbyledernes netværk",
        NetworkKind.INFORMAL,
        [p.key for p in POSTS if p.service_type == "village_scheme"],
        visibility=Private,
        description="Landsbylederne har selv skabt netværket: her drøftes ting spot on, og de "
        "bedste ideer breder sig.",
    )
    add(
        "Sundhedsledernes netværksgruppe",
        NetworkKind.INFORMAL,
        ["akut", "sygeplejen", "traening", "kost", "sundhedsplejen"],
        visibility=Private,
        description="Selvbestaltet netværksgruppe, der arbejder struktureret med ledelse og et "
        "fælles ledelsesgrundlag.",
    )
    add(
        "Alene-ledernes kaffeklub",
        NetworkKind.INFORMAL,
        ["cafe", "kulturhus", "museum", "indkob", "uu"],
        visibility=Private,
        description="For ledere, der er alene leder på deres arbejdsplads.",
    )

    # External networks, across municipalities.
    add(
        "Landsnetværket for ledere af specialtilbud",
        NetworkKind.EXTERNAL,
        ["kost", "rusmiddel", "cafe"],
        description="Nationalt netværk for ledere af sjældne specialtilbud.",
    )
    add(
        "Tværkommunalt netværk for akutfunktioner",
        NetworkKind.EXTERNAL,
        ["akut"],
        description="Ledere af akutfunktioner i Midt- og Vestjylland: hvor er I på rejsen?",
    )
    add(
        "Kostfagligt ledernetværk Midtjylland",
        NetworkKind.EXTERNAL,
        ["kost"],
        description="Ledere af madservice og kostenheder i regionens kommuner.",
    )
    add(
        "Forstandernetværket for forsorgshjem",
        NetworkKind.EXTERNAL,
        ["forsorgshjem"],
        visibility=Private,
        description="Landsdækkende netværk for forstandere af §110-tilbud.",
    )


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


# --------------------------------------------------------------------------------------------
# Logins
# --------------------------------------------------------------------------------------------


def demo_usernames() -> list[str]:
    """The usernames the demo creates."""
    return ["hr", "hr_social", "admin", *(p.username for p in PERSONAS)]


def _users(ctx: _Context) -> None:
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
