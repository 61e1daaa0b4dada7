"""The know-how search: the asker's words against the opted-in leaders' documents, with reasons.

On PostgreSQL the documents' ``tsvector`` (``danish`` configuration, GIN index) is matched
with the asker's words OR-ed, ranked by ``ts_rank`` with PostgreSQL's default weights. On SQLite
the same ranking comes from an inverted index of each leader's stems with their share of
``ts_rank`` (``KnowhowTerm``), summed per leader in one indexed query. Both then put the
reasons into words the same way: which of the leader's strengths and which sentences of their
introduction matched which of the asker's words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, QuerySet, Sum
from django.db.models.functions import Round
from django.http import Http404

from backend.knowhow import text
from backend.knowhow.documents import documents_refresh, stem_ranks
from backend.knowhow.models import KnowhowDocument, KnowhowTerm
from backend.people.access import actor_leader
from backend.people.models import Leader, User

_SENTENCE = re.compile(r"[^.!?]+[.!?]?")


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a leader was found: a strength or a sentence of their introduction, and the words."""

    kind: str  # "strength" or "introduction"
    text: str  # the strength's label (in the reader's language) or the sentence
    level: int | None  # the strength's level (1-3); None for a sentence
    matched: tuple[str, ...]  # the leader's words that matched (to highlight)
    asked: tuple[str, ...]  # the asker's words they matched


@dataclass(frozen=True, slots=True)
class Found:
    """A leader who offers know-how on the asker's problem."""

    leader: Leader
    score: float
    reasons: tuple[Reason, ...]


def rank_of(terms: str, stems: Sequence[str]) -> float:
    """``ts_rank`` of a document's weighted stems for an OR query of ``stems`` (normalisation 0).

    The sum of each query stem's share (``documents.stem_ranks``) divided by their number.
    """
    ranks = stem_ranks(terms)
    return sum(ranks.get(stem, 0.0) for stem in stems) / len(stems) if stems else 0.0


def _candidates(organisation_id: int, me_id: int) -> QuerySet[KnowhowDocument]:
    return KnowhowDocument.objects.filter(
        organisation_id=organisation_id, leader__active=True, leader__discoverable=True
    ).exclude(leader_id=me_id)


def _ranked_postgres(docs: QuerySet[KnowhowDocument], query: str, limit: int) -> list[Any]:
    words = text.query_words(query)
    search = SearchQuery(" | ".join(words), search_type="raw", config="danish")
    rows = (
        docs.filter(vector=search)
        .annotate(rank=SearchRank(F("vector"), search))
        .order_by("-rank", "leader_id")
        .values_list("leader_id", "rank")[:limit]
    )
    return list(rows)


def _ranked_term_index(
    organisation_id: int, me_id: int, stems: Sequence[str], limit: int
) -> list[tuple[int, float]]:
    """SQLite: the inverted index, summed per leader (``ts_rank`` up to the query's length)."""
    rows = (
        KnowhowTerm.objects.filter(
            organisation_id=organisation_id,
            stem__in=list(stems),
            leader__active=True,
            leader__discoverable=True,
        )
        .exclude(leader_id=me_id)
        .values("leader_id")
        .annotate(rank=Round(Sum("weight"), 6))
        .order_by("-rank", "leader_id")
        .values_list("leader_id", "rank")[:limit]
    )
    return [(leader_id, rank / len(stems)) for leader_id, rank in rows]


def knowhow_search(
    *, actor: User, query: str, language: str = "da", limit: int = 10
) -> list[Found]:
    """Return the opted-in leaders of the asker's organisation who offer know-how on ``query``.

    Only active leaders who said yes to being found (``Leader.discoverable``); never the asker,
    never another organisation's leaders. A caller without a leader profile gets 404.
    """
    me = actor_leader(actor)
    if me is None:
        raise Http404
    terms = text.query_terms(query)
    if not terms:
        return []
    documents_refresh(organisation_id=me.organisation_id)
    stems = [t.stem for t in terms]
    if connection.vendor == "postgresql":
        ranked = _ranked_postgres(_candidates(me.organisation_id, me.id), query, limit)
    else:
        ranked = _ranked_term_index(me.organisation_id, me.id, stems, limit)
    return _found(ranked, terms, language)


def _found(
    ranked: Sequence[tuple[int, float]], terms: Sequence[text.Term], language: str
) -> list[Found]:
    ids = [leader_id for leader_id, _ in ranked]
    leaders = Leader.objects.select_related(
        "unit__department__administration", "knowhow_document"
    ).in_bulk(ids)
    asked = {t.stem: t.word for t in terms}
    found = []
    for leader_id, score in ranked:
        leader = leaders[leader_id]
        reasons = _reasons(leader.knowhow_document.sources, asked, language)
        found.append(Found(leader=leader, score=round(float(score), 4), reasons=reasons))
    return found


def _reasons(
    sources: list[dict[str, Any]], asked: dict[str, str], language: str
) -> tuple[Reason, ...]:
    reasons: list[Reason] = []
    for source in sources:
        if source["kind"] == "strength":
            hits = [stem for stem in source["stems"] if stem in asked]
            if hits:
                label = source["label_en"] if language == "en" else source["label_da"]
                reasons.append(
                    Reason(
                        kind="strength",
                        text=label,
                        level=source["level"],
                        matched=(),
                        asked=tuple(dict.fromkeys(asked[s] for s in hits)),
                    )
                )
        else:
            reasons.extend(_sentence_reasons(source["text"], asked))
    reasons.sort(key=lambda r: (r.kind != "strength", -(r.level or 0), -len(r.asked)))
    return tuple(reasons)


def _sentence_reasons(bio: str, asked: dict[str, str]) -> list[Reason]:
    """The sentences of an introduction holding one of the asker's stems (or their concepts)."""
    found = []
    for match in _SENTENCE.finditer(bio):
        sentence = match.group(0).strip()
        matched: dict[str, str] = {}
        for word in text.words(sentence):
            if word in text.STOP_WORDS:
                continue
            for stem in (text.stem(word), *(text.stem(k) for k in text.concepts_of(word))):
                if stem in asked:
                    matched.setdefault(word, asked[stem])
        if matched:
            found.append(
                Reason(
                    kind="introduction",
                    text=sentence,
                    level=None,
                    matched=tuple(matched),
                    asked=tuple(dict.fromkeys(matched.values())),
                )
            )
    return found
