"""A round of the question "Was the network worth your time?" and the members' answers."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from backend.networks.models import Network
from backend.people.models import Leader, Organisation


class ValueRound(models.Model):
    """One asking of the question in an organisation (every three months)."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="network_value_rounds"
    )
    opened_on = models.DateField(_("opened on"))
    closes_on = models.DateField(_("closes on"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-opened_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_on__gte=models.F("opened_on")), name="value_round_dates"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} {self.opened_on}"


class ValueAnswer(models.Model):
    """A member's answer for one network in one round: the member's own (HR sees totals only)."""

    class Wish(models.TextChoices):
        KEEP = "keep", _("Keep it")
        CHANGE = "change", _("Change it")
        CLOSE = "close", _("Close it")

    round = models.ForeignKey(ValueRound, on_delete=models.CASCADE, related_name="answers")
    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="value_answers")
    leader = models.ForeignKey(Leader, on_delete=models.CASCADE, related_name="value_answers")
    score = models.PositiveSmallIntegerField(
        _("worth your time (1–5)"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    wish = models.CharField(_("wish"), max_length=8, choices=Wish.choices, default=Wish.KEEP)
    comment = models.TextField(_("comment"), blank=True, max_length=1000)
    answered_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "network", "leader"], name="value_answer_once"
            ),
            models.CheckConstraint(
                condition=Q(score__gte=1, score__lte=5), name="value_answer_score_range"
            ),
        ]

    def __str__(self) -> str:
        return f"answer #{self.pk}"
