"""The shared peer directory's organisation setting: HR opts the organisation in or out."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from backend.networks.models import IntroductionRequest, RequestStatus
from backend.networks.selectors.directory import municipalities_in_directory
from backend.people.access import organisations_visible_to
from backend.people.models import Leader, Organisation, User


@dataclass(frozen=True)
class DirectorySetting:
    """Whether the organisation is in the directory, and what HR needs to know to decide."""

    enabled: bool
    leaders_opted_in: int  # the organisation's own leaders who opted in themselves
    other_organisations: int  # other organisations in the directory now


def _setting(organisation: Organisation) -> DirectorySetting:
    leaders = Leader.objects.filter(
        organisation=organisation, active=True, directory_discoverable=True
    ).count()
    others = len(municipalities_in_directory(exclude_id=organisation.id))
    return DirectorySetting(organisation.peer_directory, leaders, others)


def directory_setting(*, actor: User) -> DirectorySetting:
    """HR reads its organisation's directory setting."""
    return _setting(organisations_visible_to(actor).get())


def organisation_directory_set(*, organisation: Organisation, enabled: bool) -> int:
    """Opt the organisation in or out of the shared directory; returns how many pending
    introductions across organisations were withdrawn.

    Opting out takes every card of the organisation's leaders out of the directory at once
    (the directory reads the setting on every question), and withdraws the pending
    introductions across organisations that its leaders sent or received: they could no longer
    be answered, and they do not come back if the organisation opts in again. Accepted ones stay
    with both leaders (their contact details were already shared).
    """
    Organisation.objects.filter(id=organisation.id).update(peer_directory=enabled)
    organisation.peer_directory = enabled
    if enabled:
        return 0
    mine = Q(from_leader__organisation=organisation) | Q(to_leader__organisation=organisation)
    pending = IntroductionRequest.objects.filter(
        mine, cross_organisation=True, status=RequestStatus.PENDING
    )
    return IntroductionRequest.objects.filter(
        id__in=list(pending.values_list("id", flat=True))
    ).update(status=RequestStatus.WITHDRAWN, decided_at=timezone.now())


@transaction.atomic
def organisation_directory_set_as(*, actor: User, enabled: bool) -> DirectorySetting:
    """Organisation-wide HR opts its own organisation in or out (the view checks the role)."""
    organisation = organisations_visible_to(actor).select_for_update().get()
    organisation_directory_set(organisation=organisation, enabled=enabled)
    return _setting(organisation)
