"""Who may see what: the privacy rules of the brief, in one place, for every app to use.

The rules (brief, "Who uses it"; issue 2, "Permissions"):

- a leader reads and edits their own profile, competencies and support needs;
- anyone above a leader in the line of command sees the profile, never the support needs, the
  mentor pairing, or memberships of informal or members-only networks (those rules live with
  the networks, in ``backend.networks.access``);
- HR sees its own organisation, only its administrations when scoped;
- anything else is out of scope, and out-of-scope objects are reported as *not found* (404),
  never *forbidden*, so their existence does not leak.

Functions take the request's user and return plain answers or querysets; APIs call them, and
``get_or_404`` helpers raise ``Http404`` for objects out of scope.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.db.models.expressions import RawSQL
from django.http import Http404

from backend.people.lines import leader_line_ids
from backend.people.models import (
    Administration,
    Department,
    Leader,
    Organisation,
    SupportNeed,
    Unit,
    User,
)
from backend.rows import the_row


def actor_leader(user: User) -> Leader | None:
    """Return the leader the user logs in as, if any (HR users may have none)."""
    if not user.is_authenticated or user.leader_id is None:
        return None
    return user.leader


def is_hr(user: User) -> bool:
    """True for HR (or an admin) of some organisation."""
    return bool(user.is_authenticated and user.is_hr)


def is_org_wide_hr(user: User) -> bool:
    """True for HR of the whole organisation (not scoped to some administrations)."""
    return is_hr(user) and not user.hr_administrations.exists()


def organisation_id_of(user: User) -> int | None:
    """Return the id of the organisation the user belongs to (through their leader if unset)."""
    if not user.is_authenticated:
        return None
    if user.organisation_id is not None:
        return user.organisation_id
    if user.leader_id is not None:
        return (
            Leader.objects.filter(id=user.leader_id)
            .values_list("organisation_id", flat=True)
            .first()
        )
    return None


def hr_administration_ids(user: User) -> list[int]:
    """Return the administrations a scoped HR user is limited to (empty: the whole org)."""
    return list(user.hr_administrations.values_list("id", flat=True))


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


def _self_and_below_sql(leader_id: int) -> RawSQL:
    """A subquery of the ids of a leader and every leader below them in the line (all levels).

    One recursive query (SQLite and PostgreSQL alike) instead of one query per level and a list
    of thousands of ids: a director's line can hold the whole organisation. The walk starts at
    the leader (not at their reports, with the leader added by ``OR id = ...``): PostgreSQL
    estimates such an ``OR`` at half the table and joins every leader, unit and boss before
    the filter (7 ms for a leader with no reports at 10 000 leaders; 0.5 ms like this).
    ``UNION`` (not ``UNION ALL``) ends the walk even on a cycle, though services reject cycles.
    """
    table = Leader._meta.db_table
    return RawSQL(
        # The table name is ours, the id a parameter.
        f"WITH RECURSIVE line(id) AS ("
        f"SELECT id FROM {table} WHERE id = %s "
        f"UNION SELECT l.id FROM {table} l JOIN line ON l.boss_id = line.id"
        f") SELECT id FROM line",
        (leader_id,),
    )


def self_and_reports_q(user: User, *, field: str = "id") -> Q:
    """Filter for rows of the user's own leader and every leader below them in the line.

    ``field`` leads from the filtered model to the leader's id (``"leader_id"`` for plans).
    Nothing matches for a user who is not a leader.
    """
    me = user.leader_id if user.is_authenticated else None
    if me is None:
        return Q(pk__in=[])
    return Q(**{f"{field}__in": _self_and_below_sql(me)})


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
    return Leader.objects.filter(self_and_reports_q(user))


def leader_visible_or_404(user: User, leader_id: int) -> Leader:
    """Return the leader if the user may see the profile, else raise ``Http404``."""
    leader = the_row(
        Leader.objects.select_related("unit__department__administration", "boss").filter(
            id=leader_id
        )
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


# --- The organisation tree and the staff directory ------------------------------------------
# The tree (administrations, departments, units) and the staff directory are not private: every
# user of the organisation reads them. Scoped HR reads its own administrations only.


def organisations_visible_to(user: User) -> QuerySet[Organisation]:
    """Return the user's own organisation (never another one)."""
    organisation_id = organisation_id_of(user)
    if organisation_id is None:
        return Organisation.objects.none()
    return Organisation.objects.filter(id=organisation_id)


def administrations_visible_to(user: User) -> QuerySet[Administration]:
    """Return the administrations of the user's organisation (scoped HR: its own)."""
    organisation_id = organisation_id_of(user)
    if organisation_id is None:
        return Administration.objects.none()
    qs = Administration.objects.filter(organisation_id=organisation_id)
    if is_hr(user) and (ids := hr_administration_ids(user)):
        qs = qs.filter(id__in=ids)
    return qs


def departments_visible_to(user: User) -> QuerySet[Department]:
    """Return the departments of the user's organisation (scoped HR: of its administrations)."""
    organisation_id = organisation_id_of(user)
    if organisation_id is None:
        return Department.objects.none()
    qs = Department.objects.filter(organisation_id=organisation_id)
    if is_hr(user) and (ids := hr_administration_ids(user)):
        qs = qs.filter(administration_id__in=ids)
    return qs


def units_visible_to(user: User) -> QuerySet[Unit]:
    """Return the units of the user's organisation (scoped HR: of its administrations)."""
    organisation_id = organisation_id_of(user)
    if organisation_id is None:
        return Unit.objects.none()
    qs = Unit.objects.filter(organisation_id=organisation_id)
    if is_hr(user) and (ids := hr_administration_ids(user)):
        qs = qs.filter(department__administration_id__in=ids)
    return qs


def staff_directory_unit_or_404(user: User, unit_id: int) -> Unit:
    """Return the unit if the user may read who serves it: HR in scope, or its own leader."""
    unit = Unit.objects.select_related("department__administration").filter(id=unit_id).first()
    if unit is None:
        raise Http404
    if is_hr(user) and units_visible_to(user).filter(id=unit.id).exists():
        return unit
    leader = actor_leader(user)
    if leader is not None and leader.unit_id == unit.id:
        return unit
    raise Http404


# --- Support needs -----------------------------------------------------------------------------


def support_needs_of_self(user: User) -> QuerySet[SupportNeed]:
    """Return the user's own support needs (none for a user without a leader)."""
    if not user.is_authenticated or user.leader_id is None:
        return SupportNeed.objects.none()
    return SupportNeed.objects.filter(leader_id=user.leader_id)


def support_needs_visible_to_hr(user: User) -> QuerySet[SupportNeed]:
    """Return the support needs of leaders in the HR user's scope (none for anyone else)."""
    if not is_hr(user):
        return SupportNeed.objects.none()
    return SupportNeed.objects.filter(hr_scope_q(user, prefix="leader__"))
