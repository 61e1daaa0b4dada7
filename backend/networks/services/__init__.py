"""Writes on the networks app, one module per feature (import from the submodule).

``memberships`` (joining, join requests), ``introductions``, ``signups``, ``drafts`` (group
drafts and the composer), ``cohorts``, ``roulette``, ``notices`` (notifications to leaders).

Every service takes the acting user, checks scope (out of scope: ``Http404``), and raises
``ServiceError`` / ``Conflict`` for business rules, so the API answers 4xx with field errors.
Notifications carry names and links only, never anything private.
"""
