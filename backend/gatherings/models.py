"""A leader meeting (Ledertræf), who attends, and where each attendee sits in each round."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from backend.people.models import Leader, Organisation


class Gathering(models.Model):
    """A leader meeting HR arranges: title, date, place, table sizes and rounds."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="gatherings"
    )
    title = models.CharField(_("title"), max_length=200)
    date = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    table_min = models.PositiveSmallIntegerField(
        _("smallest table"), default=6, validators=[MinValueValidator(2), MaxValueValidator(30)]
    )
    table_max = models.PositiveSmallIntegerField(
        _("largest table"), default=8, validators=[MinValueValidator(2), MaxValueValidator(30)]
    )
    rounds = models.PositiveSmallIntegerField(
        _("rounds"), default=2, validators=[MinValueValidator(1), MaxValueValidator(6)]
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(table_min__gte=2) & Q(table_max__gte=F("table_min")),
                name="gathering_table_sizes",
            ),
            models.CheckConstraint(
                condition=Q(rounds__gte=1, rounds__lte=6), name="gathering_rounds_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.date})"


class Attendee(models.Model):
    """A leader invited to a meeting."""

    gathering = models.ForeignKey(Gathering, on_delete=models.CASCADE, related_name="attendees")
    leader = models.ForeignKey(Leader, on_delete=models.CASCADE, related_name="gathering_seats")
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["gathering", "leader"], name="attendee_once"),
        ]

    def __str__(self) -> str:
        return f"{self.leader} @ {self.gathering}"


class Seat(models.Model):
    """Where an attendee sits in one round: table ``table`` (1-based) of round ``round``."""

    gathering = models.ForeignKey(Gathering, on_delete=models.CASCADE, related_name="seats")
    leader = models.ForeignKey(Leader, on_delete=models.CASCADE, related_name="+")
    round = models.PositiveSmallIntegerField(validators=[MinValueValidator(1)])
    table = models.PositiveSmallIntegerField(validators=[MinValueValidator(1)])

    class Meta:
        ordering = ["round", "table", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["gathering", "round", "leader"], name="seat_once_per_round"
            ),
            models.CheckConstraint(condition=Q(round__gte=1, table__gte=1), name="seat_numbers"),
        ]

    def __str__(self) -> str:
        return f"{self.leader}: round {self.round}, table {self.table}"
