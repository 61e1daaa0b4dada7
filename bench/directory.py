"""Benchmark of the shared peer directory across municipalities (not a test).

Usage::

    cp /tmp/peers100k.sqlite3 /tmp/directory100k.sqlite3     # never the original
    python bench/directory.py --leaders 100000 --organisations 98 --db /tmp/directory100k.sqlite3
    python bench/directory.py                                 # 10 000 leaders, fresh database

Loads (or reuses, ``--db``) the synthetic leaders of ``bench/peers.py`` (``scale_arguments`` /
``scale_database``), opts every organisation and every leader in to the shared directory, and
asks the directory for ``--samples`` leaders drawn across all municipalities (top 20, no
filters): ``directory_list`` (the web app's path: the fingerprint query, the organisations in
the directory, numpy over the index of every opted-in leader, then the top 20 cards read) and,
for the first ``--baseline-samples`` of them, ``directory_list_exhaustive`` (the naive baseline:
every candidate read and scored one by one per question). Both run in the same process on the
same data, and their answers must be equal. Prints the machine, the sizes, the index's cold
build and median / p95 / max per request.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.peers import _percentiles, scale_arguments, scale_database


def main() -> int:
    """Load or reuse, opt everyone in, then time both paths."""
    parser = scale_arguments(__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=60)
    parser.add_argument("--baseline-samples", type=int, default=8)
    args = parser.parse_args()
    scale_database(args)

    from backend.networks.selectors.directory import (
        DirectoryQuery,
        directory_candidates,
        directory_list,
        directory_list_exhaustive,
    )
    from backend.people import models as m

    m.Organisation.objects.update(peer_directory=True)
    m.Leader.objects.filter(directory_discoverable=False).update(directory_discoverable=True)
    total = m.Leader.objects.count()
    print(
        f"sizes: {total} leaders in {m.Organisation.objects.count()} organisations, every "
        "organisation and every leader opted in to the shared directory"
    )
    started = time.perf_counter()
    found = directory_candidates()
    print(
        f"directory index (cold, once per version of the opted-in leaders): {len(found.ids)} "
        f"leaders in {time.perf_counter() - started:.2f} s"
    )

    leaders = list(
        m.Leader.objects.filter(active=True, unit__isnull=False).values_list(
            "id", "organisation_id"
        )
    )
    sample = random.Random(11).sample(leaders, min(args.samples, len(leaders)))
    fast: list[float] = []
    slow: list[float] = []
    cards = 0
    for n, (leader_id, organisation_id) in enumerate(sample):
        user = m.User(username=f"bench-{leader_id}", organisation_id=organisation_id)
        user.leader_id = leader_id
        started = time.perf_counter()
        got = directory_list(actor=user, query=DirectoryQuery(limit=20))
        fast.append(time.perf_counter() - started)
        cards += len(got.results)
        if n < args.baseline_samples:
            started = time.perf_counter()
            want = directory_list_exhaustive(actor=user, query=DirectoryQuery(limit=20))
            slow.append(time.perf_counter() - started)
            assert got == want, f"the paths differ for leader {leader_id}"
    print(
        f"\ndirectory, top 20, {len(sample)} leaders across municipalities "
        f"({cards / len(sample):.1f} cards each; the same answers on both paths):"
    )
    print(f"  indexed (directory_list)            {_percentiles(fast)}")
    print(f"  every candidate (baseline, {len(slow)} asks) {_percentiles(slow)}")
    print(f"  speed-up at the median: {statistics.median(slow) / statistics.median(fast):.0f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
