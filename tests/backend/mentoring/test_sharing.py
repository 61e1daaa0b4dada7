"""Issue 15: the leader decides which support needs their mentor sees.

A need is shared only by the mentee's own choice: at the acceptance of a mentor (the accept's
``share_needs``) or on the need itself (``PATCH me/support-needs/{id}/``). The mentor's
proposal shows only shared topics, in the mentee profile and in the match reasons; HR still
sees every open need's topic for matching; every read of shared topics by the mentor is in the
mentee's access log, naming the topics.
"""

from __future__ import annotations

import pytest

from backend.mentoring.models import MatchRun, Proposal
from backend.mentoring.services.proposals import proposal_approve
from backend.mentoring.services.runs import match_run_execute
from backend.people.models import SupportNeed
from backend.privacy.models import AccessLogEntry
from tests import factories as f
from tests.conftest import CANARY

pytestmark = pytest.mark.django_db

BUDGET = "Budget og økonomisystem"


@pytest.fixture
def offered(setup, world):
    """Mette's proposal (Jens), approved by HR and offered to both; she has two open needs."""
    run = MatchRun.objects.create(programme=setup.programme, created_by=world.hr)
    match_run_execute(run_id=run.id)
    proposal = Proposal.objects.get(enrolment=setup.mette)
    proposal_approve(proposal=proposal, user=world.hr)
    roster = f.SupportNeedFactory(
        leader=world.new_leader.leader, topic=world.roster, weight=2, note="Vagtplanen driller"
    )
    budget = SupportNeed.objects.get(leader=world.new_leader.leader, topic=world.budget)
    return proposal, budget, roster


def _mentor_view(client_for, world, proposal) -> tuple[list[str], str]:
    seen = client_for(world.mentor).get(f"/api/proposals/{proposal.id}/").json()
    return seen["mentee"]["topics"], " ".join(seen["reasons"] + seen["reasons_da"])


def test_the_mentor_sees_exactly_the_shared_needs(offered, world, client_for):
    proposal, budget, roster = offered
    mette = client_for(world.new_leader)
    roster_label = world.roster.label_da

    # Before Mette's choice: no topic, and no reason naming one; HR sees both for matching.
    topics, reasons = _mentor_view(client_for, world, proposal)
    assert topics == [] and BUDGET not in reasons and "Budget" not in reasons
    hr = client_for(world.hr).get(f"/api/proposals/{proposal.id}/").json()
    assert hr["mentee"]["topics"] == [BUDGET, roster_label]
    assert any("Budget" in r for r in hr["reasons"])

    # At acceptance she shares the budget need only.
    accepted = mette.post(
        f"/api/proposals/{proposal.id}/accept/", {"share_needs": [budget.id]}, format="json"
    )
    assert accepted.status_code == 200, accepted.content
    topics, reasons = _mentor_view(client_for, world, proposal)
    assert topics == [BUDGET] and "Budget" in reasons and roster_label not in reasons

    # A need raised later is not shared until she says so.
    later = f.TopicFactory(organisation=world.org, slug="med", label_da="MED-udvalget")
    created = mette.post(
        "/api/me/support-needs/", {"topic": later.id, "weight": 3, "note": CANARY}, format="json"
    )
    assert created.status_code == 201 and created.json()["shared_with_mentor"] is False
    assert _mentor_view(client_for, world, proposal)[0] == [BUDGET]

    # She shares the roster need on the need itself, then withdraws the budget one.
    url = "/api/me/support-needs/{}/"
    shared = mette.patch(url.format(roster.id), {"shared_with_mentor": True}, format="json")
    assert shared.status_code == 200 and shared.json()["shared_with_mentor"] is True
    assert _mentor_view(client_for, world, proposal)[0] == [BUDGET, roster_label]
    mette.patch(url.format(budget.id), {"shared_with_mentor": False}, format="json")
    topics, reasons = _mentor_view(client_for, world, proposal)
    assert topics == [roster_label] and "Budget" not in reasons
    assert CANARY not in str(client_for(world.mentor).get("/api/proposals/mine/").json())
    mine = client_for(world.mentor).get("/api/proposals/mine/").json()["results"]
    assert [p["mentee"]["topics"] for p in mine] == [[roster_label]]

    # HR's view of the needs is unchanged by her choices, and HR never learns of them.
    hr = client_for(world.hr).get(f"/api/proposals/{proposal.id}/").json()
    assert hr["mentee"]["topics"] == [BUDGET, "MED-udvalget", roster_label]
    listed = client_for(world.hr).get("/api/support-needs/", {"purpose": "Matching"}).json()
    assert all("shared_with_mentor" not in n for n in listed["results"])


def test_the_mentors_reads_are_logged_with_the_topics_read(offered, world, client_for):
    proposal, budget, _roster = offered
    AccessLogEntry.objects.all().delete()
    _mentor_view(client_for, world, proposal)  # nothing shared: nothing read, nothing logged
    assert not AccessLogEntry.objects.filter(actor=world.mentor).exists()
    client_for(world.new_leader).post(
        f"/api/proposals/{proposal.id}/accept/", {"share_needs": [budget.id]}, format="json"
    )
    _mentor_view(client_for, world, proposal)
    entry = AccessLogEntry.objects.get(actor=world.mentor)
    assert entry.subject_id == world.new_leader.leader_id
    assert entry.what == "support_need_topics" and entry.purpose.endswith(BUDGET)
    assert world.roster.label_da not in entry.purpose


def test_accepting_without_a_choice_shares_nothing(offered, world, client_for):
    proposal, budget, _roster = offered
    budget.shared_with_mentor = True  # shared with an earlier mentor
    budget.save(update_fields=["shared_with_mentor"])
    response = client_for(world.new_leader).post(f"/api/proposals/{proposal.id}/accept/")
    assert response.status_code == 200
    assert not SupportNeed.objects.filter(shared_with_mentor=True).exists()
    assert _mentor_view(client_for, world, proposal)[0] == []


def test_only_the_mentee_chooses_and_only_among_her_own_open_needs(offered, world, client_for):
    proposal, budget, roster = offered
    url = f"/api/proposals/{proposal.id}/accept/"
    stranger = f.SupportNeedFactory(topic=world.budget)
    roster.status = SupportNeed.Status.MET
    roster.save(update_fields=["status"])
    for ids in ([stranger.id], [roster.id], [budget.id, 999999]):
        response = client_for(world.new_leader).post(url, {"share_needs": ids}, format="json")
        assert response.status_code == 400 and "share_needs" in response.json(), ids
    assert Proposal.objects.get(id=proposal.id).mentee_accepted_at is None
    assert not SupportNeed.objects.filter(shared_with_mentor=True).exists()
    as_mentor = client_for(world.mentor).post(url, {"share_needs": [budget.id]}, format="json")
    assert as_mentor.status_code == 400
    bad = client_for(world.new_leader).post(url, {"share_needs": "all"}, format="json")
    assert bad.status_code == 400


def test_a_need_opened_again_is_not_shared(offered, world, client_for):
    _proposal, budget, _roster = offered
    mette = client_for(world.new_leader)
    url = f"/api/me/support-needs/{budget.id}/"
    mette.patch(url, {"shared_with_mentor": True}, format="json")
    mette.patch(url, {"status": "met"}, format="json")
    again = mette.post("/api/me/support-needs/", {"topic": world.budget.id}, format="json")
    assert again.status_code == 201 and again.json()["shared_with_mentor"] is False


def test_choosing_a_suggested_mentor_is_the_choice_too(setup, world, client_for):
    """Self-match: picking a suggestion is the mentee's acceptance, with its share_needs."""
    setup.programme.mode = "self"
    setup.programme.save()
    run = MatchRun.objects.create(programme=setup.programme, created_by=world.hr)
    match_run_execute(run_id=run.id)
    budget = SupportNeed.objects.get(leader=world.new_leader.leader, topic=world.budget)
    mette = client_for(world.new_leader)
    first = mette.get("/api/suggestions/mine/").json()["results"][0]["id"]
    url = f"/api/suggestions/{first}/choose/"
    stranger = f.SupportNeedFactory(topic=world.budget)
    assert mette.post(url, {"share_needs": [stranger.id]}, format="json").status_code == 400
    chosen = mette.post(url, {"share_needs": [budget.id]}, format="json")
    assert chosen.status_code == 201, chosen.content
    budget.refresh_from_db()
    assert budget.shared_with_mentor is True
