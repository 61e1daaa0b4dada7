"""Output serializers of the mentoring API: each builds the response it documents.

A mentor sees a minimal mentee profile (name, role, unit, administration, the topics the mentee
chose to share with them), never the notes; scores and decline reasons are for HR only. Where a
serializer has no docstring, that is on purpose: a docstring becomes the component's
description in the API schema, and these components have none.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers

from backend.mentoring.models import (
    Enrolment,
    Flag,
    MatchRun,
    MentorOffer,
    Mentorship,
    Programme,
    Proposal,
    Suggestion,
)
from backend.mentoring.reasons import (  # reason codes rendered at API time
    manual_reason_field,
    proposal_reasons_field,
    run_result_field,
    suggestion_reasons_field,
)
from backend.mentoring.selectors import ProposalSeen
from backend.people.models import Leader


# The networks app has its own, wider ``LeaderBriefSerializer``: name this one apart.
@extend_schema_serializer(component_name="MentoringLeaderBrief")
class LeaderBriefSerializer(serializers.Serializer):
    """A leader as others in the programme see them: name, role, unit, administration."""

    id = serializers.IntegerField()
    name = serializers.CharField(source="full_name")
    role_title = serializers.CharField()
    unit = serializers.CharField(source="unit.name", default=None, allow_null=True)
    administration = serializers.CharField(
        source="unit.department.administration.name", default=None, allow_null=True
    )


# --- programmes, enrolment, offers, runs --------------------------------------------------


class ProgrammeOutputSerializer(serializers.ModelSerializer):
    """A programme as HR sees it."""

    class Meta:
        model = Programme
        fields = [
            "id",
            "name",
            "starts_on",
            "ends_on",
            "policy",
            "mode",
            "default_length_months",
            "meeting_cadence_weeks",
            "proposal_expiry_days",
            "first_meeting_days",
            "enrol_first_leader_job",
            "enrol_promotion",
            "enrol_other_sector",
            "enrol_window_days",
            "created_at",
        ]


class EnrolmentOutputSerializer(serializers.ModelSerializer):
    """An enrolled mentee (HR)."""

    leader = LeaderBriefSerializer()
    manual_reason = manual_reason_field()  # reason codes rendered (backend/mentoring/reasons.py)

    class Meta:
        model = Enrolment
        fields = [
            "id",
            "leader",
            "route",
            "status",
            "manual_reason",
            "second_mentorship_reason",
            "enrolled_at",
            "matched_at",
        ]


# No docstring: the schema component has no description.
class EnrolmentEnsureOutputSerializer(serializers.Serializer):
    enrolled = serializers.IntegerField()
    skipped_active_mentorship = serializers.IntegerField(
        help_text="New leaders left out because they already have an active mentorship."
    )


class OfferOutputSerializer(serializers.ModelSerializer):
    """A mentor's offer."""

    leader = LeaderBriefSerializer()
    programme_name = serializers.CharField(source="programme.name", read_only=True)
    topics: serializers.PrimaryKeyRelatedField[Any] = serializers.PrimaryKeyRelatedField(
        many=True, read_only=True
    )

    class Meta:
        model = MentorOffer
        fields = [
            "id",
            "programme",
            "programme_name",
            "leader",
            "state",
            "capacity",
            "hours_per_month",
            "paused",
            "active_count",
            "topics",
            "availability",
            "override_reason",
            "invited_at",
            "answered_at",
        ]


class MatchRunOutputSerializer(serializers.ModelSerializer):
    """A run and its decision log (HR)."""

    created_by = serializers.CharField(source="created_by.username", default=None, allow_null=True)
    result = run_result_field()  # reason codes rendered (backend/mentoring/reasons.py)

    class Meta:
        model = MatchRun
        fields = [
            "id",
            "programme",
            "status",
            "progress",
            "created_by",
            "created_at",
            "started_at",
            "finished_at",
            "attempts",
            "policy",
            "input_summary",
            "excluded",
            "result",
            "timings",
            "error",
        ]


# --- proposals and suggestions ------------------------------------------------------------


@extend_schema_serializer(component_name="MenteeProfile")
class MenteeProfileSerializer(LeaderBriefSerializer):
    """The minimal mentee profile a mentor sees: no notes, only the topics the mentee shares."""

    topics = serializers.SerializerMethodField()

    def get_topics(self, leader: Leader) -> list[str]:
        # Only what the mentee shares with their mentor; a proposal puts in what its reader may
        # see (``selectors.ProposalSeen.needs``: HR all open needs, the mentor the shared ones).
        needs = getattr(leader, "open_needs", None)
        if needs is None:
            needs = list(leader.support_needs.filter(status="open").select_related("topic"))
        return [need.topic.label_da for need in needs if need.shared_with_mentor]


_HIDDEN_FROM_MENTEE = {
    Proposal.Status.DECLINED,
    Proposal.Status.EXPIRED,
    Proposal.Status.REJECTED,
    Proposal.Status.SWAPPED,
    Proposal.Status.WITHDRAWN,
}
_FOR_HR_ONLY = ("score", "components", "override_reason", "decline_reason", "run")


class ProposalOutputSerializer(serializers.ModelSerializer):
    """A proposal; what is shown depends on who asks (``context['view']``: hr|mentee|mentor)."""

    mentee = MenteeProfileSerializer(source="enrolment.leader")
    mentor = LeaderBriefSerializer(source="offer.leader")
    reasons = proposal_reasons_field()  # reason codes rendered (backend/mentoring/reasons.py)
    reasons_da = proposal_reasons_field(lang="da")

    class Meta:
        model = Proposal
        fields = [
            "id",
            "programme",
            "run",
            "origin",
            "status",
            "score",
            "components",
            "reasons",
            "reasons_da",
            "override_reason",
            "decline_reason",
            "mentee",
            "mentor",
            "mentee_accepted_at",
            "mentor_accepted_at",
            "offered_at",
            "expires_at",
            "first_meeting_at",
            "created_at",
        ]

    def to_representation(self, instance: ProposalSeen) -> dict[str, Any]:
        """The proposal as ``instance.reader`` (``selectors.ProposalSeen``) may see it."""
        data = super().to_representation(instance.proposal)
        view = instance.reader
        data["mentee"]["topics"] = [need.topic.label_da for need in instance.needs]
        reasons = (instance.proposal, list(instance.reasons))
        data["reasons"] = self.fields["reasons"].to_representation(reasons)
        data["reasons_da"] = self.fields["reasons_da"].to_representation(reasons)
        if view != "hr":
            for key in _FOR_HR_ONLY:
                data.pop(key, None)
        if view == "mentee":
            data.pop("mentee", None)
            if instance.proposal.status in _HIDDEN_FROM_MENTEE:
                data["status"] = "replaced"  # no stigma: who said no is not the mentee's news
        if view == "mentor":
            data["mentee"].pop("id", None)
        return data


# What ``ProposalOutputSerializer`` gives the mentee or the mentor, for the schema: it drops the
# HR fields, drops ``mentee`` for the mentee and the mentee's ``id`` for the mentor, and shows a
# mentee every proposal that went away as "replaced". The classes marked "schema only" describe
# those per-reader shapes; ``ProposalOutputSerializer`` builds them.
PROPOSAL_STATUS_FOR_LEADER = [*Proposal.Status.choices, ("replaced", "Replaced")]


@extend_schema_serializer(component_name="MenteeProfileForLeader")
class _MenteeProfileForLeaderSchema(MenteeProfileSerializer):
    """Schema only: the mentee profile without its ``id`` (the mentor's view)."""

    id = serializers.IntegerField(required=False)


@extend_schema_serializer(component_name="ProposalForLeader")
class ProposalForLeaderSerializer(ProposalOutputSerializer):
    """Schema only: a proposal as its mentee or mentor sees it."""

    mentee = _MenteeProfileForLeaderSchema(source="enrolment.leader", required=False)
    status = serializers.ChoiceField(choices=PROPOSAL_STATUS_FOR_LEADER)

    class Meta(ProposalOutputSerializer.Meta):
        fields = [f for f in ProposalOutputSerializer.Meta.fields if f not in _FOR_HR_ONLY]


@extend_schema_serializer(component_name="ProposalAccepted")
class ProposalAcceptedSerializer(ProposalForLeaderSerializer):
    """The accepted proposal as its reader sees it, and the mentorship once both have accepted."""

    mentorship = serializers.IntegerField(allow_null=True)

    class Meta(ProposalForLeaderSerializer.Meta):
        fields = [*ProposalForLeaderSerializer.Meta.fields, "mentorship"]

    def to_representation(self, instance: Any) -> dict[str, Any]:
        """The proposal as its reader sees it, and the mentorship (``ProposalAccepted``)."""
        data = ProposalOutputSerializer(instance.seen).data
        return {**data, "mentorship": instance.mentorship}


@extend_schema_serializer(component_name="ProposalForAnyone")
class _ProposalForAnyoneSchema(ProposalOutputSerializer):
    """Schema only: one proposal as HR (every field) or its mentee or mentor sees it."""

    mentee = _MenteeProfileForLeaderSchema(source="enrolment.leader", required=False)
    status = serializers.ChoiceField(choices=PROPOSAL_STATUS_FOR_LEADER)


PROPOSAL_DESCRIPTION = (
    "HR gets every field. The mentee and the mentor get the `ProposalForLeader` shape "
    "(no score, components, run or reasons for HR)."
)


# No docstring: the schema component has no description.
class MyProposalListSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    results = ProposalForLeaderSerializer(many=True)


# No docstring: the schema component has no description.
class ProposalDeclinedSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=["declined"])


class SuggestionOutputSerializer(serializers.ModelSerializer):
    """A suggested mentor for the mentee to choose."""

    mentor = LeaderBriefSerializer(source="offer.leader")
    reasons = suggestion_reasons_field()  # reason codes rendered (backend/mentoring/reasons.py)
    reasons_da = suggestion_reasons_field(lang="da")
    full = serializers.SerializerMethodField()

    class Meta:
        model = Suggestion
        fields = ["id", "enrolment", "rank", "mentor", "reasons", "reasons_da", "full"]

    def get_full(self, suggestion: Suggestion) -> bool:
        offer = suggestion.offer
        return offer.paused or offer.active_count >= offer.capacity


# --- mentorships and check-ins ------------------------------------------------------------


class MentorshipOutputSerializer(serializers.ModelSerializer):
    """A pair (its members and HR in scope)."""

    mentee = LeaderBriefSerializer()
    mentor = LeaderBriefSerializer()

    class Meta:
        model = Mentorship
        fields = [
            "id",
            "programme",
            "proposal",
            "status",
            "mentee",
            "mentor",
            "started_on",
            "planned_end_on",
            "first_meeting_due",
            "first_meeting_at",
            "first_met_on",
            "last_met_on",
            "ended_on",
            "end_reason",
        ]


# No docstring: the schema component has no description. A ``selectors.CheckInSeen``.
class CheckInSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    author = serializers.CharField(help_text="The writer's full name.")
    mine = serializers.BooleanField()
    met_on = serializers.DateField()
    minutes = serializers.IntegerField()
    note_shared = serializers.BooleanField()
    note = serializers.CharField(
        allow_null=True, help_text="Only to its writer, or to the pair when shared."
    )


# No docstring: the schema component has no description. A ``selectors.Listing``.
class CheckInListSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    results = CheckInSerializer(many=True)


# No docstring: the schema component has no description.
class CheckInCreatedSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    met_on = serializers.DateField()
    minutes = serializers.IntegerField()


# --- HR follow-up -------------------------------------------------------------------------


@extend_schema_serializer(component_name="AnalyticsCell")
class AnalyticsCellSerializer(serializers.Serializer):
    """A figure: ``null`` and ``suppressed`` when it rests on under five people."""

    value = serializers.FloatField(allow_null=True)
    suppressed = serializers.BooleanField()


# No docstring: the schema component has no description. ``analytics.programme_analytics``.
class AnalyticsFiguresSerializer(serializers.Serializer):
    enrolled = AnalyticsCellSerializer()
    matched_pct = AnalyticsCellSerializer()
    days_to_match = AnalyticsCellSerializer()
    days_to_first_meeting = AnalyticsCellSerializer()
    active = AnalyticsCellSerializer()
    ended_early = AnalyticsCellSerializer()
    needs_covered_pct = AnalyticsCellSerializer()


# No docstring: the schema component has no description. The figures of one administration.
class AdministrationAnalyticsFiguresSerializer(serializers.Serializer):
    administration = serializers.CharField()
    enrolled = AnalyticsCellSerializer()
    matched_pct = AnalyticsCellSerializer()
    days_to_match = AnalyticsCellSerializer()
    days_to_first_meeting = AnalyticsCellSerializer()
    active = AnalyticsCellSerializer()
    ended_early = AnalyticsCellSerializer()
    needs_covered_pct = AnalyticsCellSerializer()


# No docstring: the schema component has no description.
class ProgrammeAnalyticsSerializer(serializers.Serializer):
    programme = serializers.IntegerField()
    total = AnalyticsFiguresSerializer()
    administrations = AdministrationAnalyticsFiguresSerializer(many=True)


class FlagOutputSerializer(serializers.ModelSerializer):
    """A pair HR should look at."""

    mentee = LeaderBriefSerializer(source="mentorship.mentee")
    mentor = LeaderBriefSerializer(source="mentorship.mentor")
    suggested_mentor = LeaderBriefSerializer(allow_null=True)

    class Meta:
        model = Flag
        fields = [
            "id",
            "mentorship",
            "kind",
            "reason",
            "mentee",
            "mentor",
            "suggested_mentor",
            "created_at",
        ]


# No docstring: the schema component has no description.
class FlagResolvedSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    resolved_at = serializers.DateTimeField()


# No docstring: the schema component has no description.
class RecheckOutputSerializer(serializers.Serializer):
    flagged = serializers.IntegerField()
