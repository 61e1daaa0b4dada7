"""Mentoring programmes: enrolment, match runs, proposals, mentorships and check-ins.

The life of a pair: HR (or the mentee, in self-match) gets a *proposal* from a *match run*; the
mentee and the mentor each accept it; the *mentorship* is then active until it ends (completed,
or ended early). Capacity is the mentor's ``MentorOffer.capacity``; the database refuses an
offer whose ``active_count`` would exceed it, and services lock the offer row while they count.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from backend.people.models import Leader, Organisation


class Programme(models.Model):
    """A mentoring programme: a round of matching with its policy, mode and rhythm."""

    class Mode(models.TextChoices):
        """Who makes the match."""

        HR = "hr", _("HR matches")
        SELF = "self", _("The mentee chooses from suggestions")
        BOTH = "both", _("Both")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="mentoring_programmes"
    )
    name = models.CharField(_("name"), max_length=200)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    policy = models.JSONField(
        _("matching policy"),
        default=dict,
        blank=True,
        help_text=_("Objective, hard-rule switches and weights (see matching.Policy)."),
    )
    mode = models.CharField(_("mode"), max_length=8, choices=Mode.choices, default=Mode.HR)
    default_length_months = models.PositiveSmallIntegerField(
        _("default length (months)"), default=12
    )
    meeting_cadence_weeks = models.PositiveSmallIntegerField(_("meet every (weeks)"), default=4)
    proposal_expiry_days = models.PositiveSmallIntegerField(
        _("proposal expires after (days)"), default=7
    )
    first_meeting_days = models.PositiveSmallIntegerField(
        _("first meeting within (days)"), default=21
    )
    # The municipality's definition of a new leader, per programme.
    enrol_first_leader_job = models.BooleanField(
        _("enrol leaders in their first leader job"), default=True
    )
    enrol_promotion = models.BooleanField(_("enrol promoted leaders"), default=True)
    enrol_other_sector = models.BooleanField(_("enrol leaders from another sector"), default=True)
    enrol_window_days = models.PositiveSmallIntegerField(
        _("enrol leaders who started within (days)"), default=180
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="programme_period_ordered",
            )
        ]

    def __str__(self) -> str:
        return self.name


class EntryRoute(models.TextChoices):
    """How a leader came into their leader role."""

    FIRST_LEADER_JOB = "first_leader_job", _("First leader job")
    PROMOTION = "promotion", _("Promotion")
    OTHER_SECTOR = "other_sector", _("From another sector")
    HR = "hr", _("Enrolled by HR")


class LeaderEntry(models.Model):
    """How a leader entered their current role (HR records it; used by automatic enrolment)."""

    leader = models.OneToOneField(Leader, on_delete=models.CASCADE, related_name="mentoring_entry")
    route = models.CharField(_("entry route"), max_length=20, choices=EntryRoute.choices)

    def __str__(self) -> str:
        return f"{self.leader_id}: {self.route}"


class Enrolment(models.Model):
    """A leader enrolled as a mentee in a programme, and where they stand in it."""

    class Status(models.TextChoices):
        """The mentee's state in the programme."""

        WAITING = "waiting", _("Waiting for a match")
        PROPOSED = "proposed", _("Has an open proposal")
        MATCHED = "matched", _("Matched")
        MANUAL = "manual", _("In HR's manual-match queue")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="enrolments")
    leader = models.ForeignKey(Leader, on_delete=models.CASCADE, related_name="mentee_enrolments")
    route = models.CharField(_("entry route"), max_length=20, choices=EntryRoute.choices)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.WAITING)
    # Reason codes, rendered at API time (backend/mentoring/reasons.py).
    manual_reason_code = models.JSONField(
        null=True, blank=True, help_text='Why HR must match by hand: {"code", "params"}.'
    )
    # HR may let a mentee who already has an active mentorship (in any programme) get a second.
    second_mentorship_reason = models.CharField(
        _("why HR allows a second active mentorship"), max_length=400, blank=True
    )
    enrolled_at = models.DateTimeField(auto_now_add=True)
    matched_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["enrolled_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "leader"], name="enrolment_unique_leader")
        ]

    def __str__(self) -> str:
        return f"enrolment #{self.pk}"


class MentorOffer(models.Model):
    """A mentor's offer to a programme: how many mentees at a time, hours, paused or not.

    HR may *invite* a leader (``state=invited``); the leader answers in their own session
    (accept: ``active`` with capacity, topics and availability; or ``declined``). Only active
    offers take part in runs. A leader in their first year as a leader, or enrolled as a mentee,
    has an offer only with HR's ``override_reason``.
    """

    class State(models.TextChoices):
        """Where the offer stands."""

        INVITED = "invited", _("Invited by HR, not answered yet")
        ACTIVE = "active", _("Offered")
        DECLINED = "declined", _("Declined the invitation")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="mentor_offers")
    leader = models.ForeignKey(Leader, on_delete=models.CASCADE, related_name="mentor_offers")
    capacity = models.PositiveSmallIntegerField(_("mentees at a time"), default=1)
    hours_per_month = models.PositiveSmallIntegerField(_("hours per month"), null=True, blank=True)
    paused = models.BooleanField(_("paused"), default=False)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.ACTIVE)
    topics = models.ManyToManyField(
        "people.Topic", blank=True, related_name="mentor_offers", verbose_name=_("can help with")
    )
    availability = models.CharField(_("availability"), max_length=400, blank=True)
    override_reason = models.CharField(
        _("why HR lets this leader mentor anyway"), max_length=400, blank=True
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    invited_at = models.DateTimeField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    # Accepted + active mentorships; the check constraint is the database's capacity guard.
    active_count = models.PositiveSmallIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "leader"], name="mentor_offer_unique_leader"
            ),
            models.CheckConstraint(
                condition=Q(active_count__lte=F("capacity")), name="mentor_offer_within_capacity"
            ),
        ]

    def __str__(self) -> str:
        return f"mentor offer #{self.pk}"


class MatchRun(models.Model):
    """One execution of the matcher for a programme, kept as an auditable decision log."""

    class Status(models.TextChoices):
        """Where the run stands."""

        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        SUCCEEDED = "succeeded", _("Succeeded")
        FAILED = "failed", _("Failed")

    ACTIVE = (Status.QUEUED, Status.RUNNING)

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="runs")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    claim = models.CharField(max_length=40, blank=True, help_text="Token of the worker running it.")
    attempts = models.PositiveSmallIntegerField(default=0)
    policy = models.JSONField(default=dict, help_text="The policy as it was when the run started.")
    input_summary = models.JSONField(default=dict)
    excluded = models.JSONField(default=list, help_text="[{leader, role, reason}]")
    result = models.JSONField(default=dict, help_text="Totals, optimality and unmatched mentees.")
    timings = models.JSONField(default=dict)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            # One run at a time per programme.
            models.UniqueConstraint(
                fields=["programme"],
                condition=Q(status__in=["queued", "running"]),
                name="match_run_one_active_per_programme",
            ),
            models.CheckConstraint(condition=Q(progress__lte=100), name="match_run_progress_range"),
        ]

    def __str__(self) -> str:
        return f"match run #{self.pk} ({self.status})"


class Suggestion(models.Model):
    """A ranked mentor for a mentee from a run: self-match choices and the cascade's next best."""

    run = models.ForeignKey(MatchRun, on_delete=models.CASCADE, related_name="suggestions")
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="suggestions")
    offer = models.ForeignKey(MentorOffer, on_delete=models.CASCADE, related_name="suggestions")
    rank = models.PositiveSmallIntegerField()
    score = models.FloatField()
    components = models.JSONField(default=dict)
    # Reason codes, rendered at API time (backend/mentoring/reasons.py).
    reasons = models.JSONField(default=list, help_text='[{"code", "params"}]')

    class Meta:
        ordering = ["enrolment_id", "rank"]
        constraints = [
            models.UniqueConstraint(
                fields=["run", "enrolment", "offer"], name="suggestion_unique_offer"
            )
        ]

    def __str__(self) -> str:
        return f"suggestion #{self.pk}"


class Proposal(models.Model):
    """A proposed pair: from a run, the cascade, self-match or HR by hand."""

    class Status(models.TextChoices):
        """Where the proposal stands."""

        DRAFT = "draft", _("Awaiting HR review")
        OFFERED = "offered", _("Awaiting the mentee and the mentor")
        ACCEPTED = "accepted", _("Accepted by both")
        REJECTED = "rejected", _("Rejected by HR")
        DECLINED = "declined", _("Declined")
        EXPIRED = "expired", _("Expired")
        SWAPPED = "swapped", _("Replaced by HR")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    OPEN = (Status.DRAFT, Status.OFFERED)

    class Origin(models.TextChoices):
        """Where the proposal came from."""

        RUN = "run", _("Match run")
        CASCADE = "cascade", _("Next best after a decline or expiry")
        SELF = "self", _("Chosen by the mentee")
        MANUAL = "manual", _("Matched by HR")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="proposals")
    run = models.ForeignKey(
        MatchRun, on_delete=models.CASCADE, null=True, blank=True, related_name="proposals"
    )
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="proposals")
    offer = models.ForeignKey(MentorOffer, on_delete=models.CASCADE, related_name="proposals")
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.RUN)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    score = models.FloatField(null=True, blank=True)
    components = models.JSONField(default=dict, blank=True)
    # Reason codes, rendered at API time (backend/mentoring/reasons.py).
    reasons = models.JSONField(default=list, blank=True, help_text='[{"code", "params"}]')
    override_reason = models.CharField(_("why HR overrode the matcher"), max_length=400, blank=True)
    # Private to HR: never shown to the mentee, never in a notification.
    decline_reason = models.CharField(_("reason for declining"), max_length=400, blank=True)
    mentee_accepted_at = models.DateTimeField(null=True, blank=True)
    mentor_accepted_at = models.DateTimeField(null=True, blank=True)
    offered_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    first_meeting_at = models.DateTimeField(_("proposed first meeting"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            # A run writes at most one proposal per mentee, however often its task is delivered.
            models.UniqueConstraint(
                fields=["run", "enrolment"],
                condition=Q(origin="run"),
                name="proposal_unique_run_mentee",
            ),
            # A mentee has at most one open proposal at a time.
            models.UniqueConstraint(
                fields=["enrolment"],
                condition=Q(status__in=["draft", "offered"]),
                name="proposal_one_open_per_mentee",
            ),
        ]
        indexes = [models.Index(fields=["status", "expires_at"])]

    def __str__(self) -> str:
        return f"proposal #{self.pk} ({self.status})"


class Mentorship(models.Model):
    """A live or ended pair of a mentee and a mentor."""

    class Status(models.TextChoices):
        """Where the mentorship stands."""

        ACTIVE = "active", _("Active")
        COMPLETED = "completed", _("Completed")
        ENDED_EARLY = "ended_early", _("Ended early")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="mentorships")
    proposal = models.OneToOneField(
        Proposal, on_delete=models.SET_NULL, null=True, blank=True, related_name="mentorship"
    )
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="mentorships")
    offer = models.ForeignKey(MentorOffer, on_delete=models.CASCADE, related_name="mentorships")
    mentee = models.ForeignKey(
        Leader, on_delete=models.CASCADE, related_name="mentorships_as_mentee"
    )
    mentor = models.ForeignKey(
        Leader, on_delete=models.CASCADE, related_name="mentorships_as_mentor"
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.ACTIVE)
    started_on = models.DateField()
    planned_end_on = models.DateField(null=True, blank=True)
    first_meeting_due = models.DateField(null=True, blank=True)
    first_meeting_at = models.DateTimeField(null=True, blank=True)
    first_met_on = models.DateField(null=True, blank=True)
    last_met_on = models.DateField(null=True, blank=True)
    ended_on = models.DateField(null=True, blank=True)
    end_reason = models.CharField(_("reason for ending"), max_length=400, blank=True)
    exit_survey = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-started_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "mentee"],
                condition=Q(status="active"),
                name="mentorship_one_active_per_mentee",
            ),
            models.CheckConstraint(condition=~Q(mentee=F("mentor")), name="mentorship_not_self"),
        ]

    def __str__(self) -> str:
        return f"mentorship #{self.pk}"


class CheckIn(models.Model):
    """A logged meeting of a pair; the note is the writer's own unless shared with the pair."""

    mentorship = models.ForeignKey(Mentorship, on_delete=models.CASCADE, related_name="check_ins")
    author = models.ForeignKey(Leader, on_delete=models.CASCADE, related_name="mentoring_check_ins")
    met_on = models.DateField(_("date"))
    minutes = models.PositiveSmallIntegerField(_("minutes"))
    note = models.TextField(_("private note"), blank=True, max_length=4000)
    note_shared = models.BooleanField(_("share the note with the pair"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-met_on", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(minutes__lte=24 * 60), name="check_in_minutes_range")
        ]

    def __str__(self) -> str:
        # Never the note.
        return f"check-in #{self.pk}"


class Flag(models.Model):
    """Something about a pair HR should look at: inactivity, a broken rule, no first meeting."""

    class Kind(models.TextChoices):
        """Why the pair is flagged."""

        INACTIVE = "inactive", _("No meeting logged for a long time")
        NO_FIRST_MEETING = "no_first_meeting", _("No first meeting by the deadline")
        RULE_BROKEN = "rule_broken", _("The pair now breaks a matching rule")

    mentorship = models.ForeignKey(Mentorship, on_delete=models.CASCADE, related_name="flags")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    reason = models.CharField(max_length=400)
    suggested_mentor = models.ForeignKey(
        Leader, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["mentorship", "kind"],
                condition=Q(resolved_at__isnull=True),
                name="flag_one_open_per_kind",
            )
        ]

    def __str__(self) -> str:
        return f"flag #{self.pk} ({self.kind})"


# --- a mentorship's life after the first meeting (meetings, pulses, exit surveys) -------------


class Meeting(models.Model):
    """A meeting a pair has planned; its calendar invitation is made from it."""

    mentorship = models.ForeignKey(Mentorship, on_delete=models.CASCADE, related_name="meetings")
    planned_by = models.ForeignKey(
        Leader, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    starts_at = models.DateTimeField(_("starts at"))
    minutes = models.PositiveSmallIntegerField(_("minutes"), default=60)
    location = models.CharField(_("place"), max_length=200, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["starts_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(minutes__gte=15) & Q(minutes__lte=8 * 60), name="meeting_minutes_range"
            )
        ]

    def __str__(self) -> str:
        return f"meeting #{self.pk}"


class Pulse(models.Model):
    """A pair member's short rating of a meeting (1-5); the comment is for the coordinator only."""

    mentorship = models.ForeignKey(Mentorship, on_delete=models.CASCADE, related_name="pulses")
    leader = models.ForeignKey(Leader, on_delete=models.CASCADE, related_name="+")
    met_on = models.DateField(_("meeting date"))
    score = models.PositiveSmallIntegerField(_("how useful was the meeting (1-5)"))
    comment = models.TextField(_("comment for the programme coordinator"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-met_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["mentorship", "leader", "met_on"], name="pulse_one_per_meeting"
            ),
            models.CheckConstraint(
                condition=Q(score__gte=1) & Q(score__lte=5), name="pulse_score_range"
            ),
        ]

    def __str__(self) -> str:
        # Never the comment.
        return f"pulse #{self.pk}"


class ExitSurvey(models.Model):
    """A pair member's answers when the mentorship has ended (read by the coordinator only)."""

    class Goals(models.TextChoices):
        """Did the mentorship help with what the leader wanted?"""

        YES = "yes", _("Yes")
        PARTLY = "partly", _("Partly")
        NO = "no", _("No")

    mentorship = models.ForeignKey(
        Mentorship, on_delete=models.CASCADE, related_name="exit_surveys"
    )
    leader = models.ForeignKey(Leader, on_delete=models.CASCADE, related_name="+")
    as_mentor = models.BooleanField()
    rating = models.PositiveSmallIntegerField(_("how useful was the mentorship (1-5)"))
    goals_met = models.CharField(max_length=8, choices=Goals.choices)
    would_recommend = models.BooleanField(_("would recommend a mentor to a new leader"))
    comment = models.TextField(_("comment for the programme coordinator"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["mentorship", "leader"], name="exit_survey_one_per_member"
            ),
            models.CheckConstraint(
                condition=Q(rating__gte=1) & Q(rating__lte=5), name="exit_survey_rating_range"
            ),
        ]

    def __str__(self) -> str:
        return f"exit survey #{self.pk}"
