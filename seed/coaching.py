"""The demo's coach pool and two requests for a confidential coach (issue 16, item 3).

Two internal coaches (Birgitte Skov, a care-home leader in Social og Sundhed, and Torben
Vestergaard, a school leader in Børn og Unge) and two external coaches, Danish. Two new leaders
outside the personas have asked for a coach: one request waits for HR, one has a coach. The
personas (Amalie and the others) have no request, so the demo's journey starts from nothing.
The pool is written through the coaching services as HR; the requests are rows (their leaders
have no login), the assigned one with the matcher's reasons (``option_for``).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from django.utils import timezone

from backend.coaching.models import Coach, CoachRequest
from backend.coaching.problem import option_for
from backend.coaching.services import coach_create_as
from backend.people.models import Leader, Organisation, Topic, User
from seed.municipality import PERSONAS


@dataclass(frozen=True)
class External:
    """An external coach of the demo's pool."""

    name: str
    firm: str
    email: str
    phone: str
    capacity: int
    topics: tuple[str, ...]
    specialities: str
    languages: tuple[str, ...]


EXTERNAL = (
    External(
        name="Mette Frost",
        firm="Frost Ledelsesudvikling ApS",
        email="mette@frostledelse.dk",
        phone="40 12 34 56",
        capacity=3,
        topics=("change", "former_colleagues"),
        specialities="Ny i lederrollen, forandringsledelse, at lede tidligere kolleger",
        languages=("da", "en"),
    ),
    External(
        name="Jakob Lind",
        firm="Lind & Co. Coaching",
        email="jakob@lindcoaching.dk",
        phone="",
        capacity=2,
        topics=("sick_leave", "employment_law", "work_environment"),
        specialities="Svære samtaler, sygefravær og arbejdsmiljø",
        languages=("da",),
    ),
)
INTERNAL = (
    (
        "birgitte",
        2,
        ("budget", "roster", "sick_leave", "wellbeing_self"),
        "Døgndrift og vagtplaner",
    ),
    ("torben", 1, ("budget", "change", "communication"), "Skoleledelse og forældresamarbejde"),
)
OPEN_TEXT = (
    "Jeg er ny leder og har overtaget en personalegruppe med mange konflikter. Jeg vil gerne "
    "have sparring med en erfaren leder uden for mit eget område på, hvordan jeg tager de svære "
    "samtaler."
)
ASSIGNED_TEXT = (
    "Jeg leder nu mine tidligere kolleger og har brug for at tale med nogen udefra om, hvordan "
    "jeg finder min rolle."
)


def _topics(organisation: Organisation, slugs: tuple[str, ...]) -> list[Topic]:
    return list(Topic.objects.filter(organisation=organisation, slug__in=slugs))


def _pool(organisation: Organisation, hr: User) -> list[Coach]:
    coaches = []
    for username, capacity, slugs, specialities in INTERNAL:
        user = User.objects.filter(organisation=organisation, username=username).first()
        if user is None or user.leader is None:
            continue
        coaches.append(
            coach_create_as(
                actor=hr,
                kind=Coach.Kind.INTERNAL,
                leader=user.leader,
                capacity=capacity,
                topics=_topics(organisation, slugs),
                specialities=specialities,
                languages=["da"],
            )
        )
    for spec in EXTERNAL:
        coaches.append(
            coach_create_as(
                actor=hr,
                kind=Coach.Kind.EXTERNAL,
                topics=_topics(organisation, spec.topics),
                name=spec.name,
                firm=spec.firm,
                email=spec.email,
                phone=spec.phone,
                capacity=spec.capacity,
                specialities=spec.specialities,
                languages=list(spec.languages),
            )
        )
    return coaches


def _requesters(organisation: Organisation, rng: random.Random) -> list[Leader]:
    """Two new leaders without a login, in two administrations, neither a persona."""
    personas = {(p.first_name, p.last_name) for p in PERSONAS}
    candidates = [
        leader
        for leader in Leader.objects.filter(
            organisation=organisation, active=True, first_leader_job=True, user__isnull=True
        )
        .select_related("unit__department__administration")
        .order_by("id")
        if (leader.first_name, leader.last_name) not in personas and leader.unit is not None
    ]
    rng.shuffle(candidates)
    chosen: list[Leader] = []
    for leader in candidates:
        assert leader.unit is not None
        administration = leader.unit.department.administration_id
        if all(c.unit and c.unit.department.administration_id != administration for c in chosen):
            chosen.append(leader)
        if len(chosen) == 2:
            break
    return chosen


def seed_coaching(*, organisation: Organisation, rng: random.Random, today: dt.date) -> None:
    """A coach pool of four, one request waiting for HR and one with a coach."""
    hr = User.objects.filter(organisation=organisation, username="hr").first()
    if hr is None:
        return
    coaches = _pool(organisation, hr)
    requesters = _requesters(organisation, rng)
    if len(requesters) < 2:
        return
    waiting, coached = requesters
    opened = CoachRequest.objects.create(
        organisation=organisation, leader=waiting, text=OPEN_TEXT, language="da"
    )
    opened.topics.set(_topics(organisation, ("sick_leave", "employment_law")))
    assigned = CoachRequest.objects.create(
        organisation=organisation,
        leader=coached,
        text=ASSIGNED_TEXT,
        preference=CoachRequest.Preference.EXTERNAL,
    )
    assigned.topics.set(_topics(organisation, ("former_colleagues",)))
    frost = next(c for c in coaches if c.name == "Mette Frost")
    option = option_for(assigned, frost)
    assigned.coach = frost
    assigned.reasons = option.reasons if option is not None else []
    assigned.status = CoachRequest.Status.ASSIGNED
    assigned.assigned_at = timezone.make_aware(
        dt.datetime.combine(today - dt.timedelta(days=14), dt.time(10))
    )
    assigned.save()
