"""Learning-network sign-ups: HR opens one, leaders sign up or withdraw."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.api.exceptions import Conflict, ServiceError
from backend.networks.access import (
    actor_leader_or_404,
    organisation_id_or_404,
)
from backend.networks.models import (
    SignUp,
    SignUpRegistration,
)
from backend.networks.selectors.signups import signup_visible_or_404
from backend.people import access
from backend.people.models import Administration, Leader, User


def _hr_administrations(actor: User, ids: Sequence[int]) -> list[Administration]:
    organisation_id = organisation_id_or_404(actor)
    found = list(Administration.objects.filter(organisation_id=organisation_id, id__in=ids))
    if len(found) != len(set(ids)):
        raise ServiceError(_("Unknown administration."), field="eligible_administrations")
    scope = set(access.hr_administration_ids(actor))
    if scope:
        if not found:
            raise ServiceError(
                _("Choose the administrations in your scope."), field="eligible_administrations"
            )
        if any(a.id not in scope for a in found):
            raise ServiceError(_("Unknown administration."), field="eligible_administrations")
    return found


@transaction.atomic
def signup_create(
    *,
    actor: User,
    theme: str,
    deadline: dt.date,
    min_size: int = 5,
    max_size: int = 7,
    description: str = "",
    eligible_administration_ids: Sequence[int] = (),
) -> SignUp:
    """HR opens a sign-up for a learning network."""
    if not access.is_hr(actor):
        raise Http404
    if not theme.strip():
        raise ServiceError(_("Give the learning network a theme."), field="theme")
    if min_size < 2:
        raise ServiceError(_("Groups need at least two people."), field="min_size")
    if max_size < min_size:
        raise ServiceError(_("The largest group is smaller than the smallest."), field="max_size")
    administrations = _hr_administrations(actor, eligible_administration_ids)
    signup = SignUp.objects.create(
        organisation_id=organisation_id_or_404(actor),
        theme=theme.strip(),
        description=description,
        min_size=min_size,
        max_size=max_size,
        deadline=deadline,
        created_by=actor,
    )
    signup.eligible_administrations.set(administrations)
    # Read back with its registration count, as the caller lists it.
    return signup_visible_or_404(actor=actor, signup_id=signup.id)


@transaction.atomic
def signup_register(
    *, actor: User, signup_id: int, today: dt.date | None = None
) -> SignUpRegistration:
    """A leader signs up (eligible administration, before the deadline)."""
    today = today or timezone.localdate()
    me = actor_leader_or_404(actor)
    signup = (
        SignUp.objects.select_for_update()
        .filter(id=signup_id, organisation_id=me.organisation_id)
        .first()
    )
    if signup is None:
        raise Http404
    eligible = set(signup.eligible_administrations.values_list("id", flat=True))
    admin_id = (
        Leader.objects.filter(id=me.id)
        .values_list("unit__department__administration_id", flat=True)
        .first()
    )
    if eligible and admin_id not in eligible:
        raise Http404
    if signup.status != SignUp.Status.OPEN or signup.deadline < today:
        raise Conflict(_("The sign-up is closed."))
    registration, created = SignUpRegistration.objects.get_or_create(signup=signup, leader=me)
    if not created:
        raise Conflict(_("You have already signed up."))
    return registration


@transaction.atomic
def signup_withdraw(*, actor: User, signup_id: int, today: dt.date | None = None) -> None:
    """A leader withdraws before the groups are drafted."""
    today = today or timezone.localdate()
    me = actor_leader_or_404(actor)
    registration = (
        SignUpRegistration.objects.select_related("signup")
        .filter(signup_id=signup_id, leader=me)
        .first()
    )
    if registration is None:
        raise Http404
    if registration.signup.status != SignUp.Status.OPEN:
        raise Conflict(_("The groups are already composed; ask HR."))
    registration.delete()
