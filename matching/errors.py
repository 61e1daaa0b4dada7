"""Exceptions raised by the matcher and the group composer.

Every error that a caller can fix by changing the input is an :class:`InputError`; it names the
offending field as a JSON path (``mentees[3].capacity``) so that the command line, the web
service and HR can point at the exact place.
"""

from __future__ import annotations

__all__ = ["InputError", "MatchingError"]


class MatchingError(Exception):
    """Base class of every error raised by :mod:`matching`."""


class InputError(MatchingError):
    """The input is invalid; ``field`` is the JSON path of the offending field.

    Parameters
    ----------
    field : str
        JSON path of the field, e.g. ``"mentees[3].capacity"`` or ``"fixed[0]"``.
    message : str
        What is wrong, in words a person can act on.

    Examples
    --------
    >>> err = InputError("mentors[1].capacity", "must be >= 0, got -1")
    >>> err.field
    'mentors[1].capacity'
    >>> str(err)
    'mentors[1].capacity: must be >= 0, got -1'
    """

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message
