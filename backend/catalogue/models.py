"""The staff functions' offers and the leaders' requests for them.

An offer belongs to one staff function of the organisation and is delivered by one of its
consultants or by the function as a whole. A request is a leader's: its message and timing are
read by the leader and by HR with the leader in scope, never by the leader's line
(``backend/people/visibility.py``, kind ``staff_request``).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from backend.people.models import Leader, Organisation, StaffContact, StaffFunction, Topic


class Offer(models.Model):
    """Something a staff function offers leaders: a budget review, a roster set-up ..."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="staff_offers"
    )
    staff_function = models.ForeignKey(
        StaffFunction, on_delete=models.CASCADE, related_name="offers"
    )
    delivered_by = models.ForeignKey(
        StaffContact,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="offers",
        help_text=_("The consultant who delivers it; empty: the staff function as a whole."),
    )
    title_da = models.CharField(_("title (Danish)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    description_da = models.TextField(_("description (Danish)"), blank=True, max_length=4000)
    description_en = models.TextField(_("description (English)"), blank=True, max_length=4000)
    topics = models.ManyToManyField(Topic, blank=True, related_name="staff_offers")
    duration = models.CharField(_("how long it takes"), max_length=200, blank=True)
    timing = models.CharField(_("when it is offered"), max_length=200, blank=True)
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["staff_function__kind", "title_da", "id"]
        indexes = [models.Index(fields=["organisation", "active"])]

    def __str__(self) -> str:
        return self.title_da


class OfferRequest(models.Model):
    """A leader's request for an offer, followed by HR through to done (or declined)."""

    class Status(models.TextChoices):
        """Where the request stands."""

        REQUESTED = "requested", _("Requested")
        ACCEPTED = "accepted", _("Accepted")
        SCHEDULED = "scheduled", _("Scheduled")
        DONE = "done", _("Done")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="staff_offer_requests"
    )
    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="requests")
    leader = models.ForeignKey(
        Leader, on_delete=models.CASCADE, related_name="staff_offer_requests"
    )
    message = models.TextField(_("message"), blank=True, max_length=2000)
    desired_timing = models.CharField(_("desired timing"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.REQUESTED
    )
    scheduled_for = models.DateField(_("scheduled for"), null=True, blank=True)
    reply = models.TextField(_("reply to the leader"), blank=True, max_length=2000)
    decline_reason = models.CharField(_("why declined"), max_length=500, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["organisation", "status"])]

    def __str__(self) -> str:
        return f"{self.offer_id} ← {self.leader_id} ({self.status})"
