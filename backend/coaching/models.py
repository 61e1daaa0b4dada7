"""The coach pool and the leaders' confidential requests for a coach."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from backend.people.models import Leader, Organisation, Topic


class Coach(models.Model):
    """A coach in HR's pool: a leader of the organisation (internal) or an outside coach."""

    class Kind(models.TextChoices):
        """Where the coach comes from."""

        INTERNAL = "internal", _("Internal")
        EXTERNAL = "external", _("External")

    class Status(models.TextChoices):
        """Whether the coach takes new leaders."""

        ACTIVE = "active", _("Active")
        PAUSED = "paused", _("Paused")

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="coaches")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    # Internal coaches are leaders of the organisation (they log in); external ones are a name.
    leader = models.ForeignKey(
        Leader, on_delete=models.CASCADE, null=True, blank=True, related_name="coach_roles"
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    firm = models.CharField(_("firm"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    capacity = models.PositiveSmallIntegerField(_("capacity"), default=2)
    topics = models.ManyToManyField(Topic, blank=True, related_name="coaches")
    specialities = models.CharField(_("specialities (free text)"), max_length=500, blank=True)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["kind", "name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "leader"],
                condition=Q(leader__isnull=False),
                name="coach_unique_internal_leader",
            ),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        """The internal coach's leader's name, or the external coach's name."""
        if self.leader_id is not None and self.leader is not None:
            return self.leader.full_name
        return self.name


class CoachRequest(models.Model):
    """A leader's confidential request for a coach; its content is the leader's private data."""

    class Preference(models.TextChoices):
        """What kind of coach the leader would like."""

        INTERNAL = "internal", _("Internal coach")
        EXTERNAL = "external", _("External coach")
        ANY = "any", _("No preference")

    class Status(models.TextChoices):
        """Where the request is."""

        OPEN = "open", _("Waiting for HR")
        ASSIGNED = "assigned", _("Coach assigned")
        FINISHED = "finished", _("Coaching finished")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        CLOSED = "closed", _("Closed")

    ACTIVE_STATUSES = (Status.OPEN, Status.ASSIGNED)

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="coach_requests"
    )
    leader = models.ForeignKey(Leader, on_delete=models.CASCADE, related_name="coach_requests")
    text = models.TextField(_("what you want help with"), max_length=4000)
    topics = models.ManyToManyField(Topic, blank=True, related_name="coach_requests")
    preference = models.CharField(
        _("preference"), max_length=10, choices=Preference.choices, default=Preference.ANY
    )
    language = models.CharField(_("preferred language"), max_length=5, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default="open")
    coach = models.ForeignKey(
        Coach, on_delete=models.SET_NULL, null=True, blank=True, related_name="requests"
    )
    # The matcher's reasons for the assigned coach, as codes (rendered in the reader's language).
    reasons = models.JSONField(default=list, blank=True)
    assigned_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            # One request in progress per leader: the matcher keys a request by its leader.
            models.UniqueConstraint(
                fields=["leader"],
                condition=Q(status__in=["open", "assigned"]),
                name="coach_request_one_active_per_leader",
            ),
        ]
        indexes = [models.Index(fields=["organisation", "status"])]

    def __str__(self) -> str:
        return f"coach request #{self.pk} ({self.status})"
