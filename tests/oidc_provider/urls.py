"""The test provider's URLs: django-oauth-toolkit under /o/ and a login form."""

from django.contrib.auth.views import LoginView
from django.urls import include, path

urlpatterns = [
    path("o/", include("oauth2_provider.urls", namespace="oauth2_provider")),
    path("login/", LoginView.as_view(template_name="idp_login.html"), name="login"),
]
