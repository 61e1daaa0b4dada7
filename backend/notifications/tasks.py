"""Periodic e-mail jobs of the notifications app."""

from celery import shared_task

from backend.notifications.email import digest_send


@shared_task(name="notifications.digest_send", acks_late=True)
def digest_send_task() -> int:
    """Each morning: one mail per HR user with the day's escalations (idempotent)."""
    return digest_send()
