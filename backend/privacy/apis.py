"""The leader's view of who looked at their private data."""

from typing import Any, cast

from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.permissions import IsAuthenticated

from backend.people.models import User
from backend.privacy.models import AccessLogEntry
from backend.privacy.selectors import access_log_for_self


class AccessLogOutputSerializer(serializers.ModelSerializer[AccessLogEntry]):
    class Meta:
        model = AccessLogEntry
        fields = ["id", "actor_name", "what", "purpose", "channel", "at"]


class AccessLogOwnListApi(ListAPIView[AccessLogEntry]):
    """List who has read the caller's private data (support needs), when and why."""

    permission_classes = [IsAuthenticated]
    serializer_class = AccessLogOutputSerializer
    filterset_fields = ["what", "channel"]
    ordering_fields = ["at"]

    def get_queryset(self) -> Any:
        return access_log_for_self(user=cast(User, self.request.user))
