"""Project middleware: security headers Django 5.2 does not set, and the user's own language."""

from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, JsonResponse
from django.http.response import HttpResponseBase
from django.utils import translation
from django.utils.translation import gettext as _

from backend.api.parsers import text_nesting_exceeds, too_deep_message


class ContentSecurityPolicyMiddleware:
    """Add the ``Content-Security-Policy`` header from ``settings.CONTENT_SECURITY_POLICY``."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response
        self.policy: str = settings.CONTENT_SECURITY_POLICY

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", self.policy)
        return response


class UserLanguageMiddleware:
    """Answer in the logged-in user's own language (``User.language``) when they have chosen one.

    Order of precedence for the language of a response:

    1. ``User.language`` ("da" or "en", set with ``PATCH /api/me/``) when it is not blank;
    2. otherwise what ``LocaleMiddleware`` chose: the ``Accept-Language`` header (or the
       language cookie);
    3. otherwise ``settings.LANGUAGE_CODE`` (Danish).

    Place it after ``LocaleMiddleware`` and after ``AuthenticationMiddleware``. It sees
    ``request.user`` only as ``AuthenticationMiddleware`` sets it, i.e. for a **session**
    login (the web app). DRF authenticates tokens later, inside the view, so a client using
    ``Authorization: Token ...`` is anonymous here and falls back to ``Accept-Language``
    (then Danish): such clients should send ``Accept-Language``.
    ``LocaleMiddleware.process_response`` then reports the language actually used in the
    ``Content-Language`` header.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        user = getattr(request, "user", None)
        language = getattr(user, "language", "") if user is not None else ""
        if user is not None and user.is_authenticated and language in self.supported:
            translation.activate(language)
            request.LANGUAGE_CODE = language
        return self.get_response(request)


class JsonBodyLimitsMiddleware:
    """Refuse a JSON body to the API that is too large (413) or nested too deeply (400).

    Checked before any view, so an endpoint that never reads its body (log out, mark as read)
    refuses it like every other, and the answer is always JSON in the caller's language, never
    Django's HTML "Bad Request (400)" page. ``DATA_UPLOAD_MAX_MEMORY_SIZE`` is the size limit.
    The JSON parser (``backend.api.parsers``) keeps its own depth check behind this one.
    Place it after ``UserLanguageMiddleware``.
    """

    methods = frozenset({"POST", "PUT", "PATCH", "DELETE"})

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if (
            request.method in self.methods
            and request.path.startswith("/api/")
            and "json" in (request.content_type or "")
        ):
            try:
                body = request.body
            except RequestDataTooBig:
                limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE // (1024 * 1024)
                message = _("The request body is too large; the limit is %(limit)s MB.") % {
                    "limit": limit
                }
                return JsonResponse({"detail": message, "code": "too_large"}, status=413)
            if text_nesting_exceeds(body):
                return JsonResponse(
                    {"detail": too_deep_message(), "code": "parse_error"}, status=400
                )
        return self.get_response(request)
