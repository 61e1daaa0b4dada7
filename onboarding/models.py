"""Onboarding: templates of items, personal plans that snapshot them, history and settings.

A *template* is a named list of *template items* (HR edits them). When a leader starts a role,
a *plan* is created from every applicable template: each applicable item is copied into a
*plan item* (a snapshot: editing the template later never changes a running plan), its owner
resolved to a person (the boss from the line, the mentor once matched, the staff consultant
serving the unit) or, visibly, to HR. Every change to a plan item is kept as a *plan item event*.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from backend.catalogue.models import Offer
from backend.people.models import (
    Administration,
    Leader,
    Organisation,
    StaffContact,
    StaffFunctionKind,
    Topic,
)


class OwnerRole(models.TextChoices):
    """Who is responsible for an item."""

    NEW_LEADER = "new_leader", _("New leader")
    BOSS = "boss", _("Boss")
    HR = "hr", _("HR")
    MENTOR = "mentor", _("Mentor")
    STAFF_CONSULTANT = "staff_consultant", _("Staff consultant")


class ApplicabilityRules(models.Model):
    """Optional rules deciding which leaders a template or item applies to (all must hold).

    ``None`` / empty means "any". ``shift_work`` holds for 24-hour units and for the service
    types in ``onboarding.rules.SHIFT_SERVICE_TYPES`` (units that run a roster).
    """

    administrations = models.ManyToManyField(
        Administration,
        blank=True,
        related_name="+",
        help_text=_("Only leaders of units in these administrations (none = all)."),
    )
    service_types = models.JSONField(
        _("service types"),
        default=list,
        blank=True,
        help_text=_("Only these service types (empty = all)."),
    )
    round_the_clock = models.BooleanField(_("24-hour service"), null=True, blank=True)
    shift_work = models.BooleanField(_("roster / shift work"), null=True, blank=True)
    multi_site = models.BooleanField(_("several sites"), null=True, blank=True)
    first_leader_job = models.BooleanField(_("first leader job"), null=True, blank=True)
    specialist = models.BooleanField(_("specialist service"), null=True, blank=True)
    staff_above = models.PositiveIntegerField(
        _("span of control above"),
        null=True,
        blank=True,
        help_text=_("Only units with more staff than this."),
    )
    entry_routes = models.JSONField(
        _("entry routes"),
        default=list,
        blank=True,
        help_text=_("Only leaders who came into the role this way (empty = all)."),
    )

    class Meta:
        abstract = True


class Template(ApplicabilityRules):
    """A named set of onboarding items, e.g. "Alle nye ledere" or "Døgndækkende tilbud"."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="onboarding_templates"
    )
    slug = models.SlugField(_("key"), max_length=80)
    name_da = models.CharField(_("name (Danish)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    description_da = models.TextField(_("description (Danish)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["order", "slug"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "slug"], name="template_unique_slug")
        ]

    def __str__(self) -> str:
        return self.name_da


class TemplateItem(ApplicabilityRules):
    """One step of a template: what, why (guidance), who owns it and when it falls due."""

    template = models.ForeignKey(Template, on_delete=models.CASCADE, related_name="items")
    key = models.SlugField(_("key"), max_length=80)
    topic = models.ForeignKey(
        Topic, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    title_da = models.CharField(
        _("title (Danish)"),
        max_length=200,
        help_text=_("'{owner}' is replaced by the owner's name, e.g. the consultant's."),
    )
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    guidance_da = models.TextField(_("guidance (Danish, markdown)"), blank=True)
    guidance_en = models.TextField(_("guidance (English, markdown)"), blank=True)
    owner_role = models.CharField(
        _("owner"), max_length=20, choices=OwnerRole.choices, default=OwnerRole.NEW_LEADER
    )
    staff_function_kind = models.CharField(
        _("staff function"),
        max_length=30,
        choices=StaffFunctionKind.choices,
        blank=True,
        help_text=_("For staff-consultant items: which staff function's consultant."),
    )
    due_offset_days = models.IntegerField(
        _("due, days after the start date"),
        default=0,
        help_text=_("Negative: before the leader's first day."),
    )
    depends_on = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="dependants"
    )
    offers = models.ManyToManyField(
        Offer,
        blank=True,
        related_name="template_items",
        help_text=_("The staff functions' offers that help with this item."),
    )
    required = models.BooleanField(_("required"), default=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["template", "order", "due_offset_days", "id"]
        constraints = [
            models.UniqueConstraint(fields=["template", "key"], name="template_item_unique_key"),
            models.CheckConstraint(
                condition=~Q(owner_role="staff_consultant") | ~Q(staff_function_kind=""),
                name="template_item_consultant_has_kind",
            ),
        ]

    def __str__(self) -> str:
        return self.title_da


class Plan(models.Model):
    """A leader's personal onboarding plan for one role start."""

    class Status(models.TextChoices):
        """Where the plan stands."""

        ACTIVE = "active", _("Active")
        COMPLETED = "completed", _("Completed")
        ARCHIVED = "archived", _("Archived")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="onboarding_plans"
    )
    leader = models.ForeignKey(Leader, on_delete=models.CASCADE, related_name="onboarding_plans")
    role_start_date = models.DateField(_("start date in the role"))
    templates = models.ManyToManyField(Template, blank=True, related_name="plans")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.ACTIVE)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-role_start_date", "id"]
        constraints = [
            # One plan per role start: creating twice (task retry, HR click) returns the first.
            models.UniqueConstraint(
                fields=["leader", "role_start_date"], name="plan_unique_role_start"
            )
        ]
        indexes = [models.Index(fields=["organisation", "status"])]

    def __str__(self) -> str:
        return f"plan #{self.pk} ({self.role_start_date})"


class PlanItem(models.Model):
    """One item of a plan: a snapshot of a template item (or added by hand) with its owner."""

    class Status(models.TextChoices):
        """Progress of an item."""

        TODO = "todo", _("To do")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        NOT_APPLICABLE = "not_applicable", _("Not applicable")

    OPEN_STATUSES = (Status.TODO, Status.IN_PROGRESS)

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="items")
    template_item = models.ForeignKey(
        TemplateItem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Where the item came from (its content is a copy)."),
    )
    topic = models.ForeignKey(
        Topic, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    title_da = models.CharField(_("title (Danish)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    guidance_da = models.TextField(_("guidance (Danish, markdown)"), blank=True)
    guidance_en = models.TextField(_("guidance (English, markdown)"), blank=True)
    owner_role = models.CharField(
        _("owner"), max_length=20, choices=OwnerRole.choices, default=OwnerRole.NEW_LEADER
    )
    staff_function_kind = models.CharField(
        _("staff function"), max_length=30, choices=StaffFunctionKind.choices, blank=True
    )
    owner_leader = models.ForeignKey(
        Leader,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The new leader, the boss or the mentor who owns the item."),
    )
    owner_staff_contact = models.ForeignKey(
        StaffContact, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    owner_fallback = models.BooleanField(
        _("owner unknown, HR takes it"),
        default=False,
        help_text=_("No boss, mentor or consultant was found: HR owns the item for now."),
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    depends_on = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="dependants"
    )
    required = models.BooleanField(_("required"), default=True)
    personal = models.BooleanField(_("added to this plan by hand"), default=False)
    order = models.PositiveIntegerField(default=0)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.TODO)
    not_applicable_reason = models.CharField(_("why not applicable"), max_length=500, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    completed_at = models.DateTimeField(null=True, blank=True)
    need_help = models.BooleanField(
        _("the leader asked for help"),
        default=False,
        help_text=_("Private: visible to the leader and HR, never to the boss."),
    )
    dropped_at = models.DateTimeField(_("dropped"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due_date", "order", "id"]
        indexes = [models.Index(fields=["status", "due_date"])]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="not_applicable") | ~Q(not_applicable_reason=""),
                name="plan_item_not_applicable_has_reason",
            )
        ]

    def __str__(self) -> str:
        return f"plan item #{self.pk}"


class PlanItemEvent(models.Model):
    """One change to a plan item: who did what, when (the item's history)."""

    class Kind(models.TextChoices):
        """What happened."""

        CREATED = "created", _("Created from a template")
        ADDED = "added", _("Added by hand")
        DROPPED = "dropped", _("Dropped")
        RESCHEDULED = "rescheduled", _("Rescheduled")
        STATUS_CHANGED = "status_changed", _("Status changed")
        OWNER_CHANGED = "owner_changed", _("Owner changed")
        NEED_HELP = "need_help", _("Asked for help")

    # Events a boss may not see: asking for help is private to the leader (and HR).
    PRIVATE_KINDS = (Kind.NEED_HELP,)

    item = models.ForeignKey(PlanItem, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    old_value = models.CharField(max_length=200, blank=True)
    new_value = models.CharField(max_length=200, blank=True)
    reason = models.CharField(max_length=500, blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.kind} on item #{self.item_id}"


class OnboardingSettings(models.Model):
    """Per-organisation reminder settings (defaults in ``onboarding.reminders``)."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="onboarding_settings"
    )
    remind_days_before = models.PositiveSmallIntegerField(
        _("remind the owner this many days before the due date"), default=3
    )
    overdue_reminder = models.BooleanField(_("remind again when overdue"), default=True)
    escalate_after_days = models.PositiveSmallIntegerField(
        _("flag to HR this many days after the due date"), default=7
    )
    reminders_enabled = models.BooleanField(_("send reminders"), default=True)

    class Meta:
        verbose_name_plural = "onboarding settings"

    def __str__(self) -> str:
        return f"onboarding settings of {self.organisation_id}"


def _new_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """A leader's secret calendar-feed token: the URL calendar apps subscribe to."""

    leader = models.OneToOneField(Leader, on_delete=models.CASCADE, related_name="calendar_feed")
    token = models.CharField(max_length=64, unique=True, default=_new_token)
    rotated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        # Never the token: it is the feed's only credential.
        return f"calendar feed of leader {self.leader_id}"
