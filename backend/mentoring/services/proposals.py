"""Proposals: HR review, manual matches, self-match choices, accept and decline, the cascade.

Lock order everywhere: proposal, then offer. A mentor's capacity is checked under a row lock on
the offer *and* by a check constraint on its ``active_count``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from backend.api.exceptions import Conflict, ServiceError
from backend.mentoring.models import (
    Enrolment,
    MentorOffer,
    Mentorship,
    Programme,
    Proposal,
    Suggestion,
)
from backend.mentoring.problem import (
    Built,
    policy_from_json,
    problem_for_programme,
)
from backend.mentoring.reasons import NO_FREE_SUGGESTION, reason_json, reasons_json
from backend.mentoring.selectors import (
    ProposalSeen,
    enrolments_for_hr,
    proposal_seen_or_404,
    proposal_visible_or_404,
    proposals_seen,
    suggestions_for_leader,
)
from backend.mentoring.services.mentorships import mentorship_start
from backend.mentoring.services.notices import notify_hr, notify_leader
from backend.notifications import links
from backend.people.access import is_hr_for
from backend.people.lines import leader_line_ids
from backend.people.models import Leader, User
from backend.people.services import support_needs_share


def _locked_proposal(proposal_id: int) -> Proposal:
    return Proposal.objects.select_for_update().select_related("programme").get(id=proposal_id)


def _offer(proposal: Proposal) -> None:
    """Send a proposal to the mentee and the mentor, with an expiry and a first-meeting slot."""
    now = timezone.now()
    programme = proposal.programme
    proposal.status = Proposal.Status.OFFERED
    proposal.offered_at = now
    proposal.expires_at = now + dt.timedelta(days=programme.proposal_expiry_days)
    if proposal.first_meeting_at is None:
        proposal.first_meeting_at = _first_meeting_slot(now, programme)
    proposal.save(update_fields=["status", "offered_at", "expires_at", "first_meeting_at"])
    mentee_id, mentor_id = Proposal.objects.filter(id=proposal.id).values_list(
        "enrolment__leader_id", "offer__leader_id"
    )[0]
    Enrolment.objects.filter(id=proposal.enrolment_id).update(status=Enrolment.Status.PROPOSED)
    url = links.proposal(proposal.id)
    if proposal.mentee_accepted_at is None:
        notify_leader(
            leader_id=mentee_id,
            kind="mentoring.proposal",
            subject=gettext_lazy("You have a mentor proposal"),
            body=gettext_lazy("Open Sparring to see your proposed mentor and accept."),
            url=url,
            dedupe_key=f"mentoring.proposal.{proposal.id}.mentee",
        )
    notify_leader(
        leader_id=mentor_id,
        kind="mentoring.proposal",
        subject=gettext_lazy("You are proposed as a mentor"),
        body=gettext_lazy("Open Sparring to meet your proposed mentee and accept or decline."),
        url=url,
        dedupe_key=f"mentoring.proposal.{proposal.id}.mentor",
    )


def _first_meeting_slot(now: dt.datetime, programme: Programme) -> dt.datetime:
    """A first-meeting proposal: 10:00 on the first weekday a week from now."""
    day = timezone.localtime(now).date() + dt.timedelta(days=7)
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(10, 0)))


def proposal_approve(*, proposal: Proposal, user: User) -> Proposal:
    """HR approves a draft proposal: it goes to the mentee and the mentor."""
    with transaction.atomic():
        proposal = _locked_proposal(proposal.id)
        if proposal.status != Proposal.Status.DRAFT:
            raise Conflict(_("Only a proposal awaiting review can be approved."), code="state")
        proposal.decided_by = user
        proposal.save(update_fields=["decided_by"])
        _offer(proposal)
    return proposal


def proposal_reject(*, proposal: Proposal, user: User, reason: str) -> Proposal:
    """HR rejects a proposal (a reason is required); the cascade finds the mentee another."""
    if not reason.strip():
        raise ServiceError(_("Say why the proposal is rejected."), field="reason")
    with transaction.atomic():
        proposal = _locked_proposal(proposal.id)
        if proposal.status not in Proposal.OPEN:
            raise Conflict(_("The proposal is no longer open."), code="state")
        proposal.status = Proposal.Status.REJECTED
        proposal.override_reason = reason[:400]
        proposal.decided_by, proposal.decided_at = user, timezone.now()
        proposal.save(update_fields=["status", "override_reason", "decided_by", "decided_at"])
        cascade_next(enrolment_id=proposal.enrolment_id)
    return proposal


def proposal_swap(*, proposal: Proposal, user: User, offer: MentorOffer, reason: str) -> Proposal:
    """HR replaces the proposed mentor with another (an override: a reason is required)."""
    if not reason.strip():
        raise ServiceError(_("An override needs a reason."), field="reason")
    if offer.programme_id != proposal.programme_id:
        raise ServiceError(_("The mentor is not in this programme."), field="offer")
    with transaction.atomic():
        proposal = _locked_proposal(proposal.id)
        if proposal.status not in Proposal.OPEN:
            raise Conflict(_("The proposal is no longer open."), code="state")
        if offer.id == proposal.offer_id:
            raise ServiceError(_("That is the proposed mentor already."), field="offer")
        proposal.status = Proposal.Status.SWAPPED
        proposal.override_reason = reason[:400]
        proposal.decided_by, proposal.decided_at = user, timezone.now()
        proposal.save(update_fields=["status", "override_reason", "decided_by", "decided_at"])
        return proposal_create_manual(
            enrolment=proposal.enrolment, offer=offer, user=user, reason=reason
        )


def _check_pair(enrolment: Enrolment, offer: MentorOffer) -> None:
    """Refuse a pair that breaks the unbreakable rules: self, or the mentor in the mentee's line."""
    if enrolment.leader_id == offer.leader_id:
        raise ServiceError(_("A leader cannot mentor themselves."), field="offer")
    if offer.leader_id in leader_line_ids(leader_id=enrolment.leader_id):
        raise ServiceError(_("The mentor is in the mentee's line of command."), field="offer")
    if enrolment.leader_id in leader_line_ids(leader_id=offer.leader_id):
        raise ServiceError(_("The mentee is in the mentor's line of command."), field="offer")
    if offer.state != MentorOffer.State.ACTIVE:
        raise ServiceError(_("The mentor has not accepted the invitation."), field="offer")
    active = Mentorship.objects.filter(
        mentee_id=enrolment.leader_id, status=Mentorship.Status.ACTIVE
    )
    if active.filter(mentor_id=offer.leader_id).exists():
        raise ServiceError(
            _("The mentee and the mentor are already an active pair."), field="offer"
        )
    if active.exists() and not enrolment.second_mentorship_reason:
        raise ServiceError(
            _(
                "The mentee already has an active mentorship; HR can allow a second one "
                "with a reason."
            ),
            field="enrolment",
        )


def proposal_create_manual(
    *, enrolment: Enrolment, offer: MentorOffer, user: User, reason: str
) -> Proposal:
    """HR pairs a mentee with a mentor by hand (from the manual queue, or as a swap)."""
    if not reason.strip():
        raise ServiceError(_("A manual match needs a reason."), field="reason")
    if offer.programme_id != enrolment.programme_id:
        raise ServiceError(_("The mentor is not in this programme."), field="offer")
    _check_pair(enrolment, offer)
    if offer.paused:
        raise ServiceError(_("The mentor has paused."), field="offer")
    with transaction.atomic():
        if Proposal.objects.filter(enrolment=enrolment, status__in=Proposal.OPEN).exists():
            raise Conflict(_("The mentee already has an open proposal."), code="open_proposal")
        try:
            with transaction.atomic():
                proposal = Proposal.objects.create(
                    programme_id=enrolment.programme_id,
                    enrolment=enrolment,
                    offer=offer,
                    origin=Proposal.Origin.MANUAL,
                    override_reason=reason[:400],
                    decided_by=user,
                    status=Proposal.Status.DRAFT,
                )
        except IntegrityError as exc:
            raise Conflict(
                _("The mentee already has an open proposal."), code="open_proposal"
            ) from exc
        proposal = Proposal.objects.select_related("programme").get(id=proposal.id)
        _offer(proposal)
        Enrolment.objects.filter(id=enrolment.id).update(manual_reason_code=None)
    return proposal


def suggestion_choose(*, suggestion: Suggestion, leader: Leader) -> Proposal:
    """Self-match: the mentee picks one of their suggested mentors; the mentor is asked."""
    enrolment = suggestion.enrolment
    if enrolment.leader_id != leader.id:
        raise ServiceError(_("Not your suggestion."), field="suggestion")
    if enrolment.programme.mode == Programme.Mode.HR:
        raise ServiceError(_("In this programme HR makes the match."), field="suggestion")
    offer = suggestion.offer
    if offer.paused or offer.active_count >= offer.capacity:
        raise Conflict(_("This mentor has no free place right now; pick another."), code="full")
    with transaction.atomic():
        open_ = Proposal.objects.select_for_update().filter(
            enrolment=enrolment, status__in=Proposal.OPEN
        )
        for previous in open_:
            if previous.mentor_accepted_at is not None:
                raise Conflict(_("Your mentor has already accepted."), code="state")
            previous.status = Proposal.Status.WITHDRAWN
            previous.decided_at = timezone.now()
            previous.save(update_fields=["status", "decided_at"])
        proposal = Proposal.objects.create(
            programme_id=enrolment.programme_id,
            run_id=suggestion.run_id,
            enrolment=enrolment,
            offer=offer,
            origin=Proposal.Origin.SELF,
            status=Proposal.Status.DRAFT,
            score=suggestion.score,
            components=suggestion.components,
            reasons=suggestion.reasons,
            mentee_accepted_at=timezone.now(),
        )
        proposal = Proposal.objects.select_related("programme").get(id=proposal.id)
        _offer(proposal)
    return proposal


def proposal_accept(*, proposal: Proposal, leader: Leader) -> Proposal:
    """The mentee or the mentor accepts; when both have, the mentorship starts.

    Capacity: the offer row is locked while the mentor's live pairs are counted, and the
    offer's ``active_count`` check constraint refuses an overfull mentor even if a code path
    forgot the lock. Lock order everywhere: proposal, then offer.
    """
    with transaction.atomic():
        proposal = _locked_proposal(proposal.id)
        mentee_id, mentor_id = Proposal.objects.filter(id=proposal.id).values_list(
            "enrolment__leader_id", "offer__leader_id"
        )[0]
        if proposal.status != Proposal.Status.OFFERED:
            raise Conflict(_("The proposal is not open for acceptance."), code="state")
        now = timezone.now()
        if leader.id == mentee_id:
            if proposal.mentee_accepted_at is None:
                proposal.mentee_accepted_at = now
        elif leader.id == mentor_id:
            if proposal.mentor_accepted_at is None:
                proposal.mentor_accepted_at = now
        else:
            raise ServiceError(_("Not your proposal."), field="proposal")
        if proposal.mentee_accepted_at and proposal.mentor_accepted_at:
            mentorship_start(proposal=proposal, mentee_id=mentee_id, mentor_id=mentor_id)
        proposal.save(
            update_fields=["mentee_accepted_at", "mentor_accepted_at", "status", "decided_at"]
        )
    return proposal


def proposal_decline(*, proposal: Proposal, leader: Leader, reason: str = "") -> Proposal:
    """The mentor (or the mentee) declines; the cascade moves on to the next best mentor.

    The reason is for HR only. The mentee is told just that a new proposal is coming: whether a
    mentor said no is not theirs to carry.
    """
    with transaction.atomic():
        proposal = _locked_proposal(proposal.id)
        mentee_id, mentor_id = Proposal.objects.filter(id=proposal.id).values_list(
            "enrolment__leader_id", "offer__leader_id"
        )[0]
        if leader.id not in (mentee_id, mentor_id):
            raise ServiceError(_("Not your proposal."), field="proposal")
        if proposal.status != Proposal.Status.OFFERED:
            raise Conflict(_("The proposal is not open."), code="state")
        proposal.status = Proposal.Status.DECLINED
        proposal.decline_reason = reason[:400]
        proposal.decided_at = timezone.now()
        proposal.save(update_fields=["status", "decline_reason", "decided_at"])
        if leader.id == mentor_id:
            notify_leader(
                leader_id=mentee_id,
                kind="mentoring.proposal_changed",
                subject=gettext_lazy("A new mentor proposal is on its way"),
                body=gettext_lazy(
                    "We are finding the best mentor for you; you will hear from us soon."
                ),
                dedupe_key=f"mentoring.proposal_changed.{proposal.id}",
            )
        cascade_next(enrolment_id=proposal.enrolment_id)
    return proposal


def proposals_expire(*, now: dt.datetime | None = None) -> list[int]:
    """Expire offered proposals past their date and cascade each mentee on. Idempotent."""
    now = now or timezone.now()
    expired: list[int] = []
    ids = list(
        Proposal.objects.filter(status=Proposal.Status.OFFERED, expires_at__lt=now).values_list(
            "id", flat=True
        )
    )
    for proposal_id in ids:
        with transaction.atomic():
            proposal = _locked_proposal(proposal_id)
            if proposal.status != Proposal.Status.OFFERED:
                continue  # decided meanwhile
            proposal.status = Proposal.Status.EXPIRED
            proposal.decided_at = now
            proposal.save(update_fields=["status", "decided_at"])
            cascade_next(enrolment_id=proposal.enrolment_id)
            expired.append(proposal_id)
    return expired


def cascade_next(*, enrolment_id: int) -> Proposal | None:
    """Offer the mentee the next best mentor with a free place, else queue them for HR.

    Next best: the run's ranked suggestions for the mentee, skipping mentors who declined or
    were rejected for them, are paused or full; when none is left, the matcher re-solves for
    this one mentee against the current capacities; when that finds none, the mentee goes to
    HR's manual-match queue with the matcher's reason.
    """
    enrolment = Enrolment.objects.select_related("programme").get(id=enrolment_id)
    if enrolment.status == Enrolment.Status.WITHDRAWN:
        return None
    tried = set(
        Proposal.objects.filter(
            enrolment=enrolment,
            status__in=[
                Proposal.Status.DECLINED,
                Proposal.Status.REJECTED,
                Proposal.Status.EXPIRED,
                Proposal.Status.SWAPPED,
            ],
        ).values_list("offer_id", flat=True)
    )
    candidates = (
        Suggestion.objects.filter(enrolment=enrolment)
        .exclude(offer_id__in=tried)
        .filter(offer__paused=False, offer__active_count__lt=F("offer__capacity"))
        .order_by("-run__created_at", "rank")
    )
    # Leave room for the mentor's open proposals too: an offer with more open proposals than free
    # places would only produce a conflict at acceptance.
    for suggestion in candidates.select_related("offer"):
        offer = suggestion.offer
        pending = Proposal.objects.filter(offer=offer, status__in=Proposal.OPEN).count()
        if offer.active_count + pending < offer.capacity:
            return _cascade_propose(
                enrolment,
                offer_id=offer.id,
                score=suggestion.score,
                components=suggestion.components,
                reasons=suggestion.reasons,
            )
    reason = reason_json(NO_FREE_SUGGESTION)
    built = problem_for_programme(programme=enrolment.programme, only_enrolment_ids={enrolment.id})
    key = str(enrolment.leader_id)
    if key in built.enrolment_of:
        built.problem = _reduce_capacity(built, tried)
        from matching import assign_mentors

        assignment = assign_mentors(
            built.problem, policy=policy_from_json(enrolment.programme.policy)
        )
        for pair in assignment.pairs:
            if pair.mentee == key and not pair.fixed:
                return _cascade_propose(
                    enrolment,
                    offer_id=built.offer_of[pair.mentor],
                    score=pair.score,
                    components=dict(pair.components),
                    reasons=reasons_json(pair.reasons),
                )
        for unmatched in assignment.unmatched:
            if unmatched.mentee == key:
                reason = reason_json(unmatched.reason)
    Enrolment.objects.filter(id=enrolment.id).update(
        status=Enrolment.Status.MANUAL, manual_reason_code=reason
    )
    notify_hr(
        organisation_id=enrolment.programme.organisation_id,
        leader_id=enrolment.leader_id,
        kind="mentoring.manual_queue",
        subject=gettext_lazy("A mentee needs a manual match"),
        url=links.programme_manual_queue(enrolment.programme_id),
        dedupe_key=f"mentoring.manual.{enrolment.id}.{Proposal.objects.filter(enrolment=enrolment).count()}",
    )
    return None


def _reduce_capacity(built: Built, tried: set[int]) -> Any:
    """Forbid mentors already tried and count open proposals against capacity (re-solve)."""
    import dataclasses

    open_by_offer: dict[int, int] = {}
    for offer_id in Proposal.objects.filter(
        programme__in=Enrolment.objects.filter(id__in=built.enrolment_of.values()).values(
            "programme"
        ),
        status__in=Proposal.OPEN,
    ).values_list("offer_id", flat=True):
        open_by_offer[offer_id] = open_by_offer.get(offer_id, 0) + 1
    offer_to_mentor = {v: k for k, v in built.offer_of.items()}
    mentors = tuple(
        dataclasses.replace(
            m, capacity=max(0, m.capacity - open_by_offer.get(built.offer_of[m.id], 0))
        )
        for m in built.problem.mentors
    )
    forbidden = set(built.problem.forbidden)
    for mentee in built.problem.mentees:
        for offer_id in tried:
            if offer_id in offer_to_mentor:
                forbidden.add((mentee.id, offer_to_mentor[offer_id]))
    return dataclasses.replace(built.problem, mentors=mentors, forbidden=tuple(sorted(forbidden)))


def _cascade_propose(
    enrolment: Enrolment,
    *,
    offer_id: int,
    score: float | None,
    components: Mapping[str, float],
    reasons: list[dict[str, Any]],
) -> Proposal:
    proposal = Proposal.objects.create(
        programme_id=enrolment.programme_id,
        enrolment=enrolment,
        offer_id=offer_id,
        origin=Proposal.Origin.CASCADE,
        status=Proposal.Status.DRAFT,
        score=score,
        components=dict(components),
        reasons=list(reasons),
    )
    proposal = Proposal.objects.select_related("programme").get(id=proposal.id)
    _offer(proposal)
    return proposal


# --- as the caller of the API: scoped by the acting user ----------------------------------


@dataclass(frozen=True)
class ProposalAccepted:
    """An accepted proposal as its reader sees it, and the mentorship once both accepted."""

    seen: ProposalSeen
    mentorship: int | None


def _proposal_for_hr(actor: User, proposal_id: int) -> Proposal:
    """The proposal, to HR with its mentee in scope (anyone else: 404)."""
    proposal = proposal_visible_or_404(actor=actor, proposal_id=proposal_id)
    if not is_hr_for(actor, proposal.enrolment.leader):
        raise Http404
    return proposal


def _proposal_of_leader(actor: User, proposal_id: int) -> tuple[Proposal, Leader]:
    """The proposal and the actor's leader, to its mentee or its mentor (anyone else: 404)."""
    proposal = proposal_visible_or_404(actor=actor, proposal_id=proposal_id)
    leader = actor.leader
    if leader is None or leader.id not in (proposal.enrolment.leader_id, proposal.offer.leader_id):
        raise Http404
    return proposal, leader


def _offer_in(programme_id: int, offer_id: int) -> MentorOffer:
    offer = MentorOffer.objects.filter(programme_id=programme_id, id=offer_id).first()
    if offer is None:
        raise ValidationError({"offer": _("No such mentor.")})
    return offer


def proposal_create_manual_as(
    *, actor: User, programme_id: int, enrolment_id: int, offer_id: int, reason: str
) -> ProposalSeen:
    """HR pairs a mentee in its scope with a mentor of the programme by hand (a reason given)."""
    enrolment = enrolments_for_hr(actor=actor, programme_id=programme_id).filter(id=enrolment_id)
    found = enrolment.first()
    if found is None:
        raise ValidationError({"enrolment": _("No such mentee.")})
    offer = _offer_in(found.programme_id, offer_id)
    proposal = proposal_create_manual(enrolment=found, offer=offer, user=actor, reason=reason)
    return proposals_seen(actor=actor, proposals=[proposal])[0]


def proposal_approve_as(*, actor: User, proposal_id: int) -> ProposalSeen:
    """HR with the mentee in scope approves a draft."""
    proposal = proposal_approve(proposal=_proposal_for_hr(actor, proposal_id), user=actor)
    return proposals_seen(actor=actor, proposals=[proposal])[0]


def proposal_reject_as(*, actor: User, proposal_id: int, reason: str) -> ProposalSeen:
    """HR with the mentee in scope rejects a proposal; the cascade proposes the next best."""
    proposal = _proposal_for_hr(actor, proposal_id)
    proposal = proposal_reject(proposal=proposal, user=actor, reason=reason)
    return proposals_seen(actor=actor, proposals=[proposal])[0]


def proposal_swap_as(*, actor: User, proposal_id: int, offer_id: int, reason: str) -> ProposalSeen:
    """HR with the mentee in scope swaps in another mentor of the programme; the new proposal."""
    proposal = _proposal_for_hr(actor, proposal_id)
    offer = _offer_in(proposal.programme_id, offer_id)
    new = proposal_swap(proposal=proposal, user=actor, offer=offer, reason=reason)
    return proposals_seen(actor=actor, proposals=[new])[0]


def proposal_accept_as(
    *, actor: User, proposal_id: int, share_needs: Sequence[int] | None = None
) -> ProposalAccepted:
    """The mentee or the mentor accepts; when both have, the mentorship starts.

    The mentee's acceptance is also their choice of which open support needs the mentor may
    see (``share_needs``, ids of their own needs): exactly those are shared from now on, none
    when the list is left out. Only the mentee chooses (the mentor giving a list: 400).
    """
    proposal, leader = _proposal_of_leader(actor, proposal_id)
    is_mentee = leader.id == proposal.enrolment.leader_id
    if share_needs is not None and not is_mentee:
        raise ServiceError(_("Only the mentee shares support needs."), field="share_needs")
    with transaction.atomic():
        if is_mentee:
            support_needs_share(leader=leader, need_ids=share_needs or [])
        proposal = proposal_accept(proposal=proposal, leader=leader)
    seen = proposal_seen_or_404(actor=actor, proposal_id=proposal.id)
    mentorship = Mentorship.objects.filter(proposal=proposal).values_list("id", flat=True).first()
    return ProposalAccepted(seen=seen, mentorship=mentorship)


def proposal_decline_as(*, actor: User, proposal_id: int, reason: str = "") -> Proposal:
    """The mentor (or the mentee) declines, the reason for HR only."""
    proposal, leader = _proposal_of_leader(actor, proposal_id)
    return proposal_decline(proposal=proposal, leader=leader, reason=reason)


def suggestion_choose_as(
    *, actor: User, suggestion_id: int, share_needs: Sequence[int] | None = None
) -> ProposalSeen:
    """The mentee picks one of their suggested mentors (anyone else's suggestion: 404).

    Picking is the mentee's acceptance: ``share_needs`` as in :func:`proposal_accept_as`.
    """
    suggestion = suggestions_for_leader(actor=actor).filter(id=suggestion_id).first()
    if suggestion is None or actor.leader is None:
        raise Http404
    with transaction.atomic():
        support_needs_share(leader=actor.leader, need_ids=share_needs or [])
        proposal = suggestion_choose(suggestion=suggestion, leader=actor.leader)
    return proposal_seen_or_404(actor=actor, proposal_id=proposal.id)
