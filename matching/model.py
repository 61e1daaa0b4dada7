"""Plain data of the mentor matcher: frozen, slotted dataclasses in, frozen dataclasses out.

The web service maps its rows to these classes in one place and back; the command line maps
JSON to them with :mod:`matching.serialize`. Ids are opaque strings chosen by the caller.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

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


@dataclass(frozen=True, slots=True)
class Problem:
    """One matching round.

    ``ties`` are undirected relations in the leader network; ``forbidden``, ``fixed`` and the
    pairs in ``scores`` are ``(mentee_id, mentor_id)``. When ``scores`` is given, its pairs are
    the only allowed ones and their scores are used as they are.
    """

    mentees: tuple[Mentee, ...]
    mentors: tuple[Mentor, ...]
    ties: tuple[tuple[str, str], ...] = ()
    forbidden: tuple[tuple[str, str], ...] = ()
    fixed: tuple[tuple[str, str], ...] = ()
    scores: tuple[tuple[str, str, float], ...] | None = None


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
