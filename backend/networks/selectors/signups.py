"""Learning-network sign-ups and their group drafts, as the caller may see them."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from backend.networks.access import (
    actor_leader_or_404,
    hr_or_404,
)
from backend.networks.models import (
    GroupDraft,
    SignUp,
    SignUpRegistration,
)
from backend.people import access
from backend.people.models import Administration, Leader, User


def signups_visible_to(*, actor: User) -> QuerySet[SignUp]:
    """HR: the organisation's sign-ups (scoped HR: those within its administrations).

    Leaders: the sign-ups they are eligible for or registered to.
    """
    organisation_id = access.organisation_id_of(actor)
    if organisation_id is None:
        return SignUp.objects.none()
    qs = SignUp.objects.filter(organisation_id=organisation_id)
    if access.is_hr(actor):
        scope = access.hr_administration_ids(actor)
        if scope:
            outside = Administration.objects.filter(organisation_id=organisation_id).exclude(
                id__in=scope
            )
            qs = qs.exclude(eligible_administrations__isnull=True).exclude(
                eligible_administrations__in=outside
            )
    else:
        me = actor_leader_or_404(actor)
        admin_id = (
            Leader.objects.filter(id=me.id)
            .values_list("unit__department__administration_id", flat=True)
            .first()
        )
        qs = qs.filter(
            Q(eligible_administrations__isnull=True)
            | Q(eligible_administrations=admin_id)
            | Q(registrations__leader=me)
        )
    ids = qs.values("id")
    return (
        SignUp.objects.filter(id__in=ids)
        .annotate(registration_count=Count("registrations", distinct=True))
        .prefetch_related("eligible_administrations")
        .order_by("-deadline", "-id")
    )


def signup_visible_or_404(*, actor: User, signup_id: int) -> SignUp:
    """Return a sign-up the caller may see, else 404."""
    found = signups_visible_to(actor=actor).filter(id=signup_id).first()
    if found is None:
        raise Http404
    return found


def signup_for_hr_or_404(*, actor: User, signup_id: int) -> SignUp:
    """Return a sign-up HR in scope may manage, else 404."""
    hr_or_404(actor)
    return signup_visible_or_404(actor=actor, signup_id=signup_id)


def signup_registrations(*, actor: User, signup_id: int) -> QuerySet[SignUpRegistration]:
    """Return who signed up (HR in scope only)."""
    signup = signup_for_hr_or_404(actor=actor, signup_id=signup_id)
    return signup.registrations.select_related("leader__unit__department__administration").order_by(
        "leader__last_name", "leader__id"
    )


def is_registered(*, actor: User, signup: SignUp) -> bool:
    """True when the caller's leader signed up."""
    return bool(actor.leader_id and signup.registrations.filter(leader_id=actor.leader_id).exists())


def signup_current_draft_id(*, actor: User, signup: SignUp) -> int | None:
    """HR: the id of the sign-up's newest draft that is not discarded, so HR can come back to it.

    ``None`` for everyone else (leaders never see drafts) and before the first compose.
    """
    if not access.is_hr(actor):
        return None
    return (
        GroupDraft.objects.filter(signup=signup)
        .exclude(status=GroupDraft.Status.DISCARDED)
        .order_by("-created_at", "-id")
        .values_list("id", flat=True)
        .first()
    )


def signup_detail(*, actor: User, signup_id: int) -> SignUp:
    """Return a sign-up the caller may see, with ``registered`` (the caller signed up) and
    ``draft`` (HR: the current group draft's id, else ``None``) set on it."""
    signup = signup_visible_or_404(actor=actor, signup_id=signup_id)
    signup.registered = is_registered(actor=actor, signup=signup)  # type: ignore[attr-defined]
    signup.draft = signup_current_draft_id(actor=actor, signup=signup)  # type: ignore[attr-defined]
    return signup
