"""Non-API views: the single-page web app and a health check."""

from django.conf import settings
from django.db import connection
from django.http import FileResponse, HttpRequest, HttpResponse, JsonResponse
from django.http.response import HttpResponseBase
from django.views.decorators.csrf import ensure_csrf_cookie
from django.views.decorators.http import require_GET


@require_GET
def health(request: HttpRequest) -> JsonResponse:
    """Report that the process is up and the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


@require_GET
@ensure_csrf_cookie
def spa(request: HttpRequest) -> HttpResponseBase:
    """Serve the built web app's index.html for every client-side route.

    The CSRF cookie is set here so the app can make session-authenticated writes.
    """
    index = settings.FRONTEND_DIST / "index.html"
    if not index.exists():
        return HttpResponse(
            "The web app is not built yet: run `make frontend` (the API is at /api/docs/).",
            content_type="text/plain; charset=utf-8",
            status=503,
        )
    return FileResponse(index.open("rb"), content_type="text/html; charset=utf-8")
