"""The topic taxonomy: every user of the organisation reads it; HR edits and retires topics."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.generics import ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.api.permissions import ReadOrgWriteHR, request_user
from backend.people import cached, selectors
from backend.people.filters import TopicFilter
from backend.people.models import Topic
from backend.people.serializers import TopicSerializer
from backend.people.services import topic_create_as, topic_retire_as, topic_update_as


class TopicCreateInputSerializer(serializers.Serializer):
    """A new topic."""

    slug = serializers.SlugField(max_length=60)
    label_da = serializers.CharField(max_length=200)
    label_en = serializers.CharField(max_length=200)
    description_da = serializers.CharField(required=False, allow_blank=True)
    description_en = serializers.CharField(required=False, allow_blank=True)
    order = serializers.IntegerField(required=False, min_value=0, max_value=32767)


class TopicUpdateInputSerializer(serializers.Serializer):
    """Changes to a topic (its key stays)."""

    label_da = serializers.CharField(max_length=200, required=False)
    label_en = serializers.CharField(max_length=200, required=False)
    description_da = serializers.CharField(required=False, allow_blank=True)
    description_en = serializers.CharField(required=False, allow_blank=True)
    order = serializers.IntegerField(required=False, min_value=0, max_value=32767)
    active = serializers.BooleanField(required=False)


class TopicListApi(ListAPIView[Topic]):
    """The organisation's topics (leaders: active ones); HR adds one with POST."""

    permission_classes = [ReadOrgWriteHR]
    serializer_class = TopicSerializer
    filterset_class = TopicFilter
    ordering_fields = ["order", "slug", "label_da", "label_en"]

    def get_queryset(self) -> QuerySet[Topic]:
        if getattr(self, "swagger_fake_view", False):
            return Topic.objects.none()
        return selectors.topic_list(actor=request_user(self.request))

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """Every user reads the plain list: it comes from the cache (``cached.py``)."""
        if request.query_params:  # filtered, ordered or paged: read as usual
            return super().list(request, *args, **kwargs)
        return Response(
            cached.topic_list_page(
                request_user(request), lambda: dict(super(TopicListApi, self).list(request).data)
            )
        )

    @extend_schema(request=TopicCreateInputSerializer, responses={201: TopicSerializer})
    def post(self, request: Request) -> Response:
        data = TopicCreateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        topic = topic_create_as(actor=request_user(request), **data.validated_data)
        return Response(TopicSerializer(topic).data, status=status.HTTP_201_CREATED)


class TopicDetailApi(APIView):
    """One topic. HR edits it (PATCH) or retires it (DELETE keeps it on existing rows)."""

    permission_classes = [ReadOrgWriteHR]

    @extend_schema(responses=TopicSerializer)
    def get(self, request: Request, topic_id: int) -> Response:
        topic = selectors.topic_detail(actor=request_user(request), topic_id=topic_id)
        return Response(TopicSerializer(topic).data)

    @extend_schema(request=TopicUpdateInputSerializer, responses=TopicSerializer)
    def patch(self, request: Request, topic_id: int) -> Response:
        data = TopicUpdateInputSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        topic = topic_update_as(
            actor=request_user(request), topic_id=topic_id, **data.validated_data
        )
        return Response(TopicSerializer(topic).data)

    @extend_schema(responses={204: None})
    def delete(self, request: Request, topic_id: int) -> Response:
        topic_retire_as(actor=request_user(request), topic_id=topic_id)
        return Response(status=status.HTTP_204_NO_CONTENT)
