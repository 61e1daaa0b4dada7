"""Writes on onboarding, by entity: templates, plans, plan items, settings and calendar feeds.

Every change to a plan item writes a ``PlanItemEvent`` in the same transaction, so the history
is complete. The services called by the API take the acting user (``actor=``) and ids, find
their rows through ``onboarding.selectors`` (out of scope: 404), refuse what the actor may not
do (DRF ``PermissionDenied``: 403) and check what the data allows (``ServiceError``). The
plain services below them (``plan_item_status_set(item=...)``) are for the seed, the tasks and
the other apps, which have already decided who acts.
"""
