"""In-app notifications (each may also have gone out by e-mail)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    """A message to one user. Never carries support-need content (see services.notify)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("kind"), max_length=60)
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("body"), blank=True)
    url = models.CharField(_("link"), max_length=300, blank=True)
    dedupe_key = models.CharField(
        max_length=200,
        blank=True,
        help_text="Set by periodic jobs so that a re-run sends nothing twice.",
    )
    emailed = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "dedupe_key"],
                condition=~models.Q(dedupe_key=""),
                name="notification_unique_dedupe_key",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} → {self.user_id}"


class EmailPreference(models.Model):
    """Which groups of notifications a user also wants by e-mail (all of them by default)."""

    class Group(models.TextChoices):
        """A group of notification kinds: the part of a kind before its first dot."""

        MENTORING = "mentoring", _("Mentoring: proposals, meetings, follow-up")
        NETWORKS = "networks", _("Networks: introductions, join requests, roulette")
        ONBOARDING = "onboarding", _("Onboarding plan: tasks due soon and overdue")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="email_preference"
    )
    muted = models.JSONField(
        _("groups not sent by e-mail"),
        default=list,
        blank=True,
        help_text="Group keys (see Group) the user reads in the app only.",
    )

    def __str__(self) -> str:
        return f"e-mail preferences of {self.user_id}"

    @staticmethod
    def group_of(kind: str) -> str:
        """The group a notification kind belongs to (``mentoring.flag.inactive`` → mentoring)."""
        return kind.split(".", 1)[0]
