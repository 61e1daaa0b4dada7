"""``manage.py privacy_erase --leader 100123 --organisation testrup --reason "..." --yes``."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from backend.api.exceptions import ServiceError
from backend.people.models import Organisation
from backend.privacy.management.commands._leader import leader_by_number
from backend.privacy.models import Erasure
from backend.privacy.services import leader_erase, subject_key


def subject_key_for(organisation_slug: str, employee_number: str) -> str:
    """Return the erasure key of an employee number in the organisation with this slug."""
    organisation_id = (
        Organisation.objects.filter(slug=organisation_slug).values_list("id", flat=True).first()
    )
    if organisation_id is None:
        raise CommandError(f"No organisation {organisation_slug!r}.")
    return subject_key(organisation_id=organisation_id, employee_number=employee_number)


class Command(BaseCommand):
    """Erase everything about one leader (GDPR art. 17); idempotent."""

    help = "Erase a leader's data for good, keeping an anonymous row for statistics."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--leader", required=True, help="The leader's employee number.")
        parser.add_argument("--organisation", required=True, help="The organisation's slug.")
        parser.add_argument("--reason", required=True, help="Kept; must not name the person.")
        parser.add_argument("--yes", action="store_true", help="Confirm: this cannot be undone.")

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["yes"]:
            raise CommandError("Erasure cannot be undone: add --yes to confirm.")
        earlier = Erasure.objects.filter(
            subject__organisation__slug=options["organisation"],
            subject_key=subject_key_for(options["organisation"], options["leader"]),
        ).first()
        if earlier is not None:  # a re-run: the number is gone from the leader row already
            self.stdout.write(f"Leader #{earlier.subject_id} was erased {earlier.at:%Y-%m-%d}.")
            return
        leader = leader_by_number(
            employee_number=options["leader"], organisation_slug=options["organisation"]
        )
        try:
            erasure = leader_erase(
                leader=leader,
                actor=None,
                reason=options["reason"],
                trigger=Erasure.Trigger.COMMAND,
            )
        except ServiceError as error:
            raise CommandError(error.message) from error
        self.stdout.write(f"Erased leader #{erasure.subject_id} ({erasure.at:%Y-%m-%d %H:%M}).")
