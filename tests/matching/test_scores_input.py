"""Large ``scores`` inputs: parsed and checked on whole columns, with the same answers and the
same error messages (naming the field and the index) as the per-item checks they replace."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matching import InputError, Problem, assign_mentors, assignment_to_dict, problem_from_dict
from matching.cli import main
from matching.model import ScoreTable
from matching.serialize import _list, _num, _pairs

ROOT = Path(__file__).resolve().parents[2]


def reference_problem(data: dict[str, Any]) -> Problem:
    """The parse before vectorisation: one tuple per pair, checked item by item."""
    problem = problem_from_dict({**data, "scores": None})
    scores = tuple(
        (item[0], item[1], _num(item[2], f"scores[{k}][2]"))
        for k, item in enumerate(_pairs(_list(data["scores"], "scores"), "scores", 3))
    )
    return Problem(
        mentees=problem.mentees,
        mentors=problem.mentors,
        ties=problem.ties,
        forbidden=problem.forbidden,
        fixed=problem.fixed,
        scores=scores,
    )


def outcome(parse: Any, data: dict[str, Any]) -> str:
    """The result of parsing and solving as JSON, or the error as the CLI prints it."""
    try:
        return json.dumps(assignment_to_dict(assign_mentors(parse(data))), sort_keys=True)
    except InputError as err:
        return f"error: {err}"


def big_input(n: int = 40, m: int = 600) -> dict[str, Any]:
    """Every pair of ``n`` mentees and ``m`` mentors scored: 24 000 pairs."""
    return {
        "mentees": [{"id": f"E{i}"} for i in range(n)],
        "mentors": [{"id": f"M{j}", "capacity": 1} for j in range(m)],
        "scores": [
            [f"E{i}", f"M{j}", (i * 7 + j * 13) % 17 - 3.5] for i in range(n) for j in range(m)
        ],
    }


DEEP = 23_456  # an item near the end of big_input's scores


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ("E1", "scores[23456]: must be a list of 3 items"),
        (["E1", "M2"], "scores[23456]: must be a list of 3 items"),
        (["E1", "M2", 1.0, 2.0], "scores[23456]: must be a list of 3 items"),
        ([1, "M2", 1.0], "scores[23456][0]: must be a string"),
        (["E1", ["M2"], 1.0], "scores[23456][1]: must be a string"),
        (["E1", None, 1.0], "scores[23456][1]: must be a string"),
        (["E1", "M2", "high"], "scores[23456][2]: must be a number"),
        (["E1", "M2", True], "scores[23456][2]: must be a number"),
        (["E1", "M2", None], "scores[23456][2]: must be a number"),
        (["E99", "M2", 1.0], "scores[23456][0]: 'E99' is not a mentee"),
        (["E1", "M999", 1.0], "scores[23456][1]: 'M999' is not a mentor"),
        (["M1", "E2", 1.0], "scores[23456][0]: 'M1' is not a mentee"),
        (["E0", "M0", 1.0], "scores[23456]: duplicate pair (also scores[0])"),
        (["E39", "M123", 1.0], "scores[23523]: duplicate pair (also scores[23456])"),
        (["E1", "M2", float("inf")], "scores[23456][2]: must be a finite number"),
        (["E1", "M2", float("nan")], "scores[23456][2]: must be a finite number"),
    ],
)
def test_a_bad_pair_deep_inside_a_large_input_names_the_field_and_index(
    bad: object, message: str
) -> None:
    data = big_input()
    data["scores"][DEEP] = bad
    assert outcome(problem_from_dict, data) == f"error: {message}"
    assert outcome(reference_problem, data) == f"error: {message}"


def test_the_first_bad_pair_is_named_when_there_are_several() -> None:
    data = big_input()
    data["scores"][DEEP] = ["E1", "M2", "high"]  # parsing fails before validation
    data["scores"][DEEP - 5] = ["E99", "M2", 1.0]
    data["scores"][DEEP + 9] = ["E1", "M2"]
    assert (
        outcome(problem_from_dict, data) == f"error: scores[{DEEP + 9}]: must be a list of 3 items"
    )
    data["scores"][DEEP + 9] = ["E1", "M2", 0.5]  # a repeat of scores[602]...
    data["scores"][DEEP] = ["E1", "M2", float("nan")]  # ...after a score that is not finite
    assert (
        outcome(problem_from_dict, data) == f"error: scores[{DEEP - 5}][0]: 'E99' is not a mentee"
    )
    data["scores"][DEEP - 5] = ["E1", "M5", 0.5]  # a repeat, before the NaN
    assert (
        outcome(problem_from_dict, data)
        == f"error: scores[{DEEP - 5}]: duplicate pair (also scores[605])"
    )


def test_errors_in_other_fields_keep_their_order_before_the_scores() -> None:
    data = big_input()
    data["scores"][DEEP] = ["E99", "M2", 1.0]
    data["fixed"] = [["E1", "M9999"]]
    assert outcome(problem_from_dict, data) == "error: fixed[0][1]: 'M9999' is not a mentor"
    data["fixed"] = [["E1", "M1"], ["E1", "M3"]]
    data["scores"][DEEP] = ["E1", "M2", float("inf")]  # scores are checked after fixed pairs
    expected = "error: fixed[1][0]: 'E1' already has a fixed mentor (fixed[0])"
    assert outcome(problem_from_dict, data) == expected


def test_a_large_input_gives_the_same_assignment_as_tuples() -> None:
    data = big_input(30, 50)
    data["forbidden"] = [["E3", "M7"]]
    data["fixed"] = [["E4", "M9"]]
    data["scores"] = data["scores"][::-1]
    assert isinstance(problem_from_dict(data).scores, ScoreTable)
    assert outcome(problem_from_dict, data) == outcome(reference_problem, data)


ids = st.sampled_from(["E0", "E1", "E2", "M0", "M1", "X"])
items = st.one_of(
    st.tuples(ids, ids, st.floats(-5, 5) | st.integers(-3, 3)).map(list),
    st.tuples(ids, ids, st.sampled_from([float("inf"), float("nan"), "x", True, None])).map(list),
    st.lists(ids, max_size=4),
    st.tuples(st.integers(0, 2), ids, st.floats(0, 1)).map(list),
    st.just({"mentee": "E0"}),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(items, max_size=12), st.booleans())
def test_the_column_checks_say_what_the_item_checks_said(
    scores: list[object], score_objective: bool
) -> None:
    data: dict[str, Any] = {
        "mentees": [{"id": "E0"}, {"id": "E1"}, {"id": "E2"}],
        "mentors": [{"id": "M0", "capacity": 1}, {"id": "M1", "capacity": 2}],
        "scores": scores,
    }
    if score_objective:
        data["policy"] = {"objective": "score"}
    ours = outcome(problem_from_dict, data)
    try:
        theirs = outcome(reference_problem, data)
    except InputError as err:  # the reference parses the scores last
        theirs = f"error: {err}"
    assert ours == theirs


def test_a_score_table_is_the_tuple_it_stands_for() -> None:
    pairs = (("E1", "M1", 1.0), ("E2", "M1", -2.0), ("E1", "M2", 0.5))
    table = ScoreTable.from_columns(*zip(*pairs, strict=True))
    assert table == pairs and pairs == table and list(table) == list(pairs)
    assert table[1] == ("E2", "M1", -2.0) and table[-1] == pairs[-1] and table[:2] == pairs[:2]
    assert hash(table) == hash(pairs) and len(table) == 3 and table != pairs[:2]
    assert Problem((), (), scores=table) == Problem((), (), scores=pairs)


def cli(tmp_path: Path, text: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    path = tmp_path / "in.json"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    status = main(["assign", "--input", str(path)])
    out = capsys.readouterr()
    return status, out.out, out.err


INVALID = "(the standard library's message)"
BIG = (
    '{"mentees": [{"id": "E1", "context": {"staff": %s}}], "mentors": [{"id": "M1", '
    '"capacity": 1}], "scores": [["E1", "M1", 1]]}'
)
BASE = '{"mentees": [{"id": "E1"}], "mentors": [{"id": "M1", "capacity": %s}], "scores": [%s]}'


@pytest.mark.parametrize(
    ("text", "status", "expected"),
    [
        # What the standard library accepts beyond strict JSON is still read as it reads it.
        (BASE % ("1", '["E1", "M1", NaN]'), 2, "error: scores[0][2]: must be a finite number\n"),
        (BASE % ("1", '["E1", "M1", 1e400]'), 2, "error: scores[0][2]: must be a finite number\n"),
        (
            BASE % ("1", '["E1", "M1", -Infinity]'),
            2,
            "error: scores[0][2]: must be a finite number\n",
        ),
        (
            BASE % ("1", '["E\\ud800", "M1", 1]'),
            2,
            "error: scores[0][0]: 'E\\ud800' is not a mentee\n",
        ),
        # An integer beyond 64 bits stays an integer (orjson would read a float).
        (BIG % "100000000000000000000", 0, ""),
        (
            BIG % "-100000000000000000000",
            2,
            "error: mentees[0].context.staff: must be a finite number >= 0, "
            "got -100000000000000000000\n",
        ),
        # Invalid JSON: the standard library's message, as before.
        (BASE % ("1", '["E1", "M1", 1],'), 2, INVALID),
        ("\ufeff" + BASE % ("1", ""), 2, INVALID),
        ('{"mentees": [\r\n1,]}', 2, INVALID),
        ('{"mentees": [\r1,]}', 2, INVALID),
    ],
)
def test_the_decoder_reads_what_the_standard_library_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, status: int, expected: str
) -> None:
    got_status, out, err = cli(tmp_path, text, capsys)
    if expected == INVALID:  # what the code before orjson printed
        with pytest.raises(json.JSONDecodeError) as exc:
            json.loads(text.replace("\r\n", "\n").replace("\r", "\n"))
        expected = f"error: invalid JSON in {tmp_path / 'in.json'}: {exc.value}\n"
    assert (got_status, err) == (status, expected)
    if status == 0:
        assert json.loads(out)["pairs"][0]["mentor"] == "M1"


def test_a_file_that_is_not_utf8_cannot_be_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "in.json"
    path.write_bytes(b'{"mentees": ["\xff"]}')
    assert main(["assign", "--input", str(path)]) == 2
    err = capsys.readouterr().err
    assert err == (
        f"error: --input: cannot read {path}: 'utf-8' codec can't decode byte 0xff in "
        "position 14: invalid start byte\n"
    )


@pytest.mark.parametrize("encoding", ["utf-8", "latin-1"])
def test_standard_input_is_read_as_before(encoding: str) -> None:
    data = big_input(3, 4)
    data["mentees"][0]["administration"] = "Børn og Unge"
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    command = [sys.executable, "-m", "matching", "assign", "--input", "-"]
    text = json.dumps(data, ensure_ascii=False).encode(encoding)
    done = subprocess.run(command, input=text, capture_output=True, env=env, cwd=ROOT, check=False)
    assert done.returncode == 0, done.stderr
    problem = problem_from_dict(json.loads(text.decode(encoding)))
    expected = assignment_to_dict(assign_mentors(problem))
    assert json.loads(done.stdout.decode(encoding)) == expected
    # standard input's text keeps "\r" (files translate it): the message counts one line
    bad = subprocess.run(command, input=b'{"mentees": [\r1,]}', capture_output=True, env=env,
                         cwd=ROOT, check=False)  # fmt: skip
    assert (bad.returncode, bad.stderr) == (
        2,
        b"error: invalid JSON in -: Expecting value: line 1 column 17 (char 16)\n",
    )


@pytest.mark.parametrize(
    ("field", "bad", "message"),
    [
        ("ties", ["E1", ""], "ties[4321][1]: must be a non-empty string"),
        ("ties", ["E1", "E1"], "ties[4321]: a tie needs two different leaders, got 'E1' twice"),
        ("ties", ["E1"], "ties[4321]: must be a list of 2 items"),
        ("ties", ["E1", 7], "ties[4321][1]: must be a string"),
        ("ties", ("E1", "M2"), "ties[4321]: must be a list of 2 items"),
        ("forbidden", ["E1", "M2", "M3"], "forbidden[4321]: must be a list of 2 items"),
        ("forbidden", [None, "M2"], "forbidden[4321][0]: must be a string"),
        ("fixed", ["E1", "E2"], "fixed[4321][1]: 'E2' is not a mentor"),
    ],
)
def test_a_bad_pair_deep_inside_a_long_list_of_ties_or_pairs_is_named(
    field: str, bad: object, message: str
) -> None:
    data = big_input(40, 120)
    data[field] = [[f"E{i % 40}", f"M{i % 120}"] for i in range(5000)]
    data[field][4321] = bad
    assert outcome(problem_from_dict, data) == f"error: {message}"


def test_long_lists_of_ties_give_the_same_result() -> None:
    data = big_input(20, 30)
    data["ties"] = [[f"E{i}", f"M{j}"] for i in range(20) for j in range(30) if (i + j) % 3 == 0]
    problem = problem_from_dict(data)
    assert problem.ties[:2] == (("E0", "M0"), ("E0", "M3"))
    assert all(type(t) is tuple for t in problem.ties)
