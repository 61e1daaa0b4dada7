"""Benchmark of the know-how finder (not a test): the stored documents vs a scan of every leader.

Usage::

    python bench/knowhow.py                        # a copy of /tmp/peers10k.sqlite3 if present
    python bench/knowhow.py --db /tmp/knowhow.sqlite3 --leaders 10000

Uses ``seed.scale`` leaders (every leader opted in; a copy of ``--source`` when that file exists
and no ``--db`` is given, so the source is never changed), gives them introductions where they
have none (a sentence from their strongest topic, and for one in three a "Spørg mig om"
sentence of the demo's ``seed.knowhow.KNOWHOW``), builds the search documents once (timed), and
asks ``seed.knowhow.PROBLEMS`` as ``--samples`` leaders of the first municipality, twice:
``knowhow_search`` (the web app's path: stored weighted stems, SQLite's fallback ranking or
PostgreSQL's full-text search) and a naive baseline that reads every opted-in leader's profile
and strengths and ranks them in Python. Both return the same top 10. Prints the machine, the
sizes and median / p95 / max per search.
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backend.settings")
os.environ["CELERY_TASK_ALWAYS_EAGER"] = "1"

from peers import _percentiles, scale_arguments, scale_database  # bench/peers.py: the set-up


def _introductions(org: Any) -> int:
    """Give leaders without an introduction one (bulk, as an import would)."""
    from django.db.models import Max

    from backend.people import models as m
    from seed.knowhow import KNOWHOW
    from seed.vocabulary import PASSIONS

    rng = random.Random(11)
    best = dict(
        m.Competency.objects.filter(leader__organisation=org)
        .values("leader_id")
        .annotate(top=Max("topic__slug"))
        .values_list("leader_id", "top")
    )
    leaders = list(m.Leader.objects.filter(organisation=org, bio=""))
    for leader in leaders:
        passion = PASSIONS.get(best.get(leader.id, ""), "god ledelse")
        leader.bio = f"{leader.role_title}. Brænder for {passion}."
        if rng.random() < 1 / 3:
            leader.bio += " " + rng.choice(KNOWHOW).text
    m.Leader.objects.bulk_update(leaders, ["bio"], batch_size=1000)
    return len(leaders)


def _naive(user: Any, query: str, limit: int) -> list[int]:
    """Read every opted-in leader's profile and strengths and rank them in Python."""
    from django.db.models import Prefetch

    from backend.knowhow import text
    from backend.knowhow.documents import document_of
    from backend.knowhow.selectors import rank_of
    from backend.people import models as m

    stems = [t.stem for t in text.query_terms(query)]
    leaders = m.Leader.objects.filter(
        organisation_id=user.organisation_id, active=True, discoverable=True
    ).exclude(id=user.leader_id)
    leaders = leaders.prefetch_related(
        Prefetch("competencies", queryset=m.Competency.objects.select_related("topic"))
    )
    scored = []
    for leader in leaders:
        terms = document_of(leader, list(leader.competencies.all())).terms
        score = rank_of(terms, stems)
        if score > 0:
            scored.append((-round(score, 6), leader.id))
    return [leader_id for _score, leader_id in sorted(scored)[:limit]]


def main() -> int:
    """Load, index, then time both paths."""
    parser = scale_arguments(__doc__.splitlines()[0])
    parser.add_argument("--source", default="/tmp/peers10k.sqlite3")
    parser.add_argument("--samples", type=int, default=60)
    parser.add_argument("--baseline-samples", type=int, default=10)
    args = parser.parse_args()
    if args.db is None and "DATABASE_URL" not in os.environ and Path(args.source).exists():
        args.db = f"{tempfile.mkdtemp(prefix='knowhowbench-')}/bench.sqlite3"
        shutil.copyfile(args.source, args.db)
        print(f"database: a copy of {args.source}")
    org = scale_database(args)

    from backend.knowhow.selectors import knowhow_search
    from backend.knowhow.services import knowhow_reindex
    from backend.people import models as m
    from seed.knowhow import PROBLEMS

    print(f"introductions written: {_introductions(org)}")
    opted_in = m.Leader.objects.filter(organisation=org, active=True, discoverable=True).count()
    print(
        f"sizes: {m.Leader.objects.count()} leaders in {m.Organisation.objects.count()} "
        f"organisations; asking in {org.name} ({opted_in} opted-in active leaders)"
    )
    started = time.perf_counter()
    built = knowhow_reindex(organisation_id=org.id)
    print(f"search documents (cold, once): {built} in {time.perf_counter() - started:.2f} s")

    askers = list(
        m.Leader.objects.filter(organisation=org, active=True).values_list("id", flat=True)
    )
    sample = random.Random(7).sample(askers, min(args.samples, len(askers)))
    fast: list[float] = []
    slow: list[float] = []
    for n, leader_id in enumerate(sample):
        user = m.User(username=f"bench-{leader_id}", organisation=org, leader_id=leader_id)
        query = PROBLEMS[n % len(PROBLEMS)][0]
        started = time.perf_counter()
        got = [f.leader.id for f in knowhow_search(actor=user, query=query, limit=10)]
        fast.append(time.perf_counter() - started)
        if n < args.baseline_samples:
            started = time.perf_counter()
            want = _naive(user, query, 10)
            slow.append(time.perf_counter() - started)
            assert got == want, f"rankings differ for {query!r}"
    print(f"\nknow-how search, top 10, {len(sample)} searches ({len(PROBLEMS)} problems):")
    print(f"  stored documents (knowhow_search)   {_percentiles(fast)}")
    print(f"  scan every leader (baseline, {len(slow)}) {_percentiles(slow)}")
    print(f"  speed-up at the median: {statistics.median(slow) / statistics.median(fast):.0f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
