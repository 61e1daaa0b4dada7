"""Benchmark of the peer finder (not a test): the indexed path vs scoring every candidate.

Usage::

    python bench/peers.py                                  # 10 000 leaders, one municipality
    python bench/peers.py --leaders 100000 --organisations 98
    python bench/peers.py --db /tmp/peers.sqlite3          # keep the database for the next run

Loads ``--leaders`` synthetic leaders (``seed.scale``, with their networks) into a throw-away
SQLite database (or ``DATABASE_URL``), opts every leader in to the peer finder, and asks the
finder for ``--samples`` leaders of the first municipality (top 20, no filters), twice per
leader: ``peer_list`` (the web app's path: numpy over the peer index, then the shortlist scored
one by one) and ``peer_list_exhaustive`` (the path before: every candidate's profile scored one
by one, the baseline). Both run in the same process on the same data; the rankings must agree.
Prints the machine, the sizes, the index's cold build and median / p95 / max per request.
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
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backend.settings")
os.environ["CELERY_TASK_ALWAYS_EAGER"] = "1"


def _database(path: str | None) -> bool:
    """Point Django at the benchmark database; return whether it must be loaded."""
    if "DATABASE_URL" in os.environ:
        return True
    target = path or f"{tempfile.mkdtemp(prefix='peerbench-')}/bench.sqlite3"
    os.environ["DATABASE_URL"] = f"sqlite:///{target}"
    return not Path(target).exists()


def machine() -> str:
    """One line about the machine."""
    return (
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}, {platform.system()} {platform.release()}"
    )


def _percentiles(seconds: list[float]) -> str:
    ms = sorted(1000 * s for s in seconds)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    return f"median {statistics.median(ms):7.1f} ms   p95 {p95:7.1f} ms   max {ms[-1]:7.1f} ms"


def scale_arguments(description: str) -> argparse.ArgumentParser:
    """The options of a benchmark on ``seed.scale`` data: size, municipalities, kept database."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--leaders", type=int, default=10_000)
    parser.add_argument("--organisations", type=int, default=1)
    parser.add_argument("--db", help="SQLite file to keep (loaded only when it does not exist)")
    return parser


def scale_database(args: argparse.Namespace) -> Any:
    """Set Django up on the benchmark database, load ``--leaders`` synthetic leaders with their
    networks when it is new (every leader opted in to the peer finder), print the machine, and
    return the first organisation."""
    load = _database(args.db)
    import django

    django.setup()
    from django.core.management import call_command

    from backend.people import models as m
    from seed.scale import generate_leaders, generate_networks
    from seed.scale_db import scale_load

    print(f"machine: {machine()}")
    call_command("migrate", verbosity=0)
    if load:
        started = time.perf_counter()
        rows = generate_leaders(args.leaders, 42, organisations=args.organisations)
        counts = scale_load(leaders=rows, networks=generate_networks(rows, 42))
        m.Leader.objects.update(discoverable=True)
        print(f"loaded {counts} in {time.perf_counter() - started:.1f} s")
    org = m.Organisation.objects.order_by("id").first()
    assert org is not None
    return org


def main() -> int:
    """Load, then time both paths."""
    parser = scale_arguments(__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=60)
    args = parser.parse_args()
    org = scale_database(args)

    from backend.networks.graph import graph_cache_clear, leader_graph
    from backend.networks.peer_facts import peer_candidates
    from backend.networks.selectors.peers import PeerQuery, peer_list, peer_list_exhaustive
    from backend.people import models as m

    total = m.Leader.objects.count()
    in_org = m.Leader.objects.filter(organisation=org).count()
    print(
        f"sizes: {total} leaders in {m.Organisation.objects.count()} organisations; "
        f"asking in {org.name} ({in_org} leaders, every leader opted in)"
    )

    graph_cache_clear()
    started = time.perf_counter()
    graph = leader_graph(organisation_id=org.id)
    print(f"leader graph (cold): {time.perf_counter() - started:.2f} s")
    started = time.perf_counter()
    found = peer_candidates(graph)
    print(
        f"peer index (cold, once per version of the data): {len(found.ids)} candidates in "
        f"{time.perf_counter() - started:.2f} s"
    )

    leaders = list(
        m.Leader.objects.filter(organisation=org, active=True, unit__isnull=False).values_list(
            "id", flat=True
        )
    )
    sample = random.Random(7).sample(leaders, min(args.samples, len(leaders)))
    fast: list[float] = []
    slow: list[float] = []
    for leader_id in sample:
        user = m.User(username=f"bench-{leader_id}", organisation=org, leader_id=leader_id)
        started = time.perf_counter()
        got = peer_list(actor=user, limit=20)
        fast.append(time.perf_counter() - started)
        started = time.perf_counter()
        want = peer_list_exhaustive(actor=user, query=PeerQuery(limit=20))
        slow.append(time.perf_counter() - started)
        assert [(p.leader.id, p.score, p.reasons) for p in got] == [
            (p.leader.id, p.score, p.reasons) for p in want
        ], f"rankings differ for leader {leader_id}"
    print(f"\npeer finder, top 20, {len(sample)} leaders (same rankings on both paths):")
    print(f"  indexed (peer_list)                 {_percentiles(fast)}")
    print(f"  every candidate (baseline)          {_percentiles(slow)}")
    print(f"  speed-up at the median: {statistics.median(slow) / statistics.median(fast):.0f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
