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

from backend.api.permissions import ReadOrgWriteHR
from backend.people import access, cached, selectors
from backend.people.filters import TopicFilter
from backend.people.models import Topic, User
from backend.people.serializers import TopicSerializer
from backend.people.services import topic_create, topic_retire, topic_update


def _user(request: Request) -> User:
    return request.user  # type: ignore[return-value]


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
        return selectors.topic_list(user=_user(self.request))

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """Every user reads the plain list: it comes from the cache (``cached.py``)."""
        if request.query_params:  # filtered, ordered or paged: read as usual
            return super().list(request, *args, **kwargs)
        return Response(
            cached.topic_list_page(
                _user(request), lambda: dict(super(TopicListApi, self).list(request).data)
            )
        )

    @extend_schema(request=TopicCreateInputSerializer, responses={201: TopicSerializer})
    def post(self, request: Request) -> Response:
        data = TopicCreateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        organisation = access.organisations_visible_to(_user(request)).get()
        topic = topic_create(organisation=organisation, **data.validated_data)
        return Response(TopicSerializer(topic).data, status=status.HTTP_201_CREATED)


class TopicDetailApi(APIView):
    """One topic. HR edits it (PATCH) or retires it (DELETE keeps it on existing rows)."""

    permission_classes = [ReadOrgWriteHR]

    def _topic(self, request: Request, topic_id: int) -> Topic:
        return selectors.topic_list(user=_user(request)).get(id=topic_id)

    @extend_schema(responses=TopicSerializer)
    def get(self, request: Request, topic_id: int) -> Response:
        return Response(TopicSerializer(self._topic(request, topic_id)).data)

    @extend_schema(request=TopicUpdateInputSerializer, responses=TopicSerializer)
    def patch(self, request: Request, topic_id: int) -> Response:
        topic = self._topic(request, topic_id)
        data = TopicUpdateInputSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        return Response(TopicSerializer(topic_update(topic=topic, **data.validated_data)).data)

    @extend_schema(responses={204: None})
    def delete(self, request: Request, topic_id: int) -> Response:
        topic_retire(topic=self._topic(request, topic_id))
        return Response(status=status.HTTP_204_NO_CONTENT)
