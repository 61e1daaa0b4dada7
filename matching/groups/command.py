"""The ``groups`` command of the command-line contract: JSON in, :func:`compose_groups`, JSON out.

Input and result as in ``spec/matching-cli.md`` (section ``groups``). Every field is checked
here, at the boundary, so an error names the offending field (the command line exits with
status 2).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from matching.errors import InputError
from matching.groups.compose import compose_groups
from matching.groups.model import AttributeValue, GroupPolicy, Person, is_number

__all__ = ["groups_command"]


_TOP_FIELDS = {
    "people",
    "group_size",
    "apart",
    "ties",
    "distances",
    "seed",
    "time_limit_s",
    "max_rounds",
    "policy",
}
_PERSON_FIELDS = {"id", "administration", "unit", "line", "attributes"}
_POLICY_FIELDS = {
    "administration",
    "experience",
    "experience_cap",
    "service_type",
    "other_attribute",
    "tie",
    "second_degree_tie",
    "separate_line",
    "separate_unit",
}


def _person_from(k: int, raw: Any) -> Person:
    where = f"people[{k}]"
    if not isinstance(raw, Mapping):
        raise InputError(where, "must be an object")
    for key in raw:
        if key not in _PERSON_FIELDS:
            raise InputError(f"{where}.{key}", "unknown field")
    if "id" not in raw:
        raise InputError(f"{where}.id", "missing")
    pid = raw["id"]
    if not isinstance(pid, str) or not pid:
        raise InputError(f"{where}.id", "must be a non-empty string")
    texts: dict[str, str | None] = {}
    for name in ("administration", "unit"):
        v = raw.get(name)
        if v is not None and not isinstance(v, str):
            raise InputError(f"{where}.{name}", "must be a string or null")
        texts[name] = v
    line = raw.get("line") or []
    if not isinstance(line, list) or not all(isinstance(x, str) for x in line):
        raise InputError(f"{where}.line", "must be a list of ids")
    attributes = raw.get("attributes") or {}
    if not isinstance(attributes, Mapping):
        raise InputError(f"{where}.attributes", "must be an object")
    clean: dict[str, AttributeValue] = {}
    for key, v in attributes.items():
        ok = (
            v is None
            or isinstance(v, (str, bool))
            or (is_number(v) and math.isfinite(v))
            or (isinstance(v, list) and all(isinstance(x, str) for x in v))
        )
        if not ok:
            raise InputError(
                f"{where}.attributes.{key}",
                "must be text, a finite number, a boolean, a list of texts or null",
            )
        clean[key] = tuple(v) if isinstance(v, list) else v
    return Person(pid, texts["administration"], texts["unit"], tuple(line), clean)


def _pair_list(data: Mapping[str, Any], name: str, width: int) -> list[Any]:
    raw = data.get(name)
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise InputError(name, "must be a list")
    for k, row in enumerate(raw):
        if not isinstance(row, list) or len(row) != width:
            shape = "[id_a, id_b, d]" if width == 3 else "[id_a, id_b]"
            raise InputError(f"{name}[{k}]", f"must be {shape}")
    return raw


def groups_command(data: dict[str, Any]) -> dict[str, Any]:
    """Run the ``groups`` command of the command-line contract on parsed JSON.

    Input and result as in ``spec/matching-cli.md`` (section ``groups``), extended with the
    optional input fields ``max_rounds`` (see ``rounds`` in :func:`compose_groups`) and
    ``policy`` (fields of :class:`GroupPolicy`), and the result fields ``proven_optimal``,
    ``rounds``, ``stopped_by`` and ``seed``.

    Raises
    ------
    matching.errors.InputError
        Naming the offending field; the command line exits with status 2.

    Examples
    --------
    >>> out = groups_command({
    ...     "people": [{"id": x} for x in "abcd"],
    ...     "group_size": {"min": 2, "max": 2},
    ...     "distances": [["a", "c", 5], ["b", "d", 6], ["a", "b", 1]],
    ...     "seed": 42})
    >>> out["groups"], out["objective"], out["proven_optimal"]
    ([['a', 'c'], ['b', 'd']], 11.0, True)
    >>> groups_command({"people": [], "group_size": {"min": 2, "max": 2}, "colour": 1})
    Traceback (most recent call last):
    ...
    matching.errors.InputError: colour: unknown field
    """
    if not isinstance(data, Mapping):
        raise InputError("$", "the input must be a JSON object")
    for key in data:
        if key not in _TOP_FIELDS:
            raise InputError(str(key), "unknown field")
    raw_people = data.get("people")
    if not isinstance(raw_people, list):
        raise InputError("people", "must be a list of people")
    people = [_person_from(k, p) for k, p in enumerate(raw_people)]
    size = _group_size_from(data)
    seed, time_limit, max_rounds = _search_options(data)
    policy = _policy_from(data)
    distances = data.get("distances")
    result = compose_groups(
        people,
        group_size=size,
        apart=_pair_list(data, "apart", 2),
        ties=_pair_list(data, "ties", 2),
        distances=None if distances is None else _pair_list(data, "distances", 3),
        seed=seed,
        time_limit_s=time_limit,
        rounds=max_rounds,
        policy=policy,
    )
    return {
        "groups": [list(g) for g in result.groups],
        "objective": result.objective,
        "seconds": round(result.seconds, 3),
        "proven_optimal": result.proven_optimal,
        "rounds": result.rounds,
        "stopped_by": result.stopped_by,
        "seed": result.seed,
    }


def _group_size_from(data: Mapping[str, Any]) -> tuple[Any, Any]:
    gs = data.get("group_size")
    if not isinstance(gs, Mapping):
        raise InputError("group_size", 'must be an object {"min": .., "max": ..}')
    for key in gs:
        if key not in ("min", "max"):
            raise InputError(f"group_size.{key}", "unknown field")
    for key in ("min", "max"):
        if key not in gs:
            raise InputError(f"group_size.{key}", "missing")
    return gs["min"], gs["max"]


def _search_options(data: Mapping[str, Any]) -> tuple[int | None, float, int | None]:
    """``seed``, ``time_limit_s`` (default 10) and ``max_rounds``, checked."""
    seed = data.get("seed")
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int) or seed < 0):
        raise InputError("seed", f"must be a non-negative integer or null, got {seed!r}")
    time_limit = data.get("time_limit_s", 10.0)
    if time_limit is None:
        time_limit = 10.0
    if not is_number(time_limit) or not (math.isfinite(time_limit) and time_limit > 0):
        raise InputError("time_limit_s", f"must be a positive number, got {time_limit!r}")
    max_rounds = data.get("max_rounds")
    if max_rounds is not None and (
        isinstance(max_rounds, bool) or not isinstance(max_rounds, int) or max_rounds < 1
    ):
        raise InputError("max_rounds", f"must be a positive integer or null, got {max_rounds!r}")
    return seed, float(time_limit), max_rounds


def _policy_from(data: Mapping[str, Any]) -> GroupPolicy:
    raw_policy = data.get("policy") or {}
    if not isinstance(raw_policy, Mapping):
        raise InputError("policy", "must be an object")
    policy_args: dict[str, Any] = {}
    for key, v in raw_policy.items():
        if key not in _POLICY_FIELDS:
            raise InputError(f"policy.{key}", "unknown field")
        if key.startswith("separate_"):
            if v is not None and not isinstance(v, bool):
                raise InputError(f"policy.{key}", "must be true, false or null")
        elif not is_number(v) or not math.isfinite(v):
            raise InputError(f"policy.{key}", f"must be a finite number, got {v!r}")
        policy_args[key] = v
    if float(policy_args.get("experience_cap", 1.0)) <= 0:
        raise InputError("policy.experience_cap", "must be positive")
    return GroupPolicy(**policy_args)
