"""Generator of ``assign`` inputs with every allowed pair given as ``scores`` (the CLI's JSON).

The municipality of :mod:`gen_municipality` with the model's score of every pair allowed by the
hard rules (other administration, not the same unit, neither in the other's line), written as
the command-line contract's JSON. Large inputs are written in pieces, so the generator itself
never holds more than one block of pairs.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TextIO

import numpy as np
from gen_municipality import municipality_problem

from matching import DEFAULT_POLICY, Mentee, Mentor, Problem
from matching.assign import _prepare

__all__ = ["problem_json", "write_scores_input"]

_BLOCK = 2_000_000  # pairs formatted at once


def _person(p: Mentee | Mentor) -> dict[str, Any]:
    out: dict[str, Any] = {"id": p.id}
    for name in ("administration", "department", "unit"):
        if getattr(p, name) is not None:
            out[name] = getattr(p, name)
    out["line"] = list(p.line)
    c = p.context
    out["context"] = {
        "service_type": c.service_type,
        "staff": c.staff,
        "sites": c.sites,
        "round_the_clock": c.round_the_clock,
        "specialist": c.specialist,
    }
    out["experience_years"] = p.experience_years
    if isinstance(p, Mentee):
        out["needs"] = dict(p.needs)
    else:
        out["capacity"] = p.capacity
        out["strengths"] = dict(p.strengths)
        out["education"] = p.education
    return out


def problem_json(problem: Problem) -> dict[str, Any]:
    """The contract's JSON of ``problem`` without ``scores``."""
    return {
        "mentees": [_person(p) for p in problem.mentees],
        "mentors": [_person(p) for p in problem.mentors],
        "ties": [list(t) for t in problem.ties],
        "forbidden": [],
        "fixed": [],
    }


def _write_pairs(out: TextIO, problem: Problem) -> int:
    """Write ``[id, id, score],`` for every allowed pair; returns the number of pairs."""
    prep = _prepare(problem, DEFAULT_POLICY)
    mentee_ids = [p.id for p in prep.mentees]
    mentor_ids = np.array([json.dumps(p.id) for p in prep.mentors], dtype=object)
    count = 0
    step = max(1, _BLOCK // max(len(prep.mentors), 1))
    for start in range(0, len(mentee_ids), step):
        rows = np.arange(start, min(start + step, len(mentee_ids)), dtype=np.intp)
        S = prep.scorer.rows(rows)
        for k, i in enumerate(rows.tolist()):
            cols = np.flatnonzero(np.isfinite(S[k]))
            head = "," if count else ""
            prefix = f"[{json.dumps(mentee_ids[i])},"
            names, values = mentor_ids[cols], S[k, cols].tolist()
            items = [f"{prefix}{b},{s!r}]" for b, s in zip(names, values, strict=True)]
            if items:
                out.write(head + ",".join(items))
                count += len(items)
    return count


def write_scores_input(path: Path, n: int, m: int, *, seed: int = 42) -> int:
    """Write the ``assign`` input of ``n`` mentees x ``m`` mentors with every allowed pair
    scored to ``path``; returns the number of pairs."""
    problem = municipality_problem(n, m, seed=seed)
    head = json.dumps(problem_json(problem), ensure_ascii=False)
    with path.open("w", encoding="utf-8") as out:
        out.write(head[:-1] + ', "scores": [')
        count = _write_pairs(out, problem)
        out.write("]}")
    return count
