"""Writes of the catalogue: HR edits the offers; a leader requests one; HR follows it through.

Offers are the organisation's, so only HR for the whole organisation edits them (like the staff
directory they belong to). Staff consultants have no login in Sparring (``StaffContact`` is a
directory entry, not a ``User``), so HR — for the organisation, or scoped to the leader's
administration — moves requests on for them: requested → accepted / scheduled → done, or
declined with a reason; the leader may withdraw an open request. Each step notifies the other
side. Notifications name the offer, never the leader's message.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from backend.api.exceptions import Conflict, ServiceError
from backend.catalogue import selectors
from backend.catalogue.models import Offer, OfferRequest
from backend.notifications import links
from backend.notifications.services import lazy_message, notify
from backend.people import access
from backend.people.models import Leader, StaffContact, StaffFunction, Topic, User

Status = OfferRequest.Status
OPEN = (Status.REQUESTED, Status.ACCEPTED, Status.SCHEDULED)
#: Which status HR may move a request to, from each status.
NEXT: dict[str, tuple[str, ...]] = {
    Status.REQUESTED: (Status.ACCEPTED, Status.SCHEDULED, Status.DONE, Status.DECLINED),
    Status.ACCEPTED: (Status.SCHEDULED, Status.DONE, Status.DECLINED),
    Status.SCHEDULED: (Status.SCHEDULED, Status.DONE, Status.DECLINED),
    Status.DONE: (),
    Status.DECLINED: (),
    Status.WITHDRAWN: (),
}
OFFER_FIELDS = (
    "title_da",
    "title_en",
    "description_da",
    "description_en",
    "duration",
    "timing",
    "active",
)


def _organisation_id(actor: User) -> int:
    organisation_id = access.organisation_id_of(actor)
    assert organisation_id is not None, "the view's role guarantees an organisation"
    return organisation_id


def _offer_write(offer: Offer, fields: dict[str, Any]) -> Offer:
    organisation_id = offer.organisation_id
    if "staff_function_id" in fields:
        function = StaffFunction.objects.filter(
            organisation_id=organisation_id, id=fields["staff_function_id"]
        ).first()
        if function is None:
            raise ServiceError(
                _("Choose one of your organisation's staff functions."), field="staff_function_id"
            )
        offer.staff_function = function
    if "delivered_by_id" in fields:
        contact_id = fields["delivered_by_id"]
        contact = None
        if contact_id is not None:
            contact = StaffContact.objects.filter(
                staff_function_id=offer.staff_function_id, id=contact_id
            ).first()
            if contact is None:
                raise ServiceError(
                    _("Choose a consultant of the offer's staff function."),
                    field="delivered_by_id",
                )
        offer.delivered_by = contact
    elif (
        "staff_function_id" in fields
        and offer.delivered_by is not None
        and offer.delivered_by.staff_function_id != offer.staff_function_id
    ):
        offer.delivered_by = None  # the consultant belongs to the old function
    for name in OFFER_FIELDS:
        if name in fields:
            setattr(offer, name, fields[name])
    topics = None
    if "topic_ids" in fields:
        topics = _topics(organisation_id, fields["topic_ids"])
    with transaction.atomic():
        offer.save()
        if topics is not None:
            offer.topics.set(topics)
    return Offer.objects.select_related(*selectors.OFFER_RELATED).get(id=offer.id)


def _topics(organisation_id: int, ids: Sequence[int]) -> list[Topic]:
    topics = list(Topic.objects.filter(organisation_id=organisation_id, id__in=set(ids)))
    if len(topics) != len(set(ids)):
        raise ServiceError(_("Choose among your own organisation's topics."), field="topic_ids")
    return topics


def offer_create_as(*, actor: User, **fields: Any) -> Offer:
    """HR for the organisation publishes an offer of one of its staff functions."""
    if "staff_function_id" not in fields:
        raise ServiceError(_("Choose a staff function."), field="staff_function_id")
    return _offer_write(Offer(organisation_id=_organisation_id(actor)), fields)


def offer_update_as(*, actor: User, offer_id: int, **fields: Any) -> Offer:
    """HR for the organisation edits an offer (or makes it inactive)."""
    return _offer_write(selectors.offer_detail(actor=actor, offer_id=offer_id), fields)


def offer_delete_as(*, actor: User, offer_id: int) -> None:
    """HR removes an offer nobody has requested (409 otherwise: make it inactive instead)."""
    offer = selectors.offer_detail(actor=actor, offer_id=offer_id)
    if offer.requests.exists():
        raise Conflict(_("Leaders have requested this offer: make it inactive instead."))
    offer.delete()


def request_create_as(
    *, actor: User, offer_id: int, message: str = "", desired_timing: str = ""
) -> OfferRequest:
    """A leader requests an active offer of their organisation; HR in scope is notified."""
    leader = Leader.objects.get(id=actor.leader_id or 0)
    offer = selectors.offer_list(actor=actor).filter(id=offer_id, active=True).first()
    if offer is None:
        raise OfferRequest.DoesNotExist  # 404: not an offer the leader can see
    row = request_create(leader=leader, offer=offer, message=message, desired_timing=desired_timing)
    return selectors.request_detail(actor=actor, request_id=row.id)


def request_create(
    *, leader: Leader, offer: Offer, message: str = "", desired_timing: str = ""
) -> OfferRequest:
    """The row-level write of a request (the seed's door too): one open request per offer."""
    if OfferRequest.objects.filter(offer=offer, leader=leader, status__in=OPEN).exists():
        raise Conflict(_("You already have an open request for this offer."))
    row = OfferRequest.objects.create(
        organisation_id=offer.organisation_id,
        offer=offer,
        leader=leader,
        message=message,
        desired_timing=desired_timing,
    )
    _notify_hr(row)
    return row


def _notify_hr(row: OfferRequest) -> None:
    users = User.objects.filter(
        organisation_id=row.organisation_id, role__in=[User.Role.HR, User.Role.ADMIN]
    )
    subject = lazy_message(
        gettext_lazy("%(leader)s requests “%(offer)s”"),
        leader=f"{row.leader.first_name} {row.leader.last_name}",
        offer=row.offer.title_da,
    )
    for user in users:
        if access.is_hr_for(user, row.leader):
            notify(
                user=user,
                kind="catalogue.requested",
                subject=subject,
                url=links.staff_request_board(row.id),
            )


SUBJECTS = {
    Status.ACCEPTED: gettext_lazy("Your request for “%(offer)s” is accepted"),
    Status.SCHEDULED: gettext_lazy("Your request for “%(offer)s” is scheduled"),
    Status.DONE: gettext_lazy("Your request for “%(offer)s” is done"),
    Status.DECLINED: gettext_lazy("Your request for “%(offer)s” is declined"),
}


def request_update_as(
    *,
    actor: User,
    request_id: int,
    status: str,
    scheduled_for: dt.date | None = None,
    reply: str | None = None,
    decline_reason: str = "",
) -> OfferRequest:
    """HR moves a request on (accepted, scheduled, done or declined); the leader is notified."""
    row = selectors.request_detail(actor=actor, request_id=request_id)
    if not access.is_hr_for(actor, row.leader):
        raise OfferRequest.DoesNotExist  # the leader's own login is not HR: not found here
    return request_move(
        row=row,
        actor=actor,
        status=status,
        scheduled_for=scheduled_for,
        reply=reply,
        decline_reason=decline_reason,
    )


def request_move(
    *,
    row: OfferRequest,
    actor: User | None,
    status: str,
    scheduled_for: dt.date | None = None,
    reply: str | None = None,
    decline_reason: str = "",
) -> OfferRequest:
    """The row-level step of a request through its statuses, and the leader's notification."""
    if status not in NEXT[row.status]:
        raise Conflict(_("The request cannot move from this status to that one."))
    if status == Status.DECLINED and not decline_reason.strip():
        raise ServiceError(_("Say why the request is declined."), field="decline_reason")
    if status == Status.SCHEDULED and scheduled_for is None:
        raise ServiceError(_("Give the date it is scheduled for."), field="scheduled_for")
    row.status = status
    if scheduled_for is not None:
        row.scheduled_for = scheduled_for
    if reply is not None:
        row.reply = reply
    row.decline_reason = decline_reason if status == Status.DECLINED else ""
    row.handled_by = actor
    row.save()
    user = User.objects.filter(leader_id=row.leader_id).first()
    if user is not None:
        notify(
            user=user,
            kind=f"catalogue.request_{status}",
            subject=lazy_message(SUBJECTS[Status(status)], offer=row.offer.title_da),
            url=links.my_staff_requests(row.id),
        )
    return row


def request_withdraw_as(*, actor: User, request_id: int) -> OfferRequest:
    """The leader withdraws their own open request (HR in scope is told)."""
    row = OfferRequest.objects.filter(id=request_id, leader_id=actor.leader_id or 0).first()
    if row is None:
        raise OfferRequest.DoesNotExist
    if row.status not in OPEN:
        raise Conflict(_("Only an open request can be withdrawn."))
    row.status = Status.WITHDRAWN
    row.save(update_fields=["status", "updated_at"])
    return selectors.request_detail(actor=actor, request_id=row.id)
