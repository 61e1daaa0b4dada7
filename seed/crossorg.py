"""The demo's neighbouring municipality, Nørreå Kommune, in the shared peer directory.

Lone Damgaard leads Madservice og Kostenheden in Vesterå: the municipality has no other
nutrition unit, so she has no peer at home (study, report 553, 1050–1060). Nørreå, a neighbour
on the same Sparring installation, has a central kitchen, a shelter, a treatment service and a
social café. Both municipalities' HR have opted in to the shared directory, and Lone and four
Nørreå leaders have opted in themselves; Nørreå's school leader and area head have not, so they
are not in the directory. Nørreå has its own HR login (``hr_nabo``) and the kitchen leader's
(``karin``), both with the demo password.

The step wipes Nørreå (and only it) before creating it, as ``seed.demo.demo_wipe`` does for
Vesterå, so the demo can be run again.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import Final

from django.contrib.auth.hashers import make_password

from backend.networks.services.directory import organisation_directory_set
from backend.people import services as people
from backend.people.models import Leader, Organisation, Unit, User
from seed.demo import DEMO_PASSWORD

NEIGHBOUR_NAME: Final = "Nørreå Kommune"
NEIGHBOUR_SLUG: Final = "noerrea"
NEIGHBOUR_MAIL: Final = "noerrea.dk"
#: The neighbour's logins: its HR, and the kitchen leader who is Lone's peer.
NEIGHBOUR_HR: Final = "hr_nabo"
NEIGHBOUR_LEADER: Final = "karin"


@dataclass(frozen=True)
class Post:
    """A Nørreå unit and its leader."""

    key: str
    administration: str
    department: str
    unit: str
    service_type: str
    target_group: str
    first_name: str
    last_name: str
    role_title: str
    staff: int
    strengths: tuple[str, ...] = ()
    specialist: bool = True
    round_the_clock: bool = False
    in_directory: bool = True


SOCIAL = "Social og Sundhed"
CHILDREN = "Børn og Skole"
POSTS: Final[tuple[Post, ...]] = (
    Post("chef", SOCIAL, "Sundhed og Ældre", "Sundhed og Ældre", "health",
         "ældre og borgere med behov for pleje", "Ole", "Bach", "Områdechef", 12,
         ("leading_leaders", "strategy"), specialist=False, in_directory=False),
    Post("koekken", SOCIAL, "Sundhed og Ældre", "Centralkøkkenet Nørreå", "nutrition",
         "ældre med behov for madservice og kostvejledning", "Karin", "Holm", "Køkkenleder", 28,
         ("specialist", "inspections", "roster")),
    Post("herberg", SOCIAL, "Socialområdet", "Herberget Havnely", "shelter",
         "hjemløse og borgere uden fast bolig", "Peter", "Lund", "Forstander", 18,
         ("crisis_press", "work_environment"), round_the_clock=True),
    Post("rusmiddel", SOCIAL, "Socialområdet", "Rusmiddelcentret Nørreå", "treatment",
         "borgere med rusmiddelproblemer", "Susanne", "Krogh", "Centerleder", 22,
         ("cross_sector", "specialist")),
    Post("cafe", SOCIAL, "Socialområdet", "Café Kvisten", "social_cafe",
         "borgere med sindslidelser og ensomme", "Mads", "Winther", "Leder", 6,
         ("volunteers",)),
    Post("skole", CHILDREN, "Skoler", "Nørreå Skole", "school",
         "elever i 0.–9. klasse", "Jette", "Rask", "Skoleleder", 45,
         ("budget", "med"), specialist=False, in_directory=False),
)  # fmt: skip


def neighbour_wipe() -> None:
    """Delete the neighbour and everything hanging off it (no other organisation)."""
    # Units first, as in ``seed.demo.demo_wipe`` (Unit.department is PROTECT).
    Unit.objects.filter(organisation__slug=NEIGHBOUR_SLUG).delete()
    Organisation.objects.filter(slug=NEIGHBOUR_SLUG).delete()


def _leaders(neighbour: Organisation, rng: random.Random) -> dict[str, Leader]:
    leaders: dict[str, Leader] = {}
    for number, post in enumerate(POSTS, start=70001):
        administration = people.administration_get_or_create(
            organisation=neighbour, name=post.administration
        )
        department = people.department_get_or_create(
            administration=administration, name=post.department
        )
        unit = people.unit_upsert(
            organisation=neighbour,
            code=f"N{number}",
            department=department,
            name=post.unit,
            service_type=post.service_type,
            target_group=post.target_group,
            is_specialist=post.specialist,
            round_the_clock=post.round_the_clock,
            staff_count=post.staff,
        )
        leader = people.leader_create(
            organisation=neighbour,
            employee_number=str(number),
            first_name=post.first_name,
            last_name=post.last_name,
            role_title=post.role_title,
            unit=unit,
            boss=leaders.get("chef"),
            email=f"{post.first_name.lower()}.{post.last_name.lower()}@{NEIGHBOUR_MAIL}",
            phone=f"9715 {number % 10000:04d}",
            role_start_date=dt.date(2015 + rng.randint(0, 8), 8, 1),
            years_as_leader=rng.randint(3, 15),
            discoverable=True,
            directory_discoverable=post.in_directory,
        )
        people.competencies_set(leader=leader, levels={slug: 3 for slug in post.strengths})
        leaders[post.key] = leader
    return leaders


def _logins(neighbour: Organisation, kitchen: Leader) -> None:
    password = make_password(DEMO_PASSWORD)
    for username, role, leader, first, last in (
        (NEIGHBOUR_HR, User.Role.HR, None, "Nina", "Bak"),
        (NEIGHBOUR_LEADER, User.Role.LEADER, kitchen, kitchen.first_name, kitchen.last_name),
    ):
        if User.objects.filter(username=username).exists():  # someone else's: leave it alone
            continue
        User.objects.create(
            username=username,
            organisation=neighbour,
            role=role,
            leader=leader,
            password=password,
            first_name=first,
            last_name=last,
            email=leader.email if leader else f"{username}@{NEIGHBOUR_MAIL}",
            language="da",
        )


def seed_neighbour(*, organisation: Organisation, rng: random.Random, today: dt.date) -> None:
    """Create Nørreå, opt both municipalities in to the shared directory, and opt Lone (the
    demo's nutrition-unit leader) in herself."""
    del today  # the neighbour has no dated rows
    neighbour_wipe()
    neighbour = people.organisation_create(name=NEIGHBOUR_NAME, slug=NEIGHBOUR_SLUG)
    leaders = _leaders(neighbour, rng)
    _logins(neighbour, leaders["koekken"])
    organisation_directory_set(organisation=neighbour, enabled=True)
    organisation_directory_set(organisation=organisation, enabled=True)
    Leader.objects.filter(
        organisation=organisation, unit__service_type="nutrition", active=True
    ).update(directory_discoverable=True)
