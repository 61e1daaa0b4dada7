"""Reads on the people app, each scoped to what the asking user may see (``access``).

Every list selector applies ``select_related`` / ``prefetch_related`` up front so that the list
APIs run a constant number of queries whatever the number of rows (tests pin the counts).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet, prefetch_related_objects
from django.http import Http404

from backend.people import access
from backend.people.hooks import record_access_many
from backend.people.lines import leader_line_ids
from backend.people.models import (
    Administration,
    Competency,
    Department,
    Leader,
    Organisation,
    StaffContact,
    StaffFunction,
    SupportNeed,
    Topic,
    Unit,
    User,
)

LEADER_RELATED = ("unit__department__administration", "boss")


def organisation_list(*, actor: User) -> QuerySet[Organisation]:
    """Return the user's own organisation as a queryset (one row at most)."""
    return access.organisations_visible_to(actor)


def administration_list(*, actor: User) -> QuerySet[Administration]:
    """Return the administrations the user may see."""
    return access.administrations_visible_to(actor)


def department_list(*, actor: User) -> QuerySet[Department]:
    """Return the departments the user may see, with their administration."""
    return access.departments_visible_to(actor).select_related("administration")


def unit_list(*, actor: User) -> QuerySet[Unit]:
    """Return the units the user may see, with department and administration."""
    return access.units_visible_to(actor).select_related("department__administration")


def organisation_detail(*, actor: User, organisation_id: int) -> Organisation:
    """Return the user's own organisation by id; any other is not found."""
    return organisation_list(actor=actor).get(id=organisation_id)


def administration_detail(*, actor: User, administration_id: int) -> Administration:
    """Return one administration the user may see; any other is not found."""
    return administration_list(actor=actor).get(id=administration_id)


def department_detail(*, actor: User, department_id: int) -> Department:
    """Return one department the user may see; any other is not found."""
    return department_list(actor=actor).get(id=department_id)


def unit_detail(*, actor: User, unit_id: int) -> Unit:
    """Return one unit the user may see, with its directly linked staff contacts."""
    unit = (
        unit_list(actor=actor)
        .prefetch_related(
            Prefetch(
                "staff_contacts",
                queryset=StaffContact.objects.select_related("staff_function").prefetch_related(
                    "units", "administrations", "topics"
                ),
            )
        )
        .filter(id=unit_id)
        .first()
    )
    if unit is None:
        raise Http404
    return unit


@dataclass(frozen=True)
class StaffDirectoryEntry:
    """One consultant serving a unit, and whether through the unit or its administration."""

    staff_function: StaffFunction
    contact: StaffContact
    level: str  # "unit" | "administration"


def unit_staff_directory(*, actor: User, unit_id: int) -> list[StaffDirectoryEntry]:
    """Return who in each staff function serves this unit: unit contacts, then administration's.

    Readable by the unit's own leader and by HR in scope; anyone else gets 404. Ordered by staff
    function, then unit-level before administration-level contacts, then name. A consultant
    linked both ways appears once, at unit level.
    """
    unit = access.staff_directory_unit_or_404(actor, unit_id)
    contacts = (
        StaffContact.objects.filter(organisation_id=unit.organisation_id)
        .filter(Q(units=unit) | Q(administrations=unit.department.administration_id))
        .select_related("staff_function")
        .prefetch_related("units", "topics")
        .distinct()
    )
    entries = []
    for contact in contacts:
        level = "unit" if any(u.id == unit.id for u in contact.units.all()) else "administration"
        entries.append(StaffDirectoryEntry(contact.staff_function, contact, level))
    entries.sort(
        key=lambda e: (e.staff_function.kind, e.level != "unit", e.contact.name, e.contact.id)
    )
    return entries


def staff_function_list(*, actor: User) -> QuerySet[StaffFunction]:
    """Return the staff functions of the user's organisation."""
    return StaffFunction.objects.filter(organisation__in=access.organisations_visible_to(actor))


def staff_contact_list(*, actor: User) -> QuerySet[StaffContact]:
    """Return the staff consultants of the user's organisation (the directory is not private)."""
    return (
        StaffContact.objects.filter(organisation__in=access.organisations_visible_to(actor))
        .select_related("staff_function")
        .prefetch_related("units", "administrations", "topics")
    )


def staff_contact_detail_for_edit(*, contact_id: int) -> StaffContact:
    """Return a consultant just written by HR, with what the response shows prefetched."""
    return (
        StaffContact.objects.select_related("staff_function")
        .prefetch_related("units", "administrations", "topics")
        .get(id=contact_id)
    )


def staff_contact_detail(*, actor: User, contact_id: int) -> StaffContact:
    """Return one staff consultant of the user's organisation; any other is not found."""
    return staff_contact_list(actor=actor).get(id=contact_id)


def leader_list(*, actor: User) -> QuerySet[Leader]:
    """Return the leaders whose profile the user may see (self, reports at any level, HR),
    with the columns a list row shows (``LeaderSerializer``): a page builds 250 objects."""
    return access.leaders_visible_to(actor).select_related(*LEADER_RELATED).only(*LEADER_ROW_FIELDS)


LEADER_ROW_FIELDS = (
    "employee_number",
    "first_name",
    "last_name",
    "email",
    "phone",
    "role_title",
    "role_start_date",
    "first_leader_job",
    "entry_route",
    "previous_role_title",
    "years_as_leader",
    "leadership_education",
    "languages",
    "bio",
    "active",
    "discoverable",
    "directory_discoverable",
    "unit__code",
    "unit__name",
    "unit__service_type",
    "unit__department__name",
    "unit__department__administration__name",
    "boss__first_name",
    "boss__last_name",
    "boss__role_title",
)


def leader_detail(*, actor: User, leader_id: int) -> Leader:
    """Return one leader's profile with competencies, or 404 when out of the user's sight."""
    leader = access.leader_visible_or_404(actor, leader_id)  # with its unit and boss
    prefetch_related_objects(
        [leader], Prefetch("competencies", Competency.objects.select_related("topic"))
    )
    return leader


def leader_line(*, actor: User, leader_id: int) -> list[Leader]:
    """Return the leader's line of command, nearest boss first (for whoever sees the profile)."""
    leader = access.leader_visible_or_404(actor, leader_id)
    ids = leader_line_ids(leader_id=leader.id)
    by_id = {
        boss.id: boss for boss in Leader.objects.filter(id__in=ids).select_related(*LEADER_RELATED)
    }
    return [by_id[i] for i in ids if i in by_id]


def leader_competency_list(*, actor: User, leader_id: int) -> QuerySet[Competency]:
    """Return a leader's competencies for whoever sees the profile."""
    leader = access.leader_visible_or_404(actor, leader_id)
    return Competency.objects.filter(leader=leader).select_related("topic")


def competency_list_own(*, actor: User) -> QuerySet[Competency]:
    """Return the strengths of the user's own leader (none for a user who is not a leader)."""
    return Competency.objects.filter(leader_id=actor.leader_id or 0).select_related("topic")


def topic_list(*, actor: User) -> QuerySet[Topic]:
    """Return the organisation's topics: active ones, or all of them for HR."""
    qs = Topic.objects.filter(organisation__in=access.organisations_visible_to(actor))
    if not access.is_hr(actor):
        qs = qs.filter(active=True)
    return qs


def topic_detail(*, actor: User, topic_id: int) -> Topic:
    """Return one topic of the user's organisation (leaders: an active one), else not found."""
    return topic_list(actor=actor).get(id=topic_id)


def topic_choosable(*, actor: User) -> QuerySet[Topic]:
    """Return the active topics of the user's organisation (what inputs may refer to)."""
    return Topic.objects.filter(
        organisation__in=access.organisations_visible_to(actor), active=True
    )


def support_need_list_own(*, actor: User) -> QuerySet[SupportNeed]:
    """Return the user's own support needs."""
    return access.support_needs_of_self(actor).select_related("topic")


def support_need_own_or_404(*, actor: User, need_id: int) -> SupportNeed:
    """Return one of the user's own support needs, or 404 (anyone else's is not found)."""
    need = support_need_list_own(actor=actor).filter(id=need_id).first()
    if need is None:
        raise Http404
    return need


def support_need_list_for_hr(*, actor: User) -> QuerySet[SupportNeed]:
    """Return the support needs of the leaders in the HR user's scope (none for others)."""
    return access.support_needs_visible_to_hr(actor).select_related("topic", "leader")


def support_needs_record_read(*, actor: User, needs: list[SupportNeed], purpose: str) -> None:
    """Report HR's read of these needs to the access log, once per leader read."""
    leaders = list({need.leader_id: need.leader for need in needs}.values())
    record_access_many(actor=actor, subject_leaders=leaders, purpose=purpose, what="support_needs")


def user_is_boss(*, actor: User) -> bool:
    """True when the user's leader has reports."""
    return actor.leader_id is not None and Leader.objects.filter(boss_id=actor.leader_id).exists()
