"""Build and refresh the know-how search documents (derived data, like a search index).

A document is dropped when its sources change (``signals.py``: the leader's row, their
strengths, a topic's labels) and built again, for the organisation's opted-in leaders that lack
one, just before a search (``documents_refresh``). So an edited profile is searchable at the
next search, and a search at 10 000 leaders reads no profile it does not need.

Looking for leaders without a document costs an anti-join over the organisation's leaders
(50 ms at 10 000 on a busy machine), so a refresh marks the organisation clean in the cache for
``CLEAN_SECONDS``, and every drop (and every new leader) clears the mark. Leaders written in
bulk without signals (the scale generator) are picked up when the mark expires.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.contrib.postgres.search import SearchVector
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Prefetch
from django.db.models.expressions import CombinedExpression

from backend.knowhow import text
from backend.knowhow.models import KnowhowDocument, KnowhowTerm
from backend.people.models import Competency, Leader

#: PostgreSQL's default weights for D, C, B and A (``ts_rank``).
WEIGHTS = {"d": 0.1, "c": 0.2, "b": 0.4, "a": 1.0}
#: Which weight (PostgreSQL's A-D) a strength of each level is indexed with.
LEVEL_WEIGHT = {3: "a", 2: "b", 1: "c"}
_BATCH = 500
#: How long a refreshed organisation counts as clean without a drop (seconds).
CLEAN_SECONDS = 60


def _clean_key(organisation_id: int) -> str:
    return f"knowhow:clean:{organisation_id}"


def organisations_dirty(*, organisation_ids: Iterable[int]) -> None:
    """Forget that these organisations' documents were complete (a drop or a new leader)."""
    cache.delete_many([_clean_key(org_id) for org_id in set(organisation_ids)])


def _topic_text(competency: Competency) -> str:
    return f"{competency.topic.label_da}. {competency.topic.label_en}."


def document_of(leader: Leader, competencies: Sequence[Competency]) -> KnowhowDocument:
    """Return the (unsaved) search document of a leader and their strengths."""
    parts: dict[str, list[str]] = {"a": [], "b": [], "c": [], "d": []}
    sources: list[dict[str, Any]] = []
    for competency in competencies:
        topic_text = text.expand(_topic_text(competency))
        parts[LEVEL_WEIGHT.get(competency.level, "c")].append(topic_text)
        parts["d"].append(text.expand(competency.topic.description_da))
        sources.append(
            {
                "kind": "strength",
                "slug": competency.topic.slug,
                "label_da": competency.topic.label_da,
                "label_en": competency.topic.label_en,
                "level": competency.level,
                "stems": sorted({t.stem for t in text.terms(topic_text)}),
            }
        )
    if leader.bio:
        parts["b"].append(text.expand(leader.bio))
        sources.append({"kind": "introduction", "text": leader.bio})
    texts = {weight: " ".join(chunks) for weight, chunks in parts.items()}
    terms = [
        f"{weight}:{term.stem}" for weight, chunk in texts.items() for term in text.terms(chunk)
    ]
    return KnowhowDocument(
        leader_id=leader.id,
        organisation_id=leader.organisation_id,
        text_a=texts["a"],
        text_b=texts["b"],
        text_c=texts["c"],
        text_d=texts["d"],
        terms=f" {' '.join(terms)} ",
        sources=sources,
    )


def stem_ranks(terms: str) -> dict[str, float]:
    """Each stem's share of ``ts_rank`` for an OR query that holds it (before dividing by the
    query's length): PostgreSQL's ``calc_rank_or`` over the stem's occurrences in document
    order. The parts come A, B, C, D, so the weights are in falling order: the first counts
    fully, the j-th (from 0) ``w / (j + 1)²``, all divided by π²/6.
    """
    weights: dict[str, list[float]] = {}
    for token in terms.split():
        weight, _, stem = token.partition(":")
        weights.setdefault(stem, []).append(WEIGHTS[weight])
    return {
        stem: sum(w / ((j + 1) ** 2) for j, w in enumerate(ws)) / 1.64493406685
        for stem, ws in weights.items()
    }


def _index_terms(document: KnowhowDocument) -> list[KnowhowTerm]:
    return [
        KnowhowTerm(
            organisation_id=document.organisation_id,
            leader_id=document.leader_id,
            stem=stem[:100],
            weight=rank,
        )
        for stem, rank in stem_ranks(document.terms).items()
    ]


def documents_build(*, leader_ids: Iterable[int]) -> int:
    """(Re)build the documents of these leaders; return how many were written."""
    ids = list(leader_ids)
    written = 0
    for start in range(0, len(ids), _BATCH):
        batch = ids[start : start + _BATCH]
        leaders = Leader.objects.filter(id__in=batch).prefetch_related(
            Prefetch("competencies", queryset=Competency.objects.select_related("topic"))
        )
        documents = [document_of(leader, list(leader.competencies.all())) for leader in leaders]
        with transaction.atomic():
            KnowhowDocument.objects.filter(leader_id__in=batch).delete()
            KnowhowTerm.objects.filter(leader_id__in=batch).delete()
            KnowhowDocument.objects.bulk_create(documents)
            KnowhowTerm.objects.bulk_create(
                [term for document in documents for term in _index_terms(document)],
                batch_size=2000,
            )
            if connection.vendor == "postgresql":
                KnowhowDocument.objects.filter(leader_id__in=batch).update(vector=_vector())
        written += len(documents)
    return written


def _vector() -> CombinedExpression:
    """PostgreSQL's weighted ``tsvector`` of the four parts, in the order ``terms`` keeps."""
    return (
        SearchVector("text_a", weight="A", config="danish")
        + SearchVector("text_b", weight="B", config="danish")
        + SearchVector("text_c", weight="C", config="danish")
        + SearchVector("text_d", weight="D", config="danish")
    )


def documents_refresh(*, organisation_id: int) -> int:
    """Build the missing documents of the organisation's opted-in active leaders."""
    if cache.get(_clean_key(organisation_id)):
        return 0
    missing = Leader.objects.filter(
        organisation_id=organisation_id,
        active=True,
        discoverable=True,
        knowhow_document__isnull=True,
    ).values_list("id", flat=True)
    built = documents_build(leader_ids=list(missing))
    cache.set(_clean_key(organisation_id), True, CLEAN_SECONDS)
    return built


def documents_drop(*, leader_ids: Iterable[int]) -> None:
    """Drop these leaders' documents: they are built again at the next search."""
    ids = list(leader_ids)
    KnowhowDocument.objects.filter(leader_id__in=ids).delete()
    KnowhowTerm.objects.filter(leader_id__in=ids).delete()
    organisations_dirty(
        organisation_ids=Leader.objects.filter(id__in=ids).values_list("organisation_id", flat=True)
    )
