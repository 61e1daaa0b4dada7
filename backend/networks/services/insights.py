"""HR's network insights as a background product: computed by a task, stored, read from storage.

Figuring brokers, bridges and communities takes seconds at a municipality and minutes at
10 000 leaders, so no request computes them. HR's view (:func:`insights_state_as`) reads the
stored :class:`~backend.networks.models.InsightsSnapshot` of their scope and compares its
fingerprint with the leader graph's (four aggregate queries); when the data changed or nothing
is stored it asks for a computation (:func:`insights_request`) and answers at once with the
previous figures marked stale, or with the progress of the first computation. Requests are
debounced: while a computation of the same data is queued or running (within the lease), no
second one is sent. The beat task ``networks.insights_refresh`` (every five minutes) asks for a
new computation of every stored scope whose data changed, so HR's next view is usually fresh.
The task (:func:`insights_compute`) reports its phase and progress on the row and stores the
result only if no newer request superseded it.
"""

from __future__ import annotations

import hashlib
import logging
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from backend.celery import app as celery_app
from backend.networks.access import hr_or_404
from backend.networks.graph import graph_fingerprint
from backend.networks.models import InsightsSnapshot
from backend.networks.selectors.insights import insights_figures
from backend.people import access
from backend.people.models import User

log = logging.getLogger(__name__)

# Sent by name: ``backend.networks.tasks`` imports this module, so this one does not import it.
INSIGHTS_COMPUTE_TASK = "networks.insights_compute"
Status = InsightsSnapshot.Status


@dataclass(frozen=True)
class InsightsState:
    """What HR's insights page shows: the stored figures and how fresh they are."""

    status: str
    stale: bool
    progress: int
    phase: str
    computed_at: datetime | None
    seconds: float | None
    insights: dict[str, Any] | None


def insights_lease() -> float:
    """Seconds after which a requested computation that never finished counts as lost
    (``SPARRING_INSIGHTS_LEASE``, default 900)."""
    return float(settings.SPARRING_INSIGHTS_LEASE)


def insights_fingerprint(*, organisation_id: int) -> str:
    """The leader graph's fingerprint as a short string (changes whenever the figures may)."""
    raw = repr(graph_fingerprint(organisation_id=organisation_id)).encode()
    return hashlib.sha256(raw).hexdigest()


def _scope_of(actor: User) -> str:
    return ",".join(str(i) for i in sorted(access.hr_administration_ids(actor)))


def insights_request(*, snapshot_id: int, fingerprint: str) -> bool:
    """Ask for a computation of the snapshot's figures at ``fingerprint``; return whether one
    was sent (not when one of the same data is already queued or running within the lease)."""
    now = timezone.now()
    under_way = Q(
        status=Status.COMPUTING,
        fingerprint=fingerprint,
        requested_at__gte=now - timedelta(seconds=insights_lease()),
    )
    claimed = (
        InsightsSnapshot.objects.filter(pk=snapshot_id)
        .exclude(under_way)
        .update(
            status=Status.COMPUTING,
            fingerprint=fingerprint,
            requested_at=now,
            phase="queued",
            progress=0,
            error="",
        )
    )
    if claimed:
        transaction.on_commit(
            lambda: celery_app.signature(INSIGHTS_COMPUTE_TASK, args=(snapshot_id,)).delay()
        )
    return bool(claimed)


def _state(snapshot: InsightsSnapshot, fingerprint: str) -> InsightsState:
    fresh = snapshot.data is not None and snapshot.data_fingerprint == fingerprint
    return InsightsState(
        status=Status.READY if fresh else snapshot.status,
        stale=snapshot.data is not None and not fresh,
        progress=100 if fresh else snapshot.progress,
        phase="done" if fresh else snapshot.phase,
        computed_at=snapshot.computed_at,
        seconds=snapshot.seconds,
        insights=snapshot.data,
    )


def insights_state_as(*, actor: User) -> InsightsState:
    """Return HR's stored insights for their scope, asking for a computation when the data
    changed since (HR only; the answer never waits for the figures)."""
    hr_or_404(actor)
    organisation_id = access.organisation_id_of(actor)
    assert organisation_id is not None
    fingerprint = insights_fingerprint(organisation_id=organisation_id)
    snapshot, _created = InsightsSnapshot.objects.get_or_create(
        organisation_id=organisation_id, scope=_scope_of(actor)
    )
    if snapshot.data is None or snapshot.data_fingerprint != fingerprint:
        insights_request(snapshot_id=snapshot.pk, fingerprint=fingerprint)
        snapshot.refresh_from_db()  # eager mode (the embedded demo) may have computed it
    return _state(snapshot, fingerprint)


def insights_compute(*, snapshot_id: int) -> None:
    """Compute and store one snapshot's figures (the task's body), reporting progress."""
    snapshot = InsightsSnapshot.objects.filter(pk=snapshot_id).first()
    if snapshot is None:
        return
    mine = snapshot.fingerprint
    own = InsightsSnapshot.objects.filter(pk=snapshot_id, fingerprint=mine)

    def progress(phase: str, percent: int) -> None:
        own.update(phase=phase, progress=percent)

    started = time.perf_counter()
    try:
        figures = insights_figures(
            organisation_id=snapshot.organisation_id,
            administration_ids=[int(i) for i in snapshot.scope.split(",") if i],
            progress=progress,
        )
    except Exception:
        log.exception("network insights of snapshot %s failed", snapshot_id)
        own.update(status=Status.FAILED, error="The computation failed; it is retried.")
        raise
    # Stored only if no newer request superseded this one (its own task stores that).
    own.update(
        status=Status.READY,
        data=figures,
        data_fingerprint=mine,
        computed_at=timezone.now(),
        seconds=round(time.perf_counter() - started, 3),
        phase="done",
        progress=100,
    )


def insights_refresh_stale() -> int:
    """Ask for a new computation of every stored snapshot whose data changed (the beat task);
    return how many were asked for."""
    asked = 0
    fingerprints: dict[int, str] = {}
    for snapshot in InsightsSnapshot.objects.filter(data__isnull=False).order_by("id"):
        org = snapshot.organisation_id
        if org not in fingerprints:
            fingerprints[org] = insights_fingerprint(organisation_id=org)
        if snapshot.data_fingerprint != fingerprints[org]:
            asked += insights_request(snapshot_id=snapshot.pk, fingerprint=fingerprints[org])
    return asked
