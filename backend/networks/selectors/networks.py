"""Networks and their members, and a leader's memberships, as far as the caller may see them."""

from __future__ import annotations

from django.db.models import Count, QuerySet
from django.http import Http404

from backend.networks.access import (
    can_see_members,
    memberships_of_leader_visible_to,
    network_visible_or_404,
    networks_visible_to,
)
from backend.networks.models import Membership, Network
from backend.people import access
from backend.people.models import User


def network_list(*, actor: User) -> QuerySet[Network]:
    """Return the networks the actor may see by name, with their head count, by name.

    Ordered explicitly: the head count groups the rows, and a grouped query ignores the
    model's default ordering (the paginated list warned ``UnorderedObjectListWarning``).
    """
    return (
        networks_visible_to(actor)
        .annotate(member_count=Count("memberships"))
        .order_by("name", "id")
    )


def network_detail(*, actor: User, network_id: int) -> Network:
    """Return one network the actor may see, with its head count."""
    network = network_list(actor=actor).filter(id=network_id).first()
    if network is None:
        raise Http404
    return network


def network_membership_list(*, actor: User, network_id: int) -> QuerySet[Membership]:
    """Return a network's members, if the actor may see them (else 404)."""
    network = network_visible_or_404(actor, network_id)
    if not can_see_members(actor, network):
        raise Http404
    return Membership.objects.filter(network=network).select_related("leader")


def leader_membership_list(*, actor: User, leader_id: int) -> QuerySet[Membership]:
    """Return the memberships of a leader the actor may see (only open networks unless self)."""
    leader = access.leader_visible_or_404(actor, leader_id)
    return memberships_of_leader_visible_to(actor, leader).select_related("network")
