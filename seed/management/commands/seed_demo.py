"""``python manage.py seed_demo [--seed 42] [--today YYYY-MM-DD]``: (re)create the demo."""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.test.utils import override_settings

from seed.demo import STEPS, demo_run


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"--today must be YYYY-MM-DD, not {value!r}.") from exc


class Command(BaseCommand):
    """Wipe and recreate the demo municipality, then print its logins."""

    help = "Create (or recreate) the demo municipality Vesterå Kommune and print the logins."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seed", type=int, default=42, help="Random seed (default 42).")
        parser.add_argument(
            "--today",
            type=_date,
            default=None,
            help="Date the demo is relative to, YYYY-MM-DD (default: today).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        # The seed's notifications (proposals, reminders) stay in the app: nobody is e-mailed.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            result = demo_run(seed=options["seed"], today=options["today"])
        elapsed = time.perf_counter() - started
        org = result.organisation
        self.stdout.write(
            self.style.SUCCESS(
                f"{org.name} ({org.slug}) seeded with seed {options['seed']} "
                f"in {elapsed:.1f} s; steps: {', '.join(STEPS)}"
            )
        )
        for name, count in result.counts.items():
            self.stdout.write(f"  {name:<16} {count}")
        self.stdout.write("")
        self.stdout.write(f"Demo logins (password for all: {result.password}) – demo only:")
        for login in result.logins:
            self.stdout.write(f"  {login.username:<10} {login.role:<7} {login.who}")
        for username in result.skipped_logins:
            self.stdout.write(
                self.style.WARNING(
                    f"  {username:<10} skipped: a user of that name exists outside the demo"
                )
            )
