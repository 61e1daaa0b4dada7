from celery import shared_task

from backend.netvalue.services import value_rounds_due_open


@shared_task(name="netvalue.rounds_open", acks_late=True)
def value_rounds_open_task() -> int:
    """Every organisation whose last round is three months old gets a new one."""
    return value_rounds_due_open()
