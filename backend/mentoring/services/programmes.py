"""Programmes and who takes part in them: enrolled mentees and mentor offers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.api.exceptions import Conflict, ServiceError
from backend.mentoring.eligibility import (
    active_mentorship_elsewhere,
    leaders_with_active_mentorship,
    mentor_blockers,
)
from backend.mentoring.models import (
    Enrolment,
    EntryRoute,
    LeaderEntry,
    MentorOffer,
    Programme,
    Proposal,
)
from backend.mentoring.problem import (
    policy_from_json,
)
from backend.mentoring.selectors import programme_for_hr_or_404
from backend.people.access import hr_scope_q, is_hr, is_hr_for
from backend.people.models import Leader, Organisation, Topic, User

PROGRAMME_FIELDS = {
    "name",
    "starts_on",
    "ends_on",
    "policy",
    "mode",
    "default_length_months",
    "meeting_cadence_weeks",
    "proposal_expiry_days",
    "first_meeting_days",
    "enrol_first_leader_job",
    "enrol_promotion",
    "enrol_other_sector",
    "enrol_window_days",
}


def _programme_validate(programme: Programme) -> None:
    policy_from_json(programme.policy)
    if programme.ends_on is not None and programme.ends_on < programme.starts_on:
        raise ServiceError(_("The programme cannot end before it starts."), field="ends_on")
    if programme.proposal_expiry_days < 1:
        raise ServiceError(
            _("Proposals must be open at least one day."), field="proposal_expiry_days"
        )


def programme_create(
    *,
    organisation: Organisation,
    created_by: User | None,
    name: str,
    starts_on: dt.date,
    **fields: Any,
) -> Programme:
    """Create a mentoring programme; the policy is validated against the matcher's ``Policy``."""
    unknown = set(fields) - PROGRAMME_FIELDS
    if unknown:
        raise ServiceError(_("Unknown field."), field=sorted(unknown)[0])
    programme = Programme(
        organisation=organisation, created_by=created_by, name=name, starts_on=starts_on, **fields
    )
    _programme_validate(programme)
    programme.save()
    return programme


def programme_update(*, programme: Programme, **fields: Any) -> Programme:
    """Update a programme's settings (the policy of runs already made is kept in each run)."""
    unknown = set(fields) - PROGRAMME_FIELDS
    if unknown:
        raise ServiceError(_("Unknown field."), field=sorted(unknown)[0])
    for name, value in fields.items():
        setattr(programme, name, value)
    _programme_validate(programme)
    programme.save()
    return programme


def entry_route_for(*, leader: Leader) -> str:
    """Return how the leader entered their role: HR's record, else derived from the profile."""
    entry = LeaderEntry.objects.filter(leader=leader).values_list("route", flat=True).first()
    if entry:
        return entry
    return EntryRoute.FIRST_LEADER_JOB if leader.first_leader_job else EntryRoute.PROMOTION


def leader_entry_set(*, leader: Leader, route: str) -> LeaderEntry:
    """Record how a leader entered their role (first job, promotion, another sector)."""
    if route not in EntryRoute.values:
        raise ServiceError(_("Unknown entry route."), field="route")
    entry, _created = LeaderEntry.objects.update_or_create(leader=leader, defaults={"route": route})
    return entry


def enrolment_create(
    *,
    programme: Programme,
    leader: Leader,
    route: str = EntryRoute.HR,
    second_mentorship_reason: str = "",
) -> Enrolment:
    """Enrol a leader as a mentee (idempotent: an existing enrolment is returned).

    A leader who is already the mentee of an active mentorship is enrolled only when HR says
    why they may have a second one (``second_mentorship_reason``).
    """
    if leader.organisation_id != programme.organisation_id:
        raise ServiceError(_("The leader belongs to another organisation."), field="leader")
    if not leader.active:
        raise ServiceError(_("The leader is no longer active."), field="leader")
    reason = second_mentorship_reason.strip()[:400]
    if not reason and active_mentorship_elsewhere(
        leader_id=leader.id, exclude_programme_id=programme.id
    ):
        raise ServiceError(
            _(
                "%(name)s already has an active mentorship. Say why they may have a second "
                "one, or leave them out."
            )
            % {"name": str(leader)},
            field="second_mentorship_reason",
        )
    enrolment, created = Enrolment.objects.get_or_create(
        programme=programme,
        leader=leader,
        defaults={"route": route, "second_mentorship_reason": reason},
    )
    changed = []
    if not created and enrolment.status == Enrolment.Status.WITHDRAWN:
        enrolment.status = Enrolment.Status.WAITING
        changed.append("status")
    if not created and reason and enrolment.second_mentorship_reason != reason:
        enrolment.second_mentorship_reason = reason
        changed.append("second_mentorship_reason")
    if changed:
        enrolment.save(update_fields=changed)
    return enrolment


def enrolment_withdraw(*, enrolment: Enrolment) -> Enrolment:
    """Withdraw a mentee from a programme; an open proposal is withdrawn with them."""
    with transaction.atomic():
        Proposal.objects.filter(enrolment=enrolment, status__in=Proposal.OPEN).update(
            status=Proposal.Status.WITHDRAWN, decided_at=timezone.now()
        )
        enrolment.status = Enrolment.Status.WITHDRAWN
        enrolment.save(update_fields=["status"])
    return enrolment


def enrolment_ensure_new_leaders(
    *, programme: Programme, today: dt.date | None = None
) -> list[Enrolment]:
    """Enrol the organisation's new leaders as the programme defines them. Idempotent.

    A new leader is an active leader whose current role started within ``enrol_window_days``
    (and not before the window), entering by a route the programme enrols: first leader job,
    promotion or another sector. Returns the enrolments created now.
    """
    today = today or timezone.localdate()
    since = today - dt.timedelta(days=programme.enrol_window_days)
    # Keyed by plain str: a recorded entry's route comes back from the database as a str.
    routes: dict[str, bool] = {
        EntryRoute.FIRST_LEADER_JOB: programme.enrol_first_leader_job,
        EntryRoute.PROMOTION: programme.enrol_promotion,
        EntryRoute.OTHER_SECTOR: programme.enrol_other_sector,
    }
    enrolled = set(
        Enrolment.objects.filter(programme=programme).values_list("leader_id", flat=True)
    )
    # Leaders already in an active mentorship are not enrolled again (HR may, with a reason).
    enrolled |= leaders_with_active_mentorship(organisation_id=programme.organisation_id)
    recorded = dict(
        LeaderEntry.objects.filter(leader__organisation_id=programme.organisation_id).values_list(
            "leader_id", "route"
        )
    )
    candidates = (
        Leader.objects.filter(
            organisation_id=programme.organisation_id,
            active=True,
            role_start_date__gte=since,
            role_start_date__lte=today,
        )
        .exclude(id__in=enrolled)
        .values_list("id", "first_leader_job")
    )
    new = []
    for leader_id, first_job in candidates:
        route = recorded.get(leader_id) or (
            EntryRoute.FIRST_LEADER_JOB if first_job else EntryRoute.PROMOTION
        )
        if routes.get(route):
            new.append(Enrolment(programme=programme, leader_id=leader_id, route=route))
    # ignore_conflicts: a concurrent run of the task may have enrolled some of them already.
    Enrolment.objects.bulk_create(new, ignore_conflicts=True)
    return new


def _offer_guard(*, offer: MentorOffer, leader: Leader) -> None:
    """A first-year leader or a mentee has an offer only with HR's override and its reason."""
    if offer.state == MentorOffer.State.DECLINED or offer.override_reason.strip():
        return
    blockers = mentor_blockers(leader)
    if blockers:
        raise ServiceError(
            " ".join([*blockers, _("HR can let them mentor anyway with a reason.")]),
            field="override_reason",
        )


def mentor_offer_upsert(
    *,
    programme: Programme,
    leader: Leader,
    capacity: int,
    hours_per_month: int | None = None,
    paused: bool = False,
    state: str | None = None,
    topic_ids: list[int] | None = None,
    availability: str | None = None,
    override_reason: str | None = None,
) -> MentorOffer:
    """Create or update a leader's mentor offer; capacity cannot go below current mentees.

    Refused for a leader in their first year as a leader or enrolled as a mentee, unless
    ``override_reason`` (HR's) is given (``backend/mentoring/eligibility.py``).
    """
    if leader.organisation_id != programme.organisation_id:
        raise ServiceError(_("The leader belongs to another organisation."), field="leader")
    if capacity < 0 or capacity > 10:
        raise ServiceError(_("Capacity must be between 0 and 10."), field="capacity")
    topics = _topics_of(programme, topic_ids)
    with transaction.atomic():
        offer = (
            MentorOffer.objects.select_for_update()
            .filter(programme=programme, leader=leader)
            .first()
        )
        if offer is None:
            offer = MentorOffer(programme=programme, leader=leader)
        if capacity < offer.active_count:
            raise Conflict(
                _("The mentor already has %d mentees.") % offer.active_count, field="capacity"
            )
        offer.capacity, offer.hours_per_month, offer.paused = capacity, hours_per_month, paused
        if state is not None:
            offer.state = state
        if availability is not None:
            offer.availability = availability[:400]
        if override_reason is not None:
            offer.override_reason = override_reason.strip()[:400]
        _offer_guard(offer=offer, leader=leader)
        offer.save()
        if topics is not None:
            offer.topics.set(topics)
    return offer


def _topics_of(programme: Programme, topic_ids: list[int] | None) -> list[Topic] | None:
    """The organisation's active topics with these ids (an unknown id is an invalid input)."""
    if topic_ids is None:
        return None
    topics = list(
        Topic.objects.filter(
            organisation_id=programme.organisation_id, active=True, id__in=topic_ids
        )
    )
    if len(topics) != len(set(topic_ids)):
        raise ServiceError(_("No such topic."), field="topics")
    return topics


def mentor_offer_update(*, offer: MentorOffer, **fields: Any) -> MentorOffer:
    """Change capacity, hours per month, pause, topics or availability of an offer."""
    return mentor_offer_upsert(
        programme=offer.programme,
        leader=offer.leader,
        capacity=fields.get("capacity", offer.capacity),
        hours_per_month=fields.get("hours_per_month", offer.hours_per_month),
        paused=fields.get("paused", offer.paused),
        topic_ids=fields.get("topics"),
        availability=fields.get("availability"),
        override_reason=fields.get("override_reason"),
    )


# --- as the caller of the API: scoped by the acting user ----------------------------------


def programme_create_as(*, actor: User, name: str, starts_on: dt.date, **fields: Any) -> Programme:
    """HR for the whole organisation (``IsOrgWideHR``) creates a programme in it."""
    organisation = actor.organisation
    if organisation is None:
        raise Http404
    return programme_create(
        organisation=organisation, created_by=actor, name=name, starts_on=starts_on, **fields
    )


def programme_update_as(*, actor: User, programme_id: int, **fields: Any) -> Programme:
    """HR for the whole organisation changes a programme of its organisation (else 404)."""
    programme = programme_for_hr_or_404(actor=actor, programme_id=programme_id)
    return programme_update(programme=programme, **fields)


def _leader_in_scope(actor: User, leader_id: int | None) -> Leader:
    """The leader in the HR actor's scope; any other id is an invalid input, not a 404."""
    leader = None
    if leader_id is not None:
        leader = Leader.objects.filter(hr_scope_q(actor)).filter(id=leader_id).first()
    if leader is None:
        raise ValidationError({"leader": _("No such leader.")})
    return leader


def enrolment_create_as(
    *,
    actor: User,
    programme_id: int,
    leader_id: int,
    route: str = EntryRoute.HR,
    second_mentorship_reason: str = "",
) -> Enrolment:
    """HR enrols a leader in its scope in a programme of its organisation."""
    programme = programme_for_hr_or_404(actor=actor, programme_id=programme_id)
    leader = _leader_in_scope(actor, leader_id)
    return enrolment_create(
        programme=programme,
        leader=leader,
        route=route,
        second_mentorship_reason=second_mentorship_reason,
    )


@dataclass(frozen=True)
class EnrolmentsEnsured:
    """How many new leaders were enrolled, and how many were left out as already mentored."""

    enrolled: int
    skipped_active_mentorship: int


def enrolment_ensure_new_leaders_as(*, actor: User, programme_id: int) -> EnrolmentsEnsured:
    """HR for the whole organisation enrols every new leader the programme's rule covers."""
    programme = programme_for_hr_or_404(actor=actor, programme_id=programme_id)
    before = leaders_with_active_mentorship(organisation_id=programme.organisation_id)
    already = set(programme.enrolments.values_list("leader_id", flat=True))
    new = enrolment_ensure_new_leaders(programme=programme)
    today = timezone.localdate()
    since = today - dt.timedelta(days=programme.enrol_window_days)
    skipped = Leader.objects.filter(
        id__in=before - already,
        active=True,
        role_start_date__gte=since,
        role_start_date__lte=today,
    ).count()
    return EnrolmentsEnsured(enrolled=len(new), skipped_active_mentorship=skipped)


def enrolment_withdraw_as(*, actor: User, enrolment_id: int) -> Enrolment:
    """HR with the mentee in scope, or the mentee, withdraws an enrolment (anyone else: 404)."""
    enrolment = (
        Enrolment.objects.select_related("leader__unit__department").filter(id=enrolment_id).first()
    )
    if enrolment is None or not (
        is_hr_for(actor, enrolment.leader) or actor.leader_id == enrolment.leader_id
    ):
        raise Http404
    return enrolment_withdraw(enrolment=enrolment)


def mentor_offer_create_as(
    *, actor: User, programme_id: int, leader_id: int | None = None, **values: Any
) -> MentorOffer:
    """A leader offers to mentor in their organisation's programme; HR names a leader in scope."""
    if is_hr(actor):
        programme = programme_for_hr_or_404(actor=actor, programme_id=programme_id)
        leader = _leader_in_scope(actor, leader_id)
    else:
        if actor.leader is None:
            raise Http404
        leader = actor.leader
        found = Programme.objects.filter(
            id=programme_id, organisation_id=leader.organisation_id
        ).first()
        if found is None:
            raise Http404
        programme = found
    if not is_hr(actor):
        values.pop("override_reason", None)  # only HR overrides the guard rails
    if "topics" in values:
        values["topic_ids"] = values.pop("topics")
    return mentor_offer_upsert(
        programme=programme, leader=leader, state=MentorOffer.State.ACTIVE, **values
    )


def mentor_offer_update_as(*, actor: User, offer_id: int, **fields: Any) -> MentorOffer:
    """The mentor, or HR with the mentor in scope, changes an offer (anyone else: 404)."""
    offer = (
        MentorOffer.objects.select_related("programme", "leader__unit__department")
        .filter(id=offer_id)
        .first()
    )
    if offer is None or not (actor.leader_id == offer.leader_id or is_hr_for(actor, offer.leader)):
        raise Http404
    if not is_hr_for(actor, offer.leader):
        fields.pop("override_reason", None)  # only HR overrides the guard rails
    return mentor_offer_update(offer=offer, **fields)
