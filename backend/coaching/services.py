"""Writes of the coaching app: HR's coach pool, the leader's request, HR's decision, the end.

Every door looks its row up scoped by the actor (``selectors``), so a request outside the
actor's sight is 404 here too. Notifications never carry the request's text: the leader's words
stay in the app, behind the access log.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from backend.api.exceptions import Conflict, ServiceError
from backend.coaching import selectors
from backend.coaching.models import Coach, CoachRequest
from backend.coaching.problem import option_for
from backend.notifications import links
from backend.notifications.services import notify
from backend.people.lines import leader_line_ids
from backend.people.models import Leader, Topic, User

COACH_FIELDS = ("name", "firm", "email", "phone", "capacity", "specialities", "languages", "status")


def _topics(organisation_id: int | None, topics: Sequence[Topic]) -> list[Topic]:
    wrong = [t for t in topics if t.organisation_id != organisation_id or not t.active]
    if wrong:
        raise ServiceError(str(_("Choose topics of your own organisation.")), field="topics")
    return list(topics)


def _internal_leader(actor: User, leader: Leader | None) -> Leader:
    if leader is None or leader.organisation_id != actor.organisation_id or not leader.active:
        raise ServiceError(str(_("Choose a leader of the organisation.")), field="leader")
    return leader


@transaction.atomic
def coach_create_as(
    *,
    actor: User,
    kind: str,
    leader: Leader | None = None,
    topics: Sequence[Topic] = (),
    **fields: Any,
) -> Coach:
    """Org-wide HR adds a coach: an internal one is a leader, an external one needs a name."""
    if kind == Coach.Kind.INTERNAL:
        leader = _internal_leader(actor, leader)
        if Coach.objects.filter(organisation_id=leader.organisation_id, leader=leader).exists():
            raise Conflict(str(_("This leader is already in the coach pool.")), field="leader")
        fields = {k: v for k, v in fields.items() if k not in ("name", "firm")}
    else:
        leader = None
        if not (fields.get("name") or "").strip():
            raise ServiceError(str(_("An external coach needs a name.")), field="name")
        if not (fields.get("email") or fields.get("phone")):
            raise ServiceError(
                str(_("Give an e-mail address or a phone number for the coach.")), field="email"
            )
    chosen = _topics(actor.organisation_id, topics)
    coach = Coach.objects.create(
        organisation_id=actor.organisation_id or 0,
        kind=kind,
        leader=leader,
        **{k: v for k, v in fields.items() if k in COACH_FIELDS},
    )
    coach.topics.set(chosen)
    return coach


@transaction.atomic
def coach_update_as(
    *, actor: User, coach_id: int, topics: Sequence[Topic] | None = None, **fields: Any
) -> Coach:
    """Org-wide HR changes a coach: contact, capacity, specialities, or pauses it."""
    coach = selectors.coach_for_hr_or_404(actor=actor, coach_id=coach_id)
    changes = {k: v for k, v in fields.items() if k in COACH_FIELDS}
    if coach.kind == Coach.Kind.INTERNAL:
        changes = {k: v for k, v in changes.items() if k not in ("name", "firm")}
    elif "name" in changes and not str(changes["name"]).strip():
        raise ServiceError(str(_("An external coach needs a name.")), field="name")
    for key, value in changes.items():
        setattr(coach, key, value)
    coach.save()
    if topics is not None:
        coach.topics.set(_topics(actor.organisation_id, topics))
    return coach


def _hr_to_tell(request: CoachRequest) -> list[User]:
    """Org-wide HR of the organisation who are not in the requester's line (up or down)."""
    line = set(leader_line_ids(leader_id=request.leader_id)) | {request.leader_id}
    users = User.objects.filter(
        organisation_id=request.organisation_id,
        role__in=[User.Role.HR, User.Role.ADMIN],
        is_active=True,
        hr_administrations__isnull=True,
    )
    out = []
    for user in users:
        if user.leader_id in line:
            continue
        if user.leader_id is not None and request.leader_id in leader_line_ids(
            leader_id=user.leader_id
        ):
            continue
        out.append(user)
    return out


@transaction.atomic
def coach_request_create_as(
    *,
    actor: User,
    text: str,
    topics: Sequence[Topic] = (),
    preference: str = CoachRequest.Preference.ANY,
    language: str = "",
) -> CoachRequest:
    """A leader asks for a coach; HR for the whole organisation is told (without the text)."""
    leader = Leader.objects.filter(id=actor.leader_id or 0).first()
    if leader is None:
        raise Http404
    chosen = _topics(leader.organisation_id, topics)
    if CoachRequest.objects.filter(leader=leader, status__in=CoachRequest.ACTIVE_STATUSES).exists():
        raise Conflict(str(_("You already have a request for a coach in progress.")))
    try:
        with transaction.atomic():
            request = CoachRequest.objects.create(
                organisation_id=leader.organisation_id,
                leader=leader,
                text=text,
                preference=preference,
                language=language,
            )
    except IntegrityError as error:  # a second request sent at the same moment
        raise Conflict(str(_("You already have a request for a coach in progress."))) from error
    request.topics.set(chosen)
    for user in _hr_to_tell(request):
        notify(
            user=user,
            kind="coaching.request",
            subject=_("A leader asks for a coach"),
            body=_("A new confidential request for a coach is waiting in the queue."),
            url=links.coach_requests(),
        )
    return request


def _open_for_hr(actor: User, request_id: int) -> CoachRequest:
    request = selectors.request_for_hr_or_404(actor=actor, request_id=request_id, log=False)
    if request.status != CoachRequest.Status.OPEN:
        raise Conflict(str(_("This request is no longer waiting for HR.")))
    return request


@transaction.atomic
def coach_request_assign_as(*, actor: User, request_id: int, coach_id: int) -> CoachRequest:
    """HR approves the proposed coach or chooses another the rules allow; both are told."""
    # Lock the coach row: two approvals at once must not fill the same last place twice.
    request = _open_for_hr(actor, request_id)
    coach = (
        Coach.objects.select_for_update()
        .filter(id=coach_id, organisation_id=actor.organisation_id or 0)
        .first()
    )
    if coach is None:
        raise ServiceError(str(_("Choose a coach from the pool.")), field="coach")
    option = option_for(request, coach)
    if option is None:
        raise ServiceError(
            str(
                _(
                    "This coach cannot take the request: paused, full, not of the kind or "
                    "language asked for, or in the leader's line of command."
                )
            ),
            field="coach",
        )
    request.coach = coach
    request.reasons = option.reasons
    request.status = CoachRequest.Status.ASSIGNED
    request.assigned_at = timezone.now()
    request.save()
    _tell_assigned(request, coach)
    return request


def _tell_assigned(request: CoachRequest, coach: Coach) -> None:
    leader_user = User.objects.filter(leader_id=request.leader_id, is_active=True).first()
    if leader_user is not None:
        notify(
            user=leader_user,
            kind="coaching.assigned",
            subject=_("You have a coach"),
            body=_("HR has found a coach for you. Their contact details are in Sparring."),
            url=links.my_coach(),
        )
    if coach.leader_id is not None:
        coach_user = User.objects.filter(leader_id=coach.leader_id, is_active=True).first()
        if coach_user is not None:
            notify(
                user=coach_user,
                kind="coaching.coachee",
                subject=_("A leader has been assigned to you as coach"),
                body=_("Get in touch with the leader to agree on a first conversation."),
                url=links.coachees(),
            )


@transaction.atomic
def coach_request_close_as(*, actor: User, request_id: int) -> CoachRequest:
    """HR closes a request without a coach (or ends a coaching); the leader is told."""
    request = selectors.request_for_hr_or_404(actor=actor, request_id=request_id, log=False)
    if request.status not in CoachRequest.ACTIVE_STATUSES:
        raise Conflict(str(_("This request is already closed.")))
    request.status = CoachRequest.Status.CLOSED
    request.ended_at = timezone.now()
    request.save()
    leader_user = User.objects.filter(leader_id=request.leader_id, is_active=True).first()
    if leader_user is not None:
        notify(
            user=leader_user,
            kind="coaching.closed",
            subject=_("Your request for a coach was closed"),
            body=_("HR has closed your request. You are welcome to ask again."),
            url=links.my_coach(),
        )
    return request


@transaction.atomic
def coach_request_end_as(*, actor: User, request_id: int) -> CoachRequest:
    """The leader withdraws a waiting request, or closes the coaching they have."""
    request = selectors.request_own_or_404(actor=actor, request_id=request_id)
    if request.status == CoachRequest.Status.OPEN:
        request.status = CoachRequest.Status.WITHDRAWN
    elif request.status == CoachRequest.Status.ASSIGNED:
        request.status = CoachRequest.Status.FINISHED
        _tell_coach_ended(request)
    else:
        raise Conflict(str(_("This request is already closed.")))
    request.ended_at = timezone.now()
    request.save()
    return request


def _tell_coach_ended(request: CoachRequest) -> None:
    coach = request.coach
    if coach is None or coach.leader_id is None:
        return
    coach_user = User.objects.filter(leader_id=coach.leader_id, is_active=True).first()
    if coach_user is not None:
        notify(
            user=coach_user,
            kind="coaching.coachee",
            subject=_("A leader has closed their coaching with you"),
            body=_("The leader has marked the coaching finished. Thank you for your help."),
            url=links.coachees(),
        )


@transaction.atomic
def coachee_finish_as(*, actor: User, request_id: int) -> CoachRequest:
    """An internal coach marks a coaching finished; the leader is told."""
    request = selectors.coachee_or_404(actor=actor, request_id=request_id)
    if request.status != CoachRequest.Status.ASSIGNED:
        raise Conflict(str(_("This coaching is already finished.")))
    request.status = CoachRequest.Status.FINISHED
    request.ended_at = timezone.now()
    request.save()
    leader_user = User.objects.filter(leader_id=request.leader_id, is_active=True).first()
    if leader_user is not None:
        notify(
            user=leader_user,
            kind="coaching.finished",
            subject=_("Your coaching is marked finished"),
            body=_("Your coach has marked the coaching finished. You can ask for a coach again."),
            url=links.my_coach(),
        )
    return request
