"""Group drafts of a learning-network sign-up, as HR sees them, and the composer's problem.

``signup_problem`` is the one place where a sign-up's rows become :mod:`matching.groups` people
and ties (the group composer's mapper); ``draft_detail`` is a draft as the API shows it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.http import Http404

from backend.networks.access import LEADER_RELATED, hr_or_404
from backend.networks.graph import LeaderGraph, leader_graph
from backend.networks.models import GroupDraft, SignUp
from backend.networks.selectors.signups import signup_visible_or_404
from backend.people.models import Leader, User
from matching.groups.model import Person, grouping_objective, grouping_violations


def draft_for_hr_or_404(*, actor: User, draft_id: int) -> GroupDraft:
    """Return a group draft of a sign-up HR in scope manages, else 404."""
    hr_or_404(actor)
    draft = GroupDraft.objects.select_related("signup").filter(id=draft_id).first()
    if draft is None:
        raise Http404
    signup_visible_or_404(actor=actor, signup_id=draft.signup_id)
    return draft


def draft_leaders(*, draft: GroupDraft) -> dict[int, Leader]:
    """Return the leaders of a draft, by id (one query)."""
    ids = [lid for group in draft.groups for lid in group]
    return {
        leader.id: leader
        for leader in Leader.objects.filter(id__in=ids).select_related(*LEADER_RELATED)
    }


def people_for(leaders: Sequence[Leader], graph: LeaderGraph) -> list[Person]:
    """Map leaders to the composer's people: administration, unit, line, experience, service."""
    people = []
    for leader in leaders:
        info = graph.leaders.get(leader.id)
        people.append(
            Person(
                id=str(leader.id),
                administration=str(info.administration_id)
                if info and info.administration_id
                else None,
                unit=str(info.unit_id) if info and info.unit_id else None,
                line=tuple(str(b) for b in graph.line_above(leader.id)),
                attributes={
                    "experience_years": float(leader.years_as_leader),
                    "service_type": info.service_type if info else None,
                },
            )
        )
    return people


def ties_among(ids: set[int], graph: LeaderGraph) -> list[tuple[str, str]]:
    """Existing ties between the people (line and department ties aside: the rules cover them)."""
    out = []
    for u, v, data in graph.G.subgraph(ids).edges(data=True):
        if data["ties"] - {"department", "line"}:
            out.append((str(min(u, v)), str(max(u, v))))
    return sorted(out)


def signup_problem(*, signup: SignUp) -> tuple[list[Person], list[tuple[str, str]]]:
    """Map a sign-up's registrations to the composer's people and ties (plain data)."""
    leaders = list(
        Leader.objects.filter(network_registrations__signup=signup, active=True).order_by("id")
    )
    graph = leader_graph(organisation_id=signup.organisation_id)
    return people_for(leaders, graph), ties_among({x.id for x in leaders}, graph)


def draft_evaluate(*, draft: GroupDraft) -> dict[str, Any]:
    """Return a draft's objective and the hard rules it breaks (after HR's moves)."""
    people, ties = signup_problem(signup=draft.signup)
    ids = {p.id for p in people}
    groups = [[str(x) for x in group if str(x) in ids] for group in draft.groups]
    groups = [g for g in groups if g]
    objective = grouping_objective(people, groups, ties=ties)
    violations = grouping_violations(
        people, groups, group_size=(draft.signup.min_size, draft.signup.max_size)
    )
    return {
        "objective": objective,
        "violations": [{"rule": v.rule, "leaders": [int(x) for x in v.people]} for v in violations],
    }


@dataclass(frozen=True)
class DraftGroup:
    """One group of a draft: its number and its members (leaders, in the draft's order)."""

    number: int
    members: list[Leader]


@dataclass(frozen=True)
class DraftDetail:
    """A group draft as HR sees it: groups with members, objective and broken rules."""

    id: int
    signup: int
    status: str
    objective: float
    composer_objective: float
    seed: int
    violations: list[dict[str, Any]]
    networks: list[int]
    groups: list[DraftGroup]


def draft_detail(*, draft: GroupDraft) -> DraftDetail:
    """Return the draft with its members (one query), objective and broken rules.

    A published draft shows the objective it was published with, not one measured again: its
    groups are networks now, and those ties would count as "already know each other" and
    make the very groups HR approved look worse (issue 13: 554.5 became 332.5).
    """
    leaders = draft_leaders(draft=draft)
    evaluation: dict[str, Any] = (
        {"objective": draft.objective, "violations": []}
        if draft.status == GroupDraft.Status.PUBLISHED
        else draft_evaluate(draft=draft)
    )
    return DraftDetail(
        id=draft.id,
        signup=draft.signup_id,
        status=draft.status,
        objective=evaluation["objective"],
        composer_objective=draft.composer_objective,
        seed=draft.seed,
        violations=evaluation["violations"],
        networks=list(draft.networks.values_list("id", flat=True)),
        groups=[
            DraftGroup(number=k, members=[leaders[lid] for lid in group if lid in leaders])
            for k, group in enumerate(draft.groups)
        ],
    )
