"""Mentors: HR invites leaders by criteria, the leader answers in their own session; a leader
volunteers to mentor and pauses or resumes the offer (issues 13 and 14).

An invitation is a ``MentorOffer`` with ``state=invited``; it takes part in runs only once the
leader has accepted it (``state=active``) with a capacity, the topics they can help with and
their availability. The guard rails (``backend/mentoring/eligibility.py``) apply to invitations
too: a first-year leader or a mentee is invited only with HR's override and a reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from backend.api.exceptions import Conflict, ServiceError
from backend.mentoring.eligibility import mentor_blockers
from backend.mentoring.models import MentorOffer, Programme
from backend.mentoring.selectors import programme_for_hr_or_404
from backend.mentoring.services.notices import notify_hr, notify_leader
from backend.mentoring.services.programmes import mentor_offer_upsert
from backend.notifications import links
from backend.people.access import hr_scope_q
from backend.people.models import Leader, User


def mentor_invite(
    *,
    programme: Programme,
    leaders: Sequence[Leader],
    invited_by: User | None,
    override_reason: str = "",
) -> list[MentorOffer]:
    """Invite leaders to mentor in the programme; each gets a notification to answer.

    A leader who already offers (active) is left as they are; a leader who declined before is
    invited again. Refused as a whole, naming the leaders, when one is in their first year or a
    mentee and HR gave no override reason.
    """
    reason = override_reason.strip()[:400]
    if not reason:
        blocked = [text for leader in leaders for text in mentor_blockers(leader)]
        if blocked:
            raise ServiceError(
                " ".join([*blocked, _("HR can let them mentor anyway with a reason.")]),
                field="override_reason",
            )
    now = timezone.now()
    invited = []
    with transaction.atomic():
        existing = {
            o.leader_id: o
            for o in MentorOffer.objects.select_for_update().filter(
                programme=programme, leader__in=list(leaders)
            )
        }
        for leader in leaders:
            if leader.organisation_id != programme.organisation_id:
                raise ServiceError(
                    _("The leader belongs to another organisation."), field="leaders"
                )
            offer = existing.get(leader.id)
            if offer is not None and offer.state == MentorOffer.State.ACTIVE:
                continue
            offer = offer or MentorOffer(programme=programme, leader=leader)
            offer.state = MentorOffer.State.INVITED
            offer.invited_by, offer.invited_at, offer.answered_at = invited_by, now, None
            offer.override_reason = reason or offer.override_reason
            offer.save()
            invited.append(offer)
    for offer in invited:
        notify_leader(
            leader_id=offer.leader_id,
            kind="mentoring.mentor_invitation",
            subject=gettext_lazy("Invitation to be a mentor"),
            body=gettext_lazy("HR invites you to mentor a new leader. Answer in Sparring."),
            url=links.mentor_offers(),
            dedupe_key=f"mentoring.mentor_invitation.{offer.id}.{now.timestamp():.0f}",
        )
    return invited


def mentor_invitation_answer(
    *,
    offer: MentorOffer,
    accept: bool,
    capacity: int = 1,
    topic_ids: list[int] | None = None,
    availability: str = "",
    hours_per_month: int | None = None,
) -> MentorOffer:
    """The invited leader accepts (capacity, topics, availability) or declines."""
    if offer.state == MentorOffer.State.ACTIVE:
        raise Conflict(_("The invitation has been answered already."), code="state")
    if not accept:
        offer.state = MentorOffer.State.DECLINED
        offer.answered_at = timezone.now()
        offer.save(update_fields=["state", "answered_at"])
    else:
        if capacity < 1:
            raise ServiceError(
                _("Say how many mentees you can take (at least 1)."), field="capacity"
            )
        offer = mentor_offer_upsert(
            programme=offer.programme,
            leader=offer.leader,
            capacity=capacity,
            hours_per_month=hours_per_month,
            state=MentorOffer.State.ACTIVE,
            topic_ids=topic_ids or [],
            availability=availability,
        )
        MentorOffer.objects.filter(id=offer.id).update(answered_at=timezone.now())
        offer.refresh_from_db()
    notify_hr(
        organisation_id=offer.programme.organisation_id,
        leader_id=offer.leader_id,
        kind="mentoring.mentor_answered",
        subject=gettext_lazy("A leader answered your invitation to mentor"),
        url=links.hr_programme(offer.programme_id),
        dedupe_key=f"mentoring.mentor_answered.{offer.id}.{offer.state}",
    )
    return offer


# --- as the caller of the API: scoped by the acting user ----------------------------------


def mentor_invite_as(
    *, actor: User, programme_id: int, leader_ids: list[int], override_reason: str = ""
) -> list[MentorOffer]:
    """HR invites leaders in its scope to mentor in a programme of its organisation."""
    programme = programme_for_hr_or_404(actor=actor, programme_id=programme_id)
    leaders = list(
        Leader.objects.filter(hr_scope_q(actor), active=True, id__in=set(leader_ids)).order_by(
            "last_name", "first_name", "id"
        )
    )
    if not leader_ids or len(leaders) != len(set(leader_ids)):
        raise ServiceError(_("No such leader."), field="leaders")
    return mentor_invite(
        programme=programme, leaders=leaders, invited_by=actor, override_reason=override_reason
    )


def _own_offer(actor: User, offer_id: int) -> MentorOffer:
    if actor.leader_id is None:
        raise Http404
    offer = (
        MentorOffer.objects.select_related("programme", "leader")
        .filter(id=offer_id, leader_id=actor.leader_id)
        .first()
    )
    if offer is None:
        raise Http404
    return offer


def mentor_invitation_answer_as(*, actor: User, offer_id: int, **answer: Any) -> MentorOffer:
    """The invited leader answers their own invitation (anyone else: 404)."""
    return mentor_invitation_answer(offer=_own_offer(actor, offer_id), **answer)
