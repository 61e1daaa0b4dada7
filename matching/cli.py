"""Command line: ``python -m matching assign|suggest|groups --input F [--output F]``.

Follows ``spec/matching-cli.md``: UTF-8 JSON in and out; invalid JSON or input exits with
status 2 and a message naming the field on standard error.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
from collections.abc import Sequence
from typing import Any

from matching.errors import InputError
from matching.screen import StreamedTable
from matching.stream import fast_decode as _fast_decode

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
    if command == "assign" and isinstance(problem.scores, StreamedTable):  # a large file
        from matching.screened import assign_screened

        return assignment_to_dict(assign_screened(problem, policy=policy))
    if command == "assign":
        return assignment_to_dict(assign_mentors(problem, policy=policy))
    return suggestions_to_dict(suggest_mentors(problem, policy=policy))


def _utf8_strict(stream: Any) -> bool:
    """Whether ``stream`` decodes UTF-8 strictly, as files are read."""
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("_", "-")
    return (
        encoding in ("utf-8", "utf8")
        and getattr(stream, "errors", None) == "strict"
        and hasattr(stream, "buffer")
    )


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


def _streamed(args: argparse.Namespace) -> tuple[object, int]:
    """The input of ``assign`` from a large file with its ``scores`` streamed (see
    :mod:`matching.stream_input`): ``(data, 0)``, ``(None, 0)`` when the file is small or holds
    no object (the whole-file path reads it), or ``(None, 2)`` after printing the error."""
    from matching import stream, stream_input

    if args.command != "assign" or args.input == "-":
        return None, 0
    try:
        if os.path.getsize(args.input) < stream.STREAM_FROM:
            return None, 0
        return stream_input.read_assign_input(args.input), 0
    except (OSError, stream_input.CannotRead) as exc:
        print(f"error: --input: cannot read {args.input}: {exc}", file=sys.stderr)
    except stream_input.InvalidJson as exc:
        print(f"error: invalid JSON in {args.input}: {exc}", file=sys.stderr)
    return None, EXIT_INPUT


def _whole(args: argparse.Namespace) -> tuple[object, int]:
    """The input read and decoded whole: ``(data, 0)``, or ``(None, 2)`` after printing the
    error."""
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
        return None, EXIT_INPUT
    if data is None:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            print(f"error: invalid JSON in {args.input}: {exc}", file=sys.stderr)
            return None, EXIT_INPUT
    return data, 0


def _main(args: argparse.Namespace) -> int:
    data, status = _streamed(args)
    if data is None and not status:
        data, status = _whole(args)
    if status:
        return status
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
