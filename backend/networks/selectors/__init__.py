"""Reads on the networks app, one module per feature (import from the submodule).

``networks`` (networks and their members), ``memberships`` (join requests), ``peers``,
``introductions``, ``suggestions`` (and cohort circles), ``signups`` (and group drafts),
``roulette``, ``insights``, ``maps``, ``leaders`` (how maps and insights show a leader).

Every read is scoped to the asking user (``backend.networks.access`` on top of
``backend.people.access``): leaders see themselves and what they take part in; HR sees its
organisation (scoped HR: its administrations); bosses see nothing here about their reports.
Private networks (informal or members-only) show their members to members only; HR's figures
include them only as aggregates over at least ``MIN_AGGREGATE`` people, and per-leader figures
use the public graph.
"""
