"""Pinned outputs of the benchmark generator's problems.

Written before the matcher was optimised: the total score and a fingerprint of the complete
serialised output (pairs, components, reasons, unmatched reasons) of a few small seeded
problems. A speed-up that changes any output, even the last bit of a score, fails here.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from gen_municipality import municipality_problem

from matching import (
    Policy,
    assign_mentors,
    assignment_to_dict,
    suggest_mentors,
    suggestions_to_dict,
)


def _fingerprint(data: object) -> str:
    text = json.dumps(data, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


@pytest.mark.parametrize(
    ("n", "m", "seed", "objective", "total", "pairs", "unmatched", "fingerprint"),
    [
        (100, 300, 42, "participation", 934.97, 100, 0, "3adef6325379d055"),
        (100, 300, 42, "score", 934.97, 100, 0, "3adef6325379d055"),
        (60, 150, 7, "participation", 555.2622222222222, 60, 0, "4bc009638bf5a124"),
        (300, 900, 3, "participation", 3119.4644444444443, 300, 0, "c8dcc4a22567f363"),
        (100, 30, 11, "participation", 459.21444444444444, 54, 46, "06d60ef6a9aff019"),
        (100, 30, 11, "score", 459.21444444444444, 54, 46, "06d60ef6a9aff019"),
    ],
)
def test_benchmark_output_is_pinned(
    n: int,
    m: int,
    seed: int,
    objective: str,
    total: float,
    pairs: int,
    unmatched: int,
    fingerprint: str,
) -> None:
    result = assign_mentors(
        municipality_problem(n, m, seed=seed), policy=Policy(objective=objective)
    )
    assert result.optimal
    assert result.total_score == total
    assert (len(result.pairs), len(result.unmatched)) == (pairs, unmatched)
    assert _fingerprint(assignment_to_dict(result)) == fingerprint


def test_suggestions_are_pinned() -> None:
    suggestions = suggest_mentors(municipality_problem(40, 100, seed=5))
    assert _fingerprint(suggestions_to_dict(suggestions)) == "9d783e4a6c19d405"
