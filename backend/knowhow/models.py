"""The know-how finder's search document: one per opted-in leader, rebuilt when its sources change.

The document holds what a leader offers, in four weighted parts as PostgreSQL ranks them: A, the
topics they are expert in; B, topics they are solid in and their own introduction (bio); C,
topics they know some of; D, the topics' descriptions. ``vector`` is PostgreSQL's ``tsvector`` of
the four parts (``danish`` configuration, GIN index; empty on SQLite); ``terms`` is the same as
weighted Snowball stems for the SQLite fallback (`` a:vagtplan b:deltid ...``, in order);
``sources`` says where each word came from, for the reasons. ``KnowhowTerm`` is the same again
as an inverted index, one row per leader and stem with the stem's share of ``ts_rank``: SQLite
ranks with one indexed ``GROUP BY`` over the asker's stems.
"""

from __future__ import annotations

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

from backend.people.models import Leader, Organisation


class KnowhowDocument(models.Model):
    """A leader's know-how as a search document (derived data: rebuilt, never edited)."""

    leader = models.OneToOneField(
        Leader, on_delete=models.CASCADE, primary_key=True, related_name="knowhow_document"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="knowhow_documents"
    )
    text_a = models.TextField(_("expert topics"), blank=True)
    text_b = models.TextField(_("solid topics and introduction"), blank=True)
    text_c = models.TextField(_("some topics"), blank=True)
    text_d = models.TextField(_("topic descriptions"), blank=True)
    terms = models.TextField(_("weighted stems"), blank=True)
    sources = models.JSONField(_("where the words came from"), default=list, blank=True)
    vector = SearchVectorField(null=True, blank=True)
    built_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["organisation"], name="knowhow_doc_org")]

    def __str__(self) -> str:
        return f"know-how document of leader #{self.pk}"


class KnowhowTerm(models.Model):
    """One stem of a leader's document and its ``ts_rank`` contribution (the SQLite index)."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    leader = models.ForeignKey(Leader, on_delete=models.CASCADE, related_name="+")
    stem = models.CharField(max_length=100)
    weight = models.FloatField()

    class Meta:
        indexes = [
            # Covering: a search reads the index only (organisation, stem → leader, weight).
            models.Index(
                fields=["organisation", "stem", "leader", "weight"], name="knowhow_term_lookup"
            )
        ]

    def __str__(self) -> str:
        return f"{self.stem} ({self.weight:.3f})"
