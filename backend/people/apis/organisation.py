"""The organisation tree (organisations, administrations, departments, units) and the staff
directory: readable by everyone in the organisation, scoped HR sees its own administrations.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.api.pagination import KeysFirstPagination
from backend.api.permissions import IsOrganisationMember, request_user
from backend.people import selectors
from backend.people.filters import (
    AdministrationFilter,
    DepartmentFilter,
    StaffContactFilter,
    UnitFilter,
)
from backend.people.models import (
    Administration,
    Department,
    Organisation,
    StaffContact,
    StaffFunction,
    Unit,
    User,
)
from backend.people.serializers import (
    AdministrationSerializer,
    DepartmentSerializer,
    OrganisationSerializer,
    StaffContactBriefSerializer,
    StaffContactSerializer,
    StaffFunctionSerializer,
    UnitDetailSerializer,
    UnitSerializer,
)


class _ScopedList(ListAPIView[Any]):
    """A list of rows the selector ``select`` scopes to the caller."""

    permission_classes = [IsOrganisationMember]
    model: type[Any]

    def select(self, user: User) -> QuerySet[Any]:
        raise NotImplementedError

    def get_queryset(self) -> QuerySet[Any]:
        if getattr(self, "swagger_fake_view", False):
            return self.model.objects.none()
        return self.select(request_user(self.request))


class OrganisationListApi(_ScopedList):
    """The caller's own organisation (a list of one, for API consistency)."""

    model = Organisation
    serializer_class = OrganisationSerializer
    ordering_fields = ["name"]

    def select(self, user: User) -> QuerySet[Any]:
        return selectors.organisation_list(actor=user)


class OrganisationDetailApi(APIView):
    """One organisation: the caller's own; any other is not found."""

    permission_classes = [IsOrganisationMember]

    @extend_schema(responses=OrganisationSerializer)
    def get(self, request: Request, organisation_id: int) -> Response:
        organisation = selectors.organisation_detail(
            actor=request_user(request), organisation_id=organisation_id
        )
        return Response(OrganisationSerializer(organisation).data)


class AdministrationListApi(_ScopedList):
    """The administrations of the caller's organisation."""

    model = Administration
    serializer_class = AdministrationSerializer
    filterset_class = AdministrationFilter
    ordering_fields = ["name", "code"]

    def select(self, user: User) -> QuerySet[Any]:
        return selectors.administration_list(actor=user)


class AdministrationDetailApi(APIView):
    """One administration in the caller's sight."""

    permission_classes = [IsOrganisationMember]

    @extend_schema(responses=AdministrationSerializer)
    def get(self, request: Request, administration_id: int) -> Response:
        row = selectors.administration_detail(
            actor=request_user(request), administration_id=administration_id
        )
        return Response(AdministrationSerializer(row).data)


class DepartmentListApi(_ScopedList):
    """The departments of the caller's organisation."""

    model = Department
    serializer_class = DepartmentSerializer
    filterset_class = DepartmentFilter
    ordering_fields = ["name"]

    def select(self, user: User) -> QuerySet[Any]:
        return selectors.department_list(actor=user)


class DepartmentDetailApi(APIView):
    """One department in the caller's sight."""

    permission_classes = [IsOrganisationMember]

    @extend_schema(responses=DepartmentSerializer)
    def get(self, request: Request, department_id: int) -> Response:
        row = selectors.department_detail(actor=request_user(request), department_id=department_id)
        return Response(DepartmentSerializer(row).data)


class UnitListApi(_ScopedList):
    """The units of the caller's organisation."""

    model = Unit
    serializer_class = UnitSerializer
    filterset_class = UnitFilter
    pagination_class = KeysFirstPagination
    ordering_fields = ["name", "code", "staff_count", "sites"]

    def select(self, user: User) -> QuerySet[Any]:
        return selectors.unit_list(actor=user)


class UnitDetailApi(APIView):
    """One unit, with the staff consultants linked to it directly."""

    permission_classes = [IsOrganisationMember]

    @extend_schema(responses=UnitDetailSerializer)
    def get(self, request: Request, unit_id: int) -> Response:
        unit = selectors.unit_detail(actor=request_user(request), unit_id=unit_id)
        return Response(UnitDetailSerializer(unit).data)


class StaffDirectoryEntrySerializer(serializers.Serializer):
    """Who serves a unit in one staff function, and whether through the unit or its
    administration."""

    staff_function = StaffFunctionSerializer()
    contact = StaffContactBriefSerializer()
    level = serializers.ChoiceField(choices=["unit", "administration"])


class UnitStaffContactListApi(APIView):
    """The staff directory for a unit: the "help troops" who serve it, per staff function.

    Readable by the unit's own leader and by HR in scope; anyone else gets 404.
    """

    permission_classes = [IsOrganisationMember]

    @extend_schema(responses=StaffDirectoryEntrySerializer(many=True))
    def get(self, request: Request, unit_id: int) -> Response:
        entries = selectors.unit_staff_directory(actor=request_user(request), unit_id=unit_id)
        return Response(StaffDirectoryEntrySerializer(entries, many=True).data)


class StaffFunctionListApi(_ScopedList):
    """The central staff functions of the caller's organisation."""

    model = StaffFunction
    serializer_class = StaffFunctionSerializer
    filterset_fields = ["kind"]
    ordering_fields = ["kind", "name"]

    def select(self, user: User) -> QuerySet[Any]:
        return selectors.staff_function_list(actor=user)


class StaffContactListApi(_ScopedList):
    """The staff consultants of the caller's organisation and what they serve."""

    model = StaffContact
    serializer_class = StaffContactSerializer
    filterset_class = StaffContactFilter
    ordering_fields = ["name", "staff_function__kind"]

    def select(self, user: User) -> QuerySet[Any]:
        return selectors.staff_contact_list(actor=user)


class StaffContactDetailApi(APIView):
    """One staff consultant."""

    permission_classes = [IsOrganisationMember]

    @extend_schema(responses=StaffContactSerializer)
    def get(self, request: Request, contact_id: int) -> Response:
        row = selectors.staff_contact_detail(actor=request_user(request), contact_id=contact_id)
        return Response(StaffContactSerializer(row).data)
