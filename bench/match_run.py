"""Benchmark of a full mentoring match run on PostgreSQL (not a test).

Usage::

    DATABASE_URL=postgres://postgres@127.0.0.1:5441/sparring python bench/match_run.py
    python bench/match_run.py --mentees 100 --mentors 300     # a quick look

Generates an organisation with bulk_create (5 administrations, lines of command three levels
deep, needs, competencies, leader groups), then runs ``match_run_execute`` in-process: load
(build the problem from the database, the leader network's public ties included), solve
(``matching.assign_and_suggest``) and write (proposals, suggestions, audit log, in one
transaction). Prints the peak resident memory of the process (target < 2 GB at 10 000 ×
30 000). Target: < 10 s for 1 000 mentees
× 3 000 mentors. Baseline in the same run: the load phase done the naive way, per row through
the ORM (a query per leader, unit, need list, competency list and boss step). The organisation
is deleted afterwards.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import resource
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backend.settings")
os.environ["CELERY_TASK_ALWAYS_EAGER"] = "1"

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from backend.mentoring.models import Enrolment, MatchRun, MentorOffer, Proposal  # noqa: E402
from backend.mentoring.problem import problem_for_programme  # noqa: E402
from backend.mentoring.services.programmes import programme_create  # noqa: E402
from backend.mentoring.services.runs import match_run_execute  # noqa: E402
from backend.networks import models as nm  # noqa: E402
from backend.people import models as m  # noqa: E402
from backend.people.lines import leader_line_ids  # noqa: E402
from backend.people.services import organisation_create  # noqa: E402

ADMINISTRATIONS = [
    "Børn og Unge",
    "Social og Sundhed",
    "Arbejdsmarked",
    "Kultur og Teknik",
    "Centrale stabe",
]
SERVICES = [
    "school",
    "daycare",
    "care_home",
    "home_care",
    "residential",
    "job_centre",
    "culture",
    "technical",
    "treatment",
    "staff_function",
]


def generate(*, mentees: int, mentors: int, seed: int) -> m.Organisation:
    """Create an organisation with ``mentees`` new leaders and ``mentors`` experienced ones."""
    rng = random.Random(seed)
    org = organisation_create(name=f"Benchrup {time.time_ns()}", slug=f"bench-{time.time_ns()}")
    topics = list(m.Topic.objects.filter(organisation=org))
    admins = m.Administration.objects.bulk_create(
        [m.Administration(organisation=org, name=n) for n in ADMINISTRATIONS]
    )
    depts = m.Department.objects.bulk_create(
        [
            m.Department(organisation=org, administration=a, name=f"Center {k}")
            for a in admins
            for k in range(5)
        ]
    )
    total = mentees + mentors
    units = m.Unit.objects.bulk_create(
        [
            m.Unit(
                organisation=org,
                department=rng.choice(depts),
                code=f"B{k}",
                name=f"Enhed {k}",
                service_type=rng.choice(SERVICES),
                staff_count=rng.randint(5, 150),
                sites=rng.randint(1, 4),
                round_the_clock=rng.random() < 0.3,
                is_specialist=rng.random() < 0.2,
            )
            for k in range(total)
        ]
    )
    # Bosses: 25 department heads over ~40 middle bosses; every other leader reports to one.
    heads = m.Leader.objects.bulk_create(
        [
            m.Leader(
                organisation=org,
                employee_number=f"H{k}",
                first_name="Chef",
                last_name=str(k),
                role_title="Centerchef",
                years_as_leader=15,
                unit=None,
            )
            for k in range(25)
        ]
    )
    middle = m.Leader.objects.bulk_create(
        [
            m.Leader(
                organisation=org,
                employee_number=f"M{k}",
                first_name="Leder",
                last_name=str(k),
                role_title="Områdeleder",
                years_as_leader=10,
                boss=heads[k % 25],
            )
            for k in range(40)
        ]
    )
    leaders = m.Leader.objects.bulk_create(
        [
            m.Leader(
                organisation=org,
                employee_number=f"L{k}",
                first_name="Leder",
                last_name=str(k),
                role_title="Leder",
                unit=units[k],
                boss=rng.choice(middle),
                first_leader_job=k < mentees,
                years_as_leader=0 if k < mentees else rng.randint(3, 25),
                leadership_education=rng.choice(["none", "diploma", "master"]),
            )
            for k in range(total)
        ],
        batch_size=2000,
    )
    new, experienced = leaders[:mentees], leaders[mentees:]
    m.SupportNeed.objects.bulk_create(
        [
            m.SupportNeed(leader=leader, topic=t, weight=rng.randint(1, 3))
            for leader in new
            for t in rng.sample(topics, rng.randint(1, 4))
        ],
        batch_size=5000,
    )
    m.Competency.objects.bulk_create(
        [
            m.Competency(leader=leader, topic=t, level=rng.randint(1, 3))
            for leader in experienced
            for t in rng.sample(topics, rng.randint(2, 5))
        ],
        batch_size=5000,
    )
    networks = nm.Network.objects.bulk_create(
        [
            nm.Network(organisation=org, name=f"Ledergruppe {k}", kind="leader_group")
            for k in range(total // 20)
        ]
    )
    nm.Membership.objects.bulk_create(
        [
            nm.Membership(network=networks[k // 20], leader=leader)
            for k, leader in enumerate(leaders[: len(networks) * 20])
        ],
        batch_size=5000,
    )
    return org


def naive_load(programme) -> int:
    """The baseline: build the same inputs with per-row ORM access (N+1 queries)."""
    rows = 0
    for enrolment in Enrolment.objects.filter(programme=programme):
        leader = enrolment.leader
        _ = leader.unit and leader.unit.department.administration.name
        _ = {n.topic.slug: n.weight / 3 for n in leader.support_needs.filter(status="open")}
        _ = leader_line_ids(leader_id=leader.id)
        rows += 1
    for offer in MentorOffer.objects.filter(programme=programme):
        leader = offer.leader
        _ = leader.unit and leader.unit.department.administration.name
        _ = {c.topic.slug: c.level / 3 for c in leader.competencies.all()}
        _ = leader_line_ids(leader_id=leader.id)
        rows += 1
    return rows


def _delete_chunked(queryset: Any, size: int = 2000) -> None:
    """Delete in chunks of ids: one cascade over 40 000 rows would pass more query parameters
    than PostgreSQL takes (65 535)."""
    ids = list(queryset.values_list("id", flat=True))
    for start in range(0, len(ids), size):
        queryset.model.objects.filter(id__in=ids[start : start + size]).delete()


def _delete(org: m.Organisation) -> None:
    """Remove the generated organisation (units are PROTECTed, so leaders and units go first)."""
    from backend.mentoring.models import Programme, Suggestion

    _delete_chunked(Suggestion.objects.filter(run__programme__organisation=org))
    _delete_chunked(Proposal.objects.filter(programme__organisation=org))
    _delete_chunked(Enrolment.objects.filter(programme__organisation=org))
    _delete_chunked(MentorOffer.objects.filter(programme__organisation=org))
    Programme.objects.filter(organisation=org).delete()
    _delete_chunked(m.Leader.objects.filter(organisation=org))
    _delete_chunked(m.Unit.objects.filter(organisation=org))
    org.delete()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mentees", type=int, default=1000)
    parser.add_argument("--mentors", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--keep", action="store_true", help="keep the generated organisation")
    parser.add_argument(
        "--skip-naive", action="store_true", help="leave out the naive load (minutes at 10 000)"
    )
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("bench/match_run.py needs PostgreSQL: set DATABASE_URL=postgres://...")
    call_command("migrate", verbosity=0)
    print(
        f"machine: {platform.node()} · {platform.processor() or platform.machine()} · "
        f"{os.cpu_count()} CPUs · Python {platform.python_version()} · "
        f"PostgreSQL {connection.pg_version}"
    )
    t = time.perf_counter()
    org = generate(mentees=args.mentees, mentors=args.mentors, seed=args.seed)
    print(
        f"generated {args.mentees} mentees × {args.mentors} mentors in "
        f"{time.perf_counter() - t:.1f} s"
    )
    rng = random.Random(args.seed)
    programme = programme_create(
        organisation=org,
        created_by=None,
        name="Bench",
        starts_on=__import__("datetime").date(2025, 1, 1),
    )
    leaders = list(m.Leader.objects.filter(organisation=org, unit__isnull=False).order_by("id"))
    Enrolment.objects.bulk_create(
        [Enrolment(programme=programme, leader=x, route="hr") for x in leaders[: args.mentees]]
    )
    MentorOffer.objects.bulk_create(
        [
            MentorOffer(programme=programme, leader=x, capacity=rng.choice([1, 1, 2]))
            for x in leaders[args.mentees :]
        ]
    )
    try:
        run = MatchRun.objects.create(programme=programme, policy=programme.policy)
        t = time.perf_counter()
        run = match_run_execute(run_id=run.id)
        total = time.perf_counter() - t
        assert run.status == "succeeded", run.error
        proposals = Proposal.objects.filter(run=run).count()
        print(
            f"full run: {total:.2f} s  (target < 15 s at 10 000 × 30 000)  status={run.status} "
            f"proposals={proposals} unmatched={len(run.result['unmatched'])} "
            f"optimal={run.result['optimal']}"
        )
        for phase, seconds in run.timings.items():
            print(f"  {phase:<6} {seconds:.2f} s")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2  # KiB -> GiB
        print(f"peak RSS of the process so far (generation included): {peak:.2f} GB")
        t = time.perf_counter()
        problem_for_programme(programme=programme)
        fast = time.perf_counter() - t
        print(f"load again, set-based (problem_for_programme), warm database: {fast:.2f} s")
        if not args.skip_naive:
            t = time.perf_counter()
            rows = naive_load(programme)
            naive = time.perf_counter() - t
            print(
                f"load, naive per-row ORM baseline ({rows} rows): {naive:.2f} s "
                f"({naive / fast:.0f}× slower)"
            )
    finally:
        if not args.keep:
            _delete(org)


if __name__ == "__main__":
    main()
