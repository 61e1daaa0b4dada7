"""Resolve who owns a plan item, per person: boss, mentor, staff consultant, or HR visibly.

One ``OwnerResolver`` per leader reads the boss, the mentor and the staff directory once, so a
plan of fifty items costs a handful of queries, not fifty.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from backend.people.models import Leader, StaffContact, StaffFunctionKind
from onboarding.models import OwnerRole


@dataclass(frozen=True, slots=True)
class Owner:
    """A resolved owner: a leader, a staff contact, or HR (``fallback`` when unresolved)."""

    leader: Leader | None = None
    staff_contact: StaffContact | None = None
    fallback: bool = False


def mentor_of(*, leader_id: int) -> Leader | None:
    """Return the leader's current mentor through the mentoring app's selector."""
    # Imported here: mentoring sits beside onboarding, and onboarding only reads through its
    # selector (CONVENTIONS §2).
    from backend.mentoring.selectors import mentor_for_leader

    return mentor_for_leader(leader_id=leader_id)


class OwnerResolver:
    """Resolve owners for one leader's plan items."""

    def __init__(self, leader: Leader) -> None:
        self.leader = leader
        self._mentor_read = False
        self._mentor: Leader | None = None
        self._contacts: dict[str, StaffContact] | None = None

    @property
    def mentor(self) -> Leader | None:
        """The leader's mentor, read once."""
        if not self._mentor_read:
            self._mentor = mentor_of(leader_id=self.leader.id)
            self._mentor_read = True
        return self._mentor

    def contacts(self) -> dict[str, StaffContact]:
        """Staff function kind → the consultant serving the leader's unit.

        A consultant linked to the unit wins over one serving the whole administration; ties go
        to the alphabetically first name, so the answer is stable.
        """
        if self._contacts is not None:
            return self._contacts
        unit = self.leader.unit
        found: dict[str, StaffContact] = {}
        if unit is not None:
            administration_id = unit.department.administration_id
            candidates = (
                StaffContact.objects.filter(organisation_id=self.leader.organisation_id)
                .filter(units=unit)
                .select_related("staff_function")
                .order_by("name", "id")
            )
            for contact in candidates:
                found.setdefault(contact.staff_function.kind, contact)
            by_administration = (
                StaffContact.objects.filter(organisation_id=self.leader.organisation_id)
                .filter(administrations__id=administration_id)
                .select_related("staff_function")
                .order_by("name", "id")
            )
            for contact in by_administration:
                found.setdefault(contact.staff_function.kind, contact)
        self._contacts = found
        return found

    def resolve(self, *, owner_role: str, staff_function_kind: str = "") -> Owner:
        """Return the owner of an item with this role (HR, flagged, when nobody is known)."""
        if owner_role == OwnerRole.NEW_LEADER:
            return Owner(leader=self.leader)
        if owner_role == OwnerRole.BOSS:
            boss = self.leader.boss
            return Owner(leader=boss) if boss is not None else Owner(fallback=True)
        if owner_role == OwnerRole.MENTOR:
            mentor = self.mentor
            return Owner(leader=mentor) if mentor is not None else Owner(fallback=True)
        if owner_role == OwnerRole.STAFF_CONSULTANT:
            contact = self.contacts().get(staff_function_kind)
            if contact is not None:
                return Owner(staff_contact=contact)
            return Owner(fallback=True)
        return Owner()  # HR owns it by design: not a fallback


def owner_name(*, owner_leader: Leader | None, owner_staff_contact: StaffContact | None) -> str:
    """The owner's name, or "" for HR."""
    if owner_leader is not None:
        return owner_leader.full_name
    if owner_staff_contact is not None:
        return owner_staff_contact.name
    return ""


def owner_label(*, owner_role: str, staff_function_kind: str, name: str, fallback: bool) -> str:
    """A human label for the owner, naming the HR fallback visibly."""
    role = (
        StaffFunctionKind(staff_function_kind).label
        if owner_role == OwnerRole.STAFF_CONSULTANT and staff_function_kind
        else OwnerRole(owner_role).label
    )
    if fallback:
        return _("HR (no %(role)s known yet)") % {"role": str(role).lower()}
    if name:
        return f"{name} ({role})"
    return str(role)


def render_title(text: str, *, name: str) -> str:
    """Replace ``{owner}`` with the owner's name, or drop it when there is none."""
    if name:
        return text.replace("{owner}", name)
    return " ".join(text.replace("{owner}", "").split()).rstrip(" :-")
