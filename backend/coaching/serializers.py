"""Output serializers of the coaching API: what each reader sees of a coach and a request.

The leader sees their own request in full and the coach's contact once assigned; HR sees the
request (a logged read) with the matcher's proposal; the internal coach sees who the leader is
and how to reach them, never the request's text or topics.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from backend.coaching.models import Coach, CoachRequest
from backend.coaching.reasons import reader_language, render_reasons
from backend.people.models import Leader, Topic


class CoachTopicSerializer(serializers.Serializer):
    """A topic, labelled in the reader's language."""

    id = serializers.IntegerField()
    slug = serializers.CharField()
    name = serializers.SerializerMethodField()

    def get_name(self, topic: Topic) -> str:
        return topic.label_en if reader_language() == "en" else topic.label_da


def _unit(leader: Leader | None) -> str:
    return leader.unit.name if leader is not None and leader.unit is not None else ""


def _administration(leader: Leader | None) -> str:
    unit = leader.unit if leader is not None else None
    return unit.department.administration.name if unit is not None else ""


class CoachContactSerializer(serializers.Serializer):
    """How to reach a coach: name, firm or unit, e-mail and phone."""

    id = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=Coach.Kind.choices)
    name = serializers.CharField(source="display_name")
    firm = serializers.SerializerMethodField()
    email = serializers.SerializerMethodField()
    phone = serializers.SerializerMethodField()

    def get_firm(self, coach: Coach) -> str:
        """An external coach's firm; for an internal coach the unit they lead."""
        return coach.firm if coach.leader is None else _unit(coach.leader)

    def get_email(self, coach: Coach) -> str:
        return coach.leader.email if coach.leader is not None else coach.email

    def get_phone(self, coach: Coach) -> str:
        return coach.leader.phone if coach.leader is not None else coach.phone


class CoachOutputSerializer(CoachContactSerializer):
    """A coach of the pool, as HR keeps it."""

    leader = serializers.IntegerField(source="leader_id", allow_null=True)
    administration = serializers.SerializerMethodField()
    capacity = serializers.IntegerField()
    coaching_now = serializers.SerializerMethodField()
    topics = CoachTopicSerializer(many=True, source="topics.all")
    specialities = serializers.CharField()
    languages = serializers.ListField(child=serializers.CharField())
    status = serializers.ChoiceField(choices=Coach.Status.choices)

    def get_administration(self, coach: Coach) -> str:
        return _administration(coach.leader)

    def get_coaching_now(self, coach: Coach) -> int:
        """Leaders the coach coaches now (assigned requests)."""
        # Counted in the selector's query for lists; one query for a single coach.
        counted = getattr(coach, "coaching_now", None)
        if counted is not None:
            return int(counted)
        return coach.requests.filter(status=CoachRequest.Status.ASSIGNED).count()


class _RequestBase(serializers.Serializer):
    id = serializers.IntegerField()
    status = serializers.ChoiceField(choices=CoachRequest.Status.choices)
    created_at = serializers.DateTimeField()
    assigned_at = serializers.DateTimeField(allow_null=True)
    ended_at = serializers.DateTimeField(allow_null=True)


class MyCoachRequestSerializer(_RequestBase):
    """The leader's own request in full, with the coach's contact once one is assigned."""

    text = serializers.CharField()
    topics = CoachTopicSerializer(many=True, source="topics.all")
    preference = serializers.ChoiceField(choices=CoachRequest.Preference.choices)
    language = serializers.CharField()
    coach = serializers.SerializerMethodField()

    @extend_schema_field(CoachContactSerializer(allow_null=True))
    def get_coach(self, request: CoachRequest) -> dict[str, Any] | None:
        if request.coach is None or request.status not in (
            CoachRequest.Status.ASSIGNED,
            CoachRequest.Status.FINISHED,
        ):
            return None
        return dict(CoachContactSerializer(request.coach).data)


class CoachRequesterSerializer(serializers.Serializer):
    """Who asks: the leader's name, role, unit and administration."""

    id = serializers.IntegerField()
    name = serializers.CharField(source="full_name")
    role_title = serializers.CharField()
    unit = serializers.SerializerMethodField()
    administration = serializers.SerializerMethodField()

    def get_unit(self, leader: Leader) -> str:
        return _unit(leader)

    def get_administration(self, leader: Leader) -> str:
        return _administration(leader)


class CoachOptionSerializer(serializers.Serializer):
    """A coach the rules allow for the request, with the matcher's score and reasons."""

    coach = CoachOutputSerializer()
    score = serializers.FloatField()
    reasons = serializers.ListField(child=serializers.CharField())


class CoachProposalSerializer(serializers.Serializer):
    """The matcher's proposal, the other allowed coaches best first, or why there is none."""

    proposed = CoachOptionSerializer(allow_null=True)
    options = CoachOptionSerializer(many=True)
    unmatched_reason = serializers.CharField(allow_null=True)


class HrCoachRequestSerializer(_RequestBase):
    """A request in HR's queue (a logged read): who, what, and the matcher's proposal."""

    leader = CoachRequesterSerializer()
    text = serializers.CharField()
    topics = CoachTopicSerializer(many=True, source="topics.all")
    preference = serializers.ChoiceField(choices=CoachRequest.Preference.choices)
    language = serializers.CharField()
    coach = CoachContactSerializer(allow_null=True)
    reasons = serializers.SerializerMethodField()
    proposal = serializers.SerializerMethodField()

    def get_reasons(self, request: CoachRequest) -> list[str]:
        """Why the assigned coach fits, in the reader's language."""
        return render_reasons(request.reasons or [], organisation_id=request.organisation_id)

    @extend_schema_field(CoachProposalSerializer(allow_null=True))
    def get_proposal(self, request: CoachRequest) -> dict[str, Any] | None:
        proposal = getattr(request, "proposal", None)
        return None if proposal is None else dict(CoachProposalSerializer(proposal).data)


class CoacheeContactSerializer(CoachRequesterSerializer):
    """A leader's name, role, unit and how to reach them."""

    email = serializers.EmailField()
    phone = serializers.CharField()


class CoacheeSerializer(_RequestBase):
    """For an internal coach: who the leader is and how to reach them (never the request)."""

    leader = CoacheeContactSerializer()
