"""The access log: who read a leader's private data, when and why."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from backend.people.models import Leader


class AccessLogEntry(models.Model):
    """One read of another person's private data (support needs ...), with its stated purpose."""

    class Channel(models.TextChoices):
        """Where the read happened."""

        API = "api", _("App / API")
        EXPORT = "export", _("Export")
        ADMIN = "admin", _("Admin")

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    actor_name = models.CharField(_("who"), max_length=200)
    subject = models.ForeignKey(Leader, on_delete=models.CASCADE, related_name="access_log")
    what = models.CharField(_("what"), max_length=60)
    purpose = models.CharField(_("purpose"), max_length=300)
    channel = models.CharField(max_length=10, choices=Channel.choices, default=Channel.API)
    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("access log entry")
        verbose_name_plural = _("access log")

    def __str__(self) -> str:
        return f"{self.actor_name} read {self.what} of leader #{self.subject_id}"


class Erasure(models.Model):
    """A record that a leader's data was erased: who, when, why; never the person's name."""

    class Trigger(models.TextChoices):
        """What started the erasure."""

        HR = "hr", _("HR request")
        RETENTION = "retention", _("Retention period expired")
        COMMAND = "command", _("Management command")

    # The anonymised row (kept for statistics); its employee number is a random token now.
    subject = models.OneToOneField(Leader, on_delete=models.CASCADE, related_name="erasure")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # HMAC of organisation and employee number: finds an earlier erasure (so a re-run of the
    # command is harmless) without keeping the number itself.
    subject_key = models.CharField(max_length=64, db_index=True)
    trigger = models.CharField(max_length=12, choices=Trigger.choices)
    reason = models.CharField(_("reason"), max_length=300)
    at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("erasure")
        verbose_name_plural = _("erasures")

    def __str__(self) -> str:
        return f"erasure of leader #{self.subject_id}"
