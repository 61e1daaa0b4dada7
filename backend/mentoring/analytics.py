"""HR's follow-up of a programme: figures per administration, small cells suppressed.

A read (a selector in all but name): k ≥ 5 with no differencing — a cell resting on fewer than
five people is hidden, and so is any cell from which a hidden one could be worked out.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from typing import Any

from backend.mentoring.models import (
    Enrolment,
    Mentorship,
)

# --- HR follow-up -------------------------------------------------------------------------
from backend.mentoring.selectors import enrolments_for_hr, programme_for_hr_or_404
from backend.people.models import Competency, SupportNeed, User

SUPPRESS_BELOW = 5


def _cell(value: float | int | None, base: int) -> dict[str, Any]:
    """A statistic that is suppressed when it rests on fewer than five people."""
    if base < SUPPRESS_BELOW or (isinstance(value, int) and 0 < value < SUPPRESS_BELOW):
        return _HIDDEN.copy()
    return {"value": value, "suppressed": False}


_HIDDEN: dict[str, Any] = {"value": None, "suppressed": True}


def _small(count: int) -> bool:
    """A count of one to four people: it could point someone out."""
    return 0 < count < SUPPRESS_BELOW


def _median(values: Sequence[float]) -> float | None:
    return round(statistics.median(values), 1) if values else None


#: The cells that count people, and the counts each gives away (``matched_pct`` with the
#: enrolment shown: the matched and the unmatched; active and ended early: their part of the
#: matched and the rest): the columns that add up across administrations.
_COUNTED = {
    "enrolled": ("enrolled",),
    "matched_pct": ("matched", "unmatched"),
    "active": ("active", "rest"),
    "ended_early": ("early", "rest"),
}


def _figures(
    rows: Sequence[Mapping[str, Any]],
    *,
    pairs: Mapping[int, Mapping[str, Any]],
    needs: Mapping[int, set[str]],
    strengths: Mapping[int, set[str]],
) -> tuple[dict[str, Any], dict[str, int]]:
    """The figures of some enrolments (``rows``), each cell suppressed when too small, and the
    counts they rest on (for the suppression across administrations).

    A cell is also hidden when its *complement* is small, since it would give that away:
    "10 % matched of 10" is one person matched and nine not, so the percentage is hidden when
    either the matched or the unmatched are one to four; active and ended-early pairs are
    parts of the matched, so when either, or the rest of the matched, is one to four, both go.
    """
    enrolled = len(rows)
    matched = [r for r in rows if r["id"] in pairs]
    to_match = [
        (r["matched_at"] - r["enrolled_at"]).total_seconds() / 86400
        for r in matched
        if r["matched_at"]
    ]
    to_meet = [
        (met_on - pairs[r["id"]]["started_on"]).days
        for r in matched
        if (met_on := pairs[r["id"]]["first_met_on"])
    ]
    active = sum(1 for r in matched if pairs[r["id"]]["status"] == Mentorship.Status.ACTIVE)
    early = sum(1 for r in matched if pairs[r["id"]]["status"] == Mentorship.Status.ENDED_EARLY)
    stated = covered = 0
    with_needs = 0
    for r in matched:
        wanted = needs.get(r["leader_id"], set())
        if wanted:
            with_needs += 1
        stated += len(wanted)
        covered += len(wanted & strengths.get(pairs[r["id"]]["mentor_id"], set()))
    figures = {
        "enrolled": _cell(enrolled, enrolled),
        "matched_pct": _cell(
            round(100 * len(matched) / enrolled, 1) if enrolled else None, enrolled
        ),
        "days_to_match": _cell(_median(to_match), len(to_match)),
        "days_to_first_meeting": _cell(_median(to_meet), len(to_meet)),
        "active": _cell(active, len(matched)),
        "ended_early": _cell(early, len(matched)),
        "needs_covered_pct": _cell(
            round(100 * covered / stated, 1) if stated else None, with_needs
        ),
    }
    if _small(len(matched)) or _small(enrolled - len(matched)):
        figures["matched_pct"] = _HIDDEN.copy()
    if _small(active) or _small(early) or _small(len(matched) - active - early):
        figures["active"] = _HIDDEN.copy()
        figures["ended_early"] = _HIDDEN.copy()
    counts = {
        "enrolled": enrolled,
        "matched": len(matched),
        "unmatched": enrolled - len(matched),
        "active": active,
        "early": early,
        "rest": len(matched) - active - early,
    }
    return figures, counts


def _suppress_across(
    total: dict[str, Any], groups: Sequence[tuple[dict[str, Any], dict[str, int]]]
) -> None:
    """Hide more cells where the total would give away the administrations' hidden ones.

    The administrations' counts add up to the total, so the total minus the cells shown is
    the sum of the hidden ones: one hidden cell, or hidden cells adding up to one to four
    people (of any count the cell gives away), could be worked out. Then the smallest cell
    still shown in that column is hidden too, and so on; when none is left, the total.
    """
    for column, keys in _COUNTED.items():
        if total[column]["suppressed"]:
            continue  # nothing to subtract from
        while True:
            hidden = [counts for figures, counts in groups if figures[column]["suppressed"]]
            if not hidden or (
                len(hidden) >= 2 and not any(_small(sum(c[k] for c in hidden)) for k in keys)
            ):
                break
            shown = [
                (c[keys[0]], i) for i, (f, c) in enumerate(groups) if not f[column]["suppressed"]
            ]
            if not shown:
                total[column] = _HIDDEN.copy()
                break
            groups[min(shown)[1]][0][column] = _HIDDEN.copy()


def programme_analytics(*, actor: User, programme_id: int) -> dict[str, Any]:
    """HR's figures for a programme, overall and per administration, small cells suppressed.

    Enrolled, matched %, median days to match and to the first meeting, active, ended early,
    and the share of matched mentees' needs their mentor has a strength in. A count of 1-4, or
    a figure resting on fewer than five people, is returned as ``null`` with
    ``"suppressed": true`` so that no one can be picked out; so is a figure from which a hidden
    one could be worked out: a percentage whose complement is 1-4 (``_figures``), and a total
    that, less the administrations shown, would give a hidden one away (``_suppress_across``).
    """
    programme = programme_for_hr_or_404(actor=actor, programme_id=programme_id)
    enrolments = list(
        enrolments_for_hr(actor=actor, programme_id=programme.id)
        .exclude(status=Enrolment.Status.WITHDRAWN)
        .values(
            "id",
            "leader_id",
            "enrolled_at",
            "matched_at",
            "leader__unit__department__administration__name",
        )
    )
    pairs = {
        m["enrolment_id"]: m
        for m in Mentorship.objects.filter(programme=programme)
        .order_by("started_on")
        .values("enrolment_id", "mentor_id", "status", "started_on", "first_met_on")
    }
    leader_ids = {e["leader_id"] for e in enrolments}
    needs: dict[int, set[str]] = {}
    for leader_id, slug in SupportNeed.objects.filter(leader_id__in=leader_ids).values_list(
        "leader_id", "topic__slug"
    ):
        needs.setdefault(leader_id, set()).add(slug)
    mentor_ids = {p["mentor_id"] for p in pairs.values()}
    strengths: dict[int, set[str]] = {}
    for leader_id, slug in Competency.objects.filter(leader_id__in=mentor_ids).values_list(
        "leader_id", "topic__slug"
    ):
        strengths.setdefault(leader_id, set()).add(slug)

    by_administration: dict[str, list[Mapping[str, Any]]] = {}
    for e in enrolments:
        name = e["leader__unit__department__administration__name"] or "-"
        by_administration.setdefault(name, []).append(e)
    total, _counts = _figures(enrolments, pairs=pairs, needs=needs, strengths=strengths)
    groups = [
        (name, *_figures(rows, pairs=pairs, needs=needs, strengths=strengths))
        for name, rows in sorted(by_administration.items())
    ]
    _suppress_across(total, [(figures, counts) for _name, figures, counts in groups])
    return {
        "programme": programme.id,
        "total": total,
        "administrations": [{"administration": name, **figures} for name, figures, _c in groups],
    }
