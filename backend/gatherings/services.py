"""Writes of leader meetings: create, pick attendees, compose the tables, move a person."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Sequence

from django.db import transaction
from django.utils.translation import gettext as _

from backend.api.exceptions import ServiceError
from backend.gatherings.models import Attendee, Gathering, Seat
from backend.gatherings.selectors import (
    attendee_leaders,
    composer_problem,
    gathering_for_hr_or_404,
    line_pairs,
    rounds_of,
    seated_pairs,
)
from backend.networks.graph import leader_graph
from backend.people.access import leaders_visible_to, organisation_id_of
from backend.people.models import Leader, User
from matching.errors import InputError
from matching.groups.compose import compose_groups, default_rounds
from matching.groups.model import DEFAULT_GROUP_POLICY

# Sitting with someone already known (or met in an earlier round) weighs more than at a
# learning network: a Ledertræf is for meeting new people.
TABLE_POLICY = dataclasses.replace(DEFAULT_GROUP_POLICY, tie=-6.0, second_degree_tie=-0.5)
# HR waits for the answer: the whole composition stays near one second (see docs/gatherings.md).
SECONDS_PER_COMPOSITION = 1.2


def _check_sizes(table_min: int, table_max: int, rounds: int) -> None:
    if table_min < 2:
        raise ServiceError(_("A table seats at least two."), field="table_min")
    if table_max < table_min:
        raise ServiceError(_("The largest table is smaller than the smallest."), field="table_max")
    if table_max > 30:
        raise ServiceError(_("A table seats at most 30."), field="table_max")
    if not 1 <= rounds <= 6:
        raise ServiceError(_("Between one and six rounds."), field="rounds")


def gathering_create(
    *,
    actor: User,
    title: str,
    date: dt.date,
    place: str = "",
    table_min: int = 6,
    table_max: int = 8,
    rounds: int = 2,
) -> Gathering:
    """HR creates a leader meeting in its organisation."""
    organisation_id = organisation_id_of(actor)
    if organisation_id is None:
        raise ServiceError(_("You belong to no organisation."), field="title")
    _check_sizes(table_min, table_max, rounds)
    if not title.strip():
        raise ServiceError(_("Give the meeting a title."), field="title")
    return Gathering.objects.create(
        organisation_id=organisation_id,
        title=title.strip(),
        date=date,
        place=place.strip(),
        table_min=table_min,
        table_max=table_max,
        rounds=rounds,
        created_by=actor,
    )


@transaction.atomic
def gathering_update(*, actor: User, gathering_id: int, **changes: object) -> Gathering:
    """HR changes the title, date, place, table sizes or rounds (the tables stay as they are)."""
    gathering = gathering_for_hr_or_404(actor=actor, gathering_id=gathering_id)
    for name in ("title", "date", "place", "table_min", "table_max", "rounds"):
        if name in changes:
            setattr(gathering, name, changes[name])
    _check_sizes(gathering.table_min, gathering.table_max, gathering.rounds)
    gathering.save()
    Seat.objects.filter(gathering=gathering, round__gt=gathering.rounds).delete()
    return gathering


def _identifiers(text: str) -> list[str]:
    return [x for x in re.split(r"[\s,;]+", text.strip()) if x]


def _pick(
    actor: User,
    *,
    leader_ids: Sequence[int],
    administration_ids: Sequence[int],
    levels: Sequence[int],
    all_leaders: bool,
    identifiers: str,
) -> list[int]:
    """The ids of the leaders HR picked, all within HR's scope (else a field error)."""
    scope = leaders_visible_to(actor).filter(active=True)
    picked: set[int] = set()
    if all_leaders:
        picked |= set(scope.values_list("id", flat=True))
    if administration_ids:
        picked |= set(
            scope.filter(unit__department__administration_id__in=administration_ids).values_list(
                "id", flat=True
            )
        )
    if levels:
        graph = leader_graph(organisation_id=organisation_id_of(actor) or 0)
        picked |= {
            x
            for x in scope.values_list("id", flat=True)
            if x in graph.leaders and len(graph.line_above(x)) + 1 in set(levels)
        }
    if leader_ids:
        found = set(scope.filter(id__in=leader_ids).values_list("id", flat=True))
        if found != set(leader_ids):
            raise ServiceError(_("Some of the leaders were not found."), field="leader_ids")
        picked |= found
    wanted = _identifiers(identifiers)
    if wanted:
        rows = list(scope.values_list("id", "employee_number", "email"))
        lower = {w.lower() for w in wanted}
        matched = {i for i, number, email in rows if number in wanted or email.lower() in lower}
        known = {n for _i, n, _e in rows} | {e.lower() for _i, _n, e in rows if e}
        missing = [w for w in wanted if w not in known and w.lower() not in known]
        if missing:
            raise ServiceError(
                _("No leader with the employee number or e-mail: %(list)s")
                % {"list": ", ".join(missing[:10])},
                field="identifiers",
            )
        picked |= matched
    return sorted(picked)


@transaction.atomic
def attendees_add(
    *,
    actor: User,
    gathering_id: int,
    leader_ids: Sequence[int] = (),
    administration_ids: Sequence[int] = (),
    levels: Sequence[int] = (),
    all_leaders: bool = False,
    identifiers: str = "",
) -> int:
    """HR adds attendees by hand, by administration, by level, all leaders or from a list.

    Returns how many were new. A list names leaders by employee number or e-mail.
    """
    gathering = gathering_for_hr_or_404(actor=actor, gathering_id=gathering_id)
    ids = _pick(
        actor,
        leader_ids=leader_ids,
        administration_ids=administration_ids,
        levels=levels,
        all_leaders=all_leaders,
        identifiers=identifiers,
    )
    if not ids:
        raise ServiceError(_("Choose whom to invite."), field="leader_ids")
    have = set(Attendee.objects.filter(gathering=gathering).values_list("leader_id", flat=True))
    new = [Attendee(gathering=gathering, leader_id=x) for x in ids if x not in have]
    Attendee.objects.bulk_create(new)
    return len(new)


@transaction.atomic
def attendee_remove(*, actor: User, gathering_id: int, leader_id: int) -> None:
    """HR removes an attendee; their seats go too."""
    gathering = gathering_for_hr_or_404(actor=actor, gathering_id=gathering_id)
    deleted, _rows = Attendee.objects.filter(gathering=gathering, leader_id=leader_id).delete()
    if not deleted:
        raise ServiceError(_("The leader is not an attendee."), field="leader")
    Seat.objects.filter(gathering=gathering, leader_id=leader_id).delete()


def compose_rounds(
    *,
    leaders: list[Leader],
    organisation_id: int,
    table_size: tuple[int, int],
    rounds: int,
    seed: int,
    seconds: float = SECONDS_PER_COMPOSITION,
    budget: int | None = None,
) -> list[list[list[int]]]:
    """Every round's tables: the composer mixes, keeps line and unit apart, and each round
    weighs pairs who sat together in an earlier round like people who already know each other.
    """
    graph = leader_graph(organisation_id=organisation_id)
    earlier: set[tuple[int, int]] = set()
    out = []
    for number in range(rounds):
        people, ties = composer_problem(leaders=leaders, graph=graph, earlier=earlier)
        grouping = compose_groups(
            people,
            group_size=table_size,
            ties=ties,
            seed=seed + number,
            rounds=budget or default_rounds(len(people)),
            time_limit_s=seconds / rounds if budget is None else 60.0,
            policy=TABLE_POLICY,
        )
        tables = [[int(x) for x in group] for group in grouping.groups]
        earlier |= seated_pairs(tables)
        out.append(tables)
    return out


@transaction.atomic
def gathering_compose(
    *, actor: User, gathering_id: int, seed: int = 42, budget: int | None = None
) -> Gathering:
    """HR composes every round's tables anew (earlier moves are replaced).

    HR waits for the answer, so the search stops after about a second; ``budget`` (search
    rounds per meeting round) makes a run reproducible from the seed instead (the demo).
    """
    gathering = gathering_for_hr_or_404(actor=actor, gathering_id=gathering_id)
    gathering = Gathering.objects.select_for_update().get(id=gathering.id)
    leaders = attendee_leaders(gathering=gathering)
    if len(leaders) < gathering.table_min:
        raise ServiceError(
            _("Too few attendees for one table of %(n)d.") % {"n": gathering.table_min},
            field="attendees",
        )
    try:
        rounds = compose_rounds(
            leaders=leaders,
            organisation_id=gathering.organisation_id,
            table_size=(gathering.table_min, gathering.table_max),
            rounds=gathering.rounds,
            seed=seed,
            budget=budget,
        )
    except InputError as error:
        raise ServiceError(str(error), field="attendees") from error
    Seat.objects.filter(gathering=gathering).delete()
    Seat.objects.bulk_create(
        Seat(gathering=gathering, leader_id=lid, round=r, table=t)
        for r, tables in enumerate(rounds, start=1)
        for t, table in enumerate(tables, start=1)
        for lid in table
    )
    return gathering


@transaction.atomic
def seat_move(
    *, actor: User, gathering_id: int, round_number: int, leader_id: int, table: int
) -> Gathering:
    """HR moves a person to another table in one round; the hard rules are checked.

    ``table`` may be one past the last table (a new table). A move that seats two people of one
    line, or two leaders of one unit, at a table is refused with a field error naming them.
    """
    gathering = gathering_for_hr_or_404(actor=actor, gathering_id=gathering_id)
    tables = rounds_of(gathering=gathering).get(round_number)
    if tables is None:
        raise ServiceError(_("No such round."), field="round")
    seat = Seat.objects.filter(gathering=gathering, round=round_number, leader_id=leader_id).first()
    if seat is None:
        raise ServiceError(_("The leader has no seat in this round."), field="leader")
    if not 1 <= table <= max(tables) + 1:
        raise ServiceError(_("No such table."), field="table")
    others = [x for x in tables.get(table, []) if x != leader_id]
    _check_hard_rules(gathering, leader_id, others, table)
    seat.table = table
    seat.save(update_fields=["table"])
    return gathering


def _check_hard_rules(gathering: Gathering, leader_id: int, others: list[int], table: int) -> None:
    graph = leader_graph(organisation_id=gathering.organisation_id)
    names = dict((x.id, x.full_name) for x in Leader.objects.filter(id__in=[leader_id, *others]))
    for a, b in sorted(line_pairs([leader_id, *others], graph)):
        if leader_id in (a, b):
            other = b if a == leader_id else a
            raise ServiceError(
                _("%(a)s and %(b)s are in one line of command: not at table %(t)d.")
                % {"a": names[leader_id], "b": names[other], "t": table},
                field="table",
            )
    unit = Leader.objects.filter(id=leader_id).values_list("unit_id", flat=True).first()
    same = Leader.objects.filter(id__in=others, unit_id=unit).first() if unit else None
    if same is not None:
        raise ServiceError(
            _("%(a)s and %(b)s lead the same unit: not at table %(t)d.")
            % {"a": names[leader_id], "b": same.full_name, "t": table},
            field="table",
        )
