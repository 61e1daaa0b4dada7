"""Joining networks: open ones at once, private ones by a request the members decide."""

from __future__ import annotations

from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from backend.api.exceptions import Conflict
from backend.networks.access import (
    actor_leader_or_404,
)
from backend.networks.models import (
    JoinRequest,
    Membership,
    Network,
    RequestStatus,
)
from backend.networks.selectors.memberships import join_requests_for
from backend.networks.services.notices import notify_leader
from backend.notifications import links
from backend.notifications.services import lazy_message
from backend.people.models import Leader, User


@transaction.atomic
def network_join(*, actor: User, network_id: int, message: str = "") -> Membership | JoinRequest:
    """Join an open network at once; ask to join a private one that welcomes newcomers.

    A private network (informal or members-only) is joined when one of its members accepts the
    request; until then the asker sees neither its members nor its head count below five.
    """
    me = actor_leader_or_404(actor)
    network = Network.objects.filter(
        id=network_id, organisation_id=me.organisation_id, active=True
    ).first()
    if network is None:
        raise Http404
    # A private network that does not welcome newcomers is not shown to non-members at all.
    if (
        network.is_private
        and not network.welcomes_newcomers
        and not network.memberships.filter(leader=me).exists()
    ):
        raise Http404
    if network.memberships.filter(leader=me).exists():
        raise Conflict(_("You are already a member."))
    if not network.is_private:
        return Membership.objects.create(network=network, leader=me, since=timezone.localdate())
    if JoinRequest.objects.filter(
        network=network, leader=me, status=RequestStatus.PENDING
    ).exists():
        raise Conflict(_("You have already asked to join."))
    request = JoinRequest.objects.create(network=network, leader=me, message=message)
    for member in Leader.objects.filter(memberships__network=network):
        notify_leader(
            member,
            kind="networks.join_request",
            subject=lazy_message(
                gettext_lazy("A leader asks to join %(network)s"), network=network.name
            ),
            url=links.network_requests(),
            dedupe_key=f"join-request:{request.id}",
        )
    return request


@transaction.atomic
def join_request_decide(*, actor: User, request_id: int, accept: bool) -> JoinRequest:
    """A member of the network accepts or declines a pending join request."""
    me = actor_leader_or_404(actor)
    request = (
        JoinRequest.objects.select_for_update()
        .select_related("network", "leader")
        .filter(id=request_id, network__memberships__leader=me)
        .first()
    )
    if request is None:
        raise Http404
    if request.status != RequestStatus.PENDING:
        raise Conflict(_("This request has already been answered."))
    request.status = RequestStatus.ACCEPTED if accept else RequestStatus.DECLINED
    request.decided_by = me
    request.decided_at = timezone.now()
    request.save(update_fields=["status", "decided_by", "decided_at"])
    if accept:
        Membership.objects.get_or_create(
            network=request.network,
            leader=request.leader,
            defaults={"since": timezone.localdate()},
        )
        notify_leader(
            request.leader,
            kind="networks.join_accepted",
            subject=lazy_message(
                gettext_lazy("Welcome to %(network)s"), network=request.network.name
            ),
            url=links.network(request.network_id),
            dedupe_key=f"join-accepted:{request.id}",
        )
    # Read back as the caller sees it (the network and the asker), for the response.
    return join_requests_for(actor=actor).get(id=request.id)
