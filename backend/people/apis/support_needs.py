"""Support needs: the leader's own (full CRUD) and HR's purpose-bound list (never the notes)."""

from __future__ import annotations

import builtins
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.generics import ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.api.permissions import IsHR, IsLeaderUser, request_user
from backend.people import selectors
from backend.people.filters import SupportNeedFilter
from backend.people.models import SupportNeed, Topic, User
from backend.people.serializers import (
    SupportNeedDetailSerializer,
    SupportNeedHrSerializer,
    SupportNeedSerializer,
)
from backend.people.services import (
    support_need_delete_as,
    support_need_raise_as,
    support_need_update_as,
)


class SupportNeedCreateInputSerializer(serializers.Serializer):
    """A new support need: an active topic of the leader's organisation, a weight, a note."""

    topic = serializers.PrimaryKeyRelatedField(queryset=Topic.objects.none())
    weight = serializers.ChoiceField(
        choices=SupportNeed.Weight.choices, default=SupportNeed.Weight.SOME
    )
    note = serializers.CharField(required=False, allow_blank=True, max_length=4000)

    def __init__(self, *args: Any, user: User | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if user is None:  # the schema generator instantiates without a user
            return
        self.fields["topic"].queryset = selectors.topic_choosable(actor=user)  # type: ignore[attr-defined]


class SupportNeedUpdateInputSerializer(serializers.Serializer):
    """Changes to the leader's own support need."""

    weight = serializers.ChoiceField(choices=SupportNeed.Weight.choices, required=False)
    note = serializers.CharField(required=False, allow_blank=True, max_length=4000)
    status = serializers.ChoiceField(choices=SupportNeed.Status.choices, required=False)
    shared_with_mentor = serializers.BooleanField(
        required=False,
        help_text="Show (or stop showing) the topic and weight to your mentor; never the note.",
    )


class MySupportNeedListApi(ListAPIView[SupportNeed]):
    """The caller's own support needs (notes only in the detail); POST states a new one."""

    permission_classes = [IsLeaderUser]
    serializer_class = SupportNeedSerializer
    filterset_class = SupportNeedFilter
    ordering_fields = ["weight", "created_at", "updated_at"]

    def get_queryset(self) -> QuerySet[SupportNeed]:
        if getattr(self, "swagger_fake_view", False):
            return SupportNeed.objects.none()
        return selectors.support_need_list_own(actor=request_user(self.request))

    @extend_schema(
        request=SupportNeedCreateInputSerializer, responses={201: SupportNeedDetailSerializer}
    )
    def post(self, request: Request) -> Response:
        user = request_user(request)
        data = SupportNeedCreateInputSerializer(data=request.data, user=user)
        data.is_valid(raise_exception=True)
        need = support_need_raise_as(actor=user, **data.validated_data)
        return Response(SupportNeedDetailSerializer(need).data, status=status.HTTP_201_CREATED)


class MySupportNeedDetailApi(APIView):
    """One of the caller's own support needs, with its private note."""

    permission_classes = [IsLeaderUser]

    @extend_schema(responses=SupportNeedDetailSerializer)
    def get(self, request: Request, need_id: int) -> Response:
        need = selectors.support_need_own_or_404(actor=request_user(request), need_id=need_id)
        return Response(SupportNeedDetailSerializer(need).data)

    @extend_schema(request=SupportNeedUpdateInputSerializer, responses=SupportNeedDetailSerializer)
    def patch(self, request: Request, need_id: int) -> Response:
        data = SupportNeedUpdateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        need = support_need_update_as(
            actor=request_user(request), need_id=need_id, **data.validated_data
        )
        return Response(SupportNeedDetailSerializer(need).data)

    @extend_schema(responses={204: None})
    def delete(self, request: Request, need_id: int) -> Response:
        support_need_delete_as(actor=request_user(request), need_id=need_id)
        return Response(status=status.HTTP_204_NO_CONTENT)


class PurposeInputSerializer(serializers.Serializer):
    """Why HR reads support needs; required, and recorded in the access log."""

    purpose = serializers.CharField(min_length=3, max_length=200)


@extend_schema(
    parameters=[
        OpenApiParameter(
            "purpose",
            OpenApiTypes.STR,
            required=True,
            description="Why HR reads these needs (e.g. matching); logged with the read.",
        )
    ]
)
class SupportNeedHrListApi(ListAPIView[SupportNeed]):
    """HR: the support needs of leaders in scope, for a stated ``purpose``. Never the notes."""

    permission_classes = [IsHR]
    serializer_class = SupportNeedHrSerializer
    filterset_class = SupportNeedFilter
    ordering_fields = ["weight", "created_at", "updated_at", "leader__last_name"]

    def get_queryset(self) -> QuerySet[SupportNeed]:
        if getattr(self, "swagger_fake_view", False):
            return SupportNeed.objects.none()
        return selectors.support_need_list_for_hr(actor=request_user(self.request))

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """Refuse a read without a purpose before anything is read."""
        purpose = PurposeInputSerializer(data={"purpose": request.query_params.get("purpose")})
        if not purpose.is_valid():
            raise serializers.ValidationError(
                {"purpose": [_("State why you read these support needs (purpose).")]}
            )
        self.purpose = purpose.validated_data["purpose"]
        return super().list(request, *args, **kwargs)

    # ``builtins.list``: in this class ``list`` is the view's method.
    def paginate_queryset(self, queryset: Any) -> builtins.list[Any] | None:
        """The page's needs, their read logged with the purpose by the selector."""
        page: Any = super().paginate_queryset(queryset)
        rows = list(page) if page is not None else list(queryset)
        selectors.support_needs_record_read(
            actor=request_user(self.request), needs=rows, purpose=self.purpose
        )
        return page
