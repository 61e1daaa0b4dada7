"""Coffee roulette: the caller's pairs and a network's settings."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from backend.networks.access import (
    LEADER_RELATED,
    actor_leader_or_404,
    can_see_members,
    network_visible_or_404,
)
from backend.networks.models import (
    RoulettePair,
    RouletteSetting,
)
from backend.people import access
from backend.people.models import Leader, User


def roulette_pairs_of(*, actor: User) -> QuerySet[RoulettePair]:
    """Return the caller's roulette pairs, newest first (only the pair sees a pair)."""
    me = actor_leader_or_404(actor)
    return (
        RoulettePair.objects.filter(leaders=me)
        .select_related("round__network")
        .prefetch_related(
            Prefetch("leaders", queryset=Leader.objects.select_related(*LEADER_RELATED))
        )
        .order_by("-round__run_on", "-id")
    )


def roulette_setting_or_404(*, actor: User, network_id: int) -> RouletteSetting:
    """Return a network's roulette settings for HR or a member.

    A network without a roulette gets the defaults, switched off and with no next run (an
    unsaved row).
    """
    network = network_visible_or_404(actor, network_id)
    if not (access.is_hr(actor) or can_see_members(actor, network)):
        raise Http404
    setting = RouletteSetting.objects.filter(network=network).first()
    return setting or RouletteSetting(network_id=network.id, active=False)
