"""``PairReasons`` (a run's many pairs) gives exactly the reasons ``pair_reasons`` gives.

The run explains 60 000 pairs with ``PairReasons``, which works out per mentor and per
combination of administrations what ``pair_reasons`` works out per pair; every code, parameter
and order must stay the same, on generated mentees and mentors full of the edge cases (no
needs, zero weights, unknown administrations and departments, partial contexts, no
experience, every education, scores given, fixed pairs, earlier mentees, every tie distance).
"""

from __future__ import annotations

import pickle

from hypothesis import given, settings
from hypothesis import strategies as st

from matching.model import Context, Mentee, Mentor
from matching.reasons import PairReasons, pair_reasons

TOPICS = ["budget", "roster", "employment_law", "leading_leaders", "communication"]
weight = st.sampled_from([0.0, 1 / 3, 0.5, 2 / 3, 1.0])
contexts = st.builds(
    Context,
    service_type=st.sampled_from([None, "school", "daycare"]),
    staff=st.sampled_from([None, 0, 3, 12, 40, 150]),
    sites=st.sampled_from([None, 1, 2, 4]),
    round_the_clock=st.sampled_from([None, False, True]),
    specialist=st.sampled_from([None, False, True]),
)
mentees = st.builds(
    Mentee,
    id=st.just("E"),
    administration=st.sampled_from([None, "A", "B"]),
    department=st.sampled_from([None, "1", "2"]),
    needs=st.dictionaries(st.sampled_from(TOPICS), weight, max_size=5),
    context=contexts,
)
mentors = st.builds(
    Mentor,
    id=st.just("M"),
    capacity=st.just(1),
    administration=st.sampled_from([None, "A", "B", "C"]),
    department=st.sampled_from([None, "1", "2", "3"]),
    strengths=st.dictionaries(st.sampled_from(TOPICS), weight, max_size=5),
    context=contexts,
    experience_years=st.sampled_from([None, 0.0, 0.5, 3, 12.0]),
    education=st.sampled_from([None, "none", "academy", "diploma", "master", "other"]),
)
pairs = st.tuples(
    st.integers(0, 7),
    st.integers(0, 9),
    st.sampled_from([{}, {"needs": 1.5}, {"needs": 0.0, "load": -0.1}, {"given": 0.75}]),
    st.integers(0, 3),  # tie distance (0: none within 2)
    st.integers(0, 3),  # earlier mentees
    st.booleans(),  # fixed
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(mentees, min_size=8, max_size=8),
    st.lists(mentors, min_size=10, max_size=10),
    st.booleans(),
    st.lists(pairs, min_size=1, max_size=40),
)
def test_many_pairs_get_the_reasons_of_one_pair(
    mentee_list: list[Mentee], mentor_list: list[Mentor], ties_given: bool, asked: list[tuple]
) -> None:
    many = PairReasons(mentee_list, mentor_list, ties_given=ties_given)
    for i, j, components, distance, earlier, fixed in asked:
        got = many(i, j, components, tie_distance=distance, earlier_mentees=earlier, fixed=fixed)
        want = pair_reasons(
            mentee_list[i],
            mentor_list[j],
            components,
            tie_distance=distance,
            ties_given=ties_given,
            earlier_mentees=earlier,
            fixed=fixed,
        )
        assert got == want
        # Same types too (what is stored as JSON): a float stays a float, a tuple a tuple.
        assert pickle.dumps(got) == pickle.dumps(want)
