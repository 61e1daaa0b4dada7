"""The command line and the JSON contract: results, suggestions and errors (exit 2)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from matching import InputError, policy_from_dict, problem_from_dict
from matching.cli import main

ROOT = Path(__file__).resolve().parents[2]

EXAMPLE = {
    "mentees": [
        {
            "id": "L17",
            "administration": "Børn og Unge",
            "unit": "U4",
            "line": ["L3", "L1"],
            "needs": {"budget": 1.0, "roster": 0.5},
            "context": {
                "service_type": "daycare",
                "staff": 40,
                "sites": 3,
                "round_the_clock": False,
                "specialist": False,
            },
            "experience_years": 0,
        },
        {"id": "L20", "administration": "Kultur", "unit": "U2"},
        {"id": "L23", "administration": "Kultur", "unit": "U2", "needs": {"roster": 1.0}},
    ],
    "mentors": [
        {
            "id": "L42",
            "administration": "Social og Sundhed",
            "unit": "U9",
            "line": ["L5"],
            "capacity": 2,
            "strengths": {"budget": 1.0, "employment_law": 1.0},
            "context": {
                "service_type": "residential",
                "staff": 60,
                "sites": 2,
                "round_the_clock": True,
                "specialist": True,
            },
            "experience_years": 12,
        },
        {"id": "L8", "administration": "Kultur", "capacity": 1},
    ],
    "ties": [["L17", "L8"]],
    "forbidden": [["L17", "L8"]],
    "fixed": [["L20", "L42"]],
    "scores": None,
    "policy": {"require_other_administration": True},
}


def run_cli(tmp_path: Path, command: str, data: object) -> subprocess.CompletedProcess[str]:
    path = tmp_path / "in.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "matching", command, "--input", str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )


def test_assign_follows_the_spec(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    path = tmp_path / "in.json"
    path.write_text(json.dumps(EXAMPLE), encoding="utf-8")
    assert main(["assign", "--input", str(path), "--output", str(out)]) == 0
    result = json.loads(out.read_text(encoding="utf-8"))
    assert set(result) == {"pairs", "unmatched", "total_score", "optimal"}
    assert result["optimal"] is True
    assert [(p["mentee"], p["mentor"]) for p in result["pairs"]] == [("L17", "L42"), ("L20", "L42")]
    assert [u["mentee"] for u in result["unmatched"]] == ["L23"]
    assert "L42" in result["unmatched"][0]["reason"]  # full, and says so
    assert result["unmatched"][0]["reason_da"]
    pair = result["pairs"][0]
    assert {"needs", "context", "cross_administration", "experience", "network"} <= set(
        pair["components"]
    )
    assert pair["reasons"][0] == "Covers budget"


def test_suggest_lists_ranked_mentors_with_reasons(tmp_path: Path) -> None:
    data = {**EXAMPLE, "policy": {"top_n": 1, "require_other_administration": False}}
    done = run_cli(tmp_path, "suggest", data)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)["suggestions"]
    assert [s["mentee"] for s in result] == ["L17", "L23"]  # L20 has a fixed mentor
    assert [len(s["mentors"]) for s in result] == [1, 1]
    assert result[0]["mentors"][0]["mentor"] == "L42"
    assert result[0]["mentors"][0]["components"]["load"] == -0.25  # L42 already has L20


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"mentors": [{"id": "L42", "capacity": -1}]}, "mentors[0].capacity"),
        ({"mentors": [{"id": "L42", "capacity": 1, "colour": "red"}]}, "mentors[0].colour"),
        ({"mentors": [{"id": "L42"}]}, "mentors[0].capacity"),
        ({"surprise": 1}, "surprise"),
        ({"mentees": [{"id": "L1"}, {"id": "L1"}]}, "mentees[1].id"),
        ({"ties": [["L17", "L17"]]}, "ties[0]"),  # a tie needs two leaders (L99 would be fine)
        ({"forbidden": [["L99", "L42"]]}, "forbidden[0][0]"),
        ({"fixed": [["L17", "L99"]]}, "fixed[0][1]"),
        ({"fixed": [["L17", "L8"]]}, "fixed[0]"),  # forbidden
        ({"scores": [["L17", "L42", "high"]]}, "scores[0][2]"),
        ({"scores": [["L17", "L77", 1.0]]}, "scores[0][1]"),
        ({"policy": {"objective": "fun"}}, "policy.objective"),
        ({"policy": {"weights": {"needz": 1}}}, "policy.weights.needz"),
        ({"mentees": [{"id": "L17", "needs": {"budget": -1}}]}, "mentees[0].needs.budget"),
        ({"mentees": [{"id": "L17", "context": {"staff": "many"}}]}, "mentees[0].context.staff"),
        ({"mentors": [{"id": "L42", "capacity": 1, "education": "phd"}]}, "mentors[0].education"),
    ],
)
def test_bad_input_exits_2_naming_the_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], change: dict, field: str
) -> None:
    data = {**EXAMPLE, **change}
    if "mentors" in change or "mentees" in change:
        data.update(ties=[], forbidden=[], fixed=[])
        data.update(change)
    path = tmp_path / "in.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["assign", "--input", str(path)]) == 2
    out = capsys.readouterr()
    assert field in out.err
    assert out.out == ""


def test_bad_input_in_a_subprocess_exits_2(tmp_path: Path) -> None:
    done = run_cli(
        tmp_path,
        "assign",
        {
            **EXAMPLE,
            "mentors": [{"id": "L42", "capacity": -1}],
            "fixed": [],
            "forbidden": [],
            "ties": [],
        },
    )
    assert done.returncode == 2
    assert "mentors[0].capacity" in done.stderr
    assert done.stdout == ""


def test_invalid_json_exits_2(tmp_path: Path) -> None:
    done = run_cli(tmp_path, "assign", '{"mentees": [')
    assert done.returncode == 2
    assert "invalid JSON" in done.stderr


def test_a_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["assign", "--input", str(tmp_path / "nope.json")]) == 2
    assert "--input" in capsys.readouterr().err


def test_parsed_problem_keeps_order_and_policy_defaults() -> None:
    problem = problem_from_dict(EXAMPLE)
    assert [p.id for p in problem.mentees] == ["L17", "L20", "L23"]
    assert problem.mentors[0].context.round_the_clock is True
    assert policy_from_dict(None).objective == "participation"
    with pytest.raises(InputError) as err:
        problem_from_dict([])
    assert err.value.field == "(root)"
