"""Peer and network-suggestion scoring in the pure core (``matching.peers``), without a database."""

from __future__ import annotations

import dataclasses
import itertools
import random

import pytest

from matching.peers import (
    DEFAULT_PEER_WEIGHTS,
    NetworkFacts,
    PeerProfile,
    PeerWeights,
    SuggestionAsker,
    SuggestionWeights,
    cohort_score,
    peer_score,
    rank_peers,
    suggestion_score,
)

NUTRITION = PeerProfile(
    "1",
    "nutrition",
    is_specialist=True,
    target_group="ældre med behov for kostvejledning",
    staff_count=25,
    administration="social",
    administration_name="Social og Sundhed",
    order="Damgaard",
)


def _profile(i: int, rng: random.Random) -> PeerProfile:
    return PeerProfile(
        str(i),
        rng.choice(["school", "daycare", "nutrition", "other", "ppr"]),
        is_specialist=rng.random() < 0.3,
        target_group=rng.choice(["børn og unge", "ældre borgere med demens", "unge med behov", ""]),
        round_the_clock=rng.random() < 0.2,
        solo=rng.random() < 0.3,
        staff_count=rng.choice([None, 5, 12, 25, 40]),
        sites=rng.choice([1, 1, 2, 3]),
        administration=rng.choice(["a", "b", "c"]),
        administration_name="X",
        order=rng.choice(["Hansen", "Jensen", "Nielsen"]),
    )


def test_a_core_match_is_needed_before_anything_counts() -> None:
    other = dataclasses.replace(
        NUTRITION, id="2", service_type="school", is_specialist=False, target_group="skolebørn"
    )
    assert peer_score(dataclasses.replace(NUTRITION, solo=True), other).score == 0.0
    assert peer_score(NUTRITION, other).reasons == ()


def test_generic_service_types_do_not_make_peers() -> None:
    staff = PeerProfile("1", "staff_function", administration="a")
    assert peer_score(staff, dataclasses.replace(staff, id="2", administration="b")).score == 0


def test_reasons_carry_codes_and_parameters_not_words() -> None:
    other = dataclasses.replace(
        NUTRITION, id="2", administration="children", administration_name="Børn og Unge"
    )
    scored = peer_score(NUTRITION, other)
    assert [r.code for r in scored.reasons] == [
        "service_type",
        "specialist",
        "target_group",
        "span",
        "other_administration",
    ]
    assert scored.reasons[0].params == {"service_type": "nutrition"}
    assert scored.reasons[-1].params == {"name": "Børn og Unge"}
    assert scored.score == 3.0 + 2.0 + 2.0 + 0.5 + 1.0


def test_the_weights_policy_is_used() -> None:
    other = dataclasses.replace(NUTRITION, id="2")
    heavier = PeerWeights(service_type=10.0)
    assert peer_score(NUTRITION, other, weights=heavier).score == (
        peer_score(NUTRITION, other).score + 7.0
    )
    with pytest.raises(dataclasses.FrozenInstanceError):
        DEFAULT_PEER_WEIGHTS.solo = 2.0  # type: ignore[misc]


def test_peer_score_is_symmetric_in_its_core() -> None:
    rng = random.Random(7)
    people = [_profile(i, rng) for i in range(40)]
    for a, b in itertools.combinations(people, 2):
        # The span reason names the other's staff count and other_administration their name,
        # but whether two leaders are peers, and how much, does not depend on who asks.
        assert peer_score(a, b).score == peer_score(b, a).score


def test_rank_peers_is_sorted_deterministic_and_limited() -> None:
    rng = random.Random(3)
    me = _profile(0, rng)
    others = [_profile(i, rng) for i in range(1, 200)]
    ranked = rank_peers(me, others, limit=30)
    assert len(ranked) <= 30
    keys = [(-p.score, p.profile.order, p.profile.id) for p in ranked]
    assert keys == sorted(keys)
    assert all(p.score > 0 for p in ranked)
    assert rank_peers(me, list(reversed(others)), limit=30) == ranked
    assert len(rank_peers(me, others, limit=0)) <= 1  # clamped to 1..100


def test_private_networks_never_name_who_is_in_them() -> None:
    asker = SuggestionAsker(service_type="daycare")
    private = NetworkFacts(
        kind="informal",
        private=True,
        members=3,
        resource_allocation=0.5,
        known_members=2,
        mentor_is_member=True,
        same_service_members=3,
        administrations=2,
    )
    scored = suggestion_score(asker, private)
    # No "known", "mentor" or member facts, and (issue 15) no "close" and no score from the
    # asker's own ties either: a boss was told a members-only network of his reports was
    # "close to your own network".
    assert scored.reasons == ()
    assert scored.score == 0.0


def test_private_member_facts_count_from_min_aggregate_members() -> None:
    asker = SuggestionAsker(service_type="daycare")
    facts = NetworkFacts(kind="informal", private=True, members=5, same_service_members=5)
    assert [r.code for r in suggestion_score(asker, facts).reasons] == ["service_type"]
    fewer = SuggestionWeights(min_aggregate=6)
    assert suggestion_score(asker, facts, weights=fewer).reasons == ()


def test_a_leader_group_of_ones_own_department_and_newcomers() -> None:
    asker = SuggestionAsker(service_type="school", is_new=True)
    group = NetworkFacts(
        kind="leader_group", members=6, department_member=True, welcomes_newcomers=True
    )
    scored = suggestion_score(asker, group)
    assert [r.code for r in scored.reasons] == ["department", "welcomes"]
    assert scored.score == 2.0 + 1.5
    veteran = dataclasses.replace(asker, is_new=False)
    assert suggestion_score(veteran, group).score == 2.0 + 0.5
    no_unit = SuggestionAsker(service_type=None)
    assert suggestion_score(no_unit, group).score == 0.5


def test_cohort_circle_to_form() -> None:
    scored = cohort_score(peers=7, administrations=6)
    assert scored.score == 4.0 + 0.5 * 4  # administrations count up to four
    assert scored.reasons[0].params == {"count": 7}
