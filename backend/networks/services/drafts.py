"""Group drafts: the composer forms groups from a sign-up; HR moves people and publishes."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from backend.api.exceptions import Conflict, ServiceError
from backend.networks.models import (
    GroupDraft,
    Membership,
    Network,
    NetworkKind,
    SignUp,
)
from backend.networks.selectors.drafts import (
    draft_evaluate,
    draft_for_hr_or_404,
    draft_leaders,
    signup_problem,
)
from backend.networks.selectors.signups import signup_for_hr_or_404
from backend.networks.services.notices import notify_leader
from backend.notifications import links
from backend.notifications.services import lazy_message
from backend.people.models import User
from matching.errors import InputError
from matching.groups.compose import compose_groups, default_rounds


@transaction.atomic
def signup_compose(
    *,
    actor: User,
    signup_id: int,
    seed: int = 42,
    today: dt.date | None = None,
    time_limit_s: float = 10.0,
) -> GroupDraft:
    """HR runs the composer once the deadline has passed; returns a new draft."""
    today = today or timezone.localdate()
    signup = signup_for_hr_or_404(actor=actor, signup_id=signup_id)
    signup = SignUp.objects.select_for_update().get(id=signup.id)
    if signup.status == SignUp.Status.PUBLISHED:
        raise Conflict(_("The learning networks are already published."))
    if signup.deadline >= today:
        raise ServiceError(_("The deadline has not passed yet."), field="deadline")
    people, ties = signup_problem(signup=signup)
    if len(people) < signup.min_size:
        raise ServiceError(_("Too few leaders signed up for one group."), field="min_size")
    try:
        grouping = compose_groups(
            people,
            group_size=(signup.min_size, signup.max_size),
            ties=ties,
            seed=seed,
            # HR waits for this answer: the round budget of before (seconds, reproducible from
            # the seed), not the whole time limit.
            rounds=default_rounds(len(people)),
            time_limit_s=time_limit_s,
        )
    except InputError as error:
        raise ServiceError(str(error), field="groups") from error
    GroupDraft.objects.filter(signup=signup, status=GroupDraft.Status.DRAFT).update(
        status=GroupDraft.Status.DISCARDED
    )
    draft = GroupDraft.objects.create(
        signup=signup,
        groups=[[int(x) for x in group] for group in grouping.groups],
        objective=grouping.objective,
        composer_objective=grouping.objective,
        seed=grouping.seed,
        seconds=grouping.seconds,
    )
    signup.status = SignUp.Status.DRAFTED
    signup.save(update_fields=["status"])
    return draft


@transaction.atomic
def draft_move(*, actor: User, draft_id: int, leader_id: int, to_group: int) -> GroupDraft:
    """HR moves a leader to another group (``to_group == len(groups)`` opens a new group)."""
    draft = draft_for_hr_or_404(actor=actor, draft_id=draft_id)
    draft = GroupDraft.objects.select_for_update().select_related("signup").get(id=draft.id)
    if draft.status != GroupDraft.Status.DRAFT:
        raise Conflict(_("The draft is no longer editable."))
    groups = [list(g) for g in draft.groups]
    source = next((g for g in groups if leader_id in g), None)
    if source is None:
        raise ServiceError(_("The leader is not in this draft."), field="leader")
    if not 0 <= to_group <= len(groups):
        raise ServiceError(_("No such group."), field="to_group")
    if to_group == len(groups):
        groups.append([])
    source.remove(leader_id)
    groups[to_group].append(leader_id)
    draft.groups = [sorted(g) for g in groups if g]
    draft.objective = draft_evaluate(draft=draft)["objective"]
    draft.save(update_fields=["groups", "objective"])
    return draft


@transaction.atomic
def draft_publish(*, actor: User, draft_id: int) -> GroupDraft:
    """HR publishes: one learning network per group, memberships, members notified.

    Refused while the draft breaks a hard rule. Publishing twice changes nothing.
    """
    draft = draft_for_hr_or_404(actor=actor, draft_id=draft_id)
    draft = GroupDraft.objects.select_for_update().select_related("signup").get(id=draft.id)
    if draft.status == GroupDraft.Status.PUBLISHED:
        return draft
    if draft.status != GroupDraft.Status.DRAFT:
        raise Conflict(_("The draft was replaced by a newer one."))
    evaluation = draft_evaluate(draft=draft)
    if evaluation["violations"]:
        raise ServiceError(
            _("The groups break %(n)d rule(s); move people first.")
            % {"n": len(evaluation["violations"])},
            field="groups",
        )
    signup = draft.signup
    today = timezone.localdate()
    leaders = draft_leaders(draft=draft)
    networks = []
    for number, group in enumerate(draft.groups, start=1):
        network = Network.objects.create(
            organisation_id=signup.organisation_id,
            name=f"Læringsnetværk: {signup.theme} ({number})",
            kind=NetworkKind.LEARNING_NETWORK,
            visibility=Network.Visibility.OPEN,
            theme=signup.theme,
            description=signup.description,
        )
        Membership.objects.bulk_create(
            [Membership(network=network, leader_id=lid, since=today) for lid in group]
        )
        networks.append(network)
        for lid in group:
            notify_leader(
                leaders[lid],
                kind="networks.learning_network",
                subject=lazy_message(gettext_lazy("You are in %(network)s"), network=network.name),
                url=links.network(network.id),
                dedupe_key=f"learning-network:{draft.id}:{lid}",
            )
    draft.networks.set(networks)
    draft.status = GroupDraft.Status.PUBLISHED
    draft.published_at = timezone.now()
    # The figure HR approved: measured before the new networks became ties of their own (after
    # publishing, every group's members "already know each other" through their new network).
    draft.objective = evaluation["objective"]
    draft.save(update_fields=["status", "published_at", "objective"])
    signup.status = SignUp.Status.PUBLISHED
    signup.save(update_fields=["status"])
    return draft


def administration_spread(
    groups: Sequence[Sequence[int]], admin_of: dict[int, int]
) -> dict[int, int]:
    """Largest number of one administration's leaders in any group, per administration."""
    worst: dict[int, int] = {}
    for group in groups:
        for admin, count in Counter(admin_of[x] for x in group).items():
            worst[admin] = max(worst.get(admin, 0), count)
    return worst
