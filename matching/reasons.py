"""Which facts explain a pair or an unmatched mentee, as codes with parameters (no words).

Numbers come from the scorer; these functions only pick the facts worth saying, strongest
first. Words are the caller's business: :mod:`matching.wording` renders a :class:`Reason` in
English or Danish with the caller's labels for topics and service types (the command line
uses its built-in vocabulary, the web service HR's own topic labels).

Codes of a pair's reasons, and their parameters:

==========================================  ================================================
``fixed``                                   (kept as an existing or fixed mentorship)
``score_given``                             ``score``: the given score
``covers``                                  ``topics``: up to three topic keys, best first
``covers_none``                             (none of the mentee's needs)
``other_administration``                    ``administration``: the mentor's
``same_department``                         --
``same_administration_other_department``    --
``same_administration``                     --
``comparable_task``                         any of ``service_type`` (key), ``staff`` and
                                            ``mentor_staff``, ``sites`` (the mentor's),
                                            ``round_the_clock`` and ``specialist`` (true)
``experience``                              ``years``: the mentor's years as a leader
``education``                               ``level``: ``academy``, ``diploma`` or ``master``
``knows``                                   (tied in the leader network)
``shared_contact``                          (a tie in common)
``widens_network``                          (no tie, no tie in common)
``other_mentees``                           ``count``: the mentor's earlier mentees
==========================================  ================================================

Codes of an unmatched mentee's reason; all carry ``needs`` (the mentee's top topic keys) and
``other_administration`` (whether mentors must come from another administration):

==========================  ==============================================================
``no_mentor_allowed``       ``blocked``: mentors excluded per hard rule;
                            ``relax_administration``: allowing the same administration helps
``no_positive_score``       ``best``: the best free mentor's id; ``score``: its score (<= 0)
``candidates_full``         ``full``: up to three full candidates' ids; ``count``: how many
==========================  ==============================================================
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from matching.model import Mentee, Mentor, Reason, ReasonParam

__all__ = ["PairReasons", "pair_reasons", "top_needs", "unmatched_reason"]

_EDUCATION = ("academy", "diploma", "master")


def top_needs(mentee: Mentee, count: int = 2) -> list[str]:
    """The mentee's strongest needs, heaviest first (ties by name).

    Examples
    --------
    >>> top_needs(Mentee("A", needs={"roster": 0.5, "budget": 1.0, "med": 0.5, "hr": 0.0}))
    ['budget', 'med']
    """
    ranked = sorted(
        (t for t, w in mentee.needs.items() if w > 0), key=lambda t: (-mentee.needs[t], t)
    )
    return ranked[:count]


def pair_reasons(
    mentee: Mentee,
    mentor: Mentor,
    components: Mapping[str, float],
    *,
    tie_distance: int,
    ties_given: bool,
    earlier_mentees: int,
    fixed: bool,
) -> tuple[Reason, ...]:
    """Reasons explaining a pair, strongest first.

    Examples
    --------
    >>> mentee = Mentee("A", administration="Kultur", needs={"budget": 1.0, "roster": 0.5})
    >>> mentor = Mentor("M", capacity=1, administration="Social", strengths={"budget": 1.0},
    ...                 experience_years=12)
    >>> for r in pair_reasons(mentee, mentor, {"needs": 4.0}, tie_distance=2, ties_given=True,
    ...                       earlier_mentees=0, fixed=False):
    ...     print(r.code, dict(r.params))
    covers {'topics': ('budget',)}
    other_administration {'administration': 'Social'}
    experience {'years': 12.0}
    shared_contact {}
    """
    out: list[Reason] = []
    if fixed:
        out.append(Reason("fixed"))
    if "given" in components:
        out.append(Reason("score_given", {"score": components["given"]}))
    covered = sorted(
        (t for t in mentee.needs if mentee.needs[t] * mentor.strengths.get(t, 0.0) > 0),
        key=lambda t: (-mentee.needs[t] * mentor.strengths[t], t),
    )[:3]
    if covered:
        out.append(Reason("covers", {"topics": tuple(covered)}))
    elif mentee.needs and "needs" in components:
        out.append(Reason("covers_none"))
    organisation = _organisation(mentee, mentor)
    if organisation is not None:
        out.append(organisation)
    task = _comparable_task(mentee, mentor)
    if task:
        out.append(Reason("comparable_task", task))
    if mentor.experience_years is not None and mentor.experience_years > 0:
        out.append(Reason("experience", {"years": float(mentor.experience_years)}))
    if mentor.education in _EDUCATION:
        out.append(Reason("education", {"level": mentor.education}))
    if ties_given:
        network = {1: "knows", 2: "shared_contact"}.get(tie_distance, "widens_network")
        out.append(Reason(network))
    if earlier_mentees:
        out.append(Reason("other_mentees", {"count": earlier_mentees}))
    return tuple(out)


class PairReasons:
    """:func:`pair_reasons` for many pairs of one problem, with less work per pair.

    What depends on the mentor alone (experience, education) is worked out once per mentor,
    the organisation reason once per combination of administrations and departments, and
    reasons without parameters are shared (reasons are immutable). The reasons are equal to
    :func:`pair_reasons`' (``tests/matching/test_pair_reasons_many.py``).

    Examples
    --------
    >>> mentee = Mentee("A", administration="Kultur", needs={"budget": 1.0, "roster": 0.5})
    >>> mentor = Mentor("M", capacity=1, administration="Social", strengths={"budget": 1.0},
    ...                 experience_years=12)
    >>> reasons = PairReasons((mentee,), (mentor,), ties_given=True)
    >>> reasons(0, 0, {"needs": 4.0}, tie_distance=2, earlier_mentees=0, fixed=False) == (
    ...     pair_reasons(mentee, mentor, {"needs": 4.0}, tie_distance=2, ties_given=True,
    ...                  earlier_mentees=0, fixed=False))
    True
    """

    _FIXED = Reason("fixed")
    _COVERS_NONE = Reason("covers_none")
    _NETWORK = {1: Reason("knows"), 2: Reason("shared_contact")}
    _WIDENS = Reason("widens_network")

    def __init__(
        self, mentees: Sequence[Mentee], mentors: Sequence[Mentor], *, ties_given: bool
    ) -> None:
        self.mentees, self.mentors, self.ties_given = mentees, mentors, ties_given
        self._needs: dict[int, list[tuple[str, float]]] = {}
        self._mentor_tail: dict[int, tuple[Reason, ...]] = {}
        self._organisation: dict[tuple[str | None, ...], Reason | None] = {}
        self._earlier: dict[int, Reason] = {}

    def _tail(self, j: int) -> tuple[Reason, ...]:
        """The mentor's experience and education reasons."""
        tail = self._mentor_tail.get(j)
        if tail is None:
            mentor, out = self.mentors[j], []
            if mentor.experience_years is not None and mentor.experience_years > 0:
                out.append(Reason("experience", {"years": float(mentor.experience_years)}))
            if mentor.education in _EDUCATION:
                out.append(Reason("education", {"level": mentor.education}))
            tail = self._mentor_tail[j] = tuple(out)
        return tail

    def _org(self, mentee: Mentee, mentor: Mentor) -> Reason | None:
        key = (mentee.administration, mentee.department, mentor.administration, mentor.department)
        if key not in self._organisation:
            self._organisation[key] = _organisation(mentee, mentor)
        return self._organisation[key]

    def __call__(
        self,
        i: int,
        j: int,
        components: Mapping[str, float],
        *,
        tie_distance: int,
        earlier_mentees: int,
        fixed: bool,
    ) -> tuple[Reason, ...]:
        """The reasons of the pair (mentee ``i``, mentor ``j``), as :func:`pair_reasons`."""
        mentee, mentor = self.mentees[i], self.mentors[j]
        out: list[Reason] = []
        if fixed:
            out.append(self._FIXED)
        if "given" in components:
            out.append(Reason("score_given", {"score": components["given"]}))
        needs = self._needs.get(i)
        if needs is None:
            needs = self._needs[i] = list(mentee.needs.items())
        strengths = mentor.strengths
        # (-product, topic) sorts as pair_reasons' key does: the product, descending, then name.
        covered = [(-(w * s), t) for t, w in needs if (s := strengths.get(t, 0.0)) and w * s > 0]
        if len(covered) > 1:
            covered.sort()
        if covered:
            out.append(Reason("covers", {"topics": tuple(t for _, t in covered[:3])}))
        elif needs and "needs" in components:
            out.append(self._COVERS_NONE)
        organisation = self._org(mentee, mentor)
        if organisation is not None:
            out.append(organisation)
        task = _comparable_task(mentee, mentor)
        if task:
            out.append(Reason("comparable_task", task))
        out += self._tail(j)
        if self.ties_given:
            out.append(self._NETWORK.get(tie_distance, self._WIDENS))
        if earlier_mentees:
            reason = self._earlier.get(earlier_mentees)
            if reason is None:
                reason = self._earlier[earlier_mentees] = Reason(
                    "other_mentees", {"count": earlier_mentees}
                )
            out.append(reason)
        return tuple(out)


def _organisation(mentee: Mentee, mentor: Mentor) -> Reason | None:
    if mentee.administration is None or mentor.administration is None:
        return None
    if mentee.administration != mentor.administration:
        return Reason("other_administration", {"administration": mentor.administration})
    if mentee.department is not None and mentee.department == mentor.department:
        return Reason("same_department")
    if mentee.department is not None and mentor.department is not None:
        return Reason("same_administration_other_department")
    return Reason("same_administration")


def _comparable_task(mentee: Mentee, mentor: Mentor) -> dict[str, ReasonParam]:
    a, b = mentee.context, mentor.context
    facts: dict[str, ReasonParam] = {}
    if a.service_type is not None and a.service_type == b.service_type:
        facts["service_type"] = a.service_type
    if (
        a.staff is not None
        and b.staff is not None
        and max(a.staff, b.staff) <= 4 * max(min(a.staff, b.staff), 1)
    ):
        facts["staff"], facts["mentor_staff"] = a.staff, b.staff
    if a.sites is not None and b.sites is not None and a.sites > 1 and b.sites >= a.sites:
        facts["sites"] = b.sites
    if a.round_the_clock and b.round_the_clock:
        facts["round_the_clock"] = True
    if a.specialist and b.specialist:
        facts["specialist"] = True
    return facts


def unmatched_reason(
    mentee: Mentee,
    *,
    blocked: Mapping[str, int],
    allowed: int,
    full: Sequence[str],
    best_free: tuple[str, float] | None,
    score_objective: bool,
    require_other_administration: bool,
) -> Reason:
    """Why a mentee has no mentor and what would help.

    ``allowed`` counts mentors passing the hard rules; ``full`` lists the allowed ones without
    free capacity (best first); ``best_free`` is the best allowed mentor with free capacity and
    its (non-positive) score, which only exists under the score objective.

    Examples
    --------
    >>> r = unmatched_reason(Mentee("A", needs={"roster": 1.0}), blocked={"line": 2},
    ...                      allowed=1, full=["M1"], best_free=None, score_objective=False,
    ...                      require_other_administration=True)
    >>> r.code, r.params["full"], r.params["needs"]
    ('candidates_full', ('M1',), ('roster',))
    """
    where: dict[str, ReasonParam] = {
        "needs": tuple(top_needs(mentee)),
        "other_administration": require_other_administration,
    }
    if allowed == 0:
        relax = require_other_administration and bool(blocked.get("same_administration"))
        return Reason(
            "no_mentor_allowed",
            {**where, "blocked": dict(blocked), "relax_administration": relax},
        )
    if score_objective and best_free is not None:
        name, score = best_free
        return Reason("no_positive_score", {**where, "best": name, "score": score})
    return Reason("candidates_full", {**where, "full": tuple(full[:3]), "count": len(full)})
