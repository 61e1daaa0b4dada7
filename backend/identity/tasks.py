"""Nightly provisioning from the HR system's drop folder, for municipalities without SCIM."""

from __future__ import annotations

import logging

from celery import shared_task

from backend.identity.services import drop_folder_import_and_report
from backend.people.models import Organisation

logger = logging.getLogger(__name__)


@shared_task(name="identity.drop_folder_import", acks_late=True)
def drop_folder_import_task() -> dict[str, str]:
    """Import each organisation's newest nightly export and send HR the change report.

    Harmless to run twice: an imported file is moved out of the folder, so a second run finds
    nothing new; a bad file stays and is reported again (it still needs HR's attention).
    """
    outcome: dict[str, str] = {}
    for organisation in Organisation.objects.order_by("id"):
        run = drop_folder_import_and_report(organisation=organisation)
        if run is not None:
            outcome[organisation.slug] = "imported" if run.ok else "refused"
    return outcome
