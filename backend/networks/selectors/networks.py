"""Networks and their members, and a leader's memberships, as far as the caller may see them."""

from __future__ import annotations

from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.http import Http404

from backend.networks.access import (
    can_see_members,
    memberships_of_leader_visible_to,
    network_visible_or_404,
    networks_visible_to,
    public_network_q,
)
from backend.networks.models import Membership, Network
from backend.networks.reasons import MIN_AGGREGATE
from backend.people import access
from backend.people.models import User


def network_list(*, actor: User) -> QuerySet[Network]:
    """Return the networks the actor may see by name, with their head count, by name.

    The head count of an informal or members-only network below ``MIN_AGGREGATE`` (5) is
    suppressed for anyone who is not a member (HR included): ``member_count`` is ``None`` and
    ``member_count_suppressed`` true. The suppression is in the query, so ordering by
    ``member_count`` sorts every suppressed network as one value (ties broken by key, see
    ``backend.api.filters.OrderingFilter``) and says no more than the flag does. Members see
    their own network's count: they see the members themselves.

    Ordered explicitly: the head count groups the rows, and a grouped query ignores the
    model's default ordering (the paginated list warned ``UnorderedObjectListWarning``).
    """
    is_member = (
        Exists(Membership.objects.filter(network=OuterRef("pk"), leader_id=actor.leader_id))
        if actor.leader_id is not None
        else Value(False)
    )
    suppressed = When(
        ~public_network_q() & Q(head_count__lt=MIN_AGGREGATE) & Q(is_member=False), then=True
    )
    return (
        networks_visible_to(actor)
        .annotate(head_count=Count("memberships"), is_member=is_member)
        .annotate(
            member_count_suppressed=Case(suppressed, default=False, output_field=BooleanField())
        )
        .annotate(
            member_count=Case(
                When(member_count_suppressed=True, then=Value(None)), default=F("head_count")
            )
        )
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
    # A closed network (active false) is no longer anyone's network.
    return (
        memberships_of_leader_visible_to(actor, leader)
        .filter(network__active=True)
        .select_related("network")
    )
