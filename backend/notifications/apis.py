"""The user's own notifications: the inbox, its unread count, and which go out by e-mail."""

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.api.permissions import IsAuthenticatedUser, request_user
from backend.api.serializers import FastReadMixin
from backend.notifications.filters import NotificationFilter
from backend.notifications.models import Notification
from backend.notifications.selectors import (
    email_preference_for,
    notification_list,
    notification_unread_count,
)
from backend.notifications.services import (
    email_preference_set,
    notification_mark_all_read,
    notification_mark_read,
)


class NotificationOutputSerializer(FastReadMixin, serializers.ModelSerializer[Notification]):
    """A notification as the user's inbox shows it."""

    class Meta:
        model = Notification
        fields = ["id", "kind", "subject", "body", "url", "created_at", "read_at"]


class NotificationListApi(ListAPIView[Notification]):
    """List the caller's notifications, newest first."""

    permission_classes = [IsAuthenticatedUser]
    serializer_class = NotificationOutputSerializer
    filterset_class = NotificationFilter
    ordering_fields = ["created_at"]

    def get_queryset(self) -> Any:
        if getattr(self, "swagger_fake_view", False):  # schema generation: no user
            return Notification.objects.none()
        return notification_list(actor=request_user(self.request))


class NotificationReadApi(APIView):
    """Mark one of the caller's notifications as read."""

    permission_classes = [IsAuthenticatedUser]

    @extend_schema(request=None, responses=NotificationOutputSerializer)
    def post(self, request: Request, notification_id: int) -> Response:
        notification = notification_mark_read(
            actor=request_user(request), notification_id=notification_id
        )
        return Response(NotificationOutputSerializer(notification).data)


class UnreadCountOutputSerializer(serializers.Serializer[Any]):
    unread = serializers.IntegerField()


class NotificationUnreadCountApi(APIView):
    """How many of the caller's notifications are unread (the header shows it)."""

    permission_classes = [IsAuthenticatedUser]

    @extend_schema(responses=UnreadCountOutputSerializer)
    def get(self, request: Request) -> Response:
        count = notification_unread_count(actor=request_user(request))
        return Response(UnreadCountOutputSerializer({"unread": count}).data)


class MarkedOutputSerializer(serializers.Serializer[Any]):
    marked = serializers.IntegerField()


class NotificationReadAllApi(APIView):
    """Mark all of the caller's notifications as read."""

    permission_classes = [IsAuthenticatedUser]

    @extend_schema(request=None, responses=MarkedOutputSerializer)
    def post(self, request: Request) -> Response:
        marked = notification_mark_all_read(actor=request_user(request))
        return Response(MarkedOutputSerializer({"marked": marked}).data)


class EmailPreferenceSerializer(serializers.Serializer[Any]):
    """Per group of notifications: also send it by e-mail (true) or show it in the app only."""

    mentoring = serializers.BooleanField(required=False)
    networks = serializers.BooleanField(required=False)
    onboarding = serializers.BooleanField(required=False)


class EmailPreferenceApi(APIView):
    """Which groups of the caller's notifications also go out by e-mail (all by default)."""

    permission_classes = [IsAuthenticatedUser]

    @extend_schema(responses=EmailPreferenceSerializer)
    def get(self, request: Request) -> Response:
        preference = email_preference_for(actor=request_user(request))
        return Response(EmailPreferenceSerializer(preference).data)

    @extend_schema(request=EmailPreferenceSerializer, responses=EmailPreferenceSerializer)
    def patch(self, request: Request) -> Response:
        data = EmailPreferenceSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        preference = email_preference_set(actor=request_user(request), email=data.validated_data)
        return Response(EmailPreferenceSerializer(preference).data)
