"""Match runs: list and start a programme's runs, poll one (HR)."""

from __future__ import annotations

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.generics import ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.api.permissions import IsHR, IsOrgWideHR, WriteRolesMixin, request_user
from backend.mentoring import selectors
from backend.mentoring.models import MatchRun
from backend.mentoring.serializers import MatchRunOutputSerializer
from backend.mentoring.services.runs import match_run_start_as


class MatchRunListStartApi(WriteRolesMixin, ListAPIView[MatchRun]):
    """GET: the programme's runs (HR). POST: start a run (HR for the organisation): 202, or 409."""

    queryset = MatchRun.objects.none()  # the model, for the schema; rows: get_queryset
    permission_classes = [IsHR]
    write_permission_classes = [IsOrgWideHR]
    serializer_class = MatchRunOutputSerializer
    filter_backends = []

    def get_queryset(self) -> QuerySet[MatchRun]:
        return selectors.match_runs_for_hr(
            actor=request_user(self.request), programme_id=self.kwargs["programme_id"]
        )

    @extend_schema(request=None, responses={202: MatchRunOutputSerializer})
    def post(self, request: Request, programme_id: int) -> Response:
        run = match_run_start_as(actor=request_user(request), programme_id=programme_id)
        return Response(MatchRunOutputSerializer(run).data, status=status.HTTP_202_ACCEPTED)


class MatchRunDetailApi(APIView):
    """GET: a run's status, progress and decision log (HR; poll while it runs)."""

    permission_classes = [IsHR]

    @extend_schema(responses=MatchRunOutputSerializer)
    def get(self, request: Request, run_id: int) -> Response:
        run = selectors.match_run_for_hr_or_404(actor=request_user(request), run_id=run_id)
        return Response(MatchRunOutputSerializer(run).data)
