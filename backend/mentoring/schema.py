"""OpenAPI enum names for the mentoring app's choice sets (drf-spectacular ENUM_NAME_OVERRIDES).

Enrolments, match runs, proposals and mentorships each have a ``status`` with its own choices;
without explicit names the generator invents hashed ones (``Status590Enum``) and warns. Merge
this into ``SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"]``. Values are import paths, resolved
when the schema is generated, so importing this module from settings loads no models.
"""

ENUM_NAME_OVERRIDES: dict[str, str | list[tuple[str, str]]] = {
    "ProgrammeModeEnum": "backend.mentoring.models.Programme.Mode",
    "EntryRouteEnum": "backend.mentoring.models.EntryRoute",
    "EnrolmentStatusEnum": "backend.mentoring.models.Enrolment.Status",
    "MatchRunStatusEnum": "backend.mentoring.models.MatchRun.Status",
    "ProposalStatusEnum": "backend.mentoring.models.Proposal.Status",
    # What a mentee or mentor sees: a proposal that went away reads "replaced".
    "ProposalStatusForLeaderEnum": "backend.mentoring.serializers.PROPOSAL_STATUS_FOR_LEADER",
    "ProposalOriginEnum": "backend.mentoring.models.Proposal.Origin",
    "MentorshipStatusEnum": "backend.mentoring.models.Mentorship.Status",
    "FlagKindEnum": "backend.mentoring.models.Flag.Kind",
    "MentorOfferStateEnum": "backend.mentoring.models.MentorOffer.State",
}
