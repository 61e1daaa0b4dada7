"""The staff directory's editing doors: HR for the whole organisation adds and edits staff
functions and consultants; everyone in the organisation reads them (``organisation.py``)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.api.permissions import (
    IsOrganisationMember,
    IsOrgWideHR,
    WriteRolesMixin,
    request_user,
)
from backend.people import selectors
from backend.people.apis.organisation import (
    StaffContactDetailApi,
    StaffContactListApi,
    StaffFunctionListApi,
)
from backend.people.models import StaffFunctionKind
from backend.people.serializers import StaffContactSerializer, StaffFunctionSerializer
from backend.people.staff_directory import (
    staff_contact_create_as,
    staff_contact_delete_as,
    staff_contact_update_as,
    staff_function_create_as,
    staff_function_delete_as,
    staff_function_update_as,
)


class StaffFunctionInputSerializer(serializers.Serializer):
    """A staff function: its kind (one per organisation), name and what it helps with."""

    kind = serializers.ChoiceField(choices=StaffFunctionKind.choices)
    name = serializers.CharField(max_length=200)
    description = serializers.CharField(required=False, allow_blank=True, max_length=4000)


class StaffFunctionUpdateInputSerializer(serializers.Serializer):
    """Changes to a staff function (its kind stays)."""

    name = serializers.CharField(max_length=200, required=False)
    description = serializers.CharField(required=False, allow_blank=True, max_length=4000)


class StaffContactInputSerializer(serializers.Serializer):
    """A consultant: who, in which function, whom they serve and what they help with."""

    staff_function_id = serializers.IntegerField(min_value=1)
    name = serializers.CharField(max_length=200)
    title = serializers.CharField(max_length=200, required=False, allow_blank=True)
    email = serializers.EmailField(required=False, allow_blank=True)
    phone = serializers.CharField(max_length=40, required=False, allow_blank=True)
    unit_ids = serializers.ListField(
        child=serializers.IntegerField(min_value=1), max_length=2000, required=False
    )
    administration_ids = serializers.ListField(
        child=serializers.IntegerField(min_value=1), max_length=200, required=False
    )
    topic_ids = serializers.ListField(
        child=serializers.IntegerField(min_value=1), max_length=500, required=False
    )


def _contact_fields(data: dict[str, object]) -> dict[str, object]:
    """The service's names for the input: ``unit_ids`` → ``units`` and so on."""
    names = {"unit_ids": "units", "administration_ids": "administrations", "topic_ids": "topics"}
    return {names.get(key, key): value for key, value in data.items()}


class StaffFunctionListCreateApi(WriteRolesMixin, StaffFunctionListApi):
    """The staff functions; HR for the whole organisation adds one with POST."""

    permission_classes = [IsOrganisationMember]
    write_permission_classes = [IsOrgWideHR]

    @extend_schema(request=StaffFunctionInputSerializer, responses={201: StaffFunctionSerializer})
    def post(self, request: Request) -> Response:
        data = StaffFunctionInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        row = staff_function_create_as(actor=request_user(request), **data.validated_data)
        return Response(StaffFunctionSerializer(row).data, status=status.HTTP_201_CREATED)


class StaffFunctionDetailApi(WriteRolesMixin, APIView):
    """One staff function; HR edits it (PATCH) or removes it once it has no consultants."""

    permission_classes = [IsOrganisationMember]
    write_permission_classes = [IsOrgWideHR]

    @extend_schema(responses=StaffFunctionSerializer)
    def get(self, request: Request, function_id: int) -> Response:
        row = selectors.staff_function_list(actor=request_user(request)).get(id=function_id)
        return Response(StaffFunctionSerializer(row).data)

    @extend_schema(request=StaffFunctionUpdateInputSerializer, responses=StaffFunctionSerializer)
    def patch(self, request: Request, function_id: int) -> Response:
        data = StaffFunctionUpdateInputSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        row = staff_function_update_as(
            actor=request_user(request), function_id=function_id, **data.validated_data
        )
        return Response(StaffFunctionSerializer(row).data)

    @extend_schema(responses={204: None})
    def delete(self, request: Request, function_id: int) -> Response:
        staff_function_delete_as(actor=request_user(request), function_id=function_id)
        return Response(status=status.HTTP_204_NO_CONTENT)


class StaffContactListCreateApi(WriteRolesMixin, StaffContactListApi):
    """The staff consultants; HR for the whole organisation adds one with POST."""

    permission_classes = [IsOrganisationMember]
    write_permission_classes = [IsOrgWideHR]

    @extend_schema(request=StaffContactInputSerializer, responses={201: StaffContactSerializer})
    def post(self, request: Request) -> Response:
        data = StaffContactInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        row = staff_contact_create_as(
            actor=request_user(request), **_contact_fields(data.validated_data)
        )
        return Response(StaffContactSerializer(row).data, status=status.HTTP_201_CREATED)


class StaffContactEditApi(WriteRolesMixin, StaffContactDetailApi):
    """One staff consultant; HR edits (PATCH) or removes (DELETE) them."""

    permission_classes = [IsOrganisationMember]
    write_permission_classes = [IsOrgWideHR]

    @extend_schema(
        request=StaffContactInputSerializer(partial=True), responses=StaffContactSerializer
    )
    def patch(self, request: Request, contact_id: int) -> Response:
        data = StaffContactInputSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        row = staff_contact_update_as(
            actor=request_user(request),
            contact_id=contact_id,
            **_contact_fields(data.validated_data),
        )
        return Response(StaffContactSerializer(row).data)

    @extend_schema(responses={204: None})
    def delete(self, request: Request, contact_id: int) -> Response:
        staff_contact_delete_as(actor=request_user(request), contact_id=contact_id)
        return Response(status=status.HTTP_204_NO_CONTENT)
