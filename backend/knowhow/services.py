"""Writes of the know-how finder: rebuilding an organisation's search documents at once."""

from __future__ import annotations

from backend.knowhow.documents import documents_build
from backend.people.models import Leader


def knowhow_reindex(*, organisation_id: int) -> int:
    """Rebuild the documents of every opted-in active leader of the organisation.

    Searches build missing documents themselves; this is for a new index layout, a changed
    synonym list (``text.CONCEPTS``) or a benchmark that wants the index warm before timing.
    """
    ids = Leader.objects.filter(
        organisation_id=organisation_id, active=True, discoverable=True
    ).values_list("id", flat=True)
    return documents_build(leader_ids=list(ids))
