"""Who may see which network and its members: the networks' privacy rules, in one place.

Open networks and their members: everyone in the organisation. Informal and members-only
networks: the name to members and to HR (with a head count, suppressed below 5 for anyone
outside), the members to members only; a boss never sees a report's memberships of them
(brief, finding 3). Out-of-scope networks are *not found* (404). The organisation-wide rules
(who is HR, whose profile one sees) are ``backend.people.access``.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from backend.networks.models import Membership, Network, NetworkKind
from backend.people.access import actor_leader, is_hr, is_self, organisation_id_of
from backend.people.models import Leader, User


def public_network_q(*, prefix: str = "") -> Q:
    """Return a filter for networks whose members any user of the organisation may see."""
    return Q(**{f"{prefix}visibility": Network.Visibility.OPEN}) & ~Q(
        **{f"{prefix}kind": NetworkKind.INFORMAL}
    )


def networks_visible_to(user: User) -> QuerySet[Network]:
    """Return the networks the user may see by name.

    Open networks: everyone in the organisation. Informal and members-only networks: their
    members, and HR (as a name and a head count, never the member list).
    """
    organisation_id = organisation_id_of(user)
    if organisation_id is None:
        return Network.objects.none()
    qs = Network.objects.filter(organisation_id=organisation_id)
    if is_hr(user):
        return qs
    q = public_network_q()
    if user.leader_id is not None:
        q |= Q(memberships__leader_id=user.leader_id)
    # The membership join could repeat a network; filter by id to keep one row each.
    return qs.filter(id__in=Network.objects.filter(q).values("id"))


def network_visible_or_404(user: User, network_id: int) -> Network:
    """Return the network if the user may see it, else raise ``Http404``."""
    network = networks_visible_to(user).filter(id=network_id).first()
    if network is None:
        raise Http404
    return network


def can_see_members(user: User, network: Network) -> bool:
    """Members of a private network see each other; open networks show members to the org."""
    if not network.is_private:
        return organisation_id_of(user) == network.organisation_id
    return (
        user.leader_id is not None and network.memberships.filter(leader_id=user.leader_id).exists()
    )


def memberships_of_leader_visible_to(user: User, leader: Leader) -> QuerySet[Membership]:
    """Return the leader's memberships the user may see (call after a profile check).

    The leader sees all of their own; anyone else (a boss, HR) only open networks' memberships:
    informal ties are not the boss's business (brief, finding 3).
    """
    qs = Membership.objects.filter(leader=leader)
    if is_self(user, leader):
        return qs
    return qs.filter(public_network_q(prefix="network__"))


# --- The caller ----------------------------------------------------------------------------

#: What a leader row is read with wherever the networks app shows a unit or an administration.
LEADER_RELATED = ("unit__department__administration",)


def actor_leader_or_404(user: User) -> Leader:
    """Return the leader the user logs in as; a user without one has nothing here (404)."""
    leader = actor_leader(user)
    if leader is None:
        raise Http404
    return leader


def hr_or_404(user: User) -> None:
    """Raise ``Http404`` unless the user is HR (reads that only HR may know exist)."""
    if not is_hr(user):
        raise Http404


def organisation_id_or_404(user: User) -> int:
    """Return the caller's organisation id; a user in no organisation has nothing here (404)."""
    organisation_id = organisation_id_of(user)
    if organisation_id is None:
        raise Http404
    return organisation_id
