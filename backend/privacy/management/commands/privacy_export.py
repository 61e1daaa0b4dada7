"""``manage.py privacy_export --leader 100123 --organisation testrup --purpose "..."``."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.template.loader import render_to_string
from django.utils import translation

from backend.api.exceptions import ServiceError
from backend.privacy.management.commands._leader import leader_by_number
from backend.privacy.renderers import export_blocks
from backend.privacy.services import leader_export


class Command(BaseCommand):
    """Write everything Sparring holds about one leader (GDPR export) as JSON or HTML."""

    help = "Export everything about a leader (GDPR art. 15); the read is written to their log."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--leader", required=True, help="The leader's employee number.")
        parser.add_argument("--organisation", required=True, help="The organisation's slug.")
        parser.add_argument("--purpose", required=True, help="Why (kept in the access log).")
        parser.add_argument("--format", choices=["json", "html"], default="json")
        parser.add_argument("--language", choices=["da", "en"], default="da")
        parser.add_argument("--output", help="Write to this file instead of standard output.")

    def handle(self, *args: Any, **options: Any) -> None:
        leader = leader_by_number(
            employee_number=options["leader"], organisation_slug=options["organisation"]
        )
        try:
            data = leader_export(leader=leader, actor=None, purpose=options["purpose"])
        except ServiceError as error:
            raise CommandError(error.message) from error
        text: str
        if options["format"] == "html":
            with translation.override(options["language"]):
                text = str(
                    render_to_string(
                        "privacy/export.html",
                        {"blocks": export_blocks(data), "generated_at": data["generated_at"]},
                    )
                )
        else:
            text = json.dumps(data, ensure_ascii=False, indent=2)
        if options["output"]:
            with open(options["output"], "w", encoding="utf-8") as handle:
                handle.write(text)
        else:
            self.stdout.write(text)
