"""HR sets up the formal networks: leader groups, learning networks and leadership teams.

HR creates and edits them and chooses their members in the web app. They are open networks
(the organisation sees who is in them): a members-only or informal network belongs to its
members, and HR neither sees nor manages its members (``access.can_see_members``). So HR's
doors here find only formal, open networks of HR's organisation; anything else is not found.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.api.exceptions import ServiceError
from backend.networks.models import Membership, Network, NetworkKind
from backend.people import access
from backend.people.models import Leader, User

FORMAL_KINDS = (NetworkKind.LEADER_GROUP, NetworkKind.LEARNING_NETWORK, NetworkKind.LEADERSHIP_TEAM)
FIELDS = ("name", "kind", "theme", "description", "welcomes_newcomers", "active")


def formal_network_for_hr_or_404(*, actor: User, network_id: int) -> Network:
    """Return a formal, open network of the actor's organisation, else raise 404."""
    network = Network.objects.filter(
        id=network_id,
        organisation_id=access.organisation_id_of(actor) or 0,
        kind__in=FORMAL_KINDS,
        visibility=Network.Visibility.OPEN,
    ).first()
    if network is None:
        raise Http404
    return network


def network_create_as(*, actor: User, **fields: Any) -> Network:
    """HR creates a formal, open network."""
    network = Network(
        organisation_id=access.organisation_id_of(actor) or 0, visibility=Network.Visibility.OPEN
    )
    return _save(network, fields)


def network_update_as(*, actor: User, network_id: int, **fields: Any) -> Network:
    """HR edits a formal network: name, kind, theme, description, newcomers, active."""
    return _save(formal_network_for_hr_or_404(actor=actor, network_id=network_id), fields)


def _save(network: Network, fields: dict[str, Any]) -> Network:
    if "kind" in fields and fields["kind"] not in FORMAL_KINDS:
        raise ServiceError(
            _("HR sets up leader groups, learning networks and leadership teams."), field="kind"
        )
    for name in FIELDS:
        if name in fields:
            setattr(network, name, fields[name])
    network.full_clean(exclude=["organisation"])
    network.save()
    return network


@transaction.atomic
def network_members_add_as(
    *, actor: User, network_id: int, leader_ids: Sequence[int], role: str = Membership.Role.MEMBER
) -> list[Membership]:
    """HR adds leaders of its organisation to a formal network (members already in stay)."""
    network = formal_network_for_hr_or_404(actor=actor, network_id=network_id)
    wanted = set(leader_ids)
    leaders = list(
        Leader.objects.filter(organisation_id=network.organisation_id, active=True, id__in=wanted)
    )
    if len(leaders) != len(wanted):
        raise ServiceError(_("Choose active leaders of your own organisation."), field="leader_ids")
    present = set(
        Membership.objects.filter(network=network, leader_id__in=wanted).values_list(
            "leader_id", flat=True
        )
    )
    today = timezone.localdate()
    Membership.objects.bulk_create(
        [
            Membership(network=network, leader=leader, role=role, since=today)
            for leader in leaders
            if leader.id not in present
        ]
    )
    return list(
        Membership.objects.filter(network=network, leader_id__in=wanted).select_related("leader")
    )


def network_member_remove_as(*, actor: User, network_id: int, leader_id: int) -> None:
    """HR removes a leader from a formal network (a leader not in it is not found)."""
    network = formal_network_for_hr_or_404(actor=actor, network_id=network_id)
    deleted, _rows = Membership.objects.filter(network=network, leader_id=leader_id).delete()
    if not deleted:
        raise Http404
