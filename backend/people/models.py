"""The ground floor: the organisation tree, leaders, topics, competencies and support needs.

Words follow the brief's glossary: an *administration* (forvaltning) holds *departments*
(centre/område), which hold *units* (tilbud/institution); a *leader* leads a unit and has a
*boss*; the line of command is the chain of boss links. Every row belongs to one
``Organisation`` (directly, or through the leader or unit it hangs off), so a national
deployment can hold many municipalities.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractUser
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Organisation(models.Model):
    """A municipality (or another employer); the tenant every other row belongs to."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    default_language = models.CharField(
        _("default language"),
        max_length=5,
        default="da",
        choices=[("da", "Dansk"), ("en", "English")],
    )
    peer_directory = models.BooleanField(
        _("in the shared peer directory"),
        default=False,
        db_default=False,  # rows written by older code (a rolling deploy, old migrations) say no
        help_text=_(
            "HR opts the organisation in to the peer directory shared with the other "
            "organisations on this installation (docs/directory.md)."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Administration(models.Model):
    """An administration (forvaltning / direktørområde), e.g. Børn og Unge."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="administrations"
    )
    name = models.CharField(_("name"), max_length=200)
    code = models.CharField(_("code"), max_length=40, blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "name"], name="administration_unique_name"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Department(models.Model):
    """A department (center / område) inside an administration."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="departments"
    )
    administration = models.ForeignKey(
        Administration, on_delete=models.CASCADE, related_name="departments"
    )
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["administration", "name"], name="department_unique_name"
            )
        ]

    def __str__(self) -> str:
        return self.name


class ServiceType(models.TextChoices):
    """What kind of service a unit provides (the core task leaders compare on)."""

    SCHOOL = "school", _("School")
    DAYCARE = "daycare", _("Day-care")
    VILLAGE_SCHEME = "village_scheme", _("Village scheme (school and day-care)")
    YOUTH_CLUB = "youth_club", _("Youth club / leisure")
    PPR = "ppr", _("Educational psychology (PPR)")
    FAMILY = "family", _("Family and child welfare")
    CARE_HOME = "care_home", _("Care home")
    HOME_CARE = "home_care", _("Home care")
    RESIDENTIAL = "residential", _("Residential service")
    SHELTER = "shelter", _("Shelter")
    ACUTE = "acute", _("Acute function")
    TREATMENT = "treatment", _("Treatment service")
    SOCIAL_CAFE = "social_cafe", _("Social café")
    NUTRITION = "nutrition", _("Nutrition unit")
    HEALTH = "health", _("Health and rehabilitation")
    JOB_CENTRE = "job_centre", _("Job centre")
    CITIZEN_SERVICE = "citizen_service", _("Citizen service")
    CULTURE = "culture", _("Culture and libraries")
    TECHNICAL = "technical", _("Technical and environment")
    STAFF_FUNCTION = "staff_function", _("Staff function")
    OTHER = "other", _("Other")


class Unit(models.Model):
    """A unit (tilbud / institution / arbejdssted) one leader leads: a school, a care home."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="units")
    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="units")
    code = models.CharField(
        _("unit code"), max_length=40, help_text=_("The unit's id in the HR system.")
    )
    name = models.CharField(_("name"), max_length=200)
    service_type = models.CharField(
        _("service type"), max_length=40, choices=ServiceType.choices, default=ServiceType.OTHER
    )
    target_group = models.CharField(
        _("target group"),
        max_length=120,
        blank=True,
        help_text=_("e.g. children 0-6, adults with addiction"),
    )
    is_specialist = models.BooleanField(_("specialist service"), default=False)
    round_the_clock = models.BooleanField(_("24-hour service"), default=False)
    sites = models.PositiveSmallIntegerField(
        _("number of sites"), default=1, validators=[MinValueValidator(1)]
    )
    staff_count = models.PositiveIntegerField(_("staff (span of control)"), default=0)
    # Tells the leader graph's fingerprint that a unit's facts changed (the peer index).
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        indexes = [
            # The unit list's order within an organisation: a page is an index range, not a
            # join and sort of every unit (10 000 units: 16 ms → under 1 ms on PostgreSQL).
            models.Index(fields=["organisation", "name"], name="unit_org_name"),
            # The latest change of any unit, read by the shared peer directory's fingerprint.
            models.Index(fields=["updated_at"], name="unit_updated"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "code"], name="unit_unique_code"),
            models.CheckConstraint(condition=Q(sites__gte=1), name="unit_sites_positive"),
        ]

    def __str__(self) -> str:
        return self.name


class StaffFunctionKind(models.TextChoices):
    """The central staff functions, the new leader's "help troops"."""

    PAYROLL_HR_LAW = "payroll_hr_law", _("Payroll & HR law")
    HR_DEVELOPMENT = "hr_development", _("HR development")
    FINANCE = "finance", _("Finance")
    IT = "it", _("IT")
    COMMUNICATIONS = "communications", _("Communications")
    LEGAL = "legal", _("Legal")
    PROPERTY = "property", _("Property")


class StaffFunction(models.Model):
    """A central staff function of an organisation, e.g. Løn og Personale."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="staff_functions"
    )
    kind = models.CharField(_("kind"), max_length=30, choices=StaffFunctionKind.choices)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("what they help with"), blank=True)

    class Meta:
        ordering = ["kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "kind"], name="staff_function_unique_kind"
            )
        ]

    def __str__(self) -> str:
        return self.name


class StaffContact(models.Model):
    """A consultant in a staff function and the units (or whole administrations) they serve."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="staff_contacts"
    )
    staff_function = models.ForeignKey(
        StaffFunction, on_delete=models.CASCADE, related_name="contacts"
    )
    name = models.CharField(_("name"), max_length=200)
    title = models.CharField(_("title"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    units = models.ManyToManyField(Unit, blank=True, related_name="staff_contacts")
    administrations = models.ManyToManyField(
        Administration,
        blank=True,
        related_name="staff_contacts",
        help_text=_("Serves every unit of these administrations (unit links take precedence)."),
    )
    topics: models.ManyToManyField[Topic, Any] = models.ManyToManyField(
        "Topic",
        blank=True,
        related_name="staff_contacts",
        verbose_name=_("helps with"),
        help_text=_("The topics this consultant helps leaders with (budget, roster, ...)."),
    )

    class Meta:
        ordering = ["staff_function__kind", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.staff_function})"


class LeadershipEducation(models.TextChoices):
    """How far a leader has come in formal leadership education."""

    NONE = "none", _("None")
    IN_PROGRESS = "in_progress", _("Diploma in progress")
    DIPLOMA = "diploma", _("Diploma in leadership")
    MASTER = "master", _("Master")


class EntryRoute(models.TextChoices):
    """How a leader came into the current role: what their onboarding should start from."""

    UNKNOWN = "", _("Not known")
    FIRST_JOB = "first_job", _("First leader job")
    PROMOTED = "promoted", _("Promoted from a lower leader level")
    NEW_AREA = "new_area", _("Moved from another service area")
    TALENT = "talent", _("Graduate of the talent programme")


#: The known entry routes (without "not known"), as the API's rule fields offer them.
ENTRY_ROUTES_KNOWN = [(value, label) for value, label in EntryRoute.choices if value]


class Leader(models.Model):
    """A leader below director level: who they are, what they lead and who their boss is."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="leaders")
    employee_number = models.CharField(_("employee number"), max_length=40)
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    role_title = models.CharField(_("role title"), max_length=200)
    unit = models.ForeignKey(
        Unit, on_delete=models.SET_NULL, null=True, blank=True, related_name="leaders"
    )
    boss = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="reports"
    )
    role_start_date = models.DateField(_("start date in current role"), null=True, blank=True)
    first_leader_job = models.BooleanField(_("first leader job"), default=False)
    entry_route = models.CharField(
        _("entry route"),
        max_length=20,
        choices=EntryRoute.choices,
        default=EntryRoute.UNKNOWN,
        db_default=EntryRoute.UNKNOWN,
        blank=True,
        help_text=_("How the leader came into the role (decides onboarding for moves)."),
    )
    previous_role_title = models.CharField(
        _("previous position"), max_length=200, blank=True, default="", db_default=""
    )
    years_as_leader = models.DecimalField(
        _("years as leader"),
        max_digits=4,
        decimal_places=1,
        default=0,
        validators=[MinValueValidator(0), MaxValueValidator(60)],
    )
    leadership_education = models.CharField(
        _("leadership education"),
        max_length=20,
        choices=LeadershipEducation.choices,
        default=LeadershipEducation.NONE,
    )
    languages = models.JSONField(_("languages"), default=list, blank=True)
    bio = models.TextField(_("short bio"), blank=True, max_length=2000)
    active = models.BooleanField(_("active"), default=True)
    left_on = models.DateField(_("left the organisation on"), null=True, blank=True)
    discoverable = models.BooleanField(
        _("discoverable by peers"),
        default=False,
        help_text=_("The leader opts in to being found by the peer finder."),
    )
    directory_discoverable = models.BooleanField(
        _("found by peers in other municipalities"),
        default=False,
        db_default=False,
        help_text=_(
            "The leader opts in to the shared peer directory: a minimal card is shown to leaders "
            "of the other organisations that opted in."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["last_name", "first_name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "employee_number"], name="leader_unique_employee_number"
            ),
            models.CheckConstraint(condition=~Q(boss=models.F("id")), name="leader_not_own_boss"),
        ]
        indexes = [
            models.Index(fields=["organisation", "active"]),
            # The shared peer directory's candidates and their latest change: its fingerprint
            # (count, sum of ids, latest change) reads this index only (docs/directory.md).
            models.Index(
                fields=["updated_at"],
                condition=Q(directory_discoverable=True, active=True),
                name="leader_directory",
            ),
            # The leader list's order within an organisation: a page is an index range, not a
            # sort of every leader (10 000 leaders: 72 ms → a few ms on PostgreSQL).
            models.Index(
                fields=["organisation", "last_name", "first_name", "id"], name="leader_org_name"
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        """First and last name."""
        return f"{self.first_name} {self.last_name}".strip()


class Topic(models.Model):
    """A theme a leader can need help with or offer strength in (budget, roster, ...)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="topics")
    slug = models.SlugField(_("key"), max_length=60)
    label_da = models.CharField(_("label (Danish)"), max_length=200)
    label_en = models.CharField(_("label (English)"), max_length=200)
    description_da = models.TextField(_("description (Danish)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["order", "slug"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "slug"], name="topic_unique_slug")
        ]

    def __str__(self) -> str:
        return self.label_da


class Level(models.IntegerChoices):
    """How strong a leader is in a topic (a competency) or how much help they need."""

    SOME = 1, _("Some")
    SOLID = 2, _("Solid")
    EXPERT = 3, _("Expert")


class Competency(models.Model):
    """A strength a leader offers: leader × topic × level."""

    leader = models.ForeignKey(Leader, on_delete=models.CASCADE, related_name="competencies")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="competencies")
    level = models.PositiveSmallIntegerField(choices=Level.choices, default=Level.SOLID)

    class Meta:
        ordering = ["topic__order", "topic__slug"]
        verbose_name_plural = "competencies"
        constraints = [
            models.UniqueConstraint(fields=["leader", "topic"], name="competency_unique_topic"),
            models.CheckConstraint(
                condition=Q(level__gte=1, level__lte=3), name="competency_level_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.leader} · {self.topic} ({self.level})"


class SupportNeed(models.Model):
    """What a leader wants help with. Private: the leader's own, never their boss's business."""

    class Weight(models.IntegerChoices):
        """How much help the leader wants."""

        LITTLE = 1, _("A little")
        SOME = 2, _("Some")
        MUCH = 3, _("Much")

    class Status(models.TextChoices):
        """Where the need stands."""

        OPEN = "open", _("Open")
        MET = "met", _("Met")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class Source(models.TextChoices):
        """Where the need came from."""

        LEADER = "leader", _("Stated by the leader")
        ONBOARDING = "onboarding", _("'I need help' on an onboarding item")

    leader = models.ForeignKey(Leader, on_delete=models.CASCADE, related_name="support_needs")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="support_needs")
    weight = models.PositiveSmallIntegerField(choices=Weight.choices, default=Weight.SOME)
    note = models.TextField(_("private note"), blank=True, max_length=4000)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.OPEN)
    source = models.CharField(max_length=12, choices=Source.choices, default=Source.LEADER)
    # The leader's own choice (issue 15): only a shared need's topic reaches their mentor. Off
    # until the leader says so (at a mentor's acceptance or on the need itself); never the note.
    shared_with_mentor = models.BooleanField(_("shared with my mentor"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-weight", "topic__order", "topic__slug", "id"]  # a stable order for ties
        constraints = [
            models.UniqueConstraint(fields=["leader", "topic"], name="support_need_unique_topic"),
            models.CheckConstraint(
                condition=Q(weight__gte=1, weight__lte=3), name="support_need_weight_range"
            ),
        ]

    def __str__(self) -> str:
        # Never the note: __str__ ends up in logs and admin messages.
        return f"support need #{self.pk}"


class User(AbstractUser):
    """A login. Its role decides what it sees: HR (optionally scoped), a leader, or an admin."""

    class Role(models.TextChoices):
        """The user's role in Sparring."""

        HR = "hr", _("HR")
        LEADER = "leader", _("Leader")
        ADMIN = "admin", _("Administrator")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, null=True, blank=True, related_name="users"
    )
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.LEADER)
    leader = models.OneToOneField(
        Leader, on_delete=models.SET_NULL, null=True, blank=True, related_name="user"
    )
    hr_administrations = models.ManyToManyField(
        Administration,
        blank=True,
        related_name="hr_users",
        help_text=_("For HR: limit to these administrations (none = the whole organisation)."),
    )
    language = models.CharField(
        max_length=5, blank=True, choices=[("da", "Dansk"), ("en", "English")]
    )

    @property
    def is_hr(self) -> bool:
        """HR staff (or an admin) of an organisation."""
        return self.role in (self.Role.HR, self.Role.ADMIN) and self.organisation_id is not None
