"""Drop a leader's know-how document when what it is built from changes.

Index upkeep only (no rule lives here): the leader's row (introduction, opt-in), their strengths
and the labels of a topic. The document is built again at the next search
(``documents.documents_refresh``).
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from backend.knowhow.documents import documents_drop, organisations_dirty
from backend.people.models import Competency, Leader, Topic


@receiver(post_save, sender=Leader, dispatch_uid="knowhow-leader-saved")
def _leader_saved(sender: type, instance: Leader, created: bool, **kwargs: Any) -> None:
    if created:
        organisations_dirty(organisation_ids=[instance.organisation_id])
    else:
        documents_drop(leader_ids=[instance.id])


@receiver(post_save, sender=Competency, dispatch_uid="knowhow-competency-saved")
@receiver(post_delete, sender=Competency, dispatch_uid="knowhow-competency-deleted")
def _competency_changed(sender: type, instance: Competency, **kwargs: Any) -> None:
    documents_drop(leader_ids=[instance.leader_id])


@receiver(post_save, sender=Topic, dispatch_uid="knowhow-topic-saved")
def _topic_saved(sender: type, instance: Topic, created: bool, **kwargs: Any) -> None:
    if not created:
        documents_drop(
            leader_ids=Competency.objects.filter(topic=instance).values_list("leader_id", flat=True)
        )
