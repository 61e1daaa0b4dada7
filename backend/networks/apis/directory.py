"""The shared peer directory across organisations, and HR's setting for it."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema, extend_schema_serializer
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.api.permissions import (
    IsHR,
    IsLeaderUser,
    IsOrgWideHR,
    WriteRolesMixin,
    request_user,
)
from backend.networks.selectors.directory import DirectoryQuery, directory_list
from backend.networks.serializers import ReasonSerializer
from backend.networks.services.directory import (
    directory_setting,
    organisation_directory_set_as,
)
from backend.people.models import ServiceType
from backend.people.visibility import DIRECTORY


class LabelSerializer(serializers.Serializer[Any]):
    da = serializers.CharField()
    en = serializers.CharField()


@extend_schema_serializer(component_name="DirectoryCard")
class DirectoryCardSerializer(serializers.Serializer[Any]):
    """A leader of another organisation: exactly the card ``visibility.DIRECTORY`` names, the
    id to ask for an introduction with, and why they were found."""

    id = serializers.IntegerField()
    name = serializers.CharField()
    role_title = serializers.CharField()
    service_type = serializers.ChoiceField(choices=ServiceType.choices)
    municipality = serializers.CharField()
    ask_me_about = LabelSerializer(many=True)
    score = serializers.FloatField()
    reasons = ReasonSerializer(many=True)


CARD_EXTRAS = {"id", "score", "reasons"}
assert set(DirectoryCardSerializer().fields) - CARD_EXTRAS == set(DIRECTORY.card)


class MunicipalitySerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    name = serializers.CharField()


@extend_schema_serializer(component_name="Directory")
class DirectoryOutputSerializer(serializers.Serializer[Any]):
    """The asker's standing (cards only when both are true) and the ranked cards."""

    organisation_opted_in = serializers.BooleanField()
    leader_opted_in = serializers.BooleanField()
    municipalities = MunicipalitySerializer(many=True)
    count = serializers.SerializerMethodField()
    results = DirectoryCardSerializer(many=True)

    def get_count(self, obj: Any) -> int:
        return len(obj.results)


class DirectoryApi(APIView):
    """Peers in other municipalities for the calling leader (the shared peer directory)."""

    permission_classes = [IsLeaderUser]

    class FilterSerializer(serializers.Serializer[Any]):
        service_type = serializers.ChoiceField(choices=ServiceType.choices, required=False)
        municipality = serializers.IntegerField(required=False)
        limit = serializers.IntegerField(required=False, min_value=1, max_value=100, default=20)

    @extend_schema(parameters=[FilterSerializer], responses=DirectoryOutputSerializer)
    def get(self, request: Request) -> Response:
        params = self.FilterSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        data = params.validated_data
        query = DirectoryQuery(
            service_type=data.get("service_type"),
            municipality_id=data.get("municipality"),
            limit=data["limit"],
        )
        found = directory_list(actor=request_user(request), query=query)
        return Response(DirectoryOutputSerializer(found).data)


@extend_schema_serializer(component_name="DirectorySetting")
class DirectorySettingOutputSerializer(serializers.Serializer[Any]):
    enabled = serializers.BooleanField()
    leaders_opted_in = serializers.IntegerField()
    other_organisations = serializers.IntegerField()


class DirectorySettingApi(WriteRolesMixin, APIView):
    """Whether the organisation is in the shared peer directory: any HR reads it, HR for the
    whole organisation turns it on or off."""

    permission_classes = [IsHR]
    write_permission_classes = [IsOrgWideHR]

    @extend_schema_serializer(component_name="DirectorySettingInput")
    class InputSerializer(serializers.Serializer[Any]):
        enabled = serializers.BooleanField()

    @extend_schema(responses=DirectorySettingOutputSerializer)
    def get(self, request: Request) -> Response:
        found = directory_setting(actor=request_user(request))
        return Response(DirectorySettingOutputSerializer(found).data)

    @extend_schema(request=InputSerializer, responses=DirectorySettingOutputSerializer)
    def put(self, request: Request) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        found = organisation_directory_set_as(
            actor=request_user(request), enabled=data.validated_data["enabled"]
        )
        return Response(DirectorySettingOutputSerializer(found).data)
