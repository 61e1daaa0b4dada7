"""The know-how step of the demo: opted-in leaders say, in their own words, what to ask them about.

``seed_knowhow`` runs after the people step. For each entry of ``KNOWHOW`` it picks an opted-in
(``discoverable``) active leader of the entry's kind of service who has no entry yet, adds the
entry's sentence to their introduction and raises the entry's strengths to "expert", through
the people services. The know-how finder ("Hvem har løst det?") then finds them by problems
written in other words (``tests/backend/knowhow/test_demo_queries.py``).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import Final

from backend.people import services as people
from backend.people.models import Competency, Leader, Organisation


@dataclass(frozen=True, slots=True)
class Knowhow:
    """What one leader offers: a sentence for their introduction and the strengths behind it."""

    key: str
    service_types: tuple[str, ...]  # preferred kinds of service, best first
    strengths: tuple[str, ...]  # topic slugs raised to expert
    text: str


KNOWHOW: Final[tuple[Knowhow, ...]] = (
    Knowhow(
        "vagtplan_deltid",
        ("care_home", "home_care", "residential"),
        ("roster",),
        "Spørg mig om vagtplanlægning med mange deltidsansatte og weekendvagter: vi fik planen "
        "til at hænge sammen uden ekstra vikarer.",
    ),
    Knowhow(
        "budget_halvår",
        ("school", "daycare", "village_scheme"),
        ("budget",),
        "Spørg mig om budgetopfølgning ved halvåret, og om hvordan man bremser et merforbrug, "
        "før det vokser sig stort.",
    ),
    Knowhow(
        "langtidssygemeldte",
        ("home_care", "care_home", "daycare"),
        ("sick_leave",),
        "Spørg mig om samtaler med langtidssygemeldte medarbejdere og en fraværspolitik, der "
        "faktisk bliver brugt.",
    ),
    Knowhow(
        "rekruttering_sosu",
        ("home_care", "care_home", "health"),
        ("recruitment",),
        "Spørg mig om at rekruttere social- og sundhedsassistenter, når ingen søger: jobopslag, "
        "samarbejde med skolen og fastholdelse af nyuddannede.",
    ),
    Knowhow(
        "personalesager",
        ("job_centre", "citizen_service", "technical"),
        ("employment_law",),
        "Spørg mig om svære personalesager: tjenstlige samtaler, advarsler og afskedigelse efter "
        "reglerne.",
    ),
    Knowhow(
        "sammenlægning",
        ("daycare", "school", "village_scheme"),
        ("change", "multi_site"),
        "Spørg mig om sammenlægningen af to institutioner til én med en fælles kultur på tværs "
        "af matrikler.",
    ),
    Knowhow(
        "tilsyn",
        ("residential", "shelter", "treatment"),
        ("inspections",),
        "Spørg mig om at forberede et uanmeldt tilsyn og få dokumentationen på plads i hverdagen.",
    ),
    Knowhow(
        "frivillige",
        ("social_cafe", "culture", "health"),
        ("volunteers",),
        "Spørg mig om at organisere frivillige og samarbejde med foreninger om aktiviteter for "
        "borgerne.",
    ),
    Knowhow(
        "presse",
        ("family", "job_centre", "acute"),
        ("crisis_press",),
        "Spørg mig om at håndtere en sag i pressen og tale med journalister, når noget er gået "
        "galt.",
    ),
    Knowhow(
        "tidligere_kolleger",
        ("youth_club", "daycare", "school"),
        ("former_colleagues",),
        "Spørg mig om at blive leder for sine tidligere kolleger: jeg gjorde det selv for fire "
        "år siden.",
    ),
)


#: Problems as a leader might write them, in other words than the leaders' own (inflections,
#: compounds, synonyms) → the entry of ``KNOWHOW`` that answers each. The demo test and the
#: benchmark ask these.
PROBLEMS: Final[tuple[tuple[str, str], ...]] = (
    (
        "Hvordan får jeg vagtplanerne til at gå op, når de fleste kun er ansat på deltid?",
        "vagtplan_deltid",
    ),
    ("Økonomien skrider allerede ved halvårsregnskabet", "budget_halvår"),
    (
        "Min medarbejder har været sygemeldt længe – hvordan griber jeg samtalen an?",
        "langtidssygemeldte",
    ),
    ("Vi mangler ansøgere til stillingerne som sundhedsassistent", "rekruttering_sosu"),
    ("Jeg skal måske afskedige en medarbejder – hvad siger reglerne?", "personalesager"),
    ("Vores to børnehuse skal fusioneres til én institution", "sammenlægning"),
    ("Tilsynet kommer på uanmeldt besøg – hvordan forbereder jeg personalet?", "tilsyn"),
    ("Frivilligkoordinering i vores aktivitetscenter", "frivillige"),
    ("En journalist har ringet om en klage over os", "presse"),
    ("Jeg er blevet chef for mine gamle kollegaer", "tidligere_kolleger"),
)


def seed_knowhow(*, organisation: Organisation, rng: random.Random, today: dt.date) -> None:
    """Give ten opted-in leaders a "Spørg mig om" sentence and the strengths behind it."""
    pool = list(
        Leader.objects.filter(
            organisation=organisation, active=True, discoverable=True, unit__isnull=False
        )
        .select_related("unit")
        .order_by("employee_number")
    )
    taken: set[int] = set()
    for entry in KNOWHOW:
        leader = _pick(pool, entry, taken, rng)
        taken.add(leader.id)
        bio = f"{leader.bio} {entry.text}".strip()
        people.leader_update(leader=leader, bio=bio)
        levels = dict(Competency.objects.filter(leader=leader).values_list("topic__slug", "level"))
        levels.update({slug: 3 for slug in entry.strengths})
        people.competencies_set(leader=leader, levels=levels)


def _pick(pool: list[Leader], entry: Knowhow, taken: set[int], rng: random.Random) -> Leader:
    for service_type in entry.service_types:
        fits = [
            leader
            for leader in pool
            if leader.id not in taken
            and leader.unit is not None
            and leader.unit.service_type == service_type
            and "Spørg mig om" not in leader.bio
        ]
        if fits:
            return rng.choice(fits)
    return rng.choice([leader for leader in pool if leader.id not in taken])
