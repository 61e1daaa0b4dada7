"""Command line: ``python -m matching assign|suggest|groups --input F [--output F]``.

Follows ``spec/matching-cli.md``: UTF-8 JSON in and out; invalid JSON or input exits with
status 2 and a message naming the field on standard error.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
from collections.abc import Sequence
from typing import Any

try:  # a C JSON parser, about twice as fast; the standard library's decides every doubt
    import orjson
except ImportError:  # pragma: no cover - orjson is a dependency, but matching runs without it
    orjson = None  # type: ignore[assignment]

from matching.errors import InputError

__all__ = ["main", "run"]

EXIT_INPUT = 2


def run(command: str, data: object) -> dict[str, Any]:
    """Run one subcommand on parsed JSON and return the result as plain data.

    Examples
    --------
    >>> result = run("assign", {"mentees": [{"id": "A"}], "mentors": [{"id": "M", "capacity": 1}]})
    >>> result["pairs"][0]["mentor"]
    'M'
    """
    return _run(command, [data])


def _run(command: str, box: list[object]) -> dict[str, Any]:
    """:func:`run` on the parsed JSON in ``box``, which it empties: with no other reference
    left (the command line keeps none), a large input's lists and strings are freed once the
    problem is parsed, before the solve allocates its own arrays."""
    data = box.pop()
    from matching import assign_mentors, suggest_mentors
    from matching.serialize import (
        assignment_to_dict,
        policy_from_dict,
        problem_from_dict,
        suggestions_to_dict,
    )

    if command == "groups":
        from matching.groups.command import groups_command  # imported when used

        if not isinstance(data, dict):
            raise InputError("(root)", "must be an object")
        return groups_command(data)
    problem = problem_from_dict(data)
    policy = policy_from_dict(data.get("policy") if isinstance(data, dict) else None)
    del data
    if command == "assign":
        return assignment_to_dict(assign_mentors(problem, policy=policy))
    return suggestions_to_dict(suggest_mentors(problem, policy=policy))


# Bytes of a number's digits -> "0", of ".eE+" -> "x", all others -> " ": an integer literal of
# 19 or more digits shows as " " followed by 19 "0" (see _fast_decode).
_DIGIT_RUNS = bytes(
    ord("0") if c in b"0123456789" else ord("x") if c in b".eE+" else ord(" ") for c in range(256)
)


def _utf8_strict(stream: Any) -> bool:
    """Whether ``stream`` decodes UTF-8 strictly, as files are read."""
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("_", "-")
    return (
        encoding in ("utf-8", "utf8")
        and getattr(stream, "errors", None) == "strict"
        and hasattr(stream, "buffer")
    )


def _fast_decode(raw: bytes) -> object:
    """``raw`` parsed by orjson when it gives what :func:`json.loads` gives, else ``None``.

    orjson rejects what the standard library accepts beyond strict JSON (``NaN``,
    ``Infinity``, ``1e400``, lone surrogates) and reads an integer outside the 64-bit range
    as a float; both parsers agree on everything else (floats are correctly rounded in both).
    So: no integer literal of 19 digits or more (cheap to rule out on the bytes; an id of such
    digits only costs the slow path) and no orjson error, or the standard library decides.
    """
    if orjson is None:
        return None
    digits = raw.translate(_DIGIT_RUNS)
    if digits.startswith(b"0" * 19) or digits.find(b" " + b"0" * 19) >= 0:
        return None
    del digits
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError:
        return None


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit status (0 ok, 2 invalid input)."""
    parser = argparse.ArgumentParser(prog="python -m matching", description=__doc__)
    parser.add_argument("command", choices=("assign", "suggest", "groups"))
    parser.add_argument("--input", required=True, help="input JSON file ('-' for stdin)")
    parser.add_argument("--output", help="result JSON file (default: standard output)")
    args = parser.parse_args(argv)
    # A large input is millions of lists and strings that live until the process ends; the
    # cyclic garbage collector would walk them again and again while they are made (half the
    # time of decoding them), and nothing here leaves cycles to collect.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _main(args)
    finally:
        if collecting:
            gc.enable()


def _main(args: argparse.Namespace) -> int:
    data: object = None
    try:
        if args.input == "-" and not _utf8_strict(sys.stdin):
            text = sys.stdin.read()
        else:
            if args.input == "-":  # read as its text would be: UTF-8, strict
                raw = sys.stdin.buffer.read()
            else:
                with open(args.input, "rb") as f:
                    raw = f.read()
            data = _fast_decode(raw)
            if data is None:  # the text as it was read: UTF-8, universal newlines in files
                text = raw.decode("utf-8")
                if args.input != "-":  # standard input's text keeps "\r" (newline="\n")
                    text = text.replace("\r\n", "\n").replace("\r", "\n")
            del raw
    except (OSError, UnicodeDecodeError) as exc:
        print(f"error: --input: cannot read {args.input}: {exc}", file=sys.stderr)
        return EXIT_INPUT
    if data is None:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            print(f"error: invalid JSON in {args.input}: {exc}", file=sys.stderr)
            return EXIT_INPUT
        del text
    box = [data]
    del data  # _run holds the only reference and drops it once the input is parsed
    try:
        result = _run(args.command, box)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_INPUT
    out = json.dumps(result, ensure_ascii=False, indent=2) + "\n"
    if args.output:
        with open(args.output, "w", encoding="utf-8") as f:
            f.write(out)
    else:
        sys.stdout.write(out)
    return 0
