"""Reads of the catalogue, scoped by the actor.

The catalogue is the organisation's and not private: everyone in the organisation reads the
active offers (HR reads the inactive ones too). A request is the leader's: the leader reads
their own, HR reads those of leaders in its scope, and no one else learns that it exists
(404) — a boss included (``visibility.Kind.STAFF_REQUEST``).
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from backend.catalogue.models import Offer, OfferRequest
from backend.people import access
from backend.people.models import User

OFFER_RELATED = ("staff_function", "delivered_by")
REQUEST_RELATED = (
    "offer__staff_function",
    "offer__delivered_by",
    "leader__unit__department__administration",
)


def offer_list(*, actor: User) -> QuerySet[Offer]:
    """The offers of the actor's organisation: active ones for leaders, all of them for HR."""
    organisation_id = access.organisation_id_of(actor)
    offers = (
        Offer.objects.filter(organisation_id=organisation_id or 0)
        .select_related(*OFFER_RELATED)
        .prefetch_related("topics")
    )
    return offers if access.is_hr(actor) else offers.filter(active=True)


def offer_detail(*, actor: User, offer_id: int) -> Offer:
    """One offer the actor may read (else 404)."""
    offer = offer_list(actor=actor).filter(id=offer_id).first()
    if offer is None:
        raise Http404
    return offer


def request_list_mine(*, actor: User) -> QuerySet[OfferRequest]:
    """The actor's own requests (a leader's login), newest first."""
    if actor.leader_id is None:
        return OfferRequest.objects.none()
    return OfferRequest.objects.filter(leader_id=actor.leader_id).select_related(*REQUEST_RELATED)


def request_list_for_hr(*, actor: User) -> QuerySet[OfferRequest]:
    """The requests of the leaders in HR's scope (organisation, or its administrations)."""
    if not access.is_hr(actor):
        return OfferRequest.objects.none()
    return OfferRequest.objects.filter(access.hr_scope_q(actor, prefix="leader__")).select_related(
        *REQUEST_RELATED
    )


def request_detail(*, actor: User, request_id: int) -> OfferRequest:
    """One request: the leader's own, or in HR's scope; anyone else gets 404."""
    scope = Q(leader_id=actor.leader_id) if actor.leader_id is not None else Q(pk__in=[])
    if access.is_hr(actor):
        scope |= access.hr_scope_q(actor, prefix="leader__")
    row = OfferRequest.objects.filter(scope, id=request_id).select_related(*REQUEST_RELATED).first()
    if row is None:
        raise Http404
    return row
