"""Benchmark of the networks app (not a test): the composer vs random groups; the leader graph.

Usage::

    python bench/network_groups.py                    # throw-away SQLite under /tmp
    python bench/network_groups.py --graph-leaders 10000

1. Seeds the demo (people and networks steps) and composes its learning-network sign-up of 40
   leaders into groups of 5-7 with ``signup_compose``
   (``matching.groups.compose.compose_groups``). The composer's objective is compared with
   ``--random`` random groupings of the same group sizes
   (the objective of ``grouping_objective``; random groups are also checked for the hard rules
   they break). Prints the margin over the best and the mean random grouping.
2. Loads ``--graph-leaders`` synthetic leaders (``seed.scale``) with their networks and times
   building the leader graph (cold), the cached read (fingerprint only), the peer finder and
   HR's insights on it.

The machine is printed with the figures.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backend.settings")
os.environ["CELERY_TASK_ALWAYS_EAGER"] = "1"
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp(prefix='netbench-')}/bench.sqlite3"

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.utils import timezone  # noqa: E402

from backend.networks.graph import graph_cache_clear, leader_graph, leader_graph_build  # noqa: E402
from backend.networks.models import SignUp  # noqa: E402
from backend.networks.selectors.drafts import signup_problem  # noqa: E402
from backend.networks.selectors.insights import network_insights  # noqa: E402
from backend.networks.selectors.peers import peer_list  # noqa: E402
from backend.networks.selectors.suggestions import network_suggestions  # noqa: E402
from backend.networks.services.drafts import signup_compose  # noqa: E402
from backend.people import models as m  # noqa: E402
from matching.groups.model import grouping_objective, grouping_violations  # noqa: E402


def machine() -> str:
    """One line about the machine."""
    return (
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}, {platform.system()} {platform.release()}"
    )


def bench_groups(*, samples: int) -> None:
    """Compose the demo sign-up and compare with random groupings."""
    from seed.demo import demo_run

    started = time.perf_counter()
    org = demo_run(
        seed=42,
        today=timezone.localdate(),
        steps=("seed.demo.seed_people", "seed.networks.seed_networks"),
    ).organisation
    print(f"demo seeded in {time.perf_counter() - started:.1f} s")
    hr = m.User.objects.get(organisation=org, username="hr")
    signup = SignUp.objects.get(organisation=org)
    started = time.perf_counter()
    draft = signup_compose(actor=hr, signup_id=signup.id, seed=42)
    seconds = time.perf_counter() - started
    people, ties = signup_problem(signup=signup)
    groups = [[str(x) for x in g] for g in draft.groups]
    sizes = [len(g) for g in groups]
    rng = random.Random(7)
    ids = [p.id for p in people]
    values, broken = [], 0
    for _ in range(samples):
        rng.shuffle(ids)
        cut, at = [], 0
        for s in sizes:
            cut.append(list(ids[at : at + s]))
            at += s
        values.append(grouping_objective(people, cut, ties=ties))
        if grouping_violations(people, cut, group_size=(signup.min_size, signup.max_size)):
            broken += 1
    best, mean = max(values), statistics.fmean(values)
    print(f"sign-up: {len(people)} leaders, {len(ties)} existing ties, groups {sizes}")
    print(f"composer objective {draft.objective:.1f} in {seconds:.2f} s (incl. loading)")
    print(
        f"random groupings ({samples}): best {best:.1f}, mean {mean:.1f}, "
        f"{broken / samples:.0%} break a hard rule (unit, line)"
    )
    print(
        f"margin: +{draft.objective - best:.1f} over the best random "
        f"({(draft.objective / best - 1):.1%}), +{draft.objective - mean:.1f} over the mean "
        f"({(draft.objective / mean - 1):.1%})"
    )
    violations = grouping_violations(people, groups, group_size=(signup.min_size, signup.max_size))
    print(f"composer's groups break {len(violations)} hard rules")


def bench_graph(*, leaders: int) -> None:
    """Time the leader graph and its readers at ``leaders`` leaders."""
    from seed.scale import generate_leaders, generate_networks
    from seed.scale_db import scale_load

    started = time.perf_counter()
    rows = generate_leaders(leaders, 42)
    counts = scale_load(leaders=rows, networks=generate_networks(rows, 42))
    print(f"\nloaded {counts} in {time.perf_counter() - started:.1f} s")
    org = m.Organisation.objects.get(slug=rows[0]["organisation"])
    graph_cache_clear()
    started = time.perf_counter()
    graph = leader_graph_build(organisation_id=org.id)
    build = time.perf_counter() - started
    print(
        f"graph: {graph.G.number_of_nodes()} nodes, {graph.G.number_of_edges()} edges; "
        f"build {build:.2f} s"
    )
    leader_graph(organisation_id=org.id)
    started = time.perf_counter()
    leader_graph(organisation_id=org.id)
    print(f"cached read (fingerprint, 4 queries): {1000 * (time.perf_counter() - started):.1f} ms")
    leader = m.Leader.objects.filter(organisation=org, unit__is_specialist=True).first()
    user = m.User.objects.create(
        username=f"bench-{time.time_ns()}", organisation=org, leader=leader
    )
    hr = m.User.objects.create(
        username=f"bench-hr-{time.time_ns()}", organisation=org, role=m.User.Role.HR
    )
    started = time.perf_counter()
    peers = peer_list(actor=user)
    print(f"peer finder: {len(peers)} peers in {time.perf_counter() - started:.2f} s")
    started = time.perf_counter()
    network_suggestions(actor=user)
    print(f"network suggestions: {time.perf_counter() - started:.2f} s")
    started = time.perf_counter()
    insights = network_insights(actor=hr)
    print(
        f"HR insights ({len(insights['communities'])} communities, betweenness sampled above "
        f"2 000): {time.perf_counter() - started:.2f} s"
    )


def main() -> int:
    """Run both benchmarks."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--random", type=int, default=1000)
    parser.add_argument("--graph-leaders", type=int, default=10_000)
    args = parser.parse_args()
    print(f"machine: {machine()}")
    call_command("migrate", verbosity=0)
    bench_groups(samples=args.random)
    if args.graph_leaders:
        bench_graph(leaders=args.graph_leaders)
    return 0


if __name__ == "__main__":
    sys.exit(main())
