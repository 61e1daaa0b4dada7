"""Introduction requests: a leader asks to be introduced; the asked leader decides."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from backend.api.exceptions import Conflict, ServiceError
from backend.networks.access import (
    actor_leader_or_404,
)
from backend.networks.models import (
    IntroductionRequest,
    RequestStatus,
)
from backend.networks.selectors.directory import (
    cross_organisation_visible,
    directory_peer_visible,
)
from backend.networks.selectors.introductions import introduction_of_or_404
from backend.networks.services.notices import notify_leader
from backend.notifications import links
from backend.notifications.services import lazy_message
from backend.people.models import Leader, User


@transaction.atomic
def introduction_request(
    *, actor: User, to_leader_id: int, message: str = ""
) -> IntroductionRequest:
    """Ask a discoverable peer of the same organisation for an introduction, or a leader of
    another organisation whose card the asker sees in the shared peer directory."""
    me = actor_leader_or_404(actor)
    other = Leader.objects.filter(
        id=to_leader_id, organisation_id=me.organisation_id, active=True, discoverable=True
    ).first()
    if other is None:
        other = directory_peer_visible(asker=me, other_id=to_leader_id)
    if other is None:
        raise Http404
    if other.id == me.id:
        raise ServiceError(_("You cannot ask yourself."), field="to_leader")
    if IntroductionRequest.objects.filter(
        from_leader=me,
        to_leader=other,
        status__in=[RequestStatus.PENDING, RequestStatus.ACCEPTED],
    ).exists():
        raise Conflict(_("You have already asked this leader."), field="to_leader")
    try:
        with transaction.atomic():
            intro = IntroductionRequest.objects.create(
                organisation_id=me.organisation_id,
                from_leader=me,
                to_leader=other,
                message=message,
                cross_organisation=other.organisation_id != me.organisation_id,
            )
    except IntegrityError as error:  # a concurrent double click
        raise Conflict(_("You have already asked this leader."), field="to_leader") from error
    notify_leader(
        other,
        kind="networks.introduction",
        subject=lazy_message(gettext_lazy("%(name)s would like to meet you"), name=me.full_name),
        url=links.introductions(),
        dedupe_key=f"introduction:{intro.id}",
    )
    # Read back as the caller sees it (both leaders with their units), for the response.
    return introduction_of_or_404(actor=actor, introduction_id=intro.id)


@transaction.atomic
def introduction_decide(*, actor: User, introduction_id: int, accept: bool) -> IntroductionRequest:
    """The asked leader accepts (contact details are then shared both ways) or declines."""
    me = actor_leader_or_404(actor)
    intro = (
        IntroductionRequest.objects.select_for_update(of=("self",))
        .filter(id=introduction_id, to_leader=me)
        .filter(cross_organisation_visible())
        .first()
    )
    if intro is None:
        raise Http404
    if intro.status != RequestStatus.PENDING:
        raise Conflict(_("This request has already been answered."))
    intro.status = RequestStatus.ACCEPTED if accept else RequestStatus.DECLINED
    intro.decided_at = timezone.now()
    intro.save(update_fields=["status", "decided_at"])
    if accept:
        notify_leader(
            intro.from_leader,
            kind="networks.introduction_accepted",
            subject=lazy_message(gettext_lazy("%(name)s accepted your request"), name=me.full_name),
            url=links.introductions(),
            dedupe_key=f"introduction-accepted:{intro.id}",
        )
    # Read back as the caller sees it (both leaders with their units), for the response.
    return introduction_of_or_404(actor=actor, introduction_id=intro.id)


@transaction.atomic
def introduction_withdraw(*, actor: User, introduction_id: int) -> IntroductionRequest:
    """The asking leader withdraws a pending request."""
    me = actor_leader_or_404(actor)
    intro = (
        IntroductionRequest.objects.select_for_update(of=("self",))
        .filter(id=introduction_id, from_leader=me)
        .filter(cross_organisation_visible())
        .first()
    )
    if intro is None:
        raise Http404
    if intro.status != RequestStatus.PENDING:
        raise Conflict(_("This request has already been answered."))
    intro.status = RequestStatus.WITHDRAWN
    intro.decided_at = timezone.now()
    intro.save(update_fields=["status", "decided_at"])
    # Read back as the caller sees it (both leaders with their units), for the response.
    return introduction_of_or_404(actor=actor, introduction_id=intro.id)
