"""Synthetic municipalities at scale (10 000 to 100 000 leaders), for benchmarks.

``generate_leaders`` and ``generate_networks`` are pure: seeded plain dicts, no database and no
Django import, so other benchmarks (the matcher, the leader graph, the import) can reuse them
directly. ``seed.scale_db.scale_load`` writes them to the database.

Invariants by construction: a boss is always drawn from a higher tier of the same organisation
(director → chief → unit leader → afdelingsleder), and comes earlier in the list, so the line
has no cycles; employee numbers (``S000001``) and unit codes (``U000001``) are numbered per
organisation, so they are unique.

The shape follows the demo (``seed.municipality``): five administrations, the municipal director
at the top, four directors, department chiefs, unit leaders of the report's service types, and
afdelingsledere under the larger units. About one leader in ten is in their first months.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from seed import vocabulary as words

SLUG_PREFIX: Final = "scale-"
MIN_LEADERS_PER_ORGANISATION: Final = 12

#: Administration → (share of the leaders, department names, service-type weights).
_ADMINISTRATIONS: Final[dict[str, tuple[float, tuple[str, ...], dict[str, float]]]] = {
    "Børn og Unge": (
        0.36,
        ("Skoler", "Dagtilbud", "Familie og Forebyggelse"),
        {
            "school": 30,
            "daycare": 40,
            "village_scheme": 5,
            "youth_club": 7,
            "ppr": 3,
            "family": 8,
            "residential": 4,
            "health": 3,
        },
    ),
    "Social og Sundhed": (
        0.34,
        ("Ældre og Sundhed", "Handicap og Psykiatri"),
        {
            "care_home": 30,
            "home_care": 25,
            "residential": 15,
            "health": 12,
            "acute": 3,
            "shelter": 2,
            "treatment": 3,
            "social_cafe": 2,
            "nutrition": 2,
            "other": 6,
        },
    ),
    "Arbejdsmarked": (
        0.10,
        ("Jobcenter", "Borgerservice og Uddannelse"),
        {"job_centre": 75, "citizen_service": 15, "other": 10},
    ),
    "Kultur og Teknik": (
        0.10,
        ("Kultur og Fritid", "Teknik og Miljø"),
        {"culture": 45, "technical": 55},
    ),
    "Centrale stabe": (
        0.10,
        ("HR og Personale", "Økonomi og Digitalisering", "Ejendomme"),
        {"staff_function": 100},
    ),
}
_DIRECTOR_TITLES: Final = {
    "Børn og Unge": "Direktør for Børn og Unge",
    "Social og Sundhed": "Direktør for Social og Sundhed",
    "Arbejdsmarked": "Direktør for Arbejdsmarked",
    "Kultur og Teknik": "Direktør for Kultur og Teknik",
    "Centrale stabe": "Kommunaldirektør",
}
#: Which department a unit of a service type belongs in (staff functions: any of theirs).
_DEPARTMENT_OF_SERVICE: Final = {
    "school": "Skoler",
    "village_scheme": "Skoler",
    "daycare": "Dagtilbud",
    "youth_club": "Familie og Forebyggelse",
    "ppr": "Familie og Forebyggelse",
    "family": "Familie og Forebyggelse",
    "care_home": "Ældre og Sundhed",
    "home_care": "Ældre og Sundhed",
    "health": "Ældre og Sundhed",
    "acute": "Ældre og Sundhed",
    "nutrition": "Ældre og Sundhed",
    "residential": "Handicap og Psykiatri",
    "shelter": "Handicap og Psykiatri",
    "treatment": "Handicap og Psykiatri",
    "social_cafe": "Handicap og Psykiatri",
    "other": "Handicap og Psykiatri",
    "job_centre": "Jobcenter",
    "citizen_service": "Borgerservice og Uddannelse",
    "culture": "Kultur og Fritid",
    "technical": "Teknik og Miljø",
}
_CHIEF_TITLES: Final = {
    "Skoler": "Skolechef",
    "Dagtilbud": "Dagtilbudschef",
    "Familie og Forebyggelse": "Familiechef",
    "Ældre og Sundhed": "Ældrechef",
    "Handicap og Psykiatri": "Socialchef",
    "Jobcenter": "Jobcenterchef",
    "Borgerservice og Uddannelse": "Borgerservicechef",
    "Kultur og Fritid": "Kultur- og fritidschef",
    "Teknik og Miljø": "Teknik- og miljøchef",
    "HR og Personale": "HR-chef",
    "Økonomi og Digitalisering": "Økonomichef",
    "Ejendomme": "Ejendomschef",
}
#: Service type → (role title, unit-name prefix, staff range, specialist share, 24-hour share).
_SERVICES: Final[dict[str, tuple[str, str, tuple[int, int], float, float]]] = {
    "school": ("Skoleleder", "Skole", (35, 95), 0.08, 0.0),
    "daycare": ("Dagtilbudsleder", "Børnehus", (12, 55), 0.05, 0.0),
    "village_scheme": ("Landsbyleder", "Landsbyordning", (20, 40), 0.0, 0.0),
    "youth_club": ("Klubleder", "Ungdomsklub", (8, 30), 0.0, 0.0),
    "ppr": ("Afdelingsleder", "PPR", (15, 30), 1.0, 0.0),
    "family": ("Afdelingsleder", "Familiecenter", (12, 38), 0.3, 0.0),
    "care_home": ("Centerleder", "Plejecenter", (40, 120), 0.1, 1.0),
    "home_care": ("Leder af hjemmeplejen", "Hjemmepleje", (40, 90), 0.0, 0.8),
    "residential": ("Forstander", "Bosted", (18, 75), 0.7, 1.0),
    "shelter": ("Forstander", "Forsorgshjem", (25, 40), 1.0, 1.0),
    "acute": ("Funktionsleder", "Akutfunktion", (20, 32), 1.0, 1.0),
    "treatment": ("Afdelingsleder", "Rusmiddelcenter", (12, 26), 1.0, 0.0),
    "social_cafe": ("Leder", "Social café", (4, 8), 1.0, 0.0),
    "nutrition": ("Funktionsleder", "Kostenhed", (15, 32), 1.0, 0.0),
    "health": ("Afdelingsleder", "Sundhedscenter", (15, 50), 0.0, 0.2),
    "job_centre": ("Afdelingsleder", "Jobcenter", (10, 35), 0.0, 0.0),
    "citizen_service": ("Afdelingsleder", "Borgerservice", (12, 30), 0.0, 0.0),
    "culture": ("Leder", "Kulturhus", (5, 38), 0.0, 0.0),
    "technical": ("Driftsleder", "Driftsafdeling", (10, 80), 0.0, 0.05),
    "staff_function": ("Afdelingsleder", "Stabsfunktion", (5, 40), 0.0, 0.0),
    "other": ("Afdelingsleder", "Tilbud", (8, 30), 0.2, 0.0),
}
_PLACES: Final = (
    "Nord",
    "Syd",
    "Øst",
    "Vest",
    "Centrum",
    "Lindehøj",
    "Engbo",
    "Skovly",
    "Bakkehuset",
    "Åparken",
    "Solgården",
    "Fjordvang",
    "Egely",
    "Birkely",
    "Toften",
    "Kildevang",
    "Møllehuset",
    "Rosenhaven",
    "Stjernen",
    "Havbakken",
    "Højvang",
    "Kastanjen",
    "Lærkereden",
    "Bøgely",
)
_TOWN_HEADS: Final = (
    "Nør",
    "Sønder",
    "Vester",
    "Øster",
    "Ny",
    "Gammel",
    "Lang",
    "Hvid",
    "Kirke",
    "Skov",
    "Hede",
    "Fjord",
    "Bjerg",
    "Å",
    "Mølle",
    "Lille",
    "Store",
    "Ege",
)
_TOWN_TAILS: Final = (
    "lev",
    "by",
    "rup",
    "strup",
    "bjerg",
    "holm",
    "sted",
    "løse",
    "ager",
    "høj",
    "vig",
    "bæk",
)
_NEW_NEEDS: Final = (
    "budget",
    "employment_law",
    "sick_leave",
    "med",
    "recruitment",
    "digital",
    "former_colleagues",
)
_EXPERIENCED_NEEDS: Final = (
    "psychological_safety",
    "strategy",
    "wellbeing_self",
    "change",
    "digital",
    "crisis_press",
    "cross_sector",
)


def municipality_names(count: int, seed: int) -> list[str]:
    """Return ``count`` distinct fictional municipality names ("Vesterlev Kommune")."""
    towns = [head + tail for head in _TOWN_HEADS for tail in _TOWN_TAILS]
    if count > len(towns):
        towns += [f"{t} {n}" for n in range(2, 2 + count // len(towns) + 1) for t in list(towns)]
    rng = random.Random(f"{seed}:municipalities")
    return [f"{town.capitalize()} Kommune" for town in rng.sample(towns, count)]


def _split(total: int, parts: int) -> list[int]:
    base, extra = divmod(total, parts)
    return [base + (1 if i < extra else 0) for i in range(parts)]


def generate_leaders(
    n: int, seed: int, *, organisations: int = 1, today: dt.date | None = None
) -> list[dict[str, Any]]:
    """Return ``n`` synthetic leaders spread over ``organisations`` municipalities, as plain dicts.

    Every dict carries its organisation (``organisation``: slug, ``organisation_name``), its
    place (``administration``, ``department``), its unit (``unit``: a dict of code, name,
    service_type, is_specialist, round_the_clock, sites, staff_count, target_group), its boss
    (``boss``: an employee number of the same organisation, or ``None`` for the municipal
    director), ``tier`` (director | chief | leader | sub), the profile fields of ``Leader`` and
    ``needs`` (topic slug → weight 1-3) and ``strengths`` (topic slug → level 1-3).

    Bosses come before their reports in the list and always sit in a higher tier, so the line
    has no cycles. Same arguments, same list.
    """
    if organisations < 1:
        raise ValueError("organisations must be at least 1")
    if n < MIN_LEADERS_PER_ORGANISATION * organisations:
        raise ValueError(
            f"need at least {MIN_LEADERS_PER_ORGANISATION} leaders per organisation, "
            f"got {n} for {organisations}"
        )
    today = today or dt.date.today()
    names = municipality_names(organisations, seed)
    leaders: list[dict[str, Any]] = []
    for index, (size, name) in enumerate(zip(_split(n, organisations), names, strict=True)):
        rng = random.Random(f"{seed}:{index}")
        leaders += _municipality(
            rng, size, slug=f"{SLUG_PREFIX}{index + 1:03d}", name=name, today=today
        )
    return leaders


def _municipality(
    rng: random.Random, size: int, *, slug: str, name: str, today: dt.date
) -> list[dict[str, Any]]:
    """One municipality's leaders: directors, chiefs, unit leaders, sub-leaders, in that order."""
    town = _Town(rng=rng, slug=slug, name=name, today=today)
    directors = _directors(town)
    departments = _chiefs(town, size=size, directors=directors)
    remaining = size - len(town.out)
    subs = remaining * 15 // 100
    bigger = _unit_leaders(town, count=remaining - subs, departments=departments)
    _sub_leaders(town, count=subs, bigger=bigger)
    while len(town.out) < size:  # no big units at all (tiny municipality): more unit leaders
        dept, chief, _kind = departments["Børn og Unge"][0]
        town.leader(
            "leader",
            "Børn og Unge",
            dept,
            "Dagtilbudsleder",
            chief,
            "daycare",
            f"Børnehus {rng.choice(_PLACES)}",
        )
    return town.out


#: How big a share of the unit leaders each administration has (the weights of its draw).
_SHARES: Final = [share for share, _d, _s in _ADMINISTRATIONS.values()]


@dataclass
class _Town:
    """One municipality being generated: its rng, identity and the leader rows made so far."""

    rng: random.Random
    slug: str
    name: str
    today: dt.date
    out: list[dict[str, Any]] = field(default_factory=list)
    taken: set[tuple[str, str]] = field(default_factory=set)
    counter: Iterator[int] = field(default_factory=lambda: iter(range(1, 10**7)))

    def leader(
        self,
        tier: str,
        administration: str,
        department: str,
        role_title: str,
        boss: str | None,
        service_type: str,
        unit_name: str,
    ) -> dict[str, Any]:
        """Draw one leader row with their unit and profile, append it to ``out`` and return it."""
        rng = self.rng
        number = next(self.counter)
        _title, _prefix, staff, specialist, round_the_clock = _SERVICES[service_type]
        new = tier in ("leader", "sub") and rng.random() < 0.10
        first_job = new and rng.random() < 0.5
        years = 0.0 if first_job else round(rng.uniform(*_YEARS_AS_LEADER[tier]), 1)
        days = rng.randint(0, 120) if new else rng.randint(200, max(201, int(years * 365)))
        first_name, last_name = words.person_name(
            rng, self.taken if len(self.taken) < 5000 else None
        )
        row: dict[str, Any] = {
            "organisation": self.slug,
            "organisation_name": self.name,
            "administration": administration,
            "department": department,
            "employee_number": f"S{number:06d}",
            "first_name": first_name,
            "last_name": last_name,
            "role_title": role_title,
            "tier": tier,
            "boss": boss,
            "unit": {
                "code": f"U{number:06d}",
                "name": unit_name,
                "service_type": service_type,
                "is_specialist": rng.random() < specialist,
                "round_the_clock": rng.random() < round_the_clock,
                "sites": rng.choices((1, 2, 3, 4), weights=(70, 18, 8, 4))[0],
                "staff_count": rng.randint(*staff),
                "target_group": "",
            },
            "role_start_date": self.today - dt.timedelta(days=days),
            "first_leader_job": first_job,
            "years_as_leader": years,
            "leadership_education": _education(rng, tier, first_job),
            "languages": words.languages(rng),
            "discoverable": rng.random() < 0.5,
            "active": True,
        }
        row["strengths"] = _strengths(rng, service_type, tier, new)
        row["needs"] = _needs(rng, row["unit"], new)
        self.out.append(row)
        return row


#: Years as a leader by tier (drawn uniformly) unless it is the leader's first job.
_YEARS_AS_LEADER: Final = {
    "director": (14, 28),
    "chief": (8, 22),
    "leader": (1, 24),
    "sub": (1, 12),
}


def _directors(town: _Town) -> dict[str, str]:
    """The municipal director heads Centrale stabe and is boss of the other four directors."""
    top = town.leader(
        "director",
        "Centrale stabe",
        "Direktionen",
        _DIRECTOR_TITLES["Centrale stabe"],
        None,
        "other",
        "Direktionen",
    )
    directors = {"Centrale stabe": top["employee_number"]}
    for admin in _ADMINISTRATIONS:
        if admin != "Centrale stabe":
            directors[admin] = town.leader(
                "director",
                admin,
                f"Direktørområde {admin}",
                _DIRECTOR_TITLES[admin],
                top["employee_number"],
                "other",
                f"Direktørområde {admin}",
            )["employee_number"]
    return directors


def _chiefs(
    town: _Town, *, size: int, directors: dict[str, str]
) -> dict[str, list[tuple[str, str, str]]]:
    """Chiefs, about one in seventeen leaders, at least one per administration.

    Returns admin → [(department, chief's employee number, kind of department)].
    """
    remaining = size - len(town.out)
    chief_count = max(len(_ADMINISTRATIONS), round(remaining * 0.06))
    chief_admins = list(_ADMINISTRATIONS) + town.rng.choices(
        list(_ADMINISTRATIONS), weights=_SHARES, k=chief_count - len(_ADMINISTRATIONS)
    )
    departments: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for admin in chief_admins:
        _share, dept_names, _services = _ADMINISTRATIONS[admin]
        k = len(departments[admin])
        dept = dept_names[k % len(dept_names)]
        if k >= len(dept_names):
            dept = f"{dept} {_PLACES[(k // len(dept_names) - 1) % len(_PLACES)]}"
            if k >= len(dept_names) * (len(_PLACES) + 1):
                dept = f"{dept} {k}"
        chief_row = town.leader(
            "chief",
            admin,
            dept,
            _CHIEF_TITLES[dept_names[k % len(dept_names)]],
            directors[admin],
            "other",
            f"{dept}, ledelse",
        )
        departments[admin].append(
            (dept, chief_row["employee_number"], dept_names[k % len(dept_names)])
        )
    return departments


def _unit_leaders(
    town: _Town, *, count: int, departments: dict[str, list[tuple[str, str, str]]]
) -> dict[str, list[dict[str, Any]]]:
    """Unit leaders under the chief of a fitting department; returns dept → the bigger units."""
    rng = town.rng
    bigger: dict[str, list[dict[str, Any]]] = defaultdict(list)  # dept → unit leaders
    for _ in range(count):
        admin = rng.choices(list(_ADMINISTRATIONS), weights=_SHARES)[0]
        services = _ADMINISTRATIONS[admin][2]
        service = rng.choices(list(services), weights=list(services.values()))[0]
        home = _DEPARTMENT_OF_SERVICE.get(service)
        fitting = [d for d in departments[admin] if d[2] == home] or departments[admin]
        dept, chief, _kind = rng.choice(fitting)
        title, prefix, *_rest = _SERVICES[service]
        row = town.leader(
            "leader", admin, dept, title, chief, service, f"{prefix} {rng.choice(_PLACES)}"
        )
        if row["unit"]["staff_count"] >= 30:
            bigger[f"{admin}/{dept}"].append(row)
    return bigger


def _sub_leaders(town: _Town, *, count: int, bigger: dict[str, list[dict[str, Any]]]) -> None:
    """Afdelingsledere and teamledere under the bigger units (30 staff or more)."""
    rng = town.rng
    pool = [rows for _key, rows in sorted(bigger.items())]
    for _ in range(count):
        if not pool:
            break
        head = rng.choice(rng.choice(pool))
        town.leader(
            "sub",
            head["administration"],
            head["department"],
            rng.choice(("Afdelingsleder", "Teamleder")),
            head["employee_number"],
            head["unit"]["service_type"],
            f"{head['unit']['name']}, afdeling",
        )


def _education(rng: random.Random, tier: str, first_job: bool) -> str:
    if first_job:
        return rng.choice(("none", "none", "in_progress"))
    if tier in ("director", "chief"):
        return rng.choice(("master", "master", "diploma"))
    return rng.choices(("none", "in_progress", "diploma", "master"), weights=(2, 2, 6, 1))[0]


def _strengths(rng: random.Random, service_type: str, tier: str, new: bool) -> dict[str, int]:
    typical = list(words.STRENGTHS_BY_SERVICE[service_type])
    if tier in ("director", "chief"):
        typical = ["leading_leaders", *(s for s in typical if s != "leading_leaders")]
    if new:
        return {rng.choice(typical): 1} if rng.random() < 0.5 else {}
    chosen = rng.sample(typical, min(len(typical), rng.randint(2, 4)))
    levels = {slug: rng.choice((2, 2, 3)) for slug in chosen}
    if rng.random() < 0.5:
        levels.setdefault(rng.choice(words.GENERAL_STRENGTHS), rng.choice((1, 2)))
    return levels


def _needs(rng: random.Random, unit: dict[str, Any], new: bool) -> dict[str, int]:
    if new:
        pool = list(_NEW_NEEDS)
        if unit["round_the_clock"]:
            pool.append("roster")
        if unit["sites"] > 1:
            pool.append("multi_site")
        return {slug: rng.randint(1, 3) for slug in rng.sample(pool, rng.randint(2, 4))}
    needs: dict[str, int] = {}
    if unit["is_specialist"] and rng.random() < 0.5:
        needs["cross_sector"] = 2
    if rng.random() < 0.2:
        for slug in rng.sample(_EXPERIENCED_NEEDS, rng.randint(1, 2)):
            needs.setdefault(slug, rng.randint(1, 2))
    return needs


def generate_networks(leaders: Sequence[dict[str, Any]], seed: int) -> list[dict[str, Any]]:
    """Return networks for ``generate_leaders``' output, as plain dicts.

    Per organisation: a leader group per department (the chief convenes), a leadership team of
    each director and their chiefs, informal groups of 3-8 leaders across administrations (one
    per ~40 leaders), cross-administration learning networks of 8 (one per ~100 leaders) and one
    external network of the specialist-service leaders. Each dict: ``organisation``, ``name``,
    ``kind``, ``visibility``, ``convener`` (employee number or ``None``), ``members``.
    """
    by_org: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in leaders:
        by_org[row["organisation"]].append(row)
    networks: list[dict[str, Any]] = []
    for slug, rows in by_org.items():
        rng = random.Random(f"{seed}:{slug}:networks")

        def add(
            name: str,
            kind: str,
            members: Iterable[str],
            convener: str | None = None,
            visibility: str = "open",
            org: str = slug,
        ) -> None:
            networks.append(
                {
                    "organisation": org,
                    "name": name,
                    "kind": kind,
                    "visibility": visibility,
                    "convener": convener,
                    "members": sorted(set(members) - {convener}),
                }
            )

        by_dept: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
        for row in rows:
            by_dept[(row["administration"], row["department"])].append(row)
        for (_admin, dept), dept_rows in by_dept.items():
            chiefs = [r["employee_number"] for r in dept_rows if r["tier"] == "chief"]
            members = [r["employee_number"] for r in dept_rows if r["tier"] == "leader"]
            if chiefs and members:
                add(f"Ledergruppen {dept}", "leader_group", members, chiefs[0])
        directors = [r for r in rows if r["tier"] == "director"]
        for director in directors:
            chiefs = [
                r["employee_number"]
                for r in rows
                if r["tier"] == "chief" and r["boss"] == director["employee_number"]
            ]
            add(
                f"Chefgruppen {director['administration']}",
                "leadership_team",
                chiefs,
                director["employee_number"],
            )
        unit_leaders = [r["employee_number"] for r in rows if r["tier"] in ("leader", "sub")]
        for k in range(max(1, len(rows) // 40)):
            add(
                f"Uformelt netværk {k + 1}",
                "informal",
                rng.sample(unit_leaders, min(len(unit_leaders), rng.randint(3, 8))),
                visibility="members_only",
            )
        for k in range(max(1, len(rows) // 100)):
            add(
                f"Læringsnetværk {k + 1}",
                "learning_network",
                rng.sample(unit_leaders, min(len(unit_leaders), 8)),
            )
        specialists = [r["employee_number"] for r in rows if r["unit"]["is_specialist"]]
        if specialists:
            add("Netværk for ledere af specialtilbud", "external", specialists)
    return networks
