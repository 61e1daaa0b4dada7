"""The peer finder's and the network suggestions' rankings on the demo municipality, pinned.

``data/ranking_pin.json`` was computed with the scoring as it was before it moved into the pure
core (``matching/peers.py``, issue 12): for every active leader of the demo (seed 42, on
2025-03-01) the top ten peers (employee number, score, reason codes) and every suggestion
(kind, network, score, reason codes, head count, how to join), and every reason text shown.
The refactored scoring gives the same rankings and the same words, except that service types are
now named by their display label from the translation catalogue instead of a hard-coded Danish
list (issue 12, item 7): two Danish texts changed, "klub og fritid" -> "ungdomsklub / fritid" and
"landsbyordning" -> "landsbyordning (skole og dagtilbud)"; the pinned texts are the new ones.

Re-pinned for issue 15 (item 3): a private network's score no longer counts the asker's own
ties (link prediction), and its "close" reason is gone, so 110 suggestions of informal and
members-only networks changed score and reasons; every open network's suggestion, and their
order among themselves, is exactly as before, and no suggestion appeared or disappeared.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from backend.networks.selectors.peers import peer_list
from backend.networks.selectors.suggestions import network_suggestions
from backend.people import models as m
from seed.demo import demo_run

TODAY = dt.date(2025, 3, 1)
PIN = Path(__file__).parent / "data" / "ranking_pin.json"


# The demo's seeded choices follow row ids, so ids start from 1 as in the pinned run (on
# PostgreSQL the sequences otherwise continue from the tests before).
@pytest.mark.django_db(transaction=True, reset_sequences=True)
def test_rankings_on_the_demo_are_as_pinned() -> None:
    org = demo_run(seed=42, today=TODAY).organisation
    pinned: dict[str, Any] = json.loads(PIN.read_text(encoding="utf-8"))
    peers: dict[str, Any] = {}
    suggestions: dict[str, Any] = {}
    texts: set[tuple[str, str, str]] = set()
    leaders = m.Leader.objects.filter(organisation=org, active=True, unit__isnull=False)
    for leader in leaders.order_by("employee_number"):
        user = m.User(username=f"u{leader.id}", organisation=org, leader=leader)
        found = peer_list(actor=user, limit=100)
        peers[leader.employee_number] = [
            [p.leader.employee_number, p.score, [r["code"] for r in p.reasons]] for p in found[:10]
        ]
        texts |= {(r["code"], r["da"], r["en"]) for p in found for r in p.reasons}
        suggested = network_suggestions(actor=user, today=TODAY)
        suggestions[leader.employee_number] = [
            [
                s.kind,
                s.network.name if s.network else None,
                s.score,
                [r["code"] for r in s.reasons],
                s.member_count,
                s.join,
            ]
            for s in suggested
        ]
        texts |= {(r["code"], r["da"], r["en"]) for s in suggested for r in s.reasons}
    assert peers == pinned["peers"]
    assert suggestions == pinned["suggestions"]
    assert sorted(texts) == [tuple(t) for t in pinned["texts"]]
