"""``manage.py seed_scale --leaders 10000 [--seed 1] [--organisations N]``: benchmark data."""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from seed.scale import MIN_LEADERS_PER_ORGANISATION, generate_leaders, generate_networks
from seed.scale_db import scale_load, scale_wipe


class Command(BaseCommand):
    """Replace the synthetic ``scale-NNN`` organisations with N generated leaders."""

    help = (
        "Generate synthetic municipalities (slugs scale-001, scale-002 ...) with N leaders in "
        "total, for benchmarks. Replaces earlier scale organisations; leaves the others alone."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--leaders", type=int, default=10_000)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--organisations",
            type=int,
            default=None,
            help="Municipalities to spread the leaders over (default: one per ~1 000 leaders "
            "above 10 000, e.g. 98 for 100 000; else 1).",
        )
        parser.add_argument("--today", type=dt.date.fromisoformat, default=None)
        parser.add_argument("--no-networks", action="store_true", help="Skip networks.")

    def handle(self, *args: Any, **options: Any) -> None:
        n: int = options["leaders"]
        organisations: int = options["organisations"] or (
            98 if n >= 98_000 else max(1, n // 1_000) if n > 10_000 else 1
        )
        if n < MIN_LEADERS_PER_ORGANISATION * organisations:
            raise CommandError(
                f"--leaders must be at least {MIN_LEADERS_PER_ORGANISATION} per organisation."
            )
        clock = time.perf_counter()
        removed = scale_wipe()
        wiped = time.perf_counter() - clock

        clock = time.perf_counter()
        leaders = generate_leaders(
            n, options["seed"], organisations=organisations, today=options["today"]
        )
        networks = [] if options["no_networks"] else generate_networks(leaders, options["seed"])
        generated = time.perf_counter() - clock

        clock, cpu = time.perf_counter(), time.process_time()
        counts = scale_load(leaders=leaders, networks=networks)
        loaded, loaded_cpu = time.perf_counter() - clock, time.process_time() - cpu

        self.stdout.write(
            self.style.SUCCESS(
                f"{counts['leaders']} leaders in {counts['organisations']} organisation(s): "
                f"generated in {generated:.1f} s, "
                f"loaded in {loaded:.1f} s ({loaded_cpu:.1f} s CPU) "
                f"(removed {removed} earlier scale organisation(s) in {wiped:.1f} s)"
            )
        )
        for name, count in counts.items():
            self.stdout.write(f"  {name:<14} {count}")
