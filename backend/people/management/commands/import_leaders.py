"""``python manage.py import_leaders FILE --organisation SLUG [--dry-run]``: the HR import."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation

from backend.people.imports.services import leaders_import
from backend.people.models import Organisation


class Command(BaseCommand):
    help = (
        "Import leaders and units from the HR system's CSV or XLSX export, all-or-nothing. "
        "Exits non-zero, listing the errors per row and column, if the file has any."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="The CSV or XLSX file.")
        parser.add_argument("--organisation", required=True, help="The organisation's slug.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Validate and show what would change; write nothing.",
        )
        parser.add_argument(
            "--deactivate-missing",
            action="store_true",
            help="Set leaders missing from the file inactive.",
        )
        parser.add_argument(
            "--language",
            default=None,
            help="Language of the messages (da or en; default: the organisation's).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        organisation = Organisation.objects.filter(slug=options["organisation"]).first()
        if organisation is None:
            raise CommandError(f"No organisation with the slug {options['organisation']!r}.")
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        with translation.override(options["language"] or organisation.default_language):
            with path.open("rb") as file:
                result = leaders_import(
                    organisation=organisation,
                    file=file,
                    filename=path.name,
                    dry_run=options["dry_run"],
                    actor=None,
                    deactivate_missing=options["deactivate_missing"],
                )
            summary = result.summary()
            self.stdout.write(
                ("Dry run: " if result.dry_run else "")
                + f"{summary['rows']} rows ({result.format}"
                + (f", {result.encoding}" if result.encoding else "")
                + "). "
                + f"Leaders: {result.leaders_created} new, {result.leaders_updated} updated, "
                f"{result.leaders_unchanged} unchanged, {result.leaders_deactivated} "
                f"deactivated. Units: {result.units_created} new, {result.units_updated} "
                f"updated, {result.units_unchanged} unchanged. "
                f"{result.seconds:.2f} s."
            )
            if not result.ok:
                for error in result.errors:
                    where = ", ".join(
                        part
                        for part in (
                            f"row {error.row}" if error.row is not None else "",
                            f"column {error.column}" if error.column else "",
                        )
                        if part
                    )
                    self.stderr.write(f"{where}: {error.message}" if where else error.message)
                raise CommandError(f"{len(result.errors)} error(s); nothing was imported.")
