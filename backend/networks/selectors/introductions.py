"""Introduction requests between leaders (the peer finder's follow-up)."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from backend.networks.access import (
    actor_leader_or_404,
)
from backend.networks.models import (
    IntroductionRequest,
)
from backend.networks.selectors.directory import cross_organisation_visible
from backend.people.models import User


def introductions_of(*, actor: User) -> QuerySet[IntroductionRequest]:
    """Return the introduction requests the calling leader sent or received.

    One across organisations that is not accepted is hidden at once when either leader or
    either organisation leaves the shared directory (``cross_organisation_visible``).
    """
    me = actor_leader_or_404(actor)
    return (
        IntroductionRequest.objects.filter(Q(from_leader=me) | Q(to_leader=me))
        .filter(cross_organisation_visible())
        .select_related(
            "from_leader__organisation",
            "to_leader__organisation",
            "from_leader__unit__department__administration",
            "to_leader__unit__department__administration",
        )
        .order_by("-created_at", "-id")
    )


def introduction_of_or_404(*, actor: User, introduction_id: int) -> IntroductionRequest:
    """Return one introduction request the caller is part of, else 404."""
    found = introductions_of(actor=actor).filter(id=introduction_id).first()
    if found is None:
        raise Http404
    return found
