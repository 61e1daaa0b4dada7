"""The HR import endpoint: upload a file, get a preview (dry run) or an all-or-nothing import."""

from __future__ import annotations

from django.utils import translation
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_serializer
from rest_framework import serializers, status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.api.permissions import IsHR, request_user
from backend.people.imports.services import leaders_import_as


@extend_schema_serializer(component_name="LeaderImportError")
class LeaderImportErrorSerializer(serializers.Serializer):
    """One error: where (row as the spreadsheet shows it, header = 1; column header) and what."""

    row = serializers.IntegerField(allow_null=True, help_text="Row in the file; header = 1.")
    column = serializers.CharField(allow_null=True)
    message = serializers.CharField()


@extend_schema_serializer(component_name="LeaderImportAction")
class LeaderImportActionSerializer(serializers.Serializer):
    """What the import does (or would do) with one row."""

    row = serializers.IntegerField()
    employee_number = serializers.CharField()
    action = serializers.ChoiceField(choices=["create", "update", "unchanged"])
    changed = serializers.ListField(child=serializers.CharField())


@extend_schema_serializer(component_name="LeaderImportResult")
class LeaderImportResultSerializer(serializers.Serializer):
    """The outcome of an import or a dry run (the schema of ``ImportResult.as_dict``)."""

    filename = serializers.CharField()
    dry_run = serializers.BooleanField()
    ok = serializers.BooleanField()
    format = serializers.CharField()
    encoding = serializers.CharField()
    delimiter = serializers.CharField()
    rows = serializers.IntegerField()
    leaders_created = serializers.IntegerField()
    leaders_updated = serializers.IntegerField()
    leaders_unchanged = serializers.IntegerField()
    leaders_deactivated = serializers.IntegerField()
    units_created = serializers.IntegerField()
    units_updated = serializers.IntegerField()
    units_unchanged = serializers.IntegerField()
    administrations_created = serializers.IntegerField()
    departments_created = serializers.IntegerField()
    errors_total = serializers.IntegerField()
    seconds = serializers.FloatField()
    errors = serializers.ListField(  # type: ignore[assignment]
        child=LeaderImportErrorSerializer(), source="errors_listed"
    )
    actions = serializers.ListField(child=LeaderImportActionSerializer(), required=False)


@extend_schema_serializer(component_name="LeaderImportRefused")
class LeaderImportRefusedSerializer(serializers.Serializer):
    """A refused import: ``ok`` false and the errors. A file that was read also carries every
    field of ``LeaderImportResult``; a request without a usable file carries the field errors."""

    ok = serializers.BooleanField()
    errors = serializers.ListField(  # type: ignore[assignment]
        child=LeaderImportErrorSerializer()
    )


class LeaderImportApi(APIView):
    """Import leaders and units from the HR system's CSV or XLSX export.

    ``dry_run`` (default false) only previews: what would be created, updated or left
    unchanged, and every error. Without it the file is imported all-or-nothing: any error
    and nothing is written. Always into the caller's own organisation; HR scoped to some
    administrations may only import rows within them. See docs/import.md for the columns.
    """

    permission_classes = [IsHR]
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema_serializer(component_name="LeaderImportInput")
    class InputSerializer(serializers.Serializer):
        file = serializers.FileField(allow_empty_file=True)
        dry_run = serializers.BooleanField(default=False)
        deactivate_missing = serializers.BooleanField(default=False)

    @extend_schema(
        request={"multipart/form-data": InputSerializer},
        responses={
            200: LeaderImportResultSerializer,
            400: OpenApiResponse(
                LeaderImportRefusedSerializer,
                description="Errors per row and column; nothing written.",
            ),
        },
    )
    def post(self, request: Request) -> Response:
        serializer = self.InputSerializer(data=request.data)
        if not serializer.is_valid():
            errors = [
                {"row": None, "column": field, "message": str(message)}
                for field, messages in serializer.errors.items()
                for message in messages
            ]
            return Response(
                {"ok": False, "errors": errors, **serializer.errors},
                status=status.HTTP_400_BAD_REQUEST,
            )
        user = request_user(request)
        upload = serializer.validated_data["file"]
        # Messages in the user's chosen language, else the request's (Accept-Language).
        with translation.override(user.language or translation.get_language()):
            result = leaders_import_as(
                actor=user,
                file=upload,
                filename=upload.name or "",
                dry_run=serializer.validated_data["dry_run"],
                deactivate_missing=serializer.validated_data["deactivate_missing"],
            )
        return Response(
            LeaderImportResultSerializer(result).data,
            status=status.HTTP_200_OK if result.ok else status.HTTP_400_BAD_REQUEST,
        )
