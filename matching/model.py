"""Plain data of the mentor matcher: frozen, slotted dataclasses in, frozen dataclasses out.

The web service maps its rows to these classes in one place and back; the command line maps
JSON to them with :mod:`matching.serialize`. Ids are opaque strings chosen by the caller.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, overload

import numpy as np
from numpy.typing import NDArray

__all__ = [
    "DEFAULT_POLICY",
    "EDUCATION_LEVELS",
    "Assignment",
    "Context",
    "Mentee",
    "Mentor",
    "Objective",
    "Pair",
    "Policy",
    "Problem",
    "Reason",
    "ReasonParam",
    "ScoreTable",
    "Suggestion",
    "Unmatched",
    "Weights",
]

Objective = Literal["participation", "score"]

#: Leadership education of a mentor and its weight in the experience component:
#: none, an academy degree ("akademiuddannelse i ledelse"), the diploma in leadership
#: ("diplom i ledelse") or a master's degree (MPA, EMBA).
EDUCATION_LEVELS: Mapping[str, float] = {"none": 0.0, "academy": 0.5, "diploma": 1.0, "master": 1.0}


@dataclass(frozen=True, slots=True)
class Context:
    """What the leader leads; a field left ``None`` is unknown and is not compared."""

    service_type: str | None = None  # e.g. "daycare", "school", "residential"
    staff: int | None = None  # span of control: number of staff
    sites: int | None = None  # number of sites ("matrikler")
    round_the_clock: bool | None = None  # 24-hour service ("døgndækkende")
    specialist: bool | None = None  # specialist rather than general service


@dataclass(frozen=True, slots=True)
class Mentee:
    """A new leader who wants a mentor.

    ``line`` lists the leader's managers, nearest first; ``needs`` maps a topic to a weight
    (how much the leader needs help with it, typically in ``[0, 1]``).
    """

    id: str
    administration: str | None = None
    department: str | None = None
    unit: str | None = None
    line: tuple[str, ...] = ()
    needs: Mapping[str, float] = field(default_factory=dict)
    context: Context = Context()
    experience_years: float | None = None


@dataclass(frozen=True, slots=True)
class Mentor:
    """An experienced leader offering to mentor up to ``capacity`` mentees.

    ``strengths`` maps a topic to a level in ``[0, 1]``; ``education`` is a key of
    :data:`EDUCATION_LEVELS`.
    """

    id: str
    capacity: int
    administration: str | None = None
    department: str | None = None
    unit: str | None = None
    line: tuple[str, ...] = ()
    strengths: Mapping[str, float] = field(default_factory=dict)
    context: Context = Context()
    experience_years: float | None = None
    education: str | None = None


@dataclass(frozen=True, slots=True)
class Weights:
    """Weights of the score components; every component but ``needs`` lies in ``[0, 1]``.

    ``load`` is subtracted once for every mentee a mentor already has, so that the k-th mentee
    of a mentor costs ``load * (k - 1)``: load is spread across mentors.
    """

    needs: float = 4.0
    context: float = 2.0
    cross_administration: float = 1.0
    experience: float = 1.0
    network: float = 0.5
    load: float = 0.25


@dataclass(frozen=True, slots=True)
class Policy:
    """How a matching round is run: objective, hard-rule switches and weights.

    ``objective`` is ``"participation"`` (match as many mentees as possible, then maximise the
    total score) or ``"score"`` (maximise the total score; never make a pair scoring <= 0).
    ``top_n`` is the number of suggestions per mentee in :func:`matching.suggest_mentors`.
    """

    objective: Objective = "participation"
    require_other_administration: bool = True
    weights: Weights = Weights()
    top_n: int = 5


DEFAULT_POLICY = Policy()


class ScoreTable(Sequence[tuple[str, str, float]]):
    """Given scores held as columns: a sequence of ``(mentee_id, mentor_id, score)`` tuples.

    The command line's ``scores`` can list millions of pairs; a tuple per pair would cost
    hundreds of bytes and a Python loop at every step. Here each id column is a tuple of the
    distinct ids (``mentee_names``) and one small integer code per pair (``mentee_codes``), and
    the scores are one float64 array, so validation and the solver work on whole arrays. It
    behaves like the tuple of tuples it stands for: indexing, iteration, ``len`` and equality
    give plain ``str`` and ``float`` values.

    Examples
    --------
    >>> table = ScoreTable.from_columns(["E1", "E1", "E2"], ["M1", "M2", "M1"], [1.0, 2, -0.5])
    >>> len(table), table[1], table.mentee_names
    (3, ('E1', 'M2', 2.0), ('E1', 'E2'))
    >>> table == (("E1", "M1", 1.0), ("E1", "M2", 2.0), ("E2", "M1", -0.5))
    True
    """

    __slots__ = ("mentee_codes", "mentee_names", "mentor_codes", "mentor_names", "values")

    def __init__(
        self,
        mentee_names: tuple[str, ...],
        mentee_codes: NDArray[np.int32],
        mentor_names: tuple[str, ...],
        mentor_codes: NDArray[np.int32],
        values: NDArray[np.float64],
    ) -> None:
        self.mentee_names, self.mentee_codes = mentee_names, mentee_codes
        self.mentor_names, self.mentor_codes = mentor_names, mentor_codes
        self.values = values

    @classmethod
    def from_columns(
        cls, mentees: Sequence[str], mentors: Sequence[str], values: Sequence[float]
    ) -> ScoreTable:
        """A table from three equally long columns (ids as strings, scores as numbers)."""
        mentee_names, mentee_codes = _encode(mentees)
        mentor_names, mentor_codes = _encode(mentors)
        floats = np.fromiter(values, dtype=float, count=len(values))
        return cls(mentee_names, mentee_codes, mentor_names, mentor_codes, floats)

    def __len__(self) -> int:
        return len(self.values)

    @overload
    def __getitem__(self, k: int) -> tuple[str, str, float]: ...

    @overload
    def __getitem__(self, k: slice) -> tuple[tuple[str, str, float], ...]: ...

    def __getitem__(
        self, k: int | slice
    ) -> tuple[str, str, float] | tuple[tuple[str, str, float], ...]:
        if isinstance(k, slice):
            return tuple(self[i] for i in range(*k.indices(len(self))))
        return (
            self.mentee_names[self.mentee_codes[k]],
            self.mentor_names[self.mentor_codes[k]],
            float(self.values[k]),
        )

    def __iter__(self) -> Iterator[tuple[str, str, float]]:
        return zip(
            map(self.mentee_names.__getitem__, self.mentee_codes.tolist()),
            map(self.mentor_names.__getitem__, self.mentor_codes.tolist()),
            self.values.tolist(),
            strict=True,
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"ScoreTable({len(self)} pairs)"


def _encode(column: Sequence[str]) -> tuple[tuple[str, ...], NDArray[np.int32]]:
    """The distinct values of ``column`` in order of first appearance and each item's code."""
    names = tuple(dict.fromkeys(column))
    index: dict[Any, int] = {name: k for k, name in enumerate(names)}
    codes = np.fromiter(map(index.__getitem__, column), dtype=np.int32, count=len(column))
    return names, codes


@dataclass(frozen=True, slots=True)
class Problem:
    """One matching round.

    ``ties`` are undirected relations in the leader network; ``forbidden``, ``fixed`` and the
    pairs in ``scores`` are ``(mentee_id, mentor_id)``. When ``scores`` is given, its pairs are
    the only allowed ones and their scores are used as they are; it is a tuple of tuples or,
    for large inputs (the command line), a :class:`ScoreTable`.
    """

    mentees: tuple[Mentee, ...]
    mentors: tuple[Mentor, ...]
    ties: tuple[tuple[str, str], ...] = ()
    forbidden: tuple[tuple[str, str], ...] = ()
    fixed: tuple[tuple[str, str], ...] = ()
    scores: Sequence[tuple[str, str, float]] | None = None


#: A reason's parameter: a key (topic, service type, education level), a number, a flag, an
#: administration's name, a list of keys or ids, or counts by rule.
ReasonParam = str | int | float | bool | tuple[str, ...] | Mapping[str, int]


@dataclass(frozen=True, slots=True)
class Reason:
    """One reason, as a code and its parameters; no words (see :mod:`matching.wording`).

    ``code`` names the fact (``"covers"``, ``"other_administration"``, ...; the codes are listed
    in :mod:`matching.reasons`); ``params`` carry its values as keys and numbers, e.g. the
    topic keys a mentor covers. The caller renders it in the reader's language with its own
    labels for topics and service types.
    """

    code: str
    params: Mapping[str, ReasonParam] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Pair:
    """A proposed (or kept) mentorship with its score, the score's parts and the reasons."""

    mentee: str
    mentor: str
    score: float
    components: Mapping[str, float]
    reasons: tuple[Reason, ...]
    fixed: bool = False


@dataclass(frozen=True, slots=True)
class Unmatched:
    """A mentee left without a mentor, why, and what would help (one :class:`Reason`).

    ``blocked`` counts the mentors excluded by each hard rule; ``full_candidates`` are allowed
    mentors, best first, who have no capacity left.
    """

    mentee: str
    reason: Reason
    blocked: Mapping[str, int]
    full_candidates: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Assignment:
    """The result of a matching round; ``optimal`` is true only when proven optimal."""

    pairs: tuple[Pair, ...]
    unmatched: tuple[Unmatched, ...]
    total_score: float
    optimal: bool


@dataclass(frozen=True, slots=True)
class Suggestion:
    """Ranked mentors a mentee may choose from; ``reason`` explains an empty or short list."""

    mentee: str
    mentors: tuple[Pair, ...]
    reason: Reason | None = None
