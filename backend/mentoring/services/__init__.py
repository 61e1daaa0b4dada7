"""Writes on the mentoring app, one module per entity.

``programmes`` (programmes, enrolment, mentor offers), ``runs`` (match runs), ``proposals``
(review, accept, decline, the cascade), ``mentorships`` (pairs, nudges, flags), ``checkins``;
``notices`` sends their notifications. Every function is keyword-only. Races are settled in the
database: a partial unique index keeps one active run per programme, ``(run, mentee)`` is
unique for a run's proposals, and a mentor's capacity is checked under a row lock on the offer
*and* by a check constraint on its ``active_count``. Import from the submodule, e.g.
``from backend.mentoring.services.proposals import proposal_accept``.
"""
