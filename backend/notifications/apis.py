"""The user's own notifications."""

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.api.permissions import IsAuthenticatedUser, request_user
from backend.api.serializers import FastReadMixin
from backend.notifications.models import Notification
from backend.notifications.selectors import notification_list
from backend.notifications.services import notification_mark_read


class NotificationOutputSerializer(FastReadMixin, serializers.ModelSerializer[Notification]):
    """A notification as the user's inbox shows it."""

    class Meta:
        model = Notification
        fields = ["id", "kind", "subject", "body", "url", "created_at", "read_at"]


class NotificationListApi(ListAPIView[Notification]):
    """List the caller's notifications, newest first."""

    permission_classes = [IsAuthenticatedUser]
    serializer_class = NotificationOutputSerializer
    filterset_fields = ["kind"]
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
