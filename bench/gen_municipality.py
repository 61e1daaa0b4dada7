"""Generator of realistic matching problems: municipalities of leaders and their network.

Shape taken from the brief: about 300 leaders per municipality in five administrations
(departments, units), new leaders with two to four support needs over 15 topics, experienced
leaders offering one to three mentee places, bosses in the line, ties mostly within the own
department (leader groups) and some across. Seeded: the same arguments give the same problem.
"""

from __future__ import annotations

import numpy as np

from matching import Context, Mentee, Mentor, Problem

__all__ = ["TOPICS", "municipality_problem"]

TOPICS = (
    "budget",
    "finance_system",
    "roster",
    "working_time",
    "employment_law",
    "sick_leave",
    "return_to_work",
    "union_representatives",
    "recruitment",
    "med",
    "crisis_press",
    "inspections",
    "volunteers",
    "multi_site",
    "change_management",
)
_ADMINISTRATIONS = {
    "Børn og Unge": ("daycare", "school", "youth_club"),
    "Social og Sundhed": ("care_home", "home_care", "residential", "treatment"),
    "Arbejdsmarked": ("job_centre", "integration"),
    "Kultur og Teknik": ("library", "roads", "culture_house"),
    "Stab": ("finance", "hr", "it"),
}
_ROUND_THE_CLOCK = {"care_home", "residential", "treatment"}
_EDUCATION = ("none", "academy", "diploma", "master")


def municipality_problem(n_mentees: int, n_mentors: int, *, seed: int = 42) -> Problem:
    """A problem with ``n_mentees`` new leaders and ``n_mentors`` mentors.

    Examples
    --------
    >>> p = municipality_problem(10, 30, seed=1)
    >>> len(p.mentees), len(p.mentors), p.mentors[0].capacity > 0
    (10, 30, True)
    """
    rng = np.random.default_rng(seed)
    total = n_mentees + n_mentors
    municipalities = max(1, total // 300)
    admin_names = list(_ADMINISTRATIONS)
    # Organisation: municipality -> administration -> department -> unit.
    units: list[tuple[str, str, str, str]] = []  # (administration, department, unit, service)
    for k in range(municipalities):
        for a, name in enumerate(admin_names):
            for d in range(int(rng.integers(3, 8))):
                for u in range(int(rng.integers(3, 10))):
                    service = str(rng.choice(_ADMINISTRATIONS[name]))
                    units.append((f"K{k}:{name}", f"K{k}:A{a}D{d}", f"K{k}:A{a}D{d}U{u}", service))
    place = rng.integers(0, len(units), size=total)
    ids = [f"E{i:06d}" for i in range(n_mentees)] + [f"M{j:06d}" for j in range(n_mentors)]
    by_department: dict[str, list[int]] = {}
    for person, u in enumerate(place):
        by_department.setdefault(units[u][1], []).append(person)

    def line(person: int) -> tuple[str, ...]:
        adm, dep, _, _ = units[place[person]]
        boss = (f"{dep}:chef", f"{adm}:direktør")
        # One new leader in ten has a participating mentor as their boss.
        peers = [p for p in by_department[dep] if p >= n_mentees]
        if person < n_mentees and peers and rng.random() < 0.1:
            return (ids[int(rng.choice(peers))], *boss)
        return boss

    def context(person: int) -> Context:
        service = units[place[person]][3]
        return Context(
            service_type=service,
            staff=int(np.clip(rng.lognormal(3.3, 0.8), 2, 900)),
            sites=int(rng.choice([1, 1, 1, 2, 2, 3, 4])),
            round_the_clock=service in _ROUND_THE_CLOCK,
            specialist=bool(rng.random() < 0.15),
        )

    def topics(count: int, levels: tuple[float, ...]) -> dict[str, float]:
        chosen = rng.choice(len(TOPICS), size=count, replace=False)
        return {TOPICS[t]: float(rng.choice(levels)) for t in sorted(chosen)}

    mentees = tuple(
        Mentee(
            id=ids[i],
            administration=units[place[i]][0],
            department=units[place[i]][1],
            unit=units[place[i]][2],
            line=line(i),
            needs=topics(int(rng.integers(2, 5)), (1 / 3, 2 / 3, 1.0)),
            context=context(i),
            experience_years=float(rng.integers(0, 3)),
        )
        for i in range(n_mentees)
    )
    mentors = tuple(
        Mentor(
            id=ids[p],
            capacity=int(rng.choice([1, 1, 2, 2, 3])),
            administration=units[place[p]][0],
            department=units[place[p]][1],
            unit=units[place[p]][2],
            line=line(p),
            strengths=topics(int(rng.integers(2, 6)), (1 / 3, 2 / 3, 1.0)),
            context=context(p),
            experience_years=float(rng.integers(3, 26)),
            education=str(rng.choice(_EDUCATION)),
        )
        for p in range(n_mentees, total)
    )
    ties: set[tuple[str, str]] = set()
    for members in by_department.values():
        for person in members:
            for other in rng.choice(members, size=min(3, len(members)), replace=False):
                if other != person:
                    ties.add((ids[min(person, other)], ids[max(person, other)]))
    for a, b in rng.integers(0, total, size=(total, 2)):  # a few ties across departments
        if a != b:
            ties.add((ids[min(a, b)], ids[max(a, b)]))
    return Problem(mentees=mentees, mentors=mentors, ties=tuple(sorted(ties)))
