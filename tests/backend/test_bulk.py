"""``bulk_insert`` and ``bulk_insert_rows`` write what ``bulk_create`` writes (COPY on PostgreSQL,
the CI's second run)."""

from __future__ import annotations

import numpy as np
import pytest
from django.forms.models import model_to_dict

from backend.bulk import bulk_insert, bulk_insert_rows
from backend.mentoring.models import Proposal
from tests import factories as f

pytestmark = pytest.mark.django_db


def test_rows_equal_bulk_create_with_json_text_and_nulls() -> None:
    template = f.ProposalFactory()

    def rows(tag: str) -> list[Proposal]:
        # Decided proposals: an enrolment may have several (one open one at most).
        return [
            Proposal(
                programme=template.programme,
                enrolment=template.enrolment,
                status=Proposal.Status.REJECTED,
                offer=template.offer,
                score=1.5 + k,
                components={"needs": 4.0, "tekst": 'æøå "citat" \\ tab\t'},
                reasons=[{"code": "covers", "params": {"topics": ["budget"]}}],
                override_reason=tag,
            )
            for k in range(2)
        ]

    bulk_insert(Proposal, rows("copy"))
    Proposal.objects.bulk_create(rows("orm"))
    ignore = ("id", "override_reason")

    def saved(tag: str) -> list[dict[str, object]]:
        found = Proposal.objects.filter(override_reason=tag).order_by("score")
        return [{k: v for k, v in model_to_dict(p).items() if k not in ignore} for p in found]

    copied, created = saved("copy"), saved("orm")
    assert len(copied) == 2
    assert copied == created
    assert copied[0]["components"] == {"needs": 4.0, "tekst": 'æøå "citat" \\ tab\t'}
    assert copied[1]["score"] == 2.5
    assert all(p.created_at is not None for p in Proposal.objects.filter(override_reason="copy"))


def test_nothing_to_insert_is_fine() -> None:
    bulk_insert(Proposal, [])
    assert not Proposal.objects.exists()


_FIELDS = ("programme_id", "enrolment_id", "offer_id", "status", "score", "components", "reasons")


def test_rows_given_as_values_equal_bulk_create() -> None:
    template = f.ProposalFactory()
    components = {"needs": np.float64(4.25), "tekst": 'æøå "citat" \\ tab\t\n', "n": 3}
    reasons = [{"code": "covers", "params": {"topics": ["budget", "løn"], "blocked": {1: 2}}}]

    def values(k: int) -> tuple[object, ...]:
        ids = (template.programme_id, template.enrolment_id, template.offer_id)
        return (*ids, Proposal.Status.REJECTED, 1.5 + k, components, reasons if k else [])

    bulk_insert_rows(Proposal, _FIELDS, [values(0), values(1)])
    Proposal.objects.bulk_create(
        [
            Proposal(**dict(zip(_FIELDS, values(k), strict=True)), override_reason="orm")
            for k in (0, 1)
        ]
    )

    def saved(orm: bool) -> list[dict[str, object]]:
        found = Proposal.objects.filter(status=Proposal.Status.REJECTED).order_by("score")
        found = found.filter(override_reason="orm") if orm else found.exclude(override_reason="orm")
        return [
            {k: v for k, v in model_to_dict(p).items() if k not in ("id", "override_reason")}
            for p in found
        ]

    copied, created = saved(False), saved(True)
    assert len(copied) == 2
    assert copied == created
    assert copied[1]["reasons"] == [
        {"code": "covers", "params": {"topics": ["budget", "løn"], "blocked": {"1": 2}}}
    ]
    assert copied[0]["components"]["needs"] == 4.25
    assert copied[0]["origin"] == Proposal.Origin.RUN  # a column not given takes its default
    rows = Proposal.objects.filter(status=Proposal.Status.REJECTED).exclude(override_reason="orm")
    assert all(p.created_at is not None for p in rows)


def test_rows_must_name_columns_of_the_model() -> None:
    template = f.ProposalFactory()
    with pytest.raises((ValueError, TypeError)):
        bulk_insert_rows(Proposal, ("programme_id", "colour"), [(template.programme_id, "red")])
    bulk_insert_rows(Proposal, _FIELDS, [])
    assert Proposal.objects.count() == 1
