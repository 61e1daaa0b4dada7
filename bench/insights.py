"""Benchmark of HR's network insights (not a test): stored by a task vs computed in the request.

Usage::

    python bench/insights.py                                  # 10 000 leaders, one municipality
    python bench/insights.py --leaders 100000 --organisations 98
    python bench/insights.py --db /tmp/peers.sqlite3          # reuse bench/peers.py's database

Loads ``--leaders`` synthetic leaders (``seed.scale``, with their networks) into a throw-away
SQLite database (or ``DATABASE_URL``) and measures, for HR of the first municipality:

- the web app's path (``services.insights``): the first view (answers at once and asks for the
  computation), the task's computation (a Celery worker's time), the next views (read from
  storage, with the fingerprint check);
- the path before (baseline): the figures computed inside the request, cold (``network_insights``
  on a fresh graph) and again (the graph's memo).

Prints the machine and the sizes with the figures.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backend.settings")
os.environ["CELERY_TASK_ALWAYS_EAGER"] = "1"

from peers import scale_arguments, scale_database  # bench/peers.py: the same set-up


def _ms(seconds: float) -> str:
    return f"{1000 * seconds:9.1f} ms"


def main() -> int:
    """Load, then time both paths."""
    parser = scale_arguments(__doc__.splitlines()[0])
    parser.add_argument("--views", type=int, default=20)
    args = parser.parse_args()
    org = scale_database(args)

    from django.db import transaction

    from backend.networks.graph import graph_cache_clear
    from backend.networks.models import InsightsSnapshot
    from backend.networks.selectors.insights import network_insights
    from backend.networks.services.insights import insights_state_as
    from backend.people import models as m

    in_org = m.Leader.objects.filter(organisation=org).count()
    print(
        f"sizes: {m.Leader.objects.count()} leaders in {m.Organisation.objects.count()} "
        f"organisations; HR of {org.name} ({in_org} leaders)"
    )
    hr, _ = m.User.objects.get_or_create(
        username="bench-insights-hr", defaults={"organisation": org, "role": m.User.Role.HR}
    )
    InsightsSnapshot.objects.filter(organisation=org).delete()

    graph_cache_clear()
    with transaction.atomic():  # the task is sent on commit: time the answer alone, then undo
        started = time.perf_counter()
        first = insights_state_as(actor=hr)
        answer = time.perf_counter() - started
        transaction.set_rollback(True)
    graph_cache_clear()
    started = time.perf_counter()
    insights_state_as(actor=hr)  # eager: the task runs in this process when the view commits
    task = time.perf_counter() - started
    views = []
    for _ in range(args.views):
        started = time.perf_counter()
        state = insights_state_as(actor=hr)
        views.append(time.perf_counter() - started)
    assert state.status == "ready" and state.insights is not None

    graph_cache_clear()
    started = time.perf_counter()
    inline = network_insights(actor=hr)
    cold = time.perf_counter() - started
    started = time.perf_counter()
    network_insights(actor=hr)
    warm = time.perf_counter() - started
    assert inline == state.insights, "the stored figures differ from the computed ones"

    print(f"\nnetwork insights, {in_org} leaders (stored figures equal the computed ones):")
    print(f"  first view, answer ({first.status}, progress {first.progress} %) {_ms(answer)}")
    print(f"  the task's computation (in-process, cold graph)      {_ms(task)}")
    print(
        f"  next views from storage ({args.views})  median {_ms(statistics.median(views))}"
        f"   max {_ms(max(views))}"
    )
    print(f"  baseline: computed in the request, cold             {_ms(cold)}")
    print(f"  baseline: computed in the request, again (memo)     {_ms(warm)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
