"""GDPR contribution of the networks app: requests, sign-ups and roulette.

Called by ``backend.privacy`` (see ``backend/privacy/registry.py``). Memberships are exported in
the people section, as before they moved here (``memberships_export``, registered with
``backend.people.hooks.leader_export_part_register`` in ``apps.py``), and erased here.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Q

from backend.networks.models import (
    GroupDraft,
    InsightsSnapshot,
    IntroductionRequest,
    JoinRequest,
    Membership,
    NetworkKind,
    RouletteOptOut,
    RoulettePair,
    SignUpRegistration,
)
from backend.people.models import Leader
from backend.people.visibility import Audience, Kind, Sees, sees


def _iso(value: Any) -> Any:
    return value.isoformat() if value is not None and hasattr(value, "isoformat") else value


def export_leader(leader: Leader, *, notes: bool = True) -> dict[str, Any]:
    """Return the leader's join and introduction requests, sign-ups and roulette pairs."""
    introductions = IntroductionRequest.objects.filter(
        Q(from_leader=leader) | Q(to_leader=leader)
    ).select_related("from_leader", "to_leader")
    pairs = (
        RoulettePair.objects.filter(leaders=leader)
        .select_related("round__network")
        .prefetch_related("leaders")
    )
    return {
        "join_requests": [
            {
                "network": r.network.name,
                "message": r.message,
                "status": r.status,
                "created_at": _iso(r.created_at),
                "decided_at": _iso(r.decided_at),
            }
            for r in JoinRequest.objects.filter(leader=leader).select_related("network")
        ],
        "introductions": [
            {
                "direction": "sent" if r.from_leader_id == leader.id else "received",
                "other": (
                    r.to_leader if r.from_leader_id == leader.id else r.from_leader
                ).full_name,
                "message": r.message,
                "status": r.status,
                "created_at": _iso(r.created_at),
            }
            for r in introductions
        ],
        "signups": [
            {"theme": s.signup.theme, "created_at": _iso(s.created_at)}
            for s in SignUpRegistration.objects.filter(leader=leader).select_related("signup")
        ],
        "roulette_pairs": [
            {
                "network": p.round.network.name,
                "round": p.round.number,
                "run_on": _iso(p.round.run_on),
                "with": sorted(x.full_name for x in p.leaders.all() if x.id != leader.id),
            }
            for p in pairs
        ],
        "roulette_opt_outs": list(
            RouletteOptOut.objects.filter(leader=leader).values_list("round_number", flat=True)
        ),
    }


def memberships_export(leader: Leader, *, own: bool = True) -> list[dict[str, Any]]:
    """Return the leader's memberships: network, kind, visibility, role, since.

    Informal networks are the members' own: HR's export (``own`` False) holds them only if the
    served rule lets HR see who is in them (``visibility.Kind.INFORMAL_NETWORK``; today HR sees
    head counts of five or more only).
    """
    memberships = Membership.objects.filter(leader=leader).select_related("network")
    if not own and sees(Kind.INFORMAL_NETWORK, Audience.HR) is not Sees.EVERYTHING:
        memberships = memberships.exclude(network__kind=NetworkKind.INFORMAL)
    return [
        {
            "network": ms.network.name,
            "kind": ms.network.kind,
            "visibility": ms.network.visibility,
            "role": ms.role,
            "since": _iso(ms.since),
        }
        for ms in memberships
    ]


@transaction.atomic
def erase_leader(leader: Leader) -> None:
    """Delete the leader's memberships, requests, sign-ups and opt-outs; drop them from pairs
    and drafts."""
    # Stored insights may name the leader (isolated, brokers ...): gone with them, recomputed.
    InsightsSnapshot.objects.filter(organisation_id=leader.organisation_id).delete()
    Membership.objects.filter(leader=leader).delete()
    JoinRequest.objects.filter(leader=leader).delete()
    JoinRequest.objects.filter(decided_by=leader).update(decided_by=None)
    IntroductionRequest.objects.filter(Q(from_leader=leader) | Q(to_leader=leader)).delete()
    SignUpRegistration.objects.filter(leader=leader).delete()
    RouletteOptOut.objects.filter(leader=leader).delete()
    # Rounds stay (their numbers keep later rounds idempotent); the person leaves each pair.
    RoulettePair.leaders.through.objects.filter(leader_id=leader.id).delete()
    drafts = GroupDraft.objects.filter(signup__organisation_id=leader.organisation_id)
    for draft in drafts.only("id", "groups"):
        groups = [[m for m in group if m != leader.id] for group in draft.groups]
        if groups != draft.groups:
            GroupDraft.objects.filter(id=draft.id).update(groups=groups)
