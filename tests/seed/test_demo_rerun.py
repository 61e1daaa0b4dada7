"""Running the demo: the command's output, rerunning, another seed, other organisations.

Separate from ``test_demo.py`` on purpose: that module keeps one seeded demo open for its
read-only tests, and these tests need a database without it.
"""

from __future__ import annotations

import datetime as dt
import io

from django.core.management import call_command

from backend.people import models as m
from seed import vocabulary as words
from seed.demo import DEMO_PASSWORD, demo_run, demo_usernames
from seed.municipality import ORGANISATION_SLUG
from tests import factories as f
from tests.seed.dump import canonical_dump

TODAY = dt.date(2025, 3, 1)


def test_seed_demo_command_prints_logins_but_no_private_note(db: None) -> None:
    out = io.StringIO()
    call_command("seed_demo", "--seed", "3", "--today", "2025-03-01", stdout=out)
    text = out.getvalue()
    assert DEMO_PASSWORD in text
    assert all(f" {name} " in text for name in demo_usernames())
    notes = [note for pool in words.NEED_NOTES.values() for note in pool]
    notes += list(m.SupportNeed.objects.exclude(note="").values_list("note", flat=True))
    assert notes and not any(note in text for note in notes)


def test_running_twice_gives_the_same_database_and_leaves_others_alone(db: None) -> None:
    other = f.OrganisationFactory(name="Andeby Kommune", slug="andeby")
    leader = f.LeaderFactory(unit__department__administration__organisation=other)
    taken = f.UserFactory(username="hr", organisation=other, role=m.User.Role.HR)

    first_run = demo_run(seed=42, today=TODAY)
    first = canonical_dump(first_run.organisation)
    second = canonical_dump(demo_run(seed=42, today=TODAY).organisation)

    assert first == second
    assert m.Organisation.objects.filter(slug=ORGANISATION_SLUG).count() == 1
    # Another organisation's rows and a login that happens to share a demo username survive.
    taken.refresh_from_db()
    assert taken.organisation == other
    assert first_run.skipped_logins == ("hr",)
    assert m.Leader.objects.filter(organisation=other).get() == leader


def test_another_seed_gives_another_municipality(db: None) -> None:
    one = canonical_dump(demo_run(seed=1, today=TODAY).organisation)
    two = canonical_dump(demo_run(seed=2, today=TODAY).organisation)
    assert one != two
    names = {row[2:4] for row in one if row[0] == "leader"}
    assert names != {row[2:4] for row in two if row[0] == "leader"}
    # The shape stays: same units, same number of leaders.
    assert [r for r in one if r[0] == "admin"] == [r for r in two if r[0] == "admin"]
    assert sum(r[0] == "leader" for r in one) == sum(r[0] == "leader" for r in two)
