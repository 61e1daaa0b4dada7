"""GDPR contribution of the know-how finder: the leader's search document (derived data).

Called by ``backend.privacy`` (``backend/privacy/registry.py``). The document repeats the
leader's introduction and strength labels, which the people section exports; here the export
says only whether and when it was built, and erasure deletes it and its index rows (a leader
without strengths sends no signal when erased, so the document would otherwise keep the words).
"""

from __future__ import annotations

from typing import Any

from backend.knowhow.models import KnowhowDocument, KnowhowTerm
from backend.people.models import Leader


def export_leader(leader: Leader, *, notes: bool = True) -> dict[str, Any]:
    """Whether the leader's introduction and strengths are in the search index, and since when."""
    document = KnowhowDocument.objects.filter(leader=leader).first()
    return {
        "search_document": None
        if document is None
        else {"built_at": document.built_at.isoformat(), "stems": len(document.terms.split())}
    }


def erase_leader(leader: Leader) -> None:
    """Delete the leader's search document and index rows (idempotent)."""
    KnowhowDocument.objects.filter(leader=leader).delete()
    KnowhowTerm.objects.filter(leader=leader).delete()
