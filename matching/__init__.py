"""Sparring's matcher: exact, explained mentor assignment, framework-free.

Plain data in, plain data out; nothing here imports Django. The web service maps its rows to
:class:`Problem` and :class:`Policy`, calls :func:`assign_mentors` or :func:`suggest_mentors`,
and maps the frozen results back. Reasons are codes with parameters (:class:`Reason`);
:mod:`matching.wording` says them in English or Danish with the caller's labels. The
learning-network composer lives in :mod:`matching.groups`.
"""

from matching.assign import assign_mentors
from matching.errors import InputError, MatchingError
from matching.model import (
    DEFAULT_POLICY,
    Assignment,
    Context,
    Mentee,
    Mentor,
    Pair,
    Policy,
    Problem,
    Reason,
    Suggestion,
    Unmatched,
    Weights,
)
from matching.serialize import (
    assignment_to_dict,
    policy_from_dict,
    problem_from_dict,
    suggestions_to_dict,
)
from matching.suggest import assign_and_suggest, suggest_mentors

__all__ = [
    "DEFAULT_POLICY",
    "Assignment",
    "Context",
    "InputError",
    "MatchingError",
    "Mentee",
    "Mentor",
    "Pair",
    "Policy",
    "Problem",
    "Reason",
    "Suggestion",
    "Unmatched",
    "Weights",
    "assign_and_suggest",
    "assign_mentors",
    "assignment_to_dict",
    "policy_from_dict",
    "problem_from_dict",
    "suggest_mentors",
    "suggestions_to_dict",
]
