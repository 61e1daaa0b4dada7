"""Match reasons: stored as codes, said in the reader's language with HR's own topic labels."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

from backend.mentoring.models import Enrolment, MatchRun, Proposal
from backend.mentoring.reasons import LEGACY, ReasonsJson, reasons_json, render_json, topic_labels
from backend.mentoring.services.runs import match_run_execute
from backend.people import models as m
from matching import assign_mentors
from matching.model import Reason
from matching.serialize import reason_from_dict
from matching.wording import brief_topic_label, render_all
from tests import factories as f

pytestmark = pytest.mark.django_db

SERVICE_KEYS = set(m.ServiceType.values)


@pytest.fixture
def own_topic(setup, world) -> m.Topic:
    """A topic HR created (not in the default list), needed by Mette and offered by Jens, who
    now leads the same kind of service as Mette."""
    topic = f.TopicFactory(
        organisation=world.org,
        slug="social_media",
        label_da="Sociale medier og presse",
        label_en="Social media and press",
    )
    f.SupportNeedFactory(leader=world.new_leader.leader, topic=topic, weight=3)
    f.CompetencyFactory(leader=world.mentor.leader, topic=topic, level=3)
    jens_unit = world.mentor.leader.unit
    jens_unit.service_type = world.new_leader.leader.unit.service_type
    jens_unit.save(update_fields=["service_type"])
    return topic


def mettes_proposal(client, setup, **headers) -> dict:
    base = f"/api/programmes/{setup.programme.id}"
    listing = client.get(f"{base}/proposals/", **headers).json()["results"]
    return next(p for p in listing if p["mentee"]["name"] == "Mette Kjær")


def test_an_hr_created_topic_shows_with_hrs_label_in_both_languages(
    own_topic, setup, world, client_for
):
    run = MatchRun.objects.create(programme=setup.programme, created_by=world.hr)
    match_run_execute(run_id=run.id)
    stored = Proposal.objects.get(enrolment=setup.mette)
    covers = next(r for r in stored.reasons if r["code"] == "covers")
    assert "social_media" in covers["params"]["topics"]  # the row keeps the key, no words

    client = client_for(world.hr)
    danish = mettes_proposal(client, setup)  # Danish by default
    english = mettes_proposal(client, setup, HTTP_ACCEPT_LANGUAGE="en")
    assert any("Sociale medier og presse" in r for r in danish["reasons"])
    assert any("Sociale medier og presse" in r for r in english["reasons_da"])
    assert any("Social media and press" in r for r in english["reasons"])
    assert danish["reasons_da"] == english["reasons_da"] == danish["reasons"]
    assert len(english["reasons"]) == len(english["reasons_da"])

    # HR renames the topic: the reasons follow, nothing was frozen into the rows.
    own_topic.label_da = "SoMe"
    own_topic.save(update_fields=["label_da"])
    assert any("SoMe" in r for r in mettes_proposal(client, setup)["reasons"])


def test_danish_reasons_contain_no_english_keys(own_topic, setup, world, client_for):
    run = MatchRun.objects.create(programme=setup.programme, created_by=world.hr)
    match_run_execute(run_id=run.id)
    danish = mettes_proposal(client_for(world.hr), setup)["reasons"]
    text = " ".join(danish)
    assert "samme type tilbud (dagtilbud)" in text  # not "(daycare)"
    # "budget" is a Danish word as well as a key; every other key is English.
    keys = (set(m.Topic.objects.values_list("slug", flat=True)) | SERVICE_KEYS) - {"budget"}
    words = set(text.replace("(", " ").replace(")", " ").replace(",", " ").split())
    assert not keys & words
    assert "Sammenlignelig opgave" in text and "Dækker" in text
    assert not any(word in text for word in ("Covers", "Other administration", "years"))


def test_unmatched_reasons_are_rendered_for_hr_in_the_readers_language(
    own_topic, setup, world, client_for
):
    # No mentor may take anyone: Mette waits with the matcher's reason.
    for offer in setup.offers:
        offer.capacity = 0
        offer.save(update_fields=["capacity"])
    run = MatchRun.objects.create(programme=setup.programme, created_by=world.hr)
    match_run_execute(run_id=run.id)
    stored = next(u for u in run_reloaded(run).result["unmatched"] if u["leader"] == mette(world))
    assert isinstance(stored["reason"], dict) and "reason_da" not in stored
    client = client_for(world.hr)
    body = client.get(f"/api/match-runs/{run.id}/", HTTP_ACCEPT_LANGUAGE="en").json()
    shown = next(u for u in body["result"]["unmatched"] if u["leader"] == mette(world))
    assert "Social media and press" in shown["reason"]
    assert "Sociale medier og presse" in shown["reason_da"]
    setup.mette.refresh_from_db()
    assert setup.mette.status == Enrolment.Status.MANUAL and setup.mette.manual_reason_code
    queue = client.get(f"/api/programmes/{setup.programme.id}/manual-queue/").json()
    reasons = {e["leader"]["id"]: e["manual_reason"] for e in queue["results"]}
    assert "Sociale medier og presse" in reasons[mette(world)]
    assert "social_media" not in reasons[mette(world)]


def run_reloaded(run: MatchRun) -> MatchRun:
    return MatchRun.objects.get(id=run.id)


def mette(world) -> int:
    return world.new_leader.leader.id


def _migration():
    return importlib.import_module("backend.mentoring.migrations.0002_reason_codes")


def _words_to_keys(topics) -> dict[str, str]:
    keys = {t.replace("_", " "): t for t in topics}
    keys.update({brief_topic_label(t, "en"): t for t in topics})
    return keys


def test_stored_pair_reasons_become_codes_when_the_words_match_exactly():
    migration = _migration()
    keys = _words_to_keys(["budget", "finance_system", "crisis_press", "social_media"])
    [covers, task, other] = migration._to_codes(
        [
            "Covers crisis and press, social media and the finance system",
            "Comparable task: same service type (daycare) and leads 3 sites",
            "Something HR wrote",
        ],
        [
            "Dækker krise og presse, social media og økonomisystemet",
            "Sammenlignelig opgave: samme type tilbud (daycare) og leder 3 matrikler",
            "Noget HR skrev",
        ],
        keys,
    )
    assert covers == {
        "code": "covers",
        "params": {"topics": ["crisis_press", "social_media", "finance_system"]},
    }
    assert task == {"code": "comparable_task", "params": {"service_type": "daycare", "sites": 3}}
    assert other == {"code": LEGACY, "params": {"en": "Something HR wrote", "da": "Noget HR skrev"}}
    labels = topic_labels([("social_media", "Social media", "Sociale medier")])
    assert "Sociale medier" in render_json(covers, lang="da", labels=labels)
    assert "(dagtilbud)" in render_json(task, lang="da", labels=labels)
    assert render_json(other, lang="da", labels=labels) == "Noget HR skrev"
    assert render_json(other, lang="en", labels=labels) == "Something HR wrote"
    back = migration._render({"code": "covers", "params": {"topics": ["roster"]}}, "da")
    assert back == "Dækker vagtplan"


def test_every_reason_the_matcher_wrote_converts_back_to_its_code():
    """The words of a whole generated round (the CLI's words, as rows held them) parse back."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "bench"))
    from gen_municipality import municipality_problem

    problem = municipality_problem(60, 150, seed=7)
    topics = {t for p in problem.mentees for t in p.needs} | {
        t for p in problem.mentors for t in p.strengths
    }
    keys = _words_to_keys(sorted(topics))
    pairs = assign_mentors(problem).pairs
    assert pairs
    for pair in pairs:
        en, da = render_all(pair.reasons), render_all(pair.reasons, lang="da")
        codes = _migration()._to_codes(en, da, keys)
        assert [c["code"] for c in codes] == [r.code for r in pair.reasons], en
        assert render_all(reason_from_dict(c) for c in codes) == en


@pytest.mark.django_db(transaction=True)
def test_the_data_migration_turns_stored_words_into_codes_and_back():
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    before, after = [("mentoring", "0001_initial")], [("mentoring", "0002_reason_codes")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    org = old.get_model("people", "Organisation").objects.create(name="Gammel", slug="gammel")
    programme = old.get_model("mentoring", "Programme").objects.create(
        organisation_id=org.id, name="P", starts_on="2025-01-01"
    )
    run = old.get_model("mentoring", "MatchRun").objects.create(
        programme_id=programme.id,
        result={"unmatched": [{"leader": 1, "reason": "No mentor", "reason_da": "Ingen mentor"}]},
    )
    leader_row = old.get_model("people", "Leader").objects.create(
        organisation_id=org.id, first_name="Ole", last_name="Lund"
    )
    enrolment = old.get_model("mentoring", "Enrolment").objects.create(
        programme_id=programme.id, leader_id=leader_row.id, route="hr", manual_reason="Fuld"
    )

    executor = MigrationExecutor(connection)
    executor.migrate(after)
    new = executor.loader.project_state(after).apps
    row = new.get_model("mentoring", "Enrolment").objects.get(id=enrolment.id)
    assert row.manual_reason_code == {"code": LEGACY, "params": {"en": "Fuld", "da": "Fuld"}}
    result = new.get_model("mentoring", "MatchRun").objects.get(id=run.id).result
    legacy = {"code": LEGACY, "params": {"en": "No mentor", "da": "Ingen mentor"}}
    assert result["unmatched"] == [{"leader": 1, "reason": legacy}]

    executor = MigrationExecutor(connection)
    executor.migrate(before)
    back = executor.loader.project_state(before).apps
    row = back.get_model("mentoring", "Enrolment").objects.get(id=enrolment.id)
    assert row.manual_reason == "Fuld"
    result = back.get_model("mentoring", "MatchRun").objects.get(id=run.id).result
    assert result["unmatched"][0]["reason_da"] == "Ingen mentor"
    MigrationExecutor(connection).migrate(executor.loader.graph.leaf_nodes())


def test_a_runs_converter_stores_shared_reasons_as_reasons_json_does() -> None:
    shared = Reason("experience", {"years": 12.0})
    pairs = [
        (Reason("covers", {"topics": ("budget", "roster")}), shared),
        (shared, Reason("comparable_task", {"staff": 30, "mentor_staff": 40})),
        (),
        (Reason("knows"), shared, Reason("covers", {"topics": ("budget", "roster")})),
    ]
    convert = ReasonsJson()
    assert [convert(p) for p in pairs] == [reasons_json(p) for p in pairs]
    assert convert((shared,)) == [{"code": "experience", "params": {"years": 12.0}}]
