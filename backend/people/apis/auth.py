"""Login, logout, API tokens and the ``me`` endpoint the web app starts from."""

from __future__ import annotations

from django.contrib.auth import authenticate, login, logout
from django.middleware.csrf import get_token
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.authentication import SessionAuthentication
from rest_framework.authtoken.models import Token
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from backend.api.permissions import Anyone, IsAuthenticatedUser, request_user
from backend.people.models import User
from backend.people.serializers import MeSerializer
from backend.people.services import me_update

BAD_CREDENTIALS = _("Wrong username or password.")


class CredentialsInputSerializer(serializers.Serializer):
    """A username and a password."""

    username = serializers.CharField(max_length=150)
    password = serializers.CharField(
        max_length=128, trim_whitespace=False, style={"input_type": "password"}
    )


def _authenticate(request: Request) -> User:
    data = CredentialsInputSerializer(data=request.data)
    data.is_valid(raise_exception=True)
    user = authenticate(
        request._request,
        username=data.validated_data["username"],
        password=data.validated_data["password"],
    )
    if not isinstance(user, User) or not user.is_active:
        # One message for unknown user and wrong password: do not reveal which usernames exist.
        raise serializers.ValidationError({"detail": BAD_CREDENTIALS})
    return user


# The two small outputs below carry no docstring: it would become their description in the
# OpenAPI schema, which has none for them.


class CsrfOutputSerializer(serializers.Serializer):
    csrf_token = serializers.CharField()


class TokenOutputSerializer(serializers.Serializer):
    token = serializers.CharField(source="key")


class CsrfApi(APIView):
    """Set the CSRF cookie (for a web app served from elsewhere in development)."""

    authentication_classes = []
    permission_classes = [Anyone]

    @extend_schema(responses=CsrfOutputSerializer)
    def get(self, request: Request) -> Response:
        # get_token() also makes the CSRF middleware set the cookie on this response.
        return Response(CsrfOutputSerializer({"csrf_token": get_token(request._request)}).data)


class LoginApi(APIView):
    """Log in with a session cookie; CSRF-protected and throttled (scope ``login``)."""

    # No authentication class: the caller is anonymous; CSRF is enforced explicitly below so a
    # third-party page cannot log the browser into someone else's account (login CSRF).
    authentication_classes = []
    permission_classes = [Anyone]
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "login"

    @extend_schema(request=CredentialsInputSerializer, responses=MeSerializer)
    def post(self, request: Request) -> Response:
        SessionAuthentication().enforce_csrf(request)
        user = _authenticate(request)
        login(request._request, user)
        return Response(MeSerializer(user).data)


class LogoutApi(APIView):
    """End the session."""

    permission_classes = [Anyone]

    @extend_schema(request=None, responses={204: None})
    def post(self, request: Request) -> Response:
        logout(request._request)
        return Response(status=status.HTTP_204_NO_CONTENT)


class TokenApi(APIView):
    """Return the caller's API token (created on first use) for non-browser clients."""

    authentication_classes = []
    permission_classes = [Anyone]
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "login"

    @extend_schema(
        request=CredentialsInputSerializer,
        responses=TokenOutputSerializer,
    )
    def post(self, request: Request) -> Response:
        user = _authenticate(request)
        token, _created = Token.objects.get_or_create(user=user)
        return Response(TokenOutputSerializer(token).data)


class MeInputSerializer(serializers.Serializer):
    """What a user may change about themselves here; a partial body changes only what it names."""

    language = serializers.ChoiceField(
        choices=[("", "-"), ("da", "Dansk"), ("en", "English")], required=False
    )


class MeApi(APIView):
    """The logged-in user: who they are, their role, organisation and language."""

    permission_classes = [IsAuthenticatedUser]

    @extend_schema(responses=MeSerializer)
    def get(self, request: Request) -> Response:
        return Response(MeSerializer(request_user(request)).data)

    @extend_schema(request=MeInputSerializer, responses=MeSerializer)
    def patch(self, request: Request) -> Response:
        data = MeInputSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        user = me_update(actor=request_user(request), **data.validated_data)
        return Response(MeSerializer(user).data)
