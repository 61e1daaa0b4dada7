"""Root URLs: the REST API under /api/, its schema and docs, the admin, and the web app."""

from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from backend.views import health, spa

api_patterns: list[URLPattern | URLResolver] = [
    path("", include("backend.people.urls")),
    path("", include("backend.networks.urls")),
    path("", include("backend.mentoring.urls")),
    path("", include("backend.knowhow.urls")),
    path("", include("backend.gatherings.urls")),
    path("", include("backend.netvalue.urls")),
    path("", include("backend.privacy.urls")),
    path("", include("backend.notifications.urls")),
    path("", include("backend.identity.urls")),
    path("", include("backend.catalogue.urls")),
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
