"""The login screen's list of single sign-on providers."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.api.permissions import Anyone
from backend.identity.models import IdentityProvider
from backend.identity.selectors import providers_for_login


class SsoProviderOutputSerializer(serializers.ModelSerializer[IdentityProvider]):
    """A "Log in with …" button: where it starts, and whether passwords are still offered."""

    slug = serializers.CharField(source="organisation.slug")
    organisation = serializers.CharField(source="organisation.name")
    start_url = serializers.SerializerMethodField()

    class Meta:
        model = IdentityProvider
        fields = ["slug", "organisation", "display_name", "start_url", "local_passwords_enabled"]

    def get_start_url(self, obj: IdentityProvider) -> str:
        return f"/api/auth/sso/{obj.organisation.slug}/start/"


class SsoProviderListApi(APIView):
    """The organisations that log in through their identity provider (public: the login screen)."""

    authentication_classes = []
    permission_classes = [Anyone]

    @extend_schema(responses=SsoProviderOutputSerializer(many=True))
    def get(self, request: Request) -> Response:
        providers = providers_for_login()
        return Response(SsoProviderOutputSerializer(providers, many=True).data)
