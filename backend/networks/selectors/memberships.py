"""Join requests to private networks, as the asker and the members see them."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from backend.networks.access import (
    actor_leader_or_404,
)
from backend.networks.models import (
    JoinRequest,
    Membership,
    RequestStatus,
)
from backend.people.models import User


def join_requests_for(*, actor: User) -> QuerySet[JoinRequest]:
    """Return the caller's own join requests and those to networks the caller is a member of."""
    me = actor_leader_or_404(actor)
    my_networks = Membership.objects.filter(leader=me).values("network_id")
    return (
        JoinRequest.objects.filter(Q(leader=me) | Q(network_id__in=my_networks))
        .select_related("network", "leader__unit__department__administration")
        .order_by("-created_at", "-id")
    )


def requests_pending_count(*, leader_id: int) -> int:
    """Pending join requests to networks the leader is a member of (for a badge)."""
    return JoinRequest.objects.filter(
        status=RequestStatus.PENDING,
        network__memberships__leader_id=leader_id,
    ).count()
