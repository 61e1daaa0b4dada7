"""Peer scoring: how alike two leaders' core tasks are, and how well a network suits a leader.

Pure functions over plain data (no Django, no database). The networks app maps its rows to
:class:`PeerProfile`, :class:`SuggestionAsker` and :class:`NetworkFacts` in one place
(``backend/networks/peer_facts.py``) and renders the :class:`Reason` codes in the reader's
language at the edge. Every weight is in a frozen policy (:class:`PeerWeights`,
:class:`SuggestionWeights`), so a municipality can tune them without touching the logic.

Reasons never carry private facts: the caller sets the facts of a private network (its members'
service types, administrations) only when they are aggregated over at least
``SuggestionWeights.min_aggregate`` people, and never says who is in it.

References
----------
.. [1] P. Jaccard, "The distribution of the flora in the alpine zone", New Phytologist 11
   (1912): the similarity of two word sets, used for target groups.
.. [2] T. Zhou, L. Lü, Y.-C. Zhang, "Predicting missing links via local information", European
   Physical Journal B 71 (2009): the resource allocation index the caller computes for
   ``NetworkFacts.resource_allocation``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

__all__ = [
    "DEFAULT_PEER_WEIGHTS",
    "DEFAULT_SUGGESTION_WEIGHTS",
    "NetworkFacts",
    "PeerProfile",
    "PeerWeights",
    "RankedPeer",
    "Reason",
    "Scored",
    "SuggestionAsker",
    "SuggestionWeights",
    "cohort_score",
    "peer_score",
    "rank_peers",
    "suggestion_score",
    "target_words",
]

_WORD = re.compile(r"[a-zæøå0-9]{4,}")


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a peer or a network was suggested: a code and its parameters (no words).

    The caller renders it in the reader's language, e.g. ``service_type`` with
    ``{"service_type": "daycare"}`` as "Leder også dagtilbud" / "Also leads a day-care service".
    """

    code: str
    params: Mapping[str, str | int | float] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Scored:
    """A score and the reasons behind it, in the order they were found."""

    score: float
    reasons: tuple[Reason, ...] = ()


@dataclass(frozen=True, slots=True)
class PeerProfile:
    """What peer scoring knows about a leader: their unit's core task, nothing private.

    ``order`` breaks ties between equal scores (the caller's choice: e.g. the last name and a
    zero-padded id), so the same input always ranks the same way.
    """

    id: str
    service_type: str
    is_specialist: bool = False
    target_group: str = ""
    round_the_clock: bool = False
    solo: bool = False
    staff_count: int | None = None
    sites: int = 1
    administration: str = ""
    administration_name: str = ""
    order: str = ""


@dataclass(frozen=True, slots=True)
class PeerWeights:
    """The weights of the peer score (the defaults are the values Sparring has always used).

    The *core* (service type, specialist, target group, 24-hour) decides whether two leaders
    are peers at all; the rest only adds to a core match.
    """

    service_type: float = 3.0
    specialist: float = 2.0
    target_group: float = 2.0  # times the Jaccard similarity of the target groups' words
    target_group_min_similarity: float = 0.2
    round_the_clock: float = 1.0
    solo: float = 1.0
    span: float = 0.5
    span_min_ratio: float = 0.6  # smaller staff count / larger one
    sites: float = 0.5
    other_administration: float = 1.0
    # Service types too broad to make two leaders peers by themselves.
    generic_service_types: frozenset[str] = frozenset({"other", "staff_function"})


DEFAULT_PEER_WEIGHTS = PeerWeights()


@dataclass(frozen=True, slots=True)
class RankedPeer:
    """A candidate with their score and reasons."""

    profile: PeerProfile
    score: float
    reasons: tuple[Reason, ...]


def target_words(text: str) -> frozenset[str]:
    """Return the words of four or more letters in a target group, lower case.

    Examples
    --------
    >>> sorted(target_words("Børn og unge med særlige behov"))
    ['behov', 'børn', 'særlige', 'unge']
    """
    return frozenset(_WORD.findall(text.lower()))


def _core(me: PeerProfile, other: PeerProfile, w: PeerWeights) -> tuple[float, list[Reason]]:
    score = 0.0
    reasons: list[Reason] = []
    if me.service_type == other.service_type and me.service_type not in w.generic_service_types:
        score += w.service_type
        reasons.append(Reason("service_type", {"service_type": other.service_type}))
    if me.is_specialist and other.is_specialist:
        score += w.specialist
        reasons.append(Reason("specialist"))
    mine, theirs = target_words(me.target_group), target_words(other.target_group)
    if mine and theirs:
        jaccard = len(mine & theirs) / len(mine | theirs)
        if jaccard >= w.target_group_min_similarity:
            score += w.target_group * jaccard
            reasons.append(Reason("target_group", {"target_group": other.target_group}))
    if me.round_the_clock and other.round_the_clock:
        score += w.round_the_clock
        reasons.append(Reason("round_the_clock"))
    return score, reasons


def peer_score(
    me: PeerProfile, other: PeerProfile, *, weights: PeerWeights = DEFAULT_PEER_WEIGHTS
) -> Scored:
    """Score how alike two leaders' core tasks are; the reasons say why (0: not a peer).

    Parameters
    ----------
    me, other : PeerProfile
        The asking leader and a candidate.
    weights : PeerWeights, optional
        The policy; keyword-only.

    Returns
    -------
    Scored
        The score rounded to three decimals and the reasons, core reasons first. Without a
        core match (same service type, both specialists, similar target groups, both 24-hour)
        the score is 0 and there are no reasons.

    Examples
    --------
    >>> me = PeerProfile("1", "daycare", staff_count=20, administration="a")
    >>> other = PeerProfile("2", "daycare", staff_count=15, administration="b",
    ...                     administration_name="Social")
    >>> result = peer_score(me, other)
    >>> result.score, [r.code for r in result.reasons]
    (4.5, ['service_type', 'span', 'other_administration'])
    >>> peer_score(me, PeerProfile("3", "school")).score
    0.0
    """
    w = weights
    score, reasons = _core(me, other, w)
    if score == 0:
        return Scored(0.0)
    if me.solo and other.solo:
        score += w.solo
        reasons.append(Reason("solo"))
    if me.staff_count and other.staff_count:
        low, high = sorted((me.staff_count, other.staff_count))
        if low / high >= w.span_min_ratio:
            score += w.span
            reasons.append(Reason("span", {"staff_count": other.staff_count}))
    if me.sites > 1 and other.sites > 1:
        score += w.sites
        reasons.append(Reason("sites"))
    if other.administration != me.administration:
        score += w.other_administration
        reasons.append(Reason("other_administration", {"name": other.administration_name}))
    return Scored(round(score, 3), tuple(reasons))


def rank_peers(
    me: PeerProfile,
    candidates: Iterable[PeerProfile],
    *,
    weights: PeerWeights = DEFAULT_PEER_WEIGHTS,
    limit: int = 20,
) -> list[RankedPeer]:
    """Return the candidates who are peers (score > 0), best first, at most ``limit``.

    Ties are broken by ``order`` and then ``id``; ``limit`` is clamped to 1..100.

    Examples
    --------
    >>> me = PeerProfile("1", "school", is_specialist=True)
    >>> found = rank_peers(me, [PeerProfile("2", "school", order="b"),
    ...                         PeerProfile("3", "school", is_specialist=True, order="a"),
    ...                         PeerProfile("4", "daycare")])
    >>> [(p.profile.id, p.score) for p in found]
    [('3', 5.0), ('2', 3.0)]
    """
    ranked = []
    for other in candidates:
        scored = peer_score(me, other, weights=weights)
        if scored.score > 0:
            ranked.append(RankedPeer(other, scored.score, scored.reasons))
    ranked.sort(key=lambda p: (-p.score, p.profile.order, p.profile.id))
    return ranked[: max(1, min(limit, 100))]


# --------------------------------------------------------------------------- suggestions


@dataclass(frozen=True, slots=True)
class SuggestionAsker:
    """The leader networks are suggested to: their service type and whether they are new."""

    service_type: str | None  # None: the leader has no unit
    is_new: bool = False


@dataclass(frozen=True, slots=True)
class NetworkFacts:
    """What suggestion scoring knows about a network, seen from the asker.

    The caller computes the graph facts (``resource_allocation`` over the asker's ties to the
    members, ``known_members`` with a direct tie) and sets the member facts of a private network
    only as the policy allows (see :func:`suggestion_score`).
    """

    kind: str
    private: bool = False
    members: int = 0  # members other than the asker
    resource_allocation: float = 0.0
    known_members: int = 0
    mentor_is_member: bool = False
    same_service_members: int = 0
    administrations: int = 0
    department_member: bool = False  # a member leads in the asker's department
    welcomes_newcomers: bool = False
    is_cohort: bool = False
    theme: str = ""


@dataclass(frozen=True, slots=True)
class SuggestionWeights:
    """The weights of the network suggestion score (the values Sparring has always used)."""

    link: float = 6.0  # times the resource allocation index ...
    link_cap: float = 3.0  # ... at most this
    mentor: float = 1.0
    service_type: float = 2.0  # times the share of members with the asker's service type
    across: float = 0.5
    across_min: int = 2  # administrations among the members
    department: float = 2.0  # a leader group of the asker's department
    welcomes_new: float = 1.5  # welcomes newcomers, to a new leader ...
    welcomes: float = 0.5  # ... to anyone else
    cohort: float = 2.0
    cohort_circle: float = 4.0  # a cohort circle to be formed ...
    cohort_per_administration: float = 0.5  # ... plus this per administration ...
    cohort_administrations_cap: int = 4  # ... counting at most this many
    min_aggregate: int = 5  # facts about a private network's members need this many members
    leader_group_kind: str = "leader_group"


DEFAULT_SUGGESTION_WEIGHTS = SuggestionWeights()


def _link_reasons(network: NetworkFacts) -> Reason:
    if network.known_members:
        return Reason("known", {"count": network.known_members})
    return Reason("close")


def suggestion_score(
    asker: SuggestionAsker,
    network: NetworkFacts,
    *,
    weights: SuggestionWeights = DEFAULT_SUGGESTION_WEIGHTS,
) -> Scored:
    """Score how well a network suits the asker; the reasons say why.

    Link prediction (the resource allocation index between the asker and the members) and
    profile fit (service type, administrations, department, newcomers, cohort). A private
    network's member facts count only over ``min_aggregate`` members, and neither its score
    nor its reasons depend on the asker's own ties (no link prediction, no ``close``,
    ``known`` or ``mentor``): they would tell who is in it.

    Examples
    --------
    >>> asker = SuggestionAsker(service_type="daycare", is_new=True)
    >>> facts = NetworkFacts(kind="leader_group", members=4, resource_allocation=0.25,
    ...                      known_members=2, same_service_members=2, administrations=2,
    ...                      welcomes_newcomers=True)
    >>> result = suggestion_score(asker, facts)
    >>> result.score, [r.code for r in result.reasons]
    (4.5, ['known', 'service_type', 'across', 'welcomes'])
    """
    w = weights
    score = 0.0
    reasons: list[Reason] = []
    if network.resource_allocation > 0 and not network.private:
        # A private network's closeness to the asker's own ties would say that someone the
        # asker knows is in it (in its rank as much as in a reason): it does not count.
        score += min(w.link_cap, w.link * network.resource_allocation)
        reasons.append(_link_reasons(network))
    if network.mentor_is_member and not network.private:
        score += w.mentor
        reasons.append(Reason("mentor"))
    members = network.members
    share_fact = not network.private or members >= w.min_aggregate
    if asker.service_type is not None and members and share_fact:
        if network.same_service_members:
            score += w.service_type * network.same_service_members / members
            reasons.append(Reason("service_type", {"service_type": asker.service_type}))
        if network.administrations >= w.across_min:
            score += w.across
            reasons.append(Reason("across", {"count": network.administrations}))
    if (
        network.kind == w.leader_group_kind
        and asker.service_type is not None
        and members
        and not network.private
        and network.department_member
    ):
        score += w.department
        reasons.append(Reason("department"))
    if network.welcomes_newcomers:
        score += w.welcomes_new if asker.is_new else w.welcomes
        reasons.append(Reason("welcomes"))
    if network.is_cohort:
        score += w.cohort
        reasons.append(Reason("cohort"))
    if network.theme:
        reasons.append(Reason("theme", {"theme": network.theme}))
    return Scored(round(score, 3), tuple(reasons))


def cohort_score(
    *, peers: int, administrations: int, weights: SuggestionWeights = DEFAULT_SUGGESTION_WEIGHTS
) -> Scored:
    """Score a cohort circle still to be formed: ``peers`` other new leaders who started
    around the same time, across ``administrations``.

    Examples
    --------
    >>> result = cohort_score(peers=6, administrations=3)
    >>> result.score, [r.code for r in result.reasons]
    (5.5, ['cohort', 'across', 'ask_hr'])
    """
    w = weights
    counted = min(administrations, w.cohort_administrations_cap)
    return Scored(
        w.cohort_circle + w.cohort_per_administration * counted,
        (
            Reason("cohort", {"count": peers}),
            Reason("across", {"count": administrations}),
            Reason("ask_hr"),
        ),
    )
