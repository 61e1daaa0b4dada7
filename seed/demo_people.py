"""The people part of the demo: units, ~130 leaders with profiles, and predecessors who left.

Called by ``seed.demo.seed_people`` (the people step), which owns the order: every function here
draws from the step's one ``ctx.rng``, so calls must stay in the order that step makes them. Rows
are written through ``backend.people.services``.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Final

from backend.people import services as people
from backend.people.models import (
    Administration,
    Department,
    Leader,
    LeadershipEducation,
    Organisation,
    Topic,
    Unit,
)
from seed import vocabulary as words
from seed.municipality import MAIL_DOMAIN, PERSONAS, POSTS, Persona, Post

#: How many leaders are in their first months (besides the persona Amalie).
NEW_LEADERS: Final = 11
#: How many of the new leaders replaced someone who has left (Amalie's predecessor is one).
PREDECESSORS: Final = 3


@dataclass
class DemoContext:
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


def leaders_create(ctx: DemoContext) -> None:
    """Create every post's unit and leader (the personas as written, the others drawn)."""
    personas = {p.post: p for p in PERSONAS}
    for number, post in enumerate(POSTS, start=40001):
        unit = _unit(ctx, post)
        persona = personas.get(post.key)
        if persona is not None:
            leader = _persona_leader(ctx, post, unit, persona, number)
        else:
            leader = _leader(ctx, post, unit, number)
        ctx.leaders[post.key] = leader


def _unit(ctx: DemoContext, post: Post) -> Unit:
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


def choose_new_leaders(*, rng: random.Random, personas: dict[str, Persona]) -> dict[str, str]:
    """Pick the posts whose leader is new, and how they came: first job, promotion, other sector."""
    eligible = [p.key for p in POSTS if p.tier in ("leader", "sub") and p.key not in personas]
    chosen = sorted(rng.sample(eligible, NEW_LEADERS), key=eligible.index)
    kinds = ["first"] * 5 + ["promotion"] * 3 + ["sector"] * 3
    rng.shuffle(kinds)
    backgrounds = dict(zip(chosen, kinds, strict=True))
    backgrounds.update({p.post: "first" for p in PERSONAS if p.started_days_ago <= 120})
    return backgrounds


#: How a new leader's background (``choose_new_leaders``) reads as ``Leader.entry_route``.
_ROUTE_OF_BACKGROUND: Final = {"first": "first_job", "promotion": "promoted", "sector": "new_area"}


def _entry_route(ctx: DemoContext, key: str, background: str | None) -> str:
    """The leader's way into the role; the first new first-job leader (by post, not persona)
    came through the talent programme (chosen without ``rng``, so nothing else changes)."""
    personas = {p.post for p in PERSONAS}
    firsts = sorted(k for k, b in ctx.backgrounds.items() if b == "first" and k not in personas)
    if firsts and key == firsts[0]:
        return "talent"
    return _ROUTE_OF_BACKGROUND.get(background or "", "")


def contact_fields(
    ctx: DemoContext, first_name: str, last_name: str, number: int
) -> dict[str, str]:
    box = words.mailbox(first_name, last_name, ctx.mailboxes)
    return {"email": f"{box}@{MAIL_DOMAIN}", "phone": f"9612 {number % 10000:04d}"}


def _persona_leader(
    ctx: DemoContext, post: Post, unit: Unit, persona: Persona, number: int
) -> Leader:
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
        entry_route="first_job" if persona.first_leader_job else "",
        years_as_leader=Decimal(str(persona.years_as_leader)),
        leadership_education=persona.education,
        languages=list(persona.languages),
        bio=persona.bio,
        discoverable=persona.username != "henrik",
        **contact_fields(ctx, persona.first_name, persona.last_name, number),
    )
    if persona.strengths:
        people.competencies_set(leader=leader, levels=persona.strengths)
    for slug, weight, note in persona.needs:
        people.support_need_raise(leader=leader, topic=ctx.topics[slug], weight=weight, note=note)
    return leader


def _leader(ctx: DemoContext, post: Post, unit: Unit, number: int) -> Leader:
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
        entry_route=_entry_route(ctx, post.key, background),
        years_as_leader=Decimal(str(years)),
        leadership_education=education,
        languages=words.languages(rng),
        bio=_bio(rng, post, profession, education, background, years, strengths),
        discoverable=post.tier != "director" and (post.specialist or rng.random() < 0.55),
        **contact_fields(ctx, first_name, last_name, number),
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


def predecessors_create(ctx: DemoContext) -> None:
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
