"""The vectorised peer finder ranks exactly as the one-by-one peer score does."""

from __future__ import annotations

import random

import numpy as np
import pytest

from matching.peer_index import build_peer_index, peer_scores, peer_top
from matching.peers import PeerProfile, peer_score, rank_peers

SERVICES = ["school", "daycare", "care_home", "home_care", "other", "staff_function", "shelter"]
WORDS = ["børn", "unge", "voksne", "ældre", "demens", "misbrug", "handicap", "psykiatri"]


def _profile(rng: random.Random, number: int) -> PeerProfile:
    return PeerProfile(
        id=str(number),
        service_type=rng.choice(SERVICES),
        is_specialist=rng.random() < 0.2,
        target_group=" og ".join(rng.sample(WORDS, rng.randint(0, 3))),
        round_the_clock=rng.random() < 0.3,
        solo=rng.random() < 0.1,
        staff_count=rng.choice([None, 0, 5, 8, 12, 20, 35]),
        sites=rng.choice([1, 1, 2, 3]),
        administration=rng.choice("abcd"),
        administration_name="Forvaltning",
        order=f"{rng.choice(['Hansen', 'Jensen', 'Nielsen'])}\t{number:012d}",
    )


@pytest.fixture(scope="module")
def people() -> list[PeerProfile]:
    rng = random.Random(5)
    return [_profile(rng, number) for number in range(1, 801)]


def test_vector_scores_equal_the_one_by_one_scores(people: list[PeerProfile]) -> None:
    index = build_peer_index(people)
    for me in people[:40]:
        exact = [peer_score(me, other).score for other in people]
        assert peer_scores(index, me).tolist() == exact  # the same floats, not just close


@pytest.mark.parametrize("limit", [1, 5, 20, 100])
def test_the_top_is_the_one_by_one_ranking(people: list[PeerProfile], limit: int) -> None:
    index = build_peer_index(people)
    for me in people[:60]:
        got = [people[i].id for i in peer_top(index, me, limit=limit)]
        want = [p.profile.id for p in rank_peers(me, people, limit=limit)]
        assert got == want


def test_excluded_candidates_are_never_shortlisted(people: list[PeerProfile]) -> None:
    index = build_peer_index(people)
    allowed = np.array([int(p.id) % 2 == 0 for p in people])
    me = people[0]
    rows = peer_top(index, me, allowed=allowed, limit=20)
    assert rows and all(int(people[i].id) % 2 == 0 for i in rows)
    want = rank_peers(me, [p for p in people if int(p.id) % 2 == 0], limit=20)
    assert [people[i].id for i in rows] == [p.profile.id for p in want]


def test_many_equal_scores_are_ordered_by_the_tie_break() -> None:
    rng = random.Random(3)
    people = [
        PeerProfile(str(n), "school", order=f"{rng.choice('ABC')}\t{n:012d}") for n in range(500)
    ]
    me = PeerProfile("me", "school")
    got = [people[i].id for i in peer_top(build_peer_index(people), me, limit=7)]
    assert got == [p.profile.id for p in rank_peers(me, people, limit=7)]


def test_a_leader_whose_words_no_candidate_uses_still_counts_them_in_the_union() -> None:
    index = build_peer_index([PeerProfile("2", "other", target_group="børn unge")])
    me = PeerProfile("1", "other", target_group="børn voksne ældre")
    # Jaccard 1/4 = 0.25 ≥ 0.2: a target-group peer with 2 × 0.25, plus another administration?
    # Same (empty) administration: no.
    assert peer_scores(index, me).tolist() == [peer_score(me, index.profiles[0]).score] == [0.5]
