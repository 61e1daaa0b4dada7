"""``bulk_insert`` writes what ``bulk_create`` writes (COPY on PostgreSQL, the CI's second run)."""

from __future__ import annotations

import pytest
from django.forms.models import model_to_dict

from backend.bulk import bulk_insert
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
