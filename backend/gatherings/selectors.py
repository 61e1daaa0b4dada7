"""Reads of leader meetings as HR sees them, and the table composer's problem.

The composer and every warning use only *public* ties of the leader graph (``G_public``): ties
from informal and members-only networks are the members' own, so the plan never lets HR infer
who is in an informal network with whom (``backend/people/visibility.py``: of
``informal_network`` HR sees head counts from five people, never who). Line and unit are the
hard rules; a shared public network, a mentorship (while HR's rule for ``mentor_pairing`` lets
HR see pairings) and an earlier round at one table count as "already know each other". The web
app words its note beside the composer from the same two rules.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations

from django.db.models import Count, Exists, OuterRef, QuerySet
from django.http import Http404

from backend.gatherings.models import Gathering, Seat
from backend.networks.access import LEADER_RELATED, hr_or_404, organisation_id_or_404
from backend.networks.graph import LeaderGraph, leader_graph
from backend.networks.selectors.drafts import people_for
from backend.people.models import Leader, User
from backend.people.visibility import Audience, Kind, Sees, sees
from matching.groups.model import Person

# Ties that mean "these two already know each other" in the public graph; line and unit are
# hard rules of their own, and a shared department says little.
KNOWN_TIES_EXCLUDED = frozenset({"line", "unit", "department"})

Pair = tuple[int, int]
# The line rule at a meeting: nobody at a table with their boss or their boss's boss. A director
# above a whole administration would otherwise fit at no table with anyone from it.
LINE_DEPTH = 2


def _pair(a: int, b: int) -> Pair:
    return (a, b) if a < b else (b, a)


def gatherings_visible_to(*, actor: User) -> QuerySet[Gathering]:
    """The meetings of the HR user's organisation (none for anyone else)."""
    hr_or_404(actor)
    return Gathering.objects.filter(organisation_id=organisation_id_or_404(actor))


def gatherings_listed(*, actor: User) -> QuerySet[Gathering]:
    """HR's meetings with their attendee count and whether tables are composed, newest first."""
    return (
        gatherings_visible_to(actor=actor)
        .annotate(
            attendee_count=Count("attendees", distinct=True),
            composed=Exists(Seat.objects.filter(gathering=OuterRef("pk"))),
        )
        .order_by("-date", "-id")
    )


def gathering_for_hr_or_404(*, actor: User, gathering_id: int) -> Gathering:
    """Return a meeting of the HR user's organisation, else 404."""
    gathering = gatherings_visible_to(actor=actor).filter(id=gathering_id).first()
    if gathering is None:
        raise Http404
    return gathering


def attendee_leaders(*, gathering: Gathering) -> list[Leader]:
    """The meeting's attendees (active leaders), by name."""
    return list(
        Leader.objects.filter(gathering_seats__gathering=gathering, active=True)
        .select_related(*LEADER_RELATED)
        .order_by("first_name", "last_name", "id")
    )


def _known_ties_excluded() -> frozenset[str]:
    """Ties that do not count as knowing each other: line, unit, department; mentorships too
    when the served rules hide pairings from HR (the composer works for HR)."""
    if sees(Kind.MENTOR_PAIRING, Audience.HR) is Sees.NOTHING:
        return KNOWN_TIES_EXCLUDED | {"mentorship", "past_mentorship"}
    return KNOWN_TIES_EXCLUDED


def known_pairs(ids: Iterable[int], graph: LeaderGraph) -> set[Pair]:
    """Pairs among ``ids`` who already know each other through a public tie."""
    out: set[Pair] = set()
    excluded = _known_ties_excluded()
    for u, v, data in graph.G_public.subgraph(set(ids)).edges(data=True):
        if data["ties"] - excluded:
            out.add(_pair(u, v))
    return out


def seated_pairs(tables: Iterable[Iterable[int]]) -> set[Pair]:
    """Every pair of people who sit at one table."""
    return {_pair(a, b) for table in tables for a, b in combinations(sorted(table), 2)}


def line_pairs(ids: Iterable[int], graph: LeaderGraph) -> set[Pair]:
    """Pairs among ``ids`` in one line of command (boss, boss's boss, ...)."""
    idset = set(ids)
    return {_pair(x, boss) for x in idset if x in graph.leaders for boss in graph.line_above(x)} & {
        _pair(a, b) for a, b in combinations(sorted(idset), 2)
    }


def composer_problem(
    *, leaders: list[Leader], graph: LeaderGraph, earlier: Iterable[Pair]
) -> tuple[list[Person], list[tuple[str, str]]]:
    """The composer's people and ties: public ties plus pairs who sat together before."""
    ids = [x.id for x in leaders]
    pairs = known_pairs(ids, graph) | set(earlier)
    people = [dataclasses.replace(p, line=p.line[:LINE_DEPTH]) for p in people_for(leaders, graph)]
    return people, [(str(a), str(b)) for a, b in sorted(pairs)]


def rounds_of(*, gathering: Gathering) -> dict[int, dict[int, list[int]]]:
    """round -> table -> leader ids (as stored)."""
    out: dict[int, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
    for r, t, lid in Seat.objects.filter(gathering=gathering).values_list(
        "round", "table", "leader_id"
    ):
        out[r][t].append(lid)
    return {r: dict(tables) for r, tables in out.items()}


@dataclass(frozen=True)
class TableWarning:
    """A rule a table breaks (hard) or a thing HR may want to change (soft)."""

    rule: str  # line | unit | known | met | one_administration | size
    hard: bool
    leaders: list[int] = field(default_factory=list)
    met_round: int | None = None


@dataclass(frozen=True)
class PlanTable:
    number: int
    members: list[Leader]
    administrations: int
    new_pairs: int
    pairs: int
    warnings: list[TableWarning]


@dataclass(frozen=True)
class PlanRound:
    number: int
    tables: list[PlanTable]
    new_pairs: int
    pairs: int
    repeated_pairs: int


@dataclass(frozen=True)
class GatheringPlan:
    """A meeting with its attendees and, per round, its tables and warnings."""

    gathering: Gathering
    attendees: list[Leader]
    rounds: list[PlanRound]


def _administration(leader: Leader) -> int | None:
    unit = leader.unit
    return unit.department.administration_id if unit and unit.department else None


def _table_warnings(
    members: list[Leader],
    *,
    gathering: Gathering,
    graph: LeaderGraph,
    known: set[Pair],
    met: dict[Pair, int],
) -> list[TableWarning]:
    ids = [x.id for x in members]
    warnings = [TableWarning("line", True, list(p)) for p in sorted(line_pairs(ids, graph))]
    by_unit: dict[int, list[int]] = defaultdict(list)
    for x in members:
        if x.unit_id is not None:
            by_unit[x.unit_id].append(x.id)
    warnings += [TableWarning("unit", True, sorted(v)) for v in by_unit.values() if len(v) > 1]
    pairs = seated_pairs([ids])
    warnings += [TableWarning("known", False, list(p)) for p in sorted(pairs & known)]
    warnings += [
        TableWarning("met", False, list(p), met_round=met[p]) for p in sorted(pairs & set(met))
    ]
    admins = {_administration(x) for x in members} - {None}
    if len(members) > 1 and len(admins) <= 1:
        warnings.append(TableWarning("one_administration", False, []))
    if not gathering.table_min <= len(members) <= gathering.table_max:
        warnings.append(TableWarning("size", False, []))
    return warnings


def gathering_plan(*, gathering: Gathering) -> GatheringPlan:
    """The meeting as HR sees it: attendees, and every round's tables with their warnings."""
    attendees = attendee_leaders(gathering=gathering)
    by_id = {x.id: x for x in attendees}
    graph = leader_graph(organisation_id=gathering.organisation_id)
    known = known_pairs(by_id, graph)
    met: dict[Pair, int] = {}
    rounds = []
    for r, tables in sorted(rounds_of(gathering=gathering).items()):
        plan_tables = []
        for t, ids in sorted(tables.items()):
            members = sorted(
                (by_id[x] for x in ids if x in by_id), key=lambda x: (x.first_name, x.last_name)
            )
            pairs = seated_pairs([[x.id for x in members]])
            plan_tables.append(
                PlanTable(
                    number=t,
                    members=members,
                    administrations=len({_administration(x) for x in members} - {None}),
                    new_pairs=len(pairs - known - set(met)),
                    pairs=len(pairs),
                    warnings=_table_warnings(
                        members, gathering=gathering, graph=graph, known=known, met=met
                    ),
                )
            )
        round_pairs = seated_pairs([[x.id for x in t.members] for t in plan_tables])
        rounds.append(
            PlanRound(
                number=r,
                tables=plan_tables,
                new_pairs=sum(t.new_pairs for t in plan_tables),
                pairs=len(round_pairs),
                repeated_pairs=len(round_pairs & set(met)),
            )
        )
        for p in round_pairs:
            met.setdefault(p, r)
    return GatheringPlan(gathering=gathering, attendees=attendees, rounds=rounds)
