"""Celery tasks of the privacy app."""

from __future__ import annotations

from celery import shared_task

from backend.privacy.services import retention_apply


@shared_task(name="privacy.retention_apply", acks_late=True, max_retries=3)
def retention_apply_task() -> int:
    """Erase leaders past the retention period (daily, see CELERY_BEAT_SCHEDULE); idempotent."""
    return len(retention_apply())
