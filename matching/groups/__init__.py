"""Compose learning networks: split sign-ups into diverse groups within size bounds.

- :mod:`matching.groups.model`: people, size bounds, the policy, the diversity scores, the hard
  rules and the objective; evaluating a given grouping (:func:`grouping_objective`,
  :func:`grouping_violations`).
- :mod:`matching.groups.compose`: :func:`compose_groups`, the entry point of the search.
- :mod:`matching.groups.search`: the engines (exhaustive and iterated maxima search).
- :mod:`matching.groups.command`: the ``groups`` command of the command-line contract.

Import from the submodules, e.g. ``from matching.groups.compose import compose_groups``.
"""
