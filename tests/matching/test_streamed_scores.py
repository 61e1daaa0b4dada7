"""Large ``scores`` files streamed: the same result or the same message as the whole-file path.

The streaming path is forced on small files with a tiny chunk size, so that chunk boundaries
fall inside ids, escapes, numbers and whitespace, and each mentee keeps only a few pairs, so
that the optimality proof must ask for more in further passes over the file.
"""

from __future__ import annotations

import json
import random
import warnings
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from matching import screen, stream
from matching.cli import main
from matching.screen import StreamedTable
from matching.stream_input import read_assign_input

FAST = settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck))


def run(path: Path, *, streamed: bool, chunk: int = 7, keep: int = 2) -> tuple[int, str, str]:
    """``python -m matching assign --input path`` as (status, stdout, stderr)."""
    import contextlib
    import io

    saved = stream.STREAM_FROM, stream.CHUNK, screen.KEEP
    stream.STREAM_FROM = 0 if streamed else 2**62
    stream.CHUNK, screen.KEEP = chunk, keep
    out, err = io.StringIO(), io.StringIO()
    try:
        # A warning is shown once per process: it is not the program's output.
        with (
            contextlib.redirect_stdout(out),
            contextlib.redirect_stderr(err),
            warnings.catch_warnings(),
        ):
            warnings.simplefilter("ignore")
            status = main(["assign", "--input", str(path)])
    finally:
        stream.STREAM_FROM, stream.CHUNK, screen.KEEP = saved
    return status, out.getvalue(), err.getvalue()


def both(tmp_path: Path, text: str | bytes, **kw: int) -> tuple[Any, Any]:
    path = tmp_path / "in.json"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass"))
    return run(path, streamed=False), run(path, streamed=True, **kw)


def problem(rng: random.Random, n: int, m: int, *, density: float = 1.0) -> dict[str, Any]:
    """Random given scores (distinct floats: one optimum), capacities, forbidden, fixed."""
    data: dict[str, Any] = {
        "mentees": [{"id": f"E{i}", "unit": f"U{rng.randrange(4)}"} for i in range(n)],
        "mentors": [
            {"id": f"M{j}", "capacity": rng.randrange(1, 3), "unit": f"U{rng.randrange(4)}"}
            for j in range(m)
        ],
        "scores": [
            [f"E{i}", f"M{j}", round(rng.uniform(-4, 6), 6) + 1e-7 * (i * m + j)]
            for i in range(n)
            for j in range(m)
            if rng.random() < density
        ],
    }
    rng.shuffle(data["scores"])
    if rng.random() < 0.5 and data["scores"]:
        a, b, _ = rng.choice(data["scores"])
        data["forbidden"] = [[a, b]]
    return data


@pytest.mark.parametrize("objective", ["participation", "score"])
@pytest.mark.parametrize("seed", range(8))
def test_the_screened_solve_equals_the_full_solve(
    tmp_path: Path, objective: str, seed: int
) -> None:
    rng = random.Random(seed)
    data = problem(rng, rng.randrange(3, 14), rng.randrange(2, 12), density=rng.uniform(0.3, 1))
    data["policy"] = {"objective": objective, "require_other_administration": False}
    whole, streamed = both(tmp_path, json.dumps(data), chunk=rng.randrange(5, 300), keep=1)
    assert whole[0] in (0, 2)
    assert streamed == whole
    if whole[0] == 0:
        assert json.loads(whole[1])["optimal"] is True


def test_a_fixed_pair_left_out_of_the_first_pass_is_found(tmp_path: Path) -> None:
    rng = random.Random(3)
    data = problem(rng, 6, 8)
    data["forbidden"] = []
    low = min((s for s in data["scores"] if s[0] == "E2"), key=lambda s: s[2])
    data["fixed"] = [[low[0], low[1]]]
    data["mentees"][2].pop("unit")
    whole, streamed = both(tmp_path, json.dumps(data), keep=1)
    assert streamed == whole and whole[0] == 0
    assert [low[0], low[1]] in [[p["mentee"], p["mentor"]] for p in json.loads(whole[1])["pairs"]]


TRICKY = (
    '{"policy": {"objective": "score"},\r\n "scores" : [ ["E\\"]1", "M,]1" , 1.5e0 ] ,'
    '\n\t["E\\"]1","M\\u00e6",-0],["E2", "M,]1", 2] , ["E2","M\\u00e6", 0.25E+1]\n] ,'
    '"mentees": [{"id": "E\\"]1"}, {"id": "E2"}],'
    '"mentors": [{"id": "M,]1", "capacity": 1}, {"id": "Mæ", "capacity": 1}]}'
)


@pytest.mark.parametrize("chunk", [1, 2, 3, 5, 8, 13, 21, 34, 1000])
def test_chunk_boundaries_inside_strings_escapes_and_numbers(tmp_path: Path, chunk: int) -> None:
    whole, streamed = both(tmp_path, TRICKY, chunk=chunk, keep=1)
    assert whole[0] == 0 and streamed == whole


def test_the_last_scores_key_counts_as_json_load_keeps_it(tmp_path: Path) -> None:
    text = TRICKY.replace('"mentees"', '"scores": [["E2", "M,]1", 9]], "mentees"')
    whole, streamed = both(tmp_path, text)
    assert json.loads(whole[1])["total_score"] == 9 and streamed == whole
    text = TRICKY.replace('"mentees"', '"scores": null, "mentees"')
    whole, streamed = both(tmp_path, text)
    assert whole[0] == 0 and streamed == whole


def test_a_repeated_pair_names_its_first_copy_in_an_earlier_chunk(tmp_path: Path) -> None:
    data = problem(random.Random(1), 5, 6)
    data["scores"].append(list(data["scores"][3]))
    whole, streamed = both(tmp_path, json.dumps(data), chunk=20)
    assert whole[2].startswith(f"error: scores[{len(data['scores']) - 1}]: duplicate pair")
    assert streamed == whole


ids = st.sampled_from(["E0", "E1", "E2", "M0", "M1", "X", 'E"0', "M\\1", "Eø"])
numbers = st.floats(-5, 5) | st.integers(-3, 3) | st.sampled_from([0, -0.0])
items = st.one_of(
    st.tuples(ids, ids, numbers).map(list),
    st.tuples(ids, ids, st.sampled_from([float("inf"), float("nan"), "x", True, None])).map(list),
    st.lists(ids, max_size=4),
    st.tuples(st.integers(0, 2), ids, st.floats(0, 1)).map(list),
    st.tuples(ids, st.lists(ids, max_size=2), numbers).map(list),  # a "]," inside an item
    st.just({"mentee": "E0"}),
)
people: dict[str, Any] = {
    "mentees": [{"id": "E0"}, {"id": "E1"}, {"id": "E2"}, {"id": 'E"0'}, {"id": "Eø"}],
    "mentors": [
        {"id": "M0", "capacity": 1},
        {"id": "M1", "capacity": 2},
        {"id": "M\\1", "capacity": 1},
    ],
}


def dumps(data: dict[str, Any], rng: random.Random) -> str:
    """The input as JSON with the keys in a random order and random spacing."""
    keys = list(data)
    rng.shuffle(keys)
    indent = rng.choice([None, 0, 1, "\t"])
    seps = rng.choice([(",", ":"), (", ", ": "), (" ,", " : ")])
    return json.dumps({k: data[k] for k in keys}, indent=indent, separators=seps,
                      ensure_ascii=rng.random() < 0.5)  # fmt: skip


@FAST
@given(
    st.lists(items, max_size=12),
    st.booleans(),
    st.integers(0, 2**32),
    st.integers(1, 60),
)
def test_streaming_says_what_the_whole_file_path_says(
    tmp_path_factory: pytest.TempPathFactory,
    scores: list[object],
    score_objective: bool,
    seed: int,
    chunk: int,
) -> None:
    data: dict[str, Any] = {**people, "scores": scores}
    if score_objective:
        data["policy"] = {"objective": "score"}
    text = dumps(data, random.Random(seed))
    whole, streamed = both(tmp_path_factory.mktemp("s"), text, chunk=chunk, keep=1)
    assert streamed == whole


@FAST
@given(st.integers(0, 2**32), st.integers(1, 40), st.data())
def test_invalid_json_anywhere_gets_the_standard_librarys_message(
    tmp_path_factory: pytest.TempPathFactory, seed: int, chunk: int, draw: st.DataObject
) -> None:
    rng = random.Random(seed)
    data = {**people, "scores": [["E0", "M0", 1.5], ["E1", "M\\1", -2], ["Eø", "M1", 3e-2]]}
    text = dumps(data, rng)
    at = draw.draw(st.integers(0, len(text)))
    how = draw.draw(st.sampled_from(["cut", "insert", "delete"]))
    if how == "cut":
        text = text[:at]
    elif how == "insert":
        text = text[:at] + draw.draw(st.sampled_from(list(',[]{}":0e-\\x \n\r'))) + text[at:]
    else:
        text = text[:at] + text[at + 1 :]
    whole, streamed = both(tmp_path_factory.mktemp("j"), text, chunk=chunk, keep=1)
    assume(whole[0] == 2)
    assert streamed == whole


@pytest.mark.parametrize("where", ["scores", "mentees", "end"])
def test_bytes_that_are_not_utf8_get_the_whole_file_message(tmp_path: Path, where: str) -> None:
    text = json.dumps({**people, "scores": [["E0", "M0", 1], ["E1", "M1", 2]] * 5}).encode()
    at = {"scores": text.index(b'"E1"') + 2, "mentees": 20, "end": len(text) - 1}[where]
    whole, streamed = both(tmp_path, text[:at] + b"\xff\xc3" + text[at:], chunk=9)
    assert whole[2].startswith("error: --input: cannot read") and streamed == whole


def test_a_streamed_table_keeps_each_mentees_best_pairs_and_bounds_the_rest(
    tmp_path: Path,
) -> None:
    data = problem(random.Random(5), 4, 10)
    path = tmp_path / "in.json"
    path.write_text(json.dumps(data))
    table = read_assign_input(str(path), chunk=50, keep=3)["scores"]  # type: ignore[index]
    assert isinstance(table, StreamedTable) and table.listed == len(data["scores"])
    for code, name in enumerate(table.mentee_names):
        given = sorted((s for a, _, s in data["scores"] if a == name), reverse=True)
        kept = sorted(table.values[table.mentee_codes == code].tolist(), reverse=True)
        assert kept == given[:3] and table.bound[code] == (given[2] if len(given) > 3 else -np.inf)


@FAST
@given(
    st.lists(
        st.floats(allow_nan=False, allow_infinity=False)
        | st.integers(-(10**18), 10**18)
        | st.decimals(allow_nan=False, allow_infinity=False, places=7)
        | st.decimals(allow_nan=False, allow_infinity=False, places=22),
        min_size=1,
        max_size=50,
    ),
    st.sampled_from(["{}", "{:.17e}", "{:.3E}", "{:.12g}"]),
)
def test_numbers_read_on_the_bytes_equal_the_parsers_numbers(numbers: list[Any], fmt: str) -> None:
    texts = [
        json.dumps(x) if isinstance(x, int) else fmt.format(x) if isinstance(x, float) else str(x)
        for x in numbers
    ]
    text = ",".join(f'["E{k}","M",{t}]' for k, t in enumerate(texts))
    try:
        expected = [float(item[2]) for item in json.loads(f"[{text}]")]
    except ValueError:  # not JSON as formatted ("1E+5" is; "Infinity", "1.", "-0E-25" may be)
        expected = None
    columns = stream.fast_columns(text.encode())
    if columns is None:
        return  # the parsers read this chunk
    assert expected is not None
    assert np.array_equal(np.array(expected).view(np.uint64), columns.values.view(np.uint64))


@FAST
@given(
    st.lists(st.tuples(st.integers(0, 5), st.integers(-3, 3)), max_size=200),
    st.integers(1, 4),
    st.integers(1, 50),
    st.integers(2, 64),
)
def test_each_mentee_keeps_its_best_pairs_and_a_bound_on_the_rest(
    pairs: list[tuple[int, int]], keep: int, step: int, pool: int
) -> None:
    best = screen.Best(keep)
    best.limit = pool  # cut back often, and whole chunks at once (len > limit // 8)
    e = np.array([a for a, _ in pairs], dtype=np.int32)
    s = np.array([b for _, b in pairs], dtype=float)
    for start in range(0, len(pairs), step):
        part = slice(start, start + step)
        best.add(e[part], np.arange(len(pairs), dtype=np.int32)[part], s[part])
    kept_e, kept_r, kept_s, bound = best.result()
    for mentee in range(6):
        given = sorted(s[e == mentee].tolist(), reverse=True)
        kept = sorted(kept_s[kept_e == mentee].tolist(), reverse=True)
        assert kept == given[:keep]
        left = given[keep:]
        got = bound[mentee] if mentee < len(bound) else -np.inf
        assert got == (given[keep - 1] if left else -np.inf)
        assert all(s[kept_r[kept_e == mentee]] == kept_s[kept_e == mentee])


@pytest.mark.parametrize("number", ["1\r.5", "1 2", "- 1", "1 e5", "1e 5", "0 1"])
def test_space_inside_a_number_is_invalid_json_as_before(tmp_path: Path, number: str) -> None:
    text = '{"mentees": [{"id": "E0"}], "mentors": [{"id": "M0", "capacity": 1}], "scores": '
    whole, streamed = both(tmp_path, text + f'[["E0", "M0", {number}]]}}', chunk=1000)
    assert whole[2].startswith("error: invalid JSON") and streamed == whole
