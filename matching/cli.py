"""Command line: ``python -m matching assign|suggest|groups --input F [--output F]``.

Follows ``spec/matching-cli.md``: UTF-8 JSON in and out; invalid JSON or input exits with
status 2 and a message naming the field on standard error.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any

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
    from matching.assign import assign_mentors, suggest_mentors
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
    if command == "assign":
        return assignment_to_dict(assign_mentors(problem, policy=policy))
    return suggestions_to_dict(suggest_mentors(problem, policy=policy))


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit status (0 ok, 2 invalid input)."""
    parser = argparse.ArgumentParser(prog="python -m matching", description=__doc__)
    parser.add_argument("command", choices=("assign", "suggest", "groups"))
    parser.add_argument("--input", required=True, help="input JSON file ('-' for stdin)")
    parser.add_argument("--output", help="result JSON file (default: standard output)")
    args = parser.parse_args(argv)
    try:
        if args.input == "-":
            text = sys.stdin.read()
        else:
            with open(args.input, encoding="utf-8") as f:
                text = f.read()
    except (OSError, UnicodeDecodeError) as exc:
        print(f"error: --input: cannot read {args.input}: {exc}", file=sys.stderr)
        return EXIT_INPUT
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        print(f"error: invalid JSON in {args.input}: {exc}", file=sys.stderr)
        return EXIT_INPUT
    try:
        result = run(args.command, data)
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
