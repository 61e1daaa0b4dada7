"""Celery tasks of the networks app."""

from __future__ import annotations

from celery import shared_task

from backend.networks.services.insights import insights_compute, insights_refresh_stale
from backend.networks.services.roulette import roulette_due_run, roulette_round_run


@shared_task(name="networks.roulette_run", acks_late=True, max_retries=3)
def roulette_run_task() -> int:
    """Run every network's due coffee-roulette round (daily beat; idempotent per round)."""
    return roulette_due_run()


@shared_task(name="networks.roulette_round_run", acks_late=True, max_retries=3)
def roulette_round_run_task(network_id: int) -> None:
    """Run one network's due round now (HR's "run now"); harmless twice."""
    roulette_round_run(network_id=network_id)


@shared_task(name="networks.insights_compute", acks_late=True)
def insights_compute_task(snapshot_id: int) -> None:
    """Compute one organisation's (or HR scope's) network insights and store them."""
    insights_compute(snapshot_id=snapshot_id)


@shared_task(name="networks.insights_refresh")
def insights_refresh_task() -> int:
    """Ask for new insights wherever the leader graph changed since they were stored (beat)."""
    return insights_refresh_stale()
