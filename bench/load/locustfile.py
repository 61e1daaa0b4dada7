"""Mixed authenticated reads and writes for the load test (``bench/load/run.sh`` drives it).

``LOAD_USERS`` users (200 by default), each at one request a second on average
(``FastHttpUser``: the load generator shares the two cores with the server, so it must be
cheap). Each user sends at random moments (exponential gaps with a mean of one second,
``poisson_pacing``), so the users together are a Poisson stream, as independent people are;
locust's ``constant_throughput`` would instead keep every user at the second it was spawned,
and all are spawned together: one burst each second. HR pages through the leaders list, opens
leaders and units and reads a programme's proposals; leaders read the topics, their plan, their
items and their notifications, search the peer finder, move their plan items along, log
check-ins with their mentor or mentee and mark notices read (``LOAD_WRITES=0`` leaves the
writes out: the read mix of before). One HR user for every four leaders (``LOAD_HR_WEIGHT``,
``LOAD_LEADER_WEIGHT``): a municipality has a handful of HR consultants and hundreds of leaders.
Tokens and ids come from ``$LOAD_TOKENS`` (``setup_users.py``).
"""

from __future__ import annotations

import json
import os
import random
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import gevent
from locust import FastHttpUser, events, task

#: Weight of each write task (0: the read-only mix).
WRITES = int(os.environ.get("LOAD_WRITES", "1"))
#: Seconds of warm-up at the start of the run, then the statistics start afresh (0: none).
WARMUP_S = float(os.environ.get("LOAD_WARMUP_S", "0"))
#: A file written when the warm-up ends (``run.sh`` starts its CPU counters then).
WARMED_MARKER = os.environ.get("LOAD_WARMED_MARKER", "")
DATA = json.loads(Path(os.environ.get("LOAD_TOKENS", "/tmp/sparring-load/tokens.json")).read_text())


def poisson_pacing(rate: float) -> Callable[[Any], float]:
    """A ``wait_time`` for ``rate`` requests a second on average, at exponential gaps.

    The schedule runs on from the start of the user: a slow response does not lower the rate
    (the next request goes at once if its moment has passed), so the load stays what was asked.
    """

    def wait_time(user: Any) -> float:
        now = time.monotonic()
        due = getattr(user, "_next_due", now)
        due = max(due, now - 1.0) + random.expovariate(rate)
        user._next_due = due
        return max(0.0, due - now)

    return wait_time


@events.test_start.add_listener
def _measure_after_warmup(environment: Any, **_: Any) -> None:
    """One generator for warm-up and measurement: the statistics start when the warm-up ends.

    A second locust started for the measurement spawned its users inside the measured window,
    and its own start-up (hundreds of users, their connection pools) came out as the server's
    latency in some runs: a p50 of 150 ms in the first seconds, then 15 ms.
    """
    if WARMUP_S <= 0 or environment.runner is None:
        return

    def warmed() -> None:
        environment.runner.stats.reset_all()
        if WARMED_MARKER:
            Path(WARMED_MARKER).write_text(f"{time.time()}\n")

    gevent.spawn_later(WARMUP_S, warmed)


def _start(user: FastHttpUser) -> None:
    """Start at a random moment within the first second (users are spawned all at once)."""
    gevent.sleep(random.random())


class HrUser(FastHttpUser):
    """HR: the leaders list (any page, searched), a leader's detail, units."""

    weight = int(os.environ.get("LOAD_HR_WEIGHT", "1"))
    wait_time = poisson_pacing(1.0)

    def on_start(self) -> None:
        _start(self)
        self.headers = {"Authorization": f"Token {DATA['hr']}"}
        self.pages = DATA["pages"][DATA["hr"]]

    @task(4)
    def leaders_page(self) -> None:
        page = random.randint(1, self.pages)
        self.client.get(
            f"/api/leaders/?page={page}", name="/api/leaders/?page=N", headers=self.headers
        )

    @task(3)
    def leader_detail(self) -> None:
        leader_id = random.choice(DATA["leader_ids"])
        self.client.get(
            f"/api/leaders/{leader_id}/", name="/api/leaders/{id}/", headers=self.headers
        )

    @task(2)
    def units(self) -> None:
        self.client.get("/api/units/", headers=self.headers)

    @task(1)
    def proposals(self) -> None:
        self.client.get(
            f"/api/programmes/{DATA['programme']}/proposals/",
            name="/api/programmes/{id}/proposals/",
            headers=self.headers,
        )

    @task(1)
    def unit_detail(self) -> None:
        unit_id = random.choice(DATA["unit_ids"])
        self.client.get(f"/api/units/{unit_id}/", name="/api/units/{id}/", headers=self.headers)


class LeaderUser(FastHttpUser):
    """A leader: topics, my plan, my items, my notifications, a colleague's profile."""

    weight = int(os.environ.get("LOAD_LEADER_WEIGHT", "4"))
    wait_time = poisson_pacing(1.0)

    def on_start(self) -> None:
        _start(self)
        token = random.choice(DATA["leaders"])
        self.headers = {"Authorization": f"Token {token}"}
        self.pages = DATA["pages"][token]
        self.writes = DATA["writes"][token]

    @task(1)
    def peers(self) -> None:
        self.client.get("/api/peers/", headers=self.headers)

    @task(WRITES)
    def item_update(self) -> None:
        """Move one of my plan items along (to do -> in progress -> done -> to do)."""
        if not self.writes["items"]:
            return
        item = random.choice(self.writes["items"])
        status = random.choice(["todo", "in_progress", "done"])
        self.client.patch(
            f"/api/onboarding/items/{item}/",
            json={"status": status},
            name="/api/onboarding/items/{id}/ PATCH",
            headers=self.headers,
        )

    @task(WRITES)
    def check_in(self) -> None:
        """Log a meeting with my mentor or mentee."""
        pair = self.writes["mentorship"]
        if pair is None:
            return
        self.client.post(
            f"/api/mentorships/{pair}/check-ins/",
            json={"met_on": time.strftime("%Y-%m-%d"), "minutes": 45},
            name="/api/mentorships/{id}/check-ins/ POST",
            headers=self.headers,
        )

    @task(WRITES)
    def notification_read(self) -> None:
        if not self.writes["notifications"]:
            return
        notice = random.choice(self.writes["notifications"])
        self.client.post(
            f"/api/notifications/{notice}/read/",
            name="/api/notifications/{id}/read/ POST",
            headers=self.headers,
        )

    @task(2)
    def topics(self) -> None:
        self.client.get("/api/topics/", headers=self.headers)

    @task(2)
    def my_plan(self) -> None:
        self.client.get("/api/onboarding/plans/", headers=self.headers)

    @task(2)
    def my_items(self) -> None:
        self.client.get("/api/onboarding/items/mine/", headers=self.headers)

    @task(2)
    def my_notifications(self) -> None:
        self.client.get("/api/notifications/", headers=self.headers)

    @task(1)
    def me(self) -> None:
        self.client.get("/api/me/", headers=self.headers)

    @task(1)
    def leaders_page(self) -> None:
        self.client.get(
            f"/api/leaders/?page={random.randint(1, self.pages)}",
            name="/api/leaders/?page=N",
            headers=self.headers,
        )
