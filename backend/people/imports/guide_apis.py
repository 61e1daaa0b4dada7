"""The import's template (CSV, XLSX) and its column guide, for HR's import screen."""

from __future__ import annotations

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_serializer
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.api.permissions import IsHR
from backend.people.imports.columns import COLUMNS, Column
from backend.people.imports.template import (
    CONTENT_TYPES,
    EXAMPLES,
    template_file,
    template_filename,
)


@extend_schema_serializer(component_name="LeaderImportColumn")
class LeaderImportColumnSerializer(serializers.Serializer):
    """One column of the import file: its key, Danish heading, other headings, and rules."""

    key = serializers.CharField()
    header = serializers.CharField()
    aliases = serializers.ListField(child=serializers.CharField())
    kind = serializers.CharField(help_text="text, yesno, date, service_type, boss, ...")
    required = serializers.BooleanField(  # type: ignore[assignment]
        help_text="The column must be in the file."
    )
    value_required = serializers.BooleanField(help_text="Every row must fill it in.")
    example = serializers.SerializerMethodField()

    def get_example(self, obj: Column) -> str:
        return EXAMPLES.get(obj.key, "")


class LeaderImportColumnListApi(APIView):
    """The import file's columns, in the template's order (the column guide's table)."""

    permission_classes = [IsHR]

    @extend_schema(responses=LeaderImportColumnSerializer(many=True))
    def get(self, request: Request) -> Response:
        return Response(LeaderImportColumnSerializer(list(COLUMNS), many=True).data)


class LeaderImportTemplateApi(APIView):
    """Download the import template: ``csv`` (Excel's Danish CSV) or ``xlsx`` (with a guide
    sheet). Headings only: filling it in and uploading it is the import."""

    permission_classes = [IsHR]
    kind = "csv"  # set per URL: ``as_view(kind="xlsx")``

    @extend_schema(
        responses={
            (200, "text/csv"): OpenApiResponse(OpenApiTypes.BINARY),
            (200, CONTENT_TYPES["xlsx"]): OpenApiResponse(OpenApiTypes.BINARY),
        }
    )
    def get(self, request: Request) -> HttpResponse:
        kind = self.kind
        response = HttpResponse(template_file(kind), content_type=CONTENT_TYPES[kind])
        response["Content-Disposition"] = f'attachment; filename="{template_filename(kind)}"'
        return response
