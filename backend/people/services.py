"""Writes on the people app: the organisation tree, leaders and their line, topics.

Every function is keyword-only and validates what the database cannot (a boss cycle, a boss in
another organisation). Callers: APIs, the HR import, the seed, other apps' services.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from rest_framework.exceptions import PermissionDenied

from backend.api.exceptions import ServiceError
from backend.people import access, cached, hooks, selectors
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
from backend.people.topics import DEFAULT_TOPICS


class BossCycleError(ServiceError):
    """Setting this boss would make someone their own boss (a cycle in the line)."""

    def __init__(self, leader: Leader, boss: Leader) -> None:
        super().__init__(
            _(
                "%(boss)s cannot be the boss of %(leader)s: %(leader)s is already in "
                "%(boss)s's line of command."
            )
            % {"boss": boss.full_name, "leader": leader.full_name},
            field="boss",
            code="boss_cycle",
        )


def organisation_create(*, name: str, slug: str, default_language: str = "da") -> Organisation:
    """Create an organisation and give it the default topic taxonomy."""
    with transaction.atomic():
        organisation = Organisation.objects.create(
            name=name, slug=slug, default_language=default_language
        )
        topics_ensure_defaults(organisation=organisation)
    return organisation


def topics_ensure_defaults(*, organisation: Organisation) -> list[Topic]:
    """Create the default topics an organisation lacks; leave HR's edits alone. Idempotent."""
    existing = set(Topic.objects.filter(organisation=organisation).values_list("slug", flat=True))
    Topic.objects.bulk_create(
        [
            Topic(organisation=organisation, order=order, **topic)
            for order, topic in enumerate(DEFAULT_TOPICS)
            if topic["slug"] not in existing
        ]
    )
    cached.topic_list_forget(organisation.id)  # bulk_create sends no signals
    return list(Topic.objects.filter(organisation=organisation))


def administration_get_or_create(*, organisation: Organisation, name: str) -> Administration:
    """Return the organisation's administration of this name, creating it if new."""
    administration, _created = Administration.objects.get_or_create(
        organisation=organisation, name=name
    )
    return administration


def department_get_or_create(*, administration: Administration, name: str) -> Department:
    """Return the administration's department of this name, creating it if new."""
    department, _created = Department.objects.get_or_create(
        administration=administration,
        name=name,
        defaults={"organisation_id": administration.organisation_id},
    )
    return department


def unit_upsert(
    *, organisation: Organisation, code: str, department: Department, **fields: Any
) -> Unit:
    """Create or update the unit with this HR-system code."""
    if department.organisation_id != organisation.id:
        raise ServiceError(_("The department belongs to another organisation."), field="department")
    unit, _created = Unit.objects.update_or_create(
        organisation=organisation, code=code, defaults={"department": department, **fields}
    )
    return unit


def leader_check_boss(*, leader: Leader, boss: Leader | None) -> None:
    """Raise if ``boss`` cannot be ``leader``'s boss: another organisation, self, or a cycle."""
    if boss is None:
        return
    if boss.organisation_id != leader.organisation_id:
        raise ServiceError(_("The boss belongs to another organisation."), field="boss")
    if leader.pk is not None and (
        boss.pk == leader.pk or leader.pk in leader_line_ids(leader_id=boss.pk)
    ):
        raise BossCycleError(leader, boss)


@transaction.atomic
def leader_create(
    *,
    organisation: Organisation,
    employee_number: str,
    first_name: str,
    last_name: str,
    role_title: str,
    unit: Unit | None = None,
    boss: Leader | None = None,
    **fields: Any,
) -> Leader:
    """Create a leader in an organisation."""
    if unit is not None and unit.organisation_id != organisation.id:
        raise ServiceError(_("The unit belongs to another organisation."), field="unit")
    leader = Leader(
        organisation=organisation,
        employee_number=employee_number,
        first_name=first_name,
        last_name=last_name,
        role_title=role_title,
        unit=unit,
        **fields,
    )
    leader_check_boss(leader=leader, boss=boss)
    leader.boss = boss
    leader.full_clean()
    leader.save()
    if leader.role_start_date is not None:
        hooks.leaders_changed(organisation_id=organisation.id, started_role=[leader.id])
    return leader


@transaction.atomic
def leader_update(*, leader: Leader, **fields: Any) -> Leader:
    """Update a leader's fields; a new boss is checked for cycles under a row lock."""
    if "boss" in fields:
        # Lock the leader so two concurrent boss changes cannot together form a cycle.
        Leader.objects.select_for_update().filter(pk=leader.pk).first()
        leader_check_boss(leader=leader, boss=fields["boss"])
    unit = fields.get("unit")
    if unit is not None and unit.organisation_id != leader.organisation_id:
        raise ServiceError(_("The unit belongs to another organisation."), field="unit")
    before = {name: getattr(leader, name) for name in ("role_start_date", "boss_id", "unit_id")}
    for name, value in fields.items():
        setattr(leader, name, value)
    leader.full_clean()
    leader.save()
    started = leader.role_start_date is not None and (
        leader.role_start_date != before["role_start_date"]
    )
    moved = (leader.boss_id, leader.unit_id) != (before["boss_id"], before["unit_id"])
    hooks.leaders_changed(
        organisation_id=leader.organisation_id,
        started_role=[leader.id] if started else [],
        line_changed=[leader.id] if moved else [],
    )
    return leader


def competencies_set(*, leader: Leader, levels: Mapping[str, int]) -> list[Competency]:
    """Replace a leader's competencies with ``levels`` (topic slug → level 1-3)."""
    topics = _topics_by_slug(organisation_id=leader.organisation_id, slugs=levels)
    with transaction.atomic():
        Competency.objects.filter(leader=leader).exclude(topic__slug__in=list(levels)).delete()
        for slug, level in levels.items():
            Competency.objects.update_or_create(
                leader=leader, topic=topics[slug], defaults={"level": level}
            )
    return list(leader.competencies.select_related("topic"))


def support_need_raise(
    *,
    leader: Leader,
    topic: Topic,
    weight: int = SupportNeed.Weight.SOME,
    note: str | None = None,
    source: str = SupportNeed.Source.LEADER,
    step_up: bool = False,
) -> SupportNeed:
    """Create the leader's support need for a topic, or raise its weight and reopen it.

    Used by the leader directly and by onboarding's "I need help with this". A weight is never
    lowered here (the leader lowers it explicitly through an update). With ``step_up`` an open
    need of the topic goes one step up (at most "much"): asking for help again on the same
    topic says the need is bigger, so the one need rises instead of a second one appearing.
    """
    if topic.organisation_id != leader.organisation_id:
        raise ServiceError(_("The topic belongs to another organisation."), field="topic")
    with transaction.atomic():
        need, created = SupportNeed.objects.select_for_update().get_or_create(
            leader=leader,
            topic=topic,
            defaults={"weight": weight, "note": note or "", "source": source},
        )
        if not created:
            stepped = need.weight + 1 if step_up and need.status == SupportNeed.Status.OPEN else 0
            need.weight = min(max(need.weight, weight, stepped), SupportNeed.Weight.MUCH)
            if need.status != SupportNeed.Status.OPEN:
                # A need opened again is new to the mentor: shared only when the leader says so.
                need.shared_with_mentor = False
            need.status = SupportNeed.Status.OPEN
            if note:
                need.note = note
            need.save(
                update_fields=["weight", "status", "note", "shared_with_mentor", "updated_at"]
            )
    return need


def support_needs_share(*, leader: Leader, need_ids: Iterable[int]) -> list[SupportNeed]:
    """The leader's choice at a mentor's acceptance: exactly these needs are shared.

    Every other need of the leader is not shared (nothing reaches a new mentor that the leader
    did not choose for them). An id that is not one of the leader's open needs is a 400 and
    changes nothing.
    """
    wanted = set(need_ids)
    with transaction.atomic():
        needs = list(SupportNeed.objects.select_for_update().filter(leader=leader))
        open_ids = {n.id for n in needs if n.status == SupportNeed.Status.OPEN}
        if not wanted <= open_ids:
            raise ServiceError(_("Choose among your own open support needs."), field="share_needs")
        SupportNeed.objects.filter(leader=leader, id__in=wanted).update(shared_with_mentor=True)
        SupportNeed.objects.filter(leader=leader).exclude(id__in=wanted).update(
            shared_with_mentor=False
        )
    return list(
        SupportNeed.objects.filter(leader=leader, shared_with_mentor=True).select_related("topic")
    )


def staff_contact_set_units(*, contact: StaffContact, units: Iterable[Unit]) -> StaffContact:
    """Set which units a staff consultant serves."""
    units = list(units)
    if any(u.organisation_id != contact.organisation_id for u in units):
        raise ServiceError(_("A unit belongs to another organisation."), field="units")
    contact.units.set(units)
    return contact


def staff_function_get_or_create(
    *, organisation: Organisation, kind: str, name: str
) -> StaffFunction:
    """Return the organisation's staff function of this kind, creating it if new."""
    function, _created = StaffFunction.objects.get_or_create(
        organisation=organisation, kind=kind, defaults={"name": name}
    )
    return function


def years_between(start: dt.date, end: dt.date) -> Decimal:
    """Return whole and tenth years between two dates (for years as leader)."""
    return Decimal(round((end - start).days / 365.25, 1))


def _topics_by_slug(*, organisation_id: int, slugs: Iterable[str]) -> dict[str, Topic]:
    slugs = list(slugs)
    topics = {
        t.slug: t for t in Topic.objects.filter(organisation_id=organisation_id, slug__in=slugs)
    }
    unknown = sorted(set(slugs) - set(topics))
    if unknown:
        raise ServiceError(
            _("Unknown topic: %(topics)s.") % {"topics": ", ".join(unknown)}, field="topic"
        )
    return topics


# --- Added for the REST API (issue 2, items 4-5) ------------------------------------------------


def support_need_update(
    *,
    need: SupportNeed,
    weight: int | None = None,
    note: str | None = None,
    status: str | None = None,
    shared_with_mentor: bool | None = None,
) -> SupportNeed:
    """Change the leader's own support need: weight (may go down here), note, status, sharing.

    ``shared_with_mentor`` is the leader's choice to show (or stop showing) the need's topic
    and weight to their mentor; the note is never shown.
    """
    fields: list[str] = []
    if shared_with_mentor is not None:
        need.shared_with_mentor = shared_with_mentor
        fields.append("shared_with_mentor")
    if weight is not None:
        need.weight = weight
        fields.append("weight")
    if note is not None:
        need.note = note
        fields.append("note")
    if status is not None:
        need.status = status
        fields.append("status")
    if fields:
        need.save(update_fields=[*fields, "updated_at"])
    return need


def support_need_delete(*, need: SupportNeed) -> None:
    """Delete a support need for good (the leader's own data; no trace is kept)."""
    need.delete()


def topic_create(
    *,
    organisation: Organisation,
    slug: str,
    label_da: str,
    label_en: str,
    description_da: str = "",
    description_en: str = "",
    order: int | None = None,
) -> Topic:
    """Create a topic in the organisation's taxonomy; the slug must be new."""
    if Topic.objects.filter(organisation=organisation, slug=slug).exists():
        raise ServiceError(_("A topic with this key already exists."), field="slug", code="unique")
    if order is None:
        last = Topic.objects.filter(organisation=organisation).order_by("-order").first()
        order = (last.order + 1) if last else 0
    topic = Topic(
        organisation=organisation,
        slug=slug,
        label_da=label_da,
        label_en=label_en,
        description_da=description_da,
        description_en=description_en,
        order=order,
    )
    topic.full_clean()
    topic.save()
    return topic


def topic_update(*, topic: Topic, **fields: Any) -> Topic:
    """Edit a topic's labels, descriptions, order or active flag (the slug stays: it is a key)."""
    allowed = {"label_da", "label_en", "description_da", "description_en", "order", "active"}
    unknown = set(fields) - allowed
    if unknown:
        raise ServiceError(_("This field cannot be changed."), field=sorted(unknown)[0])
    for name, value in fields.items():
        setattr(topic, name, value)
    topic.full_clean()
    topic.save()
    return topic


def topic_retire(*, topic: Topic) -> Topic:
    """Retire a topic: hidden from new choices, kept on existing competencies and needs."""
    if topic.active:
        topic.active = False
        topic.save(update_fields=["active"])
    return topic


def user_set_language(*, user: User, language: str) -> User:
    """Set the user's preferred language (``da`` or ``en``; blank follows the organisation)."""
    if language not in ("", "da", "en"):
        raise ServiceError(_("Choose Danish or English."), field="language")
    user.language = language
    user.save(update_fields=["language"])
    return user


def me_update(*, actor: User, language: str | None = None) -> User:
    """The user changes their own settings; what the body leaves out stays as it is."""
    if language is not None:
        return user_set_language(user=actor, language=language)
    return actor


# --- As the API's caller: find the row in the actor's sight, check the actor may do this -------
# Out of sight: ``Http404`` (404). In sight but not theirs to change: ``PermissionDenied`` (403).
# Role checks (HR only, leaders only) are the views' permission classes and run before these.

#: The profile fields a leader edits themselves; the rest is HR's.
SELF_EDITABLE = ("bio", "languages", "discoverable", "directory_discoverable", "email", "phone")


def leader_create_as(*, actor: User, **fields: Any) -> Leader:
    """HR creates a leader in its organisation; returns the profile as HR sees it.

    Scoped HR must place the leader in a unit of its administrations, or would lose sight of
    them at once.
    """
    if access.hr_administration_ids(actor) and fields.get("unit") is None:
        raise ServiceError(_("Choose a unit in your administrations."), field="unit")
    organisation = access.organisations_visible_to(actor).get()
    leader = leader_create(organisation=organisation, **fields)
    return selectors.leader_detail(actor=actor, leader_id=leader.id)


def leader_edit_as(
    *, actor: User, leader_id: int, fields: Mapping[str, Any], sent: Iterable[str]
) -> Leader:
    """Edit a leader's profile: HR in scope every field, the leader only ``SELF_EDITABLE``.

    ``fields`` are the validated values, ``sent`` the names the request carried: a leader who
    sends a field only HR may change is refused field by field (400), rather than having it
    silently dropped. Anyone else who sees the profile (a boss) may not edit it (403).
    """
    leader = access.leader_visible_or_404(actor, leader_id)
    if not access.is_hr_for(actor, leader):
        if not access.is_self(actor, leader):
            raise PermissionDenied
        locked = sorted(set(sent) - set(SELF_EDITABLE))
        if locked:
            raise ValidationError({name: [_("Only HR can change this field.")] for name in locked})
    leader_update(leader=leader, **fields)
    return selectors.leader_detail(actor=actor, leader_id=leader.id)


def competencies_set_as(
    *, actor: User, leader_id: int, levels: Mapping[str, int]
) -> list[Competency]:
    """Set a leader's strengths: the leader themself or HR in scope; a boss may not (403)."""
    leader = access.leader_visible_or_404(actor, leader_id)
    if not (access.is_self(actor, leader) or access.is_hr_for(actor, leader)):
        raise PermissionDenied
    return competencies_set(leader=leader, levels=levels)


def support_need_raise_as(
    *, actor: User, topic: Topic, weight: int = SupportNeed.Weight.SOME, note: str | None = None
) -> SupportNeed:
    """The actor (a leader) states a support need of their own; returns it with its topic."""
    leader = access.actor_leader(actor)
    if leader is None:
        raise PermissionDenied
    need = support_need_raise(leader=leader, topic=topic, weight=weight, note=note)
    return selectors.support_need_own_or_404(actor=actor, need_id=need.id)


def support_need_update_as(*, actor: User, need_id: int, **fields: Any) -> SupportNeed:
    """Change one of the actor's own support needs (anyone else's is not found)."""
    need = selectors.support_need_own_or_404(actor=actor, need_id=need_id)
    return support_need_update(need=need, **fields)


def support_need_delete_as(*, actor: User, need_id: int) -> None:
    """Delete one of the actor's own support needs for good (anyone else's is not found)."""
    support_need_delete(need=selectors.support_need_own_or_404(actor=actor, need_id=need_id))


def topic_create_as(*, actor: User, **fields: Any) -> Topic:
    """HR adds a topic to its organisation's taxonomy."""
    return topic_create(organisation=access.organisations_visible_to(actor).get(), **fields)


def topic_update_as(*, actor: User, topic_id: int, **fields: Any) -> Topic:
    """HR edits one of its organisation's topics (another organisation's is not found)."""
    return topic_update(topic=selectors.topic_detail(actor=actor, topic_id=topic_id), **fields)


def topic_retire_as(*, actor: User, topic_id: int) -> Topic:
    """HR retires one of its organisation's topics (another organisation's is not found)."""
    return topic_retire(topic=selectors.topic_detail(actor=actor, topic_id=topic_id))
