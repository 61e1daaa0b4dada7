"""One exception handler: domain errors become 4xx with field errors, never 5xx."""

from typing import Any

from django.conf import settings
from django.core.exceptions import (
    ObjectDoesNotExist,
    PermissionDenied,
    RequestDataTooBig,
    TooManyFieldsSent,
    TooManyFilesSent,
)
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
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


class RequestTooLarge(exceptions.APIException):
    """The request body is larger than ``DATA_UPLOAD_MAX_MEMORY_SIZE`` (413, never an HTML page)."""

    status_code = 413
    default_code = "too_large"


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
    elif isinstance(exc, RequestDataTooBig):
        # Django refuses a body over DATA_UPLOAD_MAX_MEMORY_SIZE as a SuspiciousOperation,
        # which would otherwise become its plain-HTML "Bad Request (400)" page.
        limit_mb = settings.DATA_UPLOAD_MAX_MEMORY_SIZE // (1024 * 1024)
        exc = RequestTooLarge(
            _("The request body is too large; the limit is %(limit)s MB.") % {"limit": limit_mb}
        )
    elif isinstance(exc, TooManyFieldsSent | TooManyFilesSent):
        exc = exceptions.ValidationError({"detail": [_("The request has too many fields.")]})
    elif isinstance(exc, exceptions.Throttled):
        exc = _throttled(exc)
    elif isinstance(exc, OverflowError | DataError):
        # A number too large for the database (an id of 10**20 in a filter or a body): SQLite
        # raises OverflowError, PostgreSQL DataError. The input is at fault, not the server.
        message = _("A number in the request is out of range.")
        exc = exceptions.ValidationError({"detail": [message]})
    return drf_exception_handler(exc, context)


def _throttled(exc: exceptions.Throttled) -> exceptions.Throttled:
    """DRF's throttle message, in one language.

    DRF translates its first sentence but formats the second ("Expected available in 60
    seconds.") before looking it up, so it never finds a translation: half Danish, half
    English. Here both sentences are ours; ``wait`` still sets the ``Retry-After`` header.
    """
    wait: float | None = getattr(exc, "wait", None)
    if wait is None:
        message = _("Too many attempts. Try again later.")
    else:
        seconds = max(1, int(-(-wait // 1)))
        message = ngettext(
            "Too many attempts. Try again in %(seconds)d second.",
            "Too many attempts. Try again in %(seconds)d seconds.",
            seconds,
        ) % {"seconds": seconds}
    throttled = exceptions.Throttled(detail=message)
    throttled.wait = wait  # type: ignore[attr-defined]  # read by DRF for Retry-After
    return throttled
