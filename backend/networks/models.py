"""Models of the networks app: requests, learning-network sign-ups, cohort circles, roulette.

``Network`` and ``Membership`` (moved here from ``people`` in issue 12; their tables keep the
names ``people_network`` and ``people_membership``) are the ties between leaders; the other rows
hang off them (and off ``Leader``) with foreign keys.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from backend.people.models import Administration, Leader, Organisation


class NetworkKind(models.TextChoices):
    """The kinds of network the report names."""

    LEADER_GROUP = "leader_group", _("Leader group")
    LEARNING_NETWORK = "learning_network", _("Learning network")
    LEADERSHIP_TEAM = "leadership_team", _("Leadership team")
    INFORMAL = "informal", _("Informal network")
    EXTERNAL = "external", _("External network")


class Network(models.Model):
    """A group leaders get sparring in: formal or informal, open or members-only."""

    class Visibility(models.TextChoices):
        """Who may see the network and its members."""

        OPEN = "open", _("Open")
        MEMBERS_ONLY = "members_only", _("Members only")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="networks"
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=NetworkKind.choices)
    visibility = models.CharField(
        _("visibility"), max_length=20, choices=Visibility.choices, default=Visibility.OPEN
    )
    description = models.TextField(_("description"), blank=True)
    theme = models.CharField(_("theme"), max_length=200, blank=True)
    welcomes_newcomers = models.BooleanField(_("welcomes new leaders"), default=False)
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        # The table keeps the name it had when the model lived in ``people`` (issue 12).
        db_table = "people_network"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_private(self) -> bool:
        """Informal and members-only networks: their members are visible to members only."""
        return self.kind == NetworkKind.INFORMAL or self.visibility == self.Visibility.MEMBERS_ONLY


class Membership(models.Model):
    """A leader's membership of a network."""

    class Role(models.TextChoices):
        """The member's role in the network."""

        MEMBER = "member", _("Member")
        CONVENER = "convener", _("Convener")

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="memberships")
    leader = models.ForeignKey(Leader, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=12, choices=Role.choices, default=Role.MEMBER)
    since = models.DateField(_("member since"), null=True, blank=True)

    class Meta:
        db_table = "people_membership"
        ordering = ["network__name", "leader__last_name"]
        constraints = [
            models.UniqueConstraint(fields=["network", "leader"], name="membership_unique_leader")
        ]

    def __str__(self) -> str:
        return f"{self.leader} in {self.network}"


class RequestStatus(models.TextChoices):
    """Where a join or introduction request stands."""

    PENDING = "pending", _("Pending")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class JoinRequest(models.Model):
    """A leader asks to join an informal (or members-only) network; a member decides."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="join_requests")
    leader = models.ForeignKey(Leader, on_delete=models.CASCADE, related_name="join_requests")
    message = models.TextField(_("message"), blank=True, max_length=1000)
    status = models.CharField(
        max_length=12, choices=RequestStatus.choices, default=RequestStatus.PENDING
    )
    decided_by = models.ForeignKey(
        Leader, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "leader"],
                condition=Q(status="pending"),
                name="join_request_one_pending",
            )
        ]

    def __str__(self) -> str:
        return f"join request #{self.pk} ({self.status})"


class IntroductionRequest(models.Model):
    """A leader asks a peer for an introduction; contact details are shared once accepted."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="introduction_requests"
    )
    from_leader = models.ForeignKey(
        Leader, on_delete=models.CASCADE, related_name="introductions_sent"
    )
    to_leader = models.ForeignKey(
        Leader, on_delete=models.CASCADE, related_name="introductions_received"
    )
    message = models.TextField(_("message"), blank=True, max_length=1000)
    status = models.CharField(
        max_length=12, choices=RequestStatus.choices, default=RequestStatus.PENDING
    )
    # Between leaders of two organisations, through the shared peer directory
    # (``organisation`` is then the asker's; docs/directory.md).
    cross_organisation = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["from_leader", "to_leader"],
                condition=Q(status__in=["pending", "accepted"]),
                name="introduction_one_open",
            ),
            models.CheckConstraint(
                condition=~Q(from_leader=F("to_leader")), name="introduction_not_self"
            ),
        ]

    def __str__(self) -> str:
        return f"introduction #{self.pk} ({self.status})"


class SignUp(models.Model):
    """HR's call for a cross-administration learning network: theme, sizes, who, deadline."""

    class Status(models.TextChoices):
        """Where the sign-up stands."""

        OPEN = "open", _("Open")
        DRAFTED = "drafted", _("Groups drafted")
        PUBLISHED = "published", _("Published")
        CANCELLED = "cancelled", _("Cancelled")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="network_signups"
    )
    theme = models.CharField(_("theme"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    min_size = models.PositiveSmallIntegerField(
        _("smallest group"), default=5, validators=[MinValueValidator(2)]
    )
    max_size = models.PositiveSmallIntegerField(
        _("largest group"), default=7, validators=[MaxValueValidator(50)]
    )
    eligible_administrations = models.ManyToManyField(
        Administration,
        blank=True,
        related_name="network_signups",
        help_text=_("None: every administration may sign up."),
    )
    deadline = models.DateField(_("deadline"))
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.OPEN)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-deadline", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(min_size__lte=F("max_size")), name="signup_sizes_ordered"
            ),
            models.CheckConstraint(condition=Q(min_size__gte=2), name="signup_min_size_2"),
        ]

    def __str__(self) -> str:
        return self.theme


class SignUpRegistration(models.Model):
    """A leader's sign-up for a learning network."""

    signup = models.ForeignKey(SignUp, on_delete=models.CASCADE, related_name="registrations")
    leader = models.ForeignKey(
        Leader, on_delete=models.CASCADE, related_name="network_registrations"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["signup", "leader"], name="registration_unique")
        ]

    def __str__(self) -> str:
        return f"registration #{self.pk}"


class GroupDraft(models.Model):
    """The composer's proposal for a sign-up, which HR edits and then publishes."""

    class Status(models.TextChoices):
        """Where the draft stands."""

        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        DISCARDED = "discarded", _("Discarded")

    signup = models.ForeignKey(SignUp, on_delete=models.CASCADE, related_name="drafts")
    groups = models.JSONField(
        default=list, help_text="A list of groups, each a list of leader ids."
    )
    objective = models.FloatField(default=0.0)
    composer_objective = models.FloatField(default=0.0)
    seed = models.BigIntegerField(default=0)
    seconds = models.FloatField(default=0.0)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.DRAFT)
    networks = models.ManyToManyField(Network, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"group draft #{self.pk} ({self.status})"


class CohortSetting(models.Model):
    """How an organisation forms cohort circles of leaders who started in the same period."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="cohort_setting"
    )
    enabled = models.BooleanField(default=True)
    window_days = models.PositiveSmallIntegerField(
        _("period (days)"), default=120, validators=[MinValueValidator(14)]
    )
    min_size = models.PositiveSmallIntegerField(default=4, validators=[MinValueValidator(2)])
    max_size = models.PositiveSmallIntegerField(default=8, validators=[MaxValueValidator(30)])

    def __str__(self) -> str:
        return f"cohort setting of {self.organisation}"


class CohortCircle(models.Model):
    """Marks a network as a cohort circle of new leaders formed by HR for one period."""

    network = models.OneToOneField(Network, on_delete=models.CASCADE, related_name="cohort")
    period_start = models.DateField()
    period_end = models.DateField()

    class Meta:
        ordering = ["-period_start", "id"]

    def __str__(self) -> str:
        return f"cohort circle {self.period_start}–{self.period_end}"


class RouletteSetting(models.Model):
    """Recurring peer pairing ("coffee roulette") in a network: how often, which cooldown."""

    network = models.OneToOneField(Network, on_delete=models.CASCADE, related_name="roulette")
    active = models.BooleanField(default=True)
    every_weeks = models.PositiveSmallIntegerField(
        default=4, validators=[MinValueValidator(1), MaxValueValidator(52)]
    )
    cooldown_weeks = models.PositiveSmallIntegerField(
        _("no repeat within (weeks)"), default=12, validators=[MaxValueValidator(260)]
    )
    next_run_on = models.DateField()

    def __str__(self) -> str:
        return f"roulette in {self.network}"


class RouletteRound(models.Model):
    """One round of a network's roulette; ``number`` makes a re-run of the same round harmless."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="roulette_rounds")
    number = models.PositiveIntegerField()
    run_on = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-run_on", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["network", "number"], name="roulette_round_unique")
        ]

    def __str__(self) -> str:
        return f"roulette round {self.number} in network #{self.network_id}"


class RouletteOptOut(models.Model):
    """A member sits out one round (by number) of a network's roulette."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="+")
    leader = models.ForeignKey(Leader, on_delete=models.CASCADE, related_name="+")
    round_number = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["network", "leader", "round_number"], name="roulette_opt_out_unique"
            )
        ]

    def __str__(self) -> str:
        return f"opt-out of round {self.round_number}"


class RoulettePair(models.Model):
    """Two (or, once per odd round, three) members paired for a conversation."""

    round = models.ForeignKey(RouletteRound, on_delete=models.CASCADE, related_name="pairs")
    leaders = models.ManyToManyField(Leader, related_name="roulette_pairs")

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"roulette pair #{self.pk}"


class InsightsSnapshot(models.Model):
    """HR's network insights for one organisation and HR scope, computed by a task and stored.

    ``data`` holds the figures as of ``data_fingerprint`` (the leader graph's fingerprint when
    the computation started), ``computed_at`` says when. While a newer computation runs
    (``status`` computing), ``phase`` and ``progress`` say how far it is and ``data`` still
    holds the previous figures, if any. Only what HR sees anyway: lists from the public graph
    and aggregates over at least five people.
    """

    class Status(models.TextChoices):
        COMPUTING = "computing", _("computing")
        READY = "ready", _("ready")
        FAILED = "failed", _("failed")

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    scope = models.CharField(
        max_length=400,
        blank=True,
        help_text=_("HR's administration ids, comma-separated; empty: all."),
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.COMPUTING)
    fingerprint = models.CharField(max_length=64, blank=True)  # what is being computed
    phase = models.CharField(max_length=20, blank=True)
    progress = models.PositiveSmallIntegerField(default=0)
    requested_at = models.DateTimeField(null=True, blank=True)
    data = models.JSONField(null=True, blank=True)
    data_fingerprint = models.CharField(max_length=64, blank=True)
    computed_at = models.DateTimeField(null=True, blank=True)
    seconds = models.FloatField(null=True, blank=True)  # how long the last computation took
    error = models.CharField(max_length=400, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "scope"], name="insights_unique_scope")
        ]

    def __str__(self) -> str:
        return f"insights of organisation {self.organisation_id} ({self.scope or 'all'})"


class NetworkInvitation(models.Model):
    """A member of an informal network invites a colleague; the colleague accepts or declines."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="invitations")
    leader = models.ForeignKey(Leader, on_delete=models.CASCADE, related_name="+")
    invited_by = models.ForeignKey(
        Leader, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    status = models.CharField(
        max_length=12, choices=RequestStatus.choices, default=RequestStatus.PENDING
    )
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "leader"],
                condition=Q(status="pending"),
                name="network_invitation_one_pending",
            )
        ]

    def __str__(self) -> str:
        return f"network invitation #{self.pk} ({self.status})"
