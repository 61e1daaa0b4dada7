"""Mentoring's answer to people events: enrol new leaders, re-check pairs when lines change."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction

from backend.mentoring.tasks import enrolment_ensure_new_leaders_task, pairs_recheck_task


def on_leaders_changed(
    *, organisation_id: int, started_role: Sequence[int], line_changed: Sequence[int]
) -> None:
    """After commit, queue enrolment of new leaders and a re-check of the organisation's pairs."""
    if started_role:
        transaction.on_commit(lambda: enrolment_ensure_new_leaders_task.delay())
    if line_changed:
        transaction.on_commit(lambda: pairs_recheck_task.delay(organisation_id))
