"""The JSON of the command-line contract (``spec/matching-cli.md``) to dataclasses and back.

Parsing is strict: unknown fields and wrong types raise :class:`~matching.errors.InputError`
naming the field as a JSON path (``mentees[3].capacity``). Values are checked further by
:func:`matching.validate.validate_problem` when the problem is solved.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from operator import itemgetter
from typing import Any, TypeVar, cast

from matching.errors import InputError
from matching.model import (
    DEFAULT_POLICY,
    Assignment,
    Context,
    Mentee,
    Mentor,
    Objective,
    Pair,
    Policy,
    Problem,
    Reason,
    ReasonParam,
    ScoreTable,
    Suggestion,
    Unmatched,
    Weights,
)
from matching.screen import StreamedTable
from matching.wording import render, render_all

__all__ = [
    "assignment_to_dict",
    "policy_from_dict",
    "problem_from_dict",
    "reason_from_dict",
    "reason_to_dict",
    "suggestions_to_dict",
]

T = TypeVar("T")

_PERSON = ("id", "administration", "department", "unit", "line", "context", "experience_years")
_CONTEXT = ("service_type", "staff", "sites", "round_the_clock", "specialist")
_TOP = ("mentees", "mentors", "ties", "forbidden", "fixed", "scores", "policy")


def _join(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def _object(
    value: object, path: str, fields: tuple[str, ...], required: tuple[str, ...] = ()
) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise InputError(path or "(root)", "must be an object")
    for key in value:
        if key not in fields:
            raise InputError(_join(path, key), "unknown field")
    for key in required:
        if value.get(key) is None:
            raise InputError(_join(path, key), "required field is missing")
    return value


def _list(value: object, path: str) -> list[Any]:
    if not isinstance(value, list):
        raise InputError(path, "must be a list")
    return value


def _str(value: object, path: str) -> str:
    if not isinstance(value, str):
        raise InputError(path, "must be a string")
    return value


def _opt(value: object, path: str, parse: Callable[[object, str], T]) -> T | None:
    return None if value is None else parse(value, path)


def _num(value: object, path: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InputError(path, "must be a number")
    return float(value)


def _int(value: object, path: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError(path, "must be an integer")
    return value


def _bool(value: object, path: str) -> bool:
    if not isinstance(value, bool):
        raise InputError(path, "must be true or false")
    return value


def _topics(value: object, path: str) -> dict[str, float]:
    if not isinstance(value, dict):
        raise InputError(path, "must be an object of topic -> number")
    return {key: _num(v, _join(path, key)) for key, v in value.items()}


def _context(value: object, path: str) -> Context:
    data = _object(value, path, _CONTEXT)
    return Context(
        service_type=_opt(data.get("service_type"), _join(path, "service_type"), _str),
        staff=_opt(data.get("staff"), _join(path, "staff"), _int),
        sites=_opt(data.get("sites"), _join(path, "sites"), _int),
        round_the_clock=_opt(data.get("round_the_clock"), _join(path, "round_the_clock"), _bool),
        specialist=_opt(data.get("specialist"), _join(path, "specialist"), _bool),
    )


def _person(data: Mapping[str, Any], path: str) -> dict[str, Any]:
    """The fields mentees and mentors share."""
    return {
        "id": _str(data["id"], _join(path, "id")),
        "administration": _opt(data.get("administration"), _join(path, "administration"), _str),
        "department": _opt(data.get("department"), _join(path, "department"), _str),
        "unit": _opt(data.get("unit"), _join(path, "unit"), _str),
        "line": tuple(
            _str(b, _join(_join(path, "line"), k))
            for k, b in enumerate(_list(data.get("line") or [], _join(path, "line")))
        ),
        "context": _opt(data.get("context"), _join(path, "context"), _context) or Context(),
        "experience_years": _opt(
            data.get("experience_years"), _join(path, "experience_years"), _num
        ),
    }


def _mentee(value: object, path: str) -> Mentee:
    data = _object(value, path, (*_PERSON, "needs"), ("id",))
    needs = _opt(data.get("needs"), _join(path, "needs"), _topics) or {}
    return Mentee(**_person(data, path), needs=needs)


def _mentor(value: object, path: str) -> Mentor:
    data = _object(
        value, path, (*_PERSON, "capacity", "strengths", "education"), ("id", "capacity")
    )
    return Mentor(
        **_person(data, path),
        capacity=_int(data["capacity"], _join(path, "capacity")),
        strengths=_opt(data.get("strengths"), _join(path, "strengths"), _topics) or {},
        education=_opt(data.get("education"), _join(path, "education"), _str),
    )


def _pairs(value: object, path: str, size: int) -> list[list[Any]]:
    items = _list(value, path)
    # The common valid case on whole columns (in C); the loop names the first bad item.
    if (
        {list}.issuperset(map(type, items))
        and {size}.issuperset(map(len, items))
        and {str}.issuperset(map(type, map(itemgetter(0), items)))
        and {str}.issuperset(map(type, map(itemgetter(1), items)))
    ):
        return items
    for k, item in enumerate(items):
        if not isinstance(item, list) or len(item) != size:
            raise InputError(_join(path, k), f"must be a list of {size} items")
        for pos in range(2):
            _str(item[pos], _join(_join(path, k), pos))
    return items


def _scores(value: object, path: str) -> ScoreTable:
    """The ``scores`` list as a :class:`ScoreTable`, with the per-item checks of :func:`_pairs`.

    Inputs list millions of pairs, so the common valid case is checked on whole columns
    (``set(map(type, ...))`` runs in C; the ids' types on their distinct values); only when
    that finds something wrong do the per-item checks run, to name the first offending item
    exactly as they always have.
    """
    if isinstance(value, StreamedTable):  # read from a large file (matching.stream_input)
        value.check_items()
        return value
    items = _list(value, path)
    try:
        if {list}.issuperset(map(type, items)) and {3}.issuperset(map(len, items)):
            columns = [list(map(itemgetter(k), items)) for k in range(3)]
            if {int, float}.issuperset(map(type, columns[2])):
                table = ScoreTable.from_columns(columns[0], columns[1], columns[2])
                names = (*table.mentee_names, *table.mentor_names)
                if {str}.issuperset(map(type, names)):
                    return _fresh_names(table)
    except TypeError:  # an id that is a list or an object: the checks below name it
        pass
    _pairs(items, path, 3)  # raises at the first malformed item
    for k, item in enumerate(items):
        _num(item[2], _join(_join(path, k), 2))
    return ScoreTable.from_columns(*([item[k] for item in items] for k in range(3)))


def _fresh_names(table: ScoreTable) -> ScoreTable:
    """The table with its ids copied into new strings.

    The first occurrence of each id lies among millions of short-lived objects of the parsed
    input; keeping those few thousand alive would keep nearly every memory arena of the input
    alive after it is freed (Python returns an arena only when it is empty).
    """

    def fresh(names: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(
            name.encode("utf-8", "surrogatepass").decode("utf-8", "surrogatepass") for name in names
        )

    return ScoreTable(
        fresh(table.mentee_names),
        table.mentee_codes,
        fresh(table.mentor_names),
        table.mentor_codes,
        table.values,
    )


def problem_from_dict(data: object) -> Problem:
    """Parse the ``assign``/``suggest`` input of the spec (the ``policy`` key is allowed).

    Examples
    --------
    >>> problem = problem_from_dict({"mentees": [{"id": "L17", "needs": {"budget": 1}}],
    ...                              "mentors": [{"id": "L42", "capacity": 2}]})
    >>> problem.mentees[0].needs, problem.mentors[0].capacity
    ({'budget': 1.0}, 2)
    >>> problem_from_dict({"mentees": [], "mentors": [{"id": "L42", "capacity": 1, "cap": 2}]})
    Traceback (most recent call last):
    ...
    matching.errors.InputError: mentors[0].cap: unknown field
    """
    top = _object(data, "", _TOP, ("mentees", "mentors"))
    scores = None if top.get("scores") is None else _scores(top["scores"], "scores")
    return Problem(
        mentees=tuple(
            _mentee(v, f"mentees[{k}]") for k, v in enumerate(_list(top["mentees"], "mentees"))
        ),
        mentors=tuple(
            _mentor(v, f"mentors[{k}]") for k, v in enumerate(_list(top["mentors"], "mentors"))
        ),
        ties=tuple(map(tuple, _pairs(top.get("ties") or [], "ties", 2))),
        forbidden=tuple(map(tuple, _pairs(top.get("forbidden") or [], "forbidden", 2))),
        fixed=tuple(map(tuple, _pairs(top.get("fixed") or [], "fixed", 2))),
        scores=scores,
    )


def policy_from_dict(data: object) -> Policy:
    """Parse the spec's optional ``policy`` object; ``None`` gives the default policy.

    Fields: ``objective`` (``"participation"`` or ``"score"``), ``require_other_administration``
    (bool), ``top_n`` (int), ``weights`` (an object with any of ``needs``, ``context``,
    ``cross_administration``, ``experience``, ``network``, ``load``).

    Examples
    --------
    >>> policy = policy_from_dict({"objective": "score", "weights": {"load": 0}})
    >>> policy.objective, policy.weights.load, policy.weights.needs
    ('score', 0.0, 4.0)
    """
    if data is None:
        return DEFAULT_POLICY
    fields = ("objective", "require_other_administration", "weights", "top_n")
    top = _object(data, "policy", fields)
    weights = Weights()
    if top.get("weights") is not None:
        raw = _object(top["weights"], "policy.weights", Weights.__slots__)
        weights = Weights(**{k: _num(v, f"policy.weights.{k}") for k, v in raw.items()})
    d = DEFAULT_POLICY
    return Policy(
        objective=cast(Objective, _str(top.get("objective", d.objective), "policy.objective")),
        require_other_administration=_bool(
            top.get("require_other_administration", d.require_other_administration),
            "policy.require_other_administration",
        ),
        weights=weights,
        top_n=_int(top.get("top_n", d.top_n), "policy.top_n"),
    )


def _pair(p: Pair) -> dict[str, Any]:
    return {
        "mentee": p.mentee,
        "mentor": p.mentor,
        "score": p.score,
        "components": dict(p.components),
        "reasons": render_all(p.reasons),
        "reasons_da": render_all(p.reasons, lang="da"),
        "fixed": p.fixed,
    }


def _unmatched(u: Unmatched) -> dict[str, Any]:
    return {
        "mentee": u.mentee,
        "reason": render(u.reason),
        "reason_da": render(u.reason, lang="da"),
        "blocked": dict(u.blocked),
        "full_candidates": list(u.full_candidates),
    }


def assignment_to_dict(assignment: Assignment) -> dict[str, Any]:
    """The spec's result object; ``reasons_da``, ``fixed``, ``blocked`` and
    ``full_candidates`` are optional extensions.

    Examples
    --------
    >>> assignment_to_dict(Assignment(pairs=(), unmatched=(), total_score=0.0, optimal=True))
    {'pairs': [], 'unmatched': [], 'total_score': 0.0, 'optimal': True}
    """
    return {
        "pairs": [_pair(p) for p in assignment.pairs],
        "unmatched": [_unmatched(u) for u in assignment.unmatched],
        "total_score": assignment.total_score,
        "optimal": assignment.optimal,
    }


def suggestions_to_dict(suggestions: tuple[Suggestion, ...]) -> dict[str, Any]:
    """The ``suggest`` result: ``{"suggestions": [{"mentee", "mentors": [pair...], ...}]}``.

    Examples
    --------
    >>> why = Reason("candidates_full", {"needs": ("roster",), "other_administration": False,
    ...                                  "full": ("M1",), "count": 1})
    >>> item = suggestions_to_dict((Suggestion("L1", (), why),))["suggestions"][0]
    >>> item["mentors"], item["reason"][:40], item["reason_da"][:42]
    ([], 'No free mentor outside the line and unit', 'Ingen ledig mentor uden for ledelseslinjen')
    """
    out = []
    for s in suggestions:
        item: dict[str, Any] = {"mentee": s.mentee, "mentors": [_pair(p) for p in s.mentors]}
        if s.reason is not None:
            item["reason"], item["reason_da"] = render(s.reason), render(s.reason, lang="da")
        out.append(item)
    return {"suggestions": out}


def reason_to_dict(reason: Reason) -> dict[str, Any]:
    """A reason as plain JSON: ``{"code": str, "params": {...}}`` (tuples become lists).

    Examples
    --------
    >>> reason_to_dict(Reason("covers", {"topics": ("budget", "roster")}))
    {'code': 'covers', 'params': {'topics': ['budget', 'roster']}}
    """
    params = {
        k: list(v) if isinstance(v, tuple) else dict(v) if isinstance(v, Mapping) else v
        for k, v in reason.params.items()
    }
    return {"code": reason.code, "params": params}


def reason_from_dict(data: Mapping[str, Any]) -> Reason:
    """The reason of :func:`reason_to_dict`'s JSON (lists become tuples).

    Examples
    --------
    >>> reason_from_dict({"code": "covers", "params": {"topics": ["budget"]}})
    Reason(code='covers', params={'topics': ('budget',)})
    """
    params: dict[str, ReasonParam] = {
        k: tuple(v) if isinstance(v, list) else v for k, v in (data.get("params") or {}).items()
    }
    return Reason(str(data["code"]), params)
