"""A leader's own informal networks: start one, invite colleagues, answer an invitation, leave,
and close it when it no longer helps.

Informal networks are private (finding 3: power-free, not the boss's business): members see
each other; other leaders see one only when it is open for requests (``welcomes_newcomers``,
then through suggestions, and they ask to join); HR sees a name and a head count.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework.exceptions import PermissionDenied

from backend.api.exceptions import Conflict, ServiceError
from backend.networks.access import actor_leader_or_404
from backend.networks.models import (
    Membership,
    Network,
    NetworkInvitation,
    NetworkKind,
    RequestStatus,
)
from backend.networks.services.notices import notify_leader
from backend.notifications import links
from backend.notifications.services import lazy_message
from backend.people.models import Leader, User


def _my_informal_network_or_404(*, me: Leader, network_id: int) -> tuple[Network, Membership]:
    """An active informal network the leader is a member of, with the membership; else 404."""
    membership = (
        Membership.objects.select_related("network")
        .filter(
            network_id=network_id,
            leader=me,
            network__kind=NetworkKind.INFORMAL,
            network__active=True,
        )
        .first()
    )
    if membership is None:
        raise Http404
    return membership.network, membership


@transaction.atomic
def informal_network_create(
    *, actor: User, name: str, description: str = "", open_for_requests: bool = False
) -> Network:
    """Start an informal network; the leader who starts it is its convener."""
    me = actor_leader_or_404(actor)
    if not name.strip():
        raise ServiceError(_("Give the network a name."), field="name")
    network = Network.objects.create(
        organisation_id=me.organisation_id,
        name=name.strip()[:200],
        description=description.strip(),
        kind=NetworkKind.INFORMAL,
        visibility=Network.Visibility.MEMBERS_ONLY,
        welcomes_newcomers=open_for_requests,
    )
    Membership.objects.create(
        network=network, leader=me, role=Membership.Role.CONVENER, since=timezone.localdate()
    )
    return network


def network_invite(*, actor: User, network_id: int, leader_id: int) -> NetworkInvitation:
    """A member invites a colleague of the same organisation (who is told)."""
    me = actor_leader_or_404(actor)
    network, _membership = _my_informal_network_or_404(me=me, network_id=network_id)
    invitee = Leader.objects.filter(id=leader_id, organisation_id=me.organisation_id).first()
    if invitee is None:
        raise ServiceError(_("Pick a leader of your organisation."), field="leader_id")
    if network.memberships.filter(leader=invitee).exists():
        raise Conflict(_("This leader is already a member."), code="member")
    try:
        with transaction.atomic():
            invitation = NetworkInvitation.objects.create(
                network=network, leader=invitee, invited_by=me
            )
    except IntegrityError:
        raise Conflict(_("This leader has already been invited."), code="invited") from None
    notify_leader(
        invitee,
        kind="networks.invitation",
        subject=lazy_message(gettext_lazy("You are invited to %(network)s"), network=network.name),
        url=links.my_networks(),
        dedupe_key=f"network-invitation:{invitation.id}",
    )
    return invitation


@transaction.atomic
def network_invitation_answer(
    *, actor: User, invitation_id: int, accept: bool
) -> NetworkInvitation:
    """The invited leader accepts (and becomes a member) or declines; anyone else: 404."""
    me = actor_leader_or_404(actor)
    invitation = (
        NetworkInvitation.objects.select_for_update()
        .select_related("network")
        .filter(id=invitation_id, leader=me)
        .first()
    )
    if invitation is None:
        raise Http404
    if invitation.status != RequestStatus.PENDING:
        raise Conflict(_("This invitation has already been answered."), code="state")
    if not invitation.network.active:
        raise Conflict(_("The network has been closed."), code="closed")
    invitation.status = RequestStatus.ACCEPTED if accept else RequestStatus.DECLINED
    invitation.decided_at = timezone.now()
    invitation.save(update_fields=["status", "decided_at"])
    if accept:
        Membership.objects.get_or_create(
            network=invitation.network, leader=me, defaults={"since": timezone.localdate()}
        )
    return invitation


def invite_candidates(*, actor: User, network_id: int, query: str) -> list[Leader]:
    """Colleagues a member may invite, by name (at least two letters; at most eight).

    Only what a municipality's staff directory says anyway (name, title, unit), only leaders of
    the same organisation who are not members yet, and only for a member of the network.
    """
    me = actor_leader_or_404(actor)
    network, _membership = _my_informal_network_or_404(me=me, network_id=network_id)
    words = query.split()
    if len("".join(words)) < 2:
        return []
    leaders = Leader.objects.filter(organisation_id=me.organisation_id, active=True).exclude(
        memberships__network=network
    )
    for word in words[:3]:
        leaders = leaders.filter(Q(first_name__icontains=word) | Q(last_name__icontains=word))
    return list(leaders.select_related("unit").order_by("first_name", "last_name", "id")[:8])


def network_invitations_mine(*, actor: User) -> list[NetworkInvitation]:
    """The caller's pending invitations to active networks."""
    me = actor_leader_or_404(actor)
    return list(
        NetworkInvitation.objects.filter(
            leader=me, status=RequestStatus.PENDING, network__active=True
        ).select_related("network", "invited_by")
    )


@transaction.atomic
def network_leave(*, actor: User, network_id: int) -> None:
    """Leave an informal network; the last one out closes it (nobody is left to keep it)."""
    me = actor_leader_or_404(actor)
    network, membership = _my_informal_network_or_404(me=me, network_id=network_id)
    membership.delete()
    remaining = network.memberships.order_by("since", "id")
    if not remaining.exists():
        Network.objects.filter(id=network.id).update(active=False)
    elif (
        membership.role == Membership.Role.CONVENER
        and not remaining.filter(role=Membership.Role.CONVENER).exists()
    ):
        # Someone must be able to close it: the longest-standing member takes over.
        first = remaining.first()
        assert first is not None
        Membership.objects.filter(id=first.id).update(role=Membership.Role.CONVENER)


@transaction.atomic
def network_close(*, actor: User, network_id: int) -> Network:
    """The convener closes the network when it no longer helps; members are told (403 else)."""
    me = actor_leader_or_404(actor)
    network, membership = _my_informal_network_or_404(me=me, network_id=network_id)
    if membership.role != Membership.Role.CONVENER:
        raise PermissionDenied(_("Only the network's convener can close it."))
    Network.objects.filter(id=network.id).update(active=False)
    NetworkInvitation.objects.filter(network=network, status=RequestStatus.PENDING).update(
        status=RequestStatus.DECLINED, decided_at=timezone.now()
    )
    for other in Leader.objects.filter(memberships__network=network).exclude(id=me.id):
        notify_leader(
            other,
            kind="networks.closed",
            subject=lazy_message(gettext_lazy("%(network)s is closed"), network=network.name),
            url=links.my_networks(),
            dedupe_key=f"network-closed:{network.id}",
        )
    network.active = False
    return network
