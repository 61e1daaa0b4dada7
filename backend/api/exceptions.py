"""One exception handler: domain errors become 4xx with field errors, never 5xx."""

from typing import Any

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler


class ServiceError(Exception):
    """A business rule refused the request; ``field`` names the input at fault when there is one.

    Services raise it (or a subclass); the API turns it into a 400 (or ``status``) response of
    the shape ``{"field": ["message"]}`` or ``{"detail": "message"}``.
    """

    status = 400

    def __init__(self, message: str, *, field: str | None = None, code: str = "invalid") -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.code = code


class Conflict(ServiceError):
    """The request conflicts with the current state (e.g. a mentor's capacity is full)."""

    status = 409


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """Map Django and service exceptions to DRF responses before DRF's own handler."""
    if isinstance(exc, ServiceError):
        body: dict[str, Any] = {exc.field: [exc.message]} if exc.field else {"detail": exc.message}
        body["code"] = exc.code
        return Response(body, status=exc.status)
    if isinstance(exc, DjangoValidationError):
        if hasattr(exc, "error_dict"):
            exc = exceptions.ValidationError(exc.message_dict)
        else:
            exc = exceptions.ValidationError({"detail": exc.messages})
    elif isinstance(exc, ObjectDoesNotExist | Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    elif isinstance(exc, OverflowError | DataError):
        # A number too large for the database (an id of 10**20 in a filter or a body): SQLite
        # raises OverflowError, PostgreSQL DataError. The input is at fault, not the server.
        message = _("A number in the request is out of range.")
        exc = exceptions.ValidationError({"detail": [message]})
    return drf_exception_handler(exc, context)
