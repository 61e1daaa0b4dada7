"""The exit survey: when a pair ends, both members are asked how it went.

Stored per member; read back only by the member who answered and, in aggregate with comments
unattributed, by the programme's coordinator (HR). Never the other member, never the boss line.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from backend.api.exceptions import Conflict, ServiceError
from backend.mentoring.models import ExitSurvey, Mentorship
from backend.mentoring.services.meetings import pair_mentorship_or_404
from backend.mentoring.services.notices import notify_leader
from backend.notifications import links
from backend.people.models import User


def exit_survey_ask(*, mentorship: Mentorship) -> None:
    """Ask both members of an ended pair for the exit survey (once each)."""
    for leader_id in (mentorship.mentee_id, mentorship.mentor_id):
        notify_leader(
            leader_id=leader_id,
            kind="mentoring.exit_survey",
            subject=gettext_lazy("How was your mentorship?"),
            body=gettext_lazy(
                "Your mentorship has ended. A few short questions help HR make the programme "
                "better; only the programme coordinator reads your answers."
            ),
            url=links.mentorship(mentorship.id),
            dedupe_key=f"mentoring.exit_survey.{mentorship.id}",
        )


def exit_survey_answer_as(
    *,
    actor: User,
    mentorship_id: int,
    rating: int,
    goals_met: str,
    would_recommend: bool,
    comment: str = "",
) -> ExitSurvey:
    """A member of an ended pair answers the exit survey (once; anyone else: 404)."""
    mentorship, leader_id = pair_mentorship_or_404(actor=actor, mentorship_id=mentorship_id)
    if mentorship.status == Mentorship.Status.ACTIVE:
        raise Conflict(_("The survey opens when the mentorship has ended."), code="state")
    if not 1 <= rating <= 5:
        raise ServiceError(_("Give a score from 1 to 5."), field="rating")
    if goals_met not in ExitSurvey.Goals.values:
        raise ServiceError(_("Choose yes, partly or no."), field="goals_met")
    try:
        with transaction.atomic():
            return ExitSurvey.objects.create(
                mentorship=mentorship,
                leader_id=leader_id,
                as_mentor=leader_id == mentorship.mentor_id,
                rating=rating,
                goals_met=goals_met,
                would_recommend=would_recommend,
                comment=comment.strip()[:2000],
            )
    except IntegrityError:
        raise Conflict(_("You have already answered the survey."), code="duplicate") from None


def exit_survey_mine(*, actor: User, mentorship_id: int) -> ExitSurvey | None:
    """The caller's own answer on one of their pairs, or None when not answered yet."""
    mentorship, leader_id = pair_mentorship_or_404(actor=actor, mentorship_id=mentorship_id)
    return mentorship.exit_surveys.filter(leader_id=leader_id).first()
