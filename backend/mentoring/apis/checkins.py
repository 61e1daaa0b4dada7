"""Check-ins: a pair's logged meetings (notes per the writer's choice)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, extend_schema_serializer
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.api.permissions import IsAuthenticatedUser, IsLeaderUser, WriteRolesMixin, request_user
from backend.mentoring import selectors
from backend.mentoring.serializers import CheckInCreatedSerializer, CheckInListSerializer
from backend.mentoring.services.checkins import check_in_log_as


class CheckInListCreateApi(WriteRolesMixin, APIView):
    """GET: the pair's check-ins (notes per the writer's choice). POST: log one (the pair)."""

    permission_classes = [IsAuthenticatedUser]
    write_permission_classes = [IsLeaderUser]

    @extend_schema_serializer(component_name="CheckInInput")
    class InputSerializer(serializers.Serializer):
        """A meeting."""

        met_on = serializers.DateField()
        minutes = serializers.IntegerField(min_value=1, max_value=1440)
        note = serializers.CharField(max_length=4000, required=False, allow_blank=True)
        note_shared = serializers.BooleanField(required=False, default=False)

    @extend_schema(responses=CheckInListSerializer)
    def get(self, request: Request, mentorship_id: int) -> Response:
        check_ins = selectors.check_ins_visible_to(
            actor=request_user(request), mentorship_id=mentorship_id
        )
        return Response(CheckInListSerializer(check_ins).data)

    @extend_schema(request=InputSerializer, responses={201: CheckInCreatedSerializer})
    def post(self, request: Request, mentorship_id: int) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        check_in = check_in_log_as(
            actor=request_user(request), mentorship_id=mentorship_id, **data.validated_data
        )
        return Response(CheckInCreatedSerializer(check_in).data, status=status.HTTP_201_CREATED)
