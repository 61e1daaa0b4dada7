"""Root URLs: the REST API under /api/, its schema and docs, the admin, and the web app."""

from importlib import import_module

from django.contrib import admin
from django.core.exceptions import ImproperlyConfigured
from django.urls import URLPattern, URLResolver, include, path, re_path
from django.urls.resolvers import RoutePattern
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from backend.views import health, spa


def by_first_segment(modules: list[str]) -> list[URLResolver]:
    """The routes of ``modules`` grouped under their first path segment, in their order.

    Django tries a URL against each route in turn: with ten apps' routes side by side under
    ``api/``, ``/api/onboarding/plans/`` was tried against some 150 routes first (a few tenths
    of a millisecond of every request). Grouped, it is tried against 40 segments and then the
    few routes of its own. Routes of different first segments never match the same URL, and
    within a segment the order is kept, so every URL resolves (and reverses) as before.
    """
    groups: dict[str, list[URLPattern | URLResolver]] = {}
    for module in modules:
        for route in import_module(module).urlpatterns:
            text = str(route.pattern)
            segment, slash, rest = text.partition("/")
            if not (isinstance(route, URLPattern) and isinstance(route.pattern, RoutePattern)):
                raise ImproperlyConfigured(f"{module}: {text} must be a path() of a view")
            if not slash or "<" in segment:
                raise ImproperlyConfigured(f"{module}: {text} must start with a plain segment")
            groups.setdefault(segment, []).append(
                path(rest, route.callback, route.default_args, route.name)
            )
    return [path(f"{segment}/", include(routes)) for segment, routes in groups.items()]


api_patterns: list[URLPattern | URLResolver] = [
    *by_first_segment(
        [
            "backend.people.urls",
            "backend.networks.urls",
            "backend.mentoring.urls",
            "backend.knowhow.urls",
            "backend.gatherings.urls",
            "backend.netvalue.urls",
            "backend.privacy.urls",
            "backend.notifications.urls",
            "backend.identity.urls",
            "backend.catalogue.urls",
        ]
    ),
    path("imports/", include("backend.people.imports.urls")),
    path("onboarding/", include("onboarding.urls")),
    path("coaching/", include("backend.coaching.urls")),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="api-docs"),
]

urlpatterns = [
    path("api/", include(api_patterns)),
    path("admin/", admin.site.urls),
    path("healthz", health, name="health"),
    re_path(r"^(?!api/|admin/|static/).*$", spa, name="spa"),
]
