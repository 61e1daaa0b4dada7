"""Who may see what: the privacy rules of the brief, in one place, for every app to use.

The rules (brief, "Who uses it"; issue 2, "Permissions"):

- a leader reads and edits their own profile, competencies and support needs;
- anyone above a leader in the line of command sees the profile, never the support needs, the
  mentor pairing, or memberships of informal or members-only networks;
- HR sees its own organisation, only its administrations when scoped;
- anything else is out of scope, and out-of-scope objects are reported as *not found* (404),
  never *forbidden*, so their existence does not leak.

Functions take the request's user and return plain answers or querysets; APIs call them, and
``get_or_404`` helpers raise ``Http404`` for objects out of scope.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from backend.people.models import Leader, User
from backend.people.services import leader_line_ids


def actor_leader(user: User) -> Leader | None:
    """Return the leader the user logs in as, if any (HR users may have none)."""
    if not user.is_authenticated or user.leader_id is None:
        return None
    return user.leader


def is_hr(user: User) -> bool:
    """True for HR (or an admin) of some organisation."""
    return bool(user.is_authenticated and user.is_hr)


def hr_scope_q(user: User, *, prefix: str = "") -> Q:
    """Return a filter for rows in the HR user's scope; ``prefix`` leads to a ``Leader``.

    ``prefix`` is the lookup path from the filtered model to the leader, e.g. ``"leader__"`` for
    support needs. Scoped HR sees leaders whose unit lies in one of its administrations.
    """
    q = Q(**{f"{prefix}organisation_id": user.organisation_id})
    administration_ids = list(user.hr_administrations.values_list("id", flat=True))
    if administration_ids:
        q &= Q(**{f"{prefix}unit__department__administration_id__in": administration_ids})
    return q


def is_hr_for(user: User, leader: Leader) -> bool:
    """True when the user is HR with this leader in scope."""
    if not is_hr(user) or user.organisation_id != leader.organisation_id:
        return False
    administration_ids = set(user.hr_administrations.values_list("id", flat=True))
    if not administration_ids:
        return True
    unit = leader.unit
    return unit is not None and unit.department.administration_id in administration_ids


def is_self(user: User, leader: Leader) -> bool:
    """True when the user is this leader."""
    return user.is_authenticated and user.leader_id is not None and user.leader_id == leader.id


def is_above_in_line(user: User, leader: Leader) -> bool:
    """True when the user's leader is anywhere above ``leader`` in the line of command."""
    if not user.is_authenticated or user.leader_id is None:
        return False
    if user.organisation_id is not None and user.organisation_id != leader.organisation_id:
        return False
    return user.leader_id in leader_line_ids(leader_id=leader.id)


def report_ids(user: User) -> set[int]:
    """Return the ids of every leader below the user's leader in the line (all levels)."""
    me = user.leader_id if user.is_authenticated else None
    if me is None:
        return set()
    below: set[int] = set()
    frontier = {me}
    # Breadth-first over boss links, one query per level; lines are a handful of levels deep.
    while frontier:
        children = set(
            Leader.objects.filter(boss_id__in=frontier).values_list("id", flat=True)
        ) - below - {me}
        below |= children
        frontier = children
    return below


def can_see_profile(user: User, leader: Leader) -> bool:
    """Self, anyone above in the line, and HR in scope see a leader's profile."""
    return is_self(user, leader) or is_hr_for(user, leader) or is_above_in_line(user, leader)


def can_see_private(user: User, leader: Leader) -> bool:
    """Only the leader sees their own support needs, pairing and informal ties in full.

    HR in scope may read them for a stated purpose (matching, follow-up); that read is logged by
    the privacy app. Bosses never.
    """
    return is_self(user, leader) or is_hr_for(user, leader)


def leaders_visible_to(user: User) -> QuerySet[Leader]:
    """Return the leaders whose profile the user may see."""
    if not user.is_authenticated:
        return Leader.objects.none()
    if is_hr(user):
        return Leader.objects.filter(hr_scope_q(user))
    ids = report_ids(user)
    if user.leader_id is not None:
        ids.add(user.leader_id)
    return Leader.objects.filter(id__in=ids)


def leader_visible_or_404(user: User, leader_id: int) -> Leader:
    """Return the leader if the user may see the profile, else raise ``Http404``."""
    leader = (
        Leader.objects.select_related("unit__department__administration", "boss")
        .filter(id=leader_id)
        .first()
    )
    if leader is None or not can_see_profile(user, leader):
        raise Http404
    return leader


def leader_private_or_404(user: User, leader_id: int) -> Leader:
    """Return the leader if the user may see their private data (self or HR), else 404."""
    leader = leader_visible_or_404(user, leader_id)
    if not can_see_private(user, leader):
        raise Http404
    return leader
