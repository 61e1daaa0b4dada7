"""Mentorships: start and end a pair, nudges, re-checks against the hard rules, flags for HR."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from backend.api.exceptions import Conflict, ServiceError
from backend.mentoring.models import (
    Enrolment,
    Flag,
    MentorOffer,
    Mentorship,
    Proposal,
)
from backend.mentoring.problem import (
    policy_from_json,
    problem_for_programme,
)
from backend.mentoring.selectors import flags_for_hr, mentorship_visible_or_404
from backend.mentoring.services.notices import notify_hr, notify_leader
from backend.mentoring.services.surveys import exit_survey_ask
from backend.notifications import links
from backend.people.lines import leader_line_ids
from backend.people.models import Leader, User


def _guard_second_mentorship(*, proposal: Proposal, mentee_id: int, mentor_id: int) -> None:
    """Refuse a pair that is active already, or a second active mentorship HR did not allow."""
    active = Mentorship.objects.filter(mentee_id=mentee_id, status=Mentorship.Status.ACTIVE)
    if active.filter(mentor_id=mentor_id).exists():
        raise Conflict(
            _("The mentee and the mentor are already an active pair."), code="duplicate_pair"
        )
    allowed = (
        Enrolment.objects.filter(id=proposal.enrolment_id)
        .exclude(second_mentorship_reason="")
        .exists()
    )
    if active.exists() and not allowed:
        raise Conflict(
            _(
                "The mentee already has an active mentorship; HR can allow a second one "
                "with a reason."
            ),
            code="second_mentorship",
        )


def mentorship_start(*, proposal: Proposal, mentee_id: int, mentor_id: int) -> Mentorship:
    """Start the pair of an accepted proposal (both have accepted), within the guard rails."""
    _guard_second_mentorship(proposal=proposal, mentee_id=mentee_id, mentor_id=mentor_id)
    # Locking the offer serialises every accept against this mentor: the count below cannot
    # change until we commit.
    offer = MentorOffer.objects.select_for_update().get(id=proposal.offer_id)
    live = Mentorship.objects.filter(offer=offer, status=Mentorship.Status.ACTIVE).count()
    if live >= offer.capacity:
        raise Conflict(_("The mentor has no free place."), code="capacity_full")
    programme = proposal.programme
    today = timezone.localdate()
    try:
        with transaction.atomic():
            # The database's own guard: active_count <= capacity (check constraint).
            MentorOffer.objects.filter(id=offer.id).update(active_count=F("active_count") + 1)
            mentorship = Mentorship.objects.create(
                programme=programme,
                proposal=proposal,
                enrolment_id=proposal.enrolment_id,
                offer=offer,
                mentee_id=mentee_id,
                mentor_id=mentor_id,
                started_on=today,
                planned_end_on=today + dt.timedelta(days=30 * programme.default_length_months),
                first_meeting_due=today + dt.timedelta(days=programme.first_meeting_days),
                first_meeting_at=proposal.first_meeting_at,
            )
    except IntegrityError as exc:
        raise Conflict(_("The mentor has no free place."), code="capacity_full") from exc
    proposal.status = Proposal.Status.ACCEPTED
    proposal.decided_at = timezone.now()
    Enrolment.objects.filter(id=proposal.enrolment_id).update(
        status=Enrolment.Status.MATCHED, matched_at=proposal.decided_at, manual_reason_code=None
    )
    url = links.mentorship(mentorship.id)
    for leader_id in (mentee_id, mentor_id):
        notify_leader(
            leader_id=leader_id,
            kind="mentoring.started",
            subject=gettext_lazy("Your mentorship has started"),
            body=gettext_lazy("Plan your first meeting; the invitation is in Sparring."),
            url=url,
            dedupe_key=f"mentoring.started.{mentorship.id}",
        )
    return mentorship


def mentorship_end(
    *,
    mentorship: Mentorship,
    leader: Leader | None,
    completed: bool,
    reason: str = "",
    exit_survey: Mapping[str, Any] | None = None,
) -> Mentorship:
    """End a mentorship: completed, or ended early (a reason is required). Frees the place."""
    if not completed and not reason.strip():
        raise ServiceError(_("Say why the mentorship ends early."), field="reason")
    with transaction.atomic():
        mentorship = Mentorship.objects.select_for_update().get(id=mentorship.id)
        if mentorship.status != Mentorship.Status.ACTIVE:
            raise Conflict(_("The mentorship has already ended."), code="state")
        MentorOffer.objects.select_for_update().filter(id=mentorship.offer_id).first()
        mentorship.status = (
            Mentorship.Status.COMPLETED if completed else Mentorship.Status.ENDED_EARLY
        )
        mentorship.ended_on = timezone.localdate()
        mentorship.end_reason = reason[:400]
        mentorship.exit_survey = dict(exit_survey or {})
        mentorship.save(update_fields=["status", "ended_on", "end_reason", "exit_survey"])
        MentorOffer.objects.filter(id=mentorship.offer_id, active_count__gt=0).update(
            active_count=F("active_count") - 1
        )
        Flag.objects.filter(mentorship=mentorship, resolved_at__isnull=True).update(
            resolved_at=timezone.now()
        )
    exit_survey_ask(mentorship=mentorship)
    return mentorship


def _flag(
    *, mentorship: Mentorship, kind: str, reason: str, suggested_mentor_id: int | None = None
) -> Flag | None:
    """Open a flag for HR unless one of this kind is open already (idempotent)."""
    if Flag.objects.filter(mentorship=mentorship, kind=kind, resolved_at__isnull=True).exists():
        return None
    try:
        with transaction.atomic():
            flag = Flag.objects.create(
                mentorship=mentorship,
                kind=kind,
                reason=reason[:400],
                suggested_mentor_id=suggested_mentor_id,
            )
    except IntegrityError:
        return None
    notify_hr(
        organisation_id=mentorship.programme.organisation_id,
        leader_id=mentorship.mentee_id,
        kind=f"mentoring.flag.{kind}",
        subject=gettext_lazy("A mentoring pair needs a look"),
        url=links.mentoring_flags(),
        dedupe_key=f"mentoring.flag.{flag.id}",
    )
    return flag


def nudges_send(*, today: dt.date | None = None) -> dict[str, int]:
    """Daily: ask "did you meet?" after the first-meeting deadline; nudge inactive pairs.

    Inactive: no meeting logged for two meeting cadences; both are nudged and HR gets a flag.
    Idempotent per day and pair through notification dedupe keys and one open flag per kind.
    """
    today = today or timezone.localdate()
    counts = {"did_you_meet": 0, "inactive": 0}
    active = Mentorship.objects.filter(status=Mentorship.Status.ACTIVE).select_related("programme")
    for mentorship in active.filter(first_met_on__isnull=True, first_meeting_due__lt=today):
        counts["did_you_meet"] += 1
        for leader_id in (mentorship.mentee_id, mentorship.mentor_id):
            notify_leader(
                leader_id=leader_id,
                kind="mentoring.did_you_meet",
                subject=gettext_lazy("Did you meet?"),
                body=gettext_lazy(
                    "Log your first mentoring meeting in Sparring, or tell us if it hasn't "
                    "happened yet."
                ),
                url=links.mentorship(mentorship.id),
                dedupe_key=f"mentoring.did_you_meet.{mentorship.id}",
            )
        if (today - mentorship.first_meeting_due).days >= 14:  # type: ignore[operator]
            _flag(
                mentorship=mentorship,
                kind=Flag.Kind.NO_FIRST_MEETING,
                reason=_("No first meeting two weeks after the deadline."),
            )
    for mentorship in active.filter(last_met_on__isnull=False):
        gap = dt.timedelta(weeks=2 * mentorship.programme.meeting_cadence_weeks)
        if mentorship.last_met_on + gap >= today:  # type: ignore[operator]
            continue
        counts["inactive"] += 1
        for leader_id in (mentorship.mentee_id, mentorship.mentor_id):
            notify_leader(
                leader_id=leader_id,
                kind="mentoring.nudge",
                subject=gettext_lazy("Time for a mentor meeting?"),
                body=gettext_lazy(
                    "It has been a while since your last meeting. Book the next one."
                ),
                url=links.mentorship(mentorship.id),
                dedupe_key=f"mentoring.nudge.{mentorship.id}.{mentorship.last_met_on}",
            )
        _flag(
            mentorship=mentorship,
            kind=Flag.Kind.INACTIVE,
            reason=_("No meeting logged since %s.") % mentorship.last_met_on,
        )
    return counts


def pairs_recheck(*, organisation_id: int) -> list[Flag]:
    """Flag live pairs that now break a hard rule (new boss, unit moved) with a replacement.

    Rules re-checked: the mentor is not in the mentee's line (nor the reverse), and, where the
    programme's policy requires it, the two are in different administrations. The suggested
    replacement is the matcher's best mentor for the mentee now.
    """
    boss_of: dict[int, int | None] = dict(
        Leader.objects.filter(organisation_id=organisation_id).values_list("id", "boss_id")
    )
    admin_of: dict[int, int | None] = dict(
        Leader.objects.filter(organisation_id=organisation_id).values_list(
            "id", "unit__department__administration_id"
        )
    )
    flags: list[Flag] = []
    for mentorship in Mentorship.objects.filter(
        programme__organisation_id=organisation_id, status=Mentorship.Status.ACTIVE
    ).select_related("programme"):
        mentee, mentor = mentorship.mentee_id, mentorship.mentor_id
        reason = None
        if mentor in leader_line_ids(
            leader_id=mentee, boss_of=boss_of
        ) or mentee in leader_line_ids(leader_id=mentor, boss_of=boss_of):
            reason = _("The mentor is now in the mentee's line of command.")
        elif (
            policy_from_json(mentorship.programme.policy).require_other_administration
            and admin_of.get(mentee) is not None
            and admin_of.get(mentee) == admin_of.get(mentor)
        ):
            reason = _("Mentee and mentor are now in the same administration.")
        if reason is None:
            continue
        if Flag.objects.filter(
            mentorship=mentorship, kind=Flag.Kind.RULE_BROKEN, resolved_at__isnull=True
        ).exists():
            continue
        flag = _flag(
            mentorship=mentorship,
            kind=Flag.Kind.RULE_BROKEN,
            reason=reason,
            suggested_mentor_id=_replacement_for(mentorship),
        )
        if flag is not None:
            flags.append(flag)
    return flags


def _replacement_for(mentorship: Mentorship) -> int | None:
    """The matcher's best mentor with a free place for this mentee, other than the current one."""
    import dataclasses

    from matching import Mentee, suggest_mentors

    built = problem_for_programme(programme=mentorship.programme, only_enrolment_ids=set())
    key = str(mentorship.mentee_id)
    mentee = Leader.objects.select_related("unit__department__administration").get(
        id=mentorship.mentee_id
    )
    unit = mentee.unit
    # Only this mentee is ranked; the other live pairs hold their mentors' places.
    used: dict[str, int] = {}
    for _mentee, mentor in built.problem.fixed:
        used[mentor] = used.get(mentor, 0) + 1
    mentors = tuple(
        dataclasses.replace(m, capacity=max(0, m.capacity - used.get(m.id, 0)))
        for m in built.problem.mentors
        if m.id != str(mentorship.mentor_id)
    )
    probe = Mentee(
        id=key,
        administration=unit.department.administration.name if unit else None,
        department=str(unit.department_id) if unit else None,
        unit=str(unit.id) if unit else None,
        line=tuple(str(i) for i in leader_line_ids(leader_id=mentee.id)),
        needs=dict(mentee.support_needs.filter(status="open").values_list("topic__slug", "weight")),
    )
    probe = dataclasses.replace(probe, needs={k: v / 3 for k, v in probe.needs.items()})
    problem = dataclasses.replace(
        built.problem,
        mentees=(probe,),
        mentors=tuple(m for m in mentors if m.id != key),
        fixed=(),
        forbidden=(),
        ties=(),
    )
    policy = policy_from_json(mentorship.programme.policy)
    for suggestion in suggest_mentors(problem, policy=policy):
        if suggestion.mentee == key and suggestion.mentors:
            return int(suggestion.mentors[0].mentor)
    return None


def flag_resolve(*, flag: Flag) -> Flag:
    """HR marks a flag as handled."""
    if flag.resolved_at is None:
        flag.resolved_at = timezone.now()
        flag.save(update_fields=["resolved_at"])
    return flag


# --- as the caller of the API: scoped by the acting user ----------------------------------


def mentorship_end_as(
    *,
    actor: User,
    mentorship_id: int,
    completed: bool,
    reason: str = "",
    exit_survey: Mapping[str, Any] | None = None,
) -> Mentorship:
    """A member of the pair, or HR with the pair in scope, ends it (anyone else: 404)."""
    mentorship = mentorship_visible_or_404(actor=actor, mentorship_id=mentorship_id)
    return mentorship_end(
        mentorship=mentorship,
        leader=actor.leader,
        completed=completed,
        reason=reason,
        exit_survey=exit_survey,
    )


def flag_resolve_as(*, actor: User, flag_id: int) -> Flag:
    """HR marks an open flag on a pair in its scope handled (anyone else: 404)."""
    flag = flags_for_hr(actor=actor).filter(id=flag_id).first()
    if flag is None:
        raise Http404
    return flag_resolve(flag=flag)


@dataclass(frozen=True)
class PairsRechecked:
    """How many live pairs were flagged."""

    flagged: int


def pairs_recheck_as(*, actor: User) -> PairsRechecked:
    """HR for the whole organisation (``IsOrgWideHR``) re-checks its live pairs now."""
    if actor.organisation_id is None:
        raise Http404
    return PairsRechecked(flagged=len(pairs_recheck(organisation_id=actor.organisation_id)))
