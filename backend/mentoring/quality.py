"""HR's view of a programme's quality: meeting pulses and exit surveys, small groups hidden.

A read (a selector in all but name), like ``analytics.py``. Nobody can be picked out:

- a figure resting on fewer than five people (``SUPPRESS_BELOW``) is hidden;
- administrations with fewer than five respondents are pooled into "other administrations";
  when that pool would itself hold one to four, the smallest administration shown joins it, so
  the total less the rows shown never gives a small group away;
- comments come without names, dates or pairs, sorted by their text, and only when at least
  five people answered that kind of question.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from backend.mentoring.analytics import SUPPRESS_BELOW
from backend.mentoring.models import ExitSurvey, Pulse
from backend.mentoring.selectors import programme_for_hr_or_404
from backend.people.access import hr_scope_q
from backend.people.models import User

ADMINISTRATION = "mentorship__mentee__unit__department__administration__name"

Row = Mapping[str, Any]
Figures = Callable[[Sequence[Row]], dict[str, float | int | None]]


def _people(rows: Sequence[Row]) -> int:
    return len({row["leader_id"] for row in rows})


def _cells(rows: Sequence[Row], figures: Figures) -> dict[str, Any]:
    """Every figure of ``rows`` as a cell, all hidden when fewer than five people answered."""
    hidden = _people(rows) < SUPPRESS_BELOW
    return {
        name: {"value": None if hidden else value, "suppressed": hidden}
        for name, value in figures(rows).items()
    }


def _groups(rows: Sequence[Row], figures: Figures) -> dict[str, Any]:
    """The total and a row per administration (small ones pooled, see the module's docstring)."""
    by_name: dict[str, list[Row]] = {}
    for row in rows:
        by_name.setdefault(row[ADMINISTRATION] or "-", []).append(row)
    shown = sorted(
        (name for name, group in by_name.items() if _people(group) >= SUPPRESS_BELOW),
        key=lambda name: (-_people(by_name[name]), name),
    )
    rest = [row for name, group in by_name.items() if name not in shown for row in group]
    while shown and 0 < _people(rest) < SUPPRESS_BELOW:
        rest.extend(by_name[shown.pop()])
    groups = [{"administration": name, **_cells(by_name[name], figures)} for name in sorted(shown)]
    if rest and shown:
        groups.append({"administration": None, **_cells(rest, figures)})
    return {"total": _cells(rows, figures), "administrations": groups}


def _mean(values: Sequence[int]) -> float | None:
    return round(statistics.fmean(values), 1) if values else None


def _pct(hits: int, total: int) -> float | None:
    return round(100 * hits / total, 1) if total else None


def _pulse_figures(rows: Sequence[Row]) -> dict[str, float | int | None]:
    return {
        "respondents": _people(rows),
        "pulses": len(rows),
        "mean_score": _mean([row["score"] for row in rows]),
    }


def _survey_figures(rows: Sequence[Row]) -> dict[str, float | int | None]:
    return {
        "respondents": _people(rows),
        "mean_rating": _mean([row["rating"] for row in rows]),
        "goals_met_pct": _pct(
            sum(row["goals_met"] == ExitSurvey.Goals.YES for row in rows), len(rows)
        ),
        "recommend_pct": _pct(sum(row["would_recommend"] for row in rows), len(rows)),
    }


def _comments(rows: Sequence[Row]) -> list[str] | None:
    """The comments without anything that points to a person; None when too few answered."""
    if _people(rows) < SUPPRESS_BELOW:
        return None
    return sorted(text for row in rows if (text := row["comment"].strip()))


def programme_quality(*, actor: User, programme_id: int) -> dict[str, Any]:
    """Pulses and exit surveys of a programme's pairs in the HR actor's scope (else 404)."""
    programme = programme_for_hr_or_404(actor=actor, programme_id=programme_id)
    scope = hr_scope_q(actor, prefix="mentorship__mentee__")
    pulses = list(
        Pulse.objects.filter(mentorship__programme=programme)
        .filter(scope)
        .values("leader_id", "score", "comment", ADMINISTRATION)
    )
    surveys = list(
        ExitSurvey.objects.filter(mentorship__programme=programme)
        .filter(scope)
        .values("leader_id", "rating", "goals_met", "would_recommend", "comment", ADMINISTRATION)
    )
    pulse_comments = _comments(pulses)
    survey_comments = _comments(surveys)
    return {
        "programme": programme.id,
        "pulses": _groups(pulses, _pulse_figures),
        "surveys": _groups(surveys, _survey_figures),
        "pulse_comments": pulse_comments or [],
        "pulse_comments_hidden": pulse_comments is None,
        "survey_comments": survey_comments or [],
        "survey_comments_hidden": survey_comments is None,
    }
