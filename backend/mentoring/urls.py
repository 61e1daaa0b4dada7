"""URLs of the mentoring app (mounted under /api/)."""

from django.urls import path

from backend.mentoring.apis import checkins, meetings, mentorships, programmes, proposals, runs

urlpatterns = [
    path("programmes/", programmes.ProgrammeListCreateApi.as_view(), name="programme-list"),
    path(
        "programmes/<int:programme_id>/",
        programmes.ProgrammeDetailApi.as_view(),
        name="programme-detail",
    ),
    path(
        "programmes/<int:programme_id>/enrolments/",
        programmes.EnrolmentListCreateApi.as_view(),
        name="programme-enrolments",
    ),
    path(
        "programmes/<int:programme_id>/enrolments/ensure/",
        programmes.EnrolmentEnsureApi.as_view(),
        name="programme-enrolments-ensure",
    ),
    path(
        "enrolments/<int:enrolment_id>/withdraw/",
        programmes.EnrolmentWithdrawApi.as_view(),
        name="enrolment-withdraw",
    ),
    path(
        "programmes/<int:programme_id>/mentor-offers/",
        programmes.OfferListCreateApi.as_view(),
        name="programme-offers",
    ),
    path("mentor-offers/<int:offer_id>/", programmes.OfferUpdateApi.as_view(), name="offer-detail"),
    path(
        "programmes/<int:programme_id>/match-runs/",
        runs.MatchRunListStartApi.as_view(),
        name="programme-runs",
    ),
    path("match-runs/<int:run_id>/", runs.MatchRunDetailApi.as_view(), name="match-run-detail"),
    path(
        "programmes/<int:programme_id>/proposals/",
        proposals.ProposalListCreateApi.as_view(),
        name="programme-proposals",
    ),
    path(
        "programmes/<int:programme_id>/manual-queue/",
        programmes.ManualQueueApi.as_view(),
        name="programme-manual-queue",
    ),
    path(
        "programmes/<int:programme_id>/analytics/",
        programmes.ProgrammeAnalyticsApi.as_view(),
        name="programme-analytics",
    ),
    path("proposals/mine/", proposals.MyProposalListApi.as_view(), name="my-proposals"),
    path(
        "proposals/<int:proposal_id>/",
        proposals.ProposalDetailApi.as_view(),
        name="proposal-detail",
    ),
    path(
        "proposals/<int:proposal_id>/approve/",
        proposals.ProposalApproveApi.as_view(),
        name="proposal-approve",
    ),
    path(
        "proposals/<int:proposal_id>/reject/",
        proposals.ProposalRejectApi.as_view(),
        name="proposal-reject",
    ),
    path(
        "proposals/<int:proposal_id>/swap/",
        proposals.ProposalSwapApi.as_view(),
        name="proposal-swap",
    ),
    path(
        "proposals/<int:proposal_id>/accept/",
        proposals.ProposalAcceptApi.as_view(),
        name="proposal-accept",
    ),
    path(
        "proposals/<int:proposal_id>/decline/",
        proposals.ProposalDeclineApi.as_view(),
        name="proposal-decline",
    ),
    path(
        "proposals/<int:proposal_id>/invitation.ics",
        proposals.ProposalInvitationApi.as_view(),
        name="proposal-invitation",
    ),
    path("suggestions/mine/", proposals.MySuggestionListApi.as_view(), name="my-suggestions"),
    path(
        "suggestions/<int:suggestion_id>/choose/",
        proposals.SuggestionChooseApi.as_view(),
        name="suggestion-choose",
    ),
    path("mentorships/", mentorships.MentorshipListApi.as_view(), name="mentorship-list"),
    path(
        "mentorships/<int:mentorship_id>/",
        mentorships.MentorshipDetailApi.as_view(),
        name="mentorship-detail",
    ),
    path(
        "mentorships/<int:mentorship_id>/end/",
        mentorships.MentorshipEndApi.as_view(),
        name="mentorship-end",
    ),
    path(
        "mentorships/<int:mentorship_id>/check-ins/",
        checkins.CheckInListCreateApi.as_view(),
        name="mentorship-check-ins",
    ),
    path(
        "mentorships/<int:mentorship_id>/meetings/",
        meetings.MeetingListCreateApi.as_view(),
        name="mentorship-meetings",
    ),
    path(
        "mentoring/meetings/<int:meeting_id>/cancel/",
        meetings.MeetingCancelApi.as_view(),
        name="mentoring-meeting-cancel",
    ),
    path(
        "mentoring/meetings/<int:meeting_id>/invitation.ics",
        meetings.MeetingInvitationApi.as_view(),
        name="mentoring-meeting-invitation",
    ),
    path(
        "mentorships/<int:mentorship_id>/pulses/",
        meetings.PulseListCreateApi.as_view(),
        name="mentorship-pulses",
    ),
    path(
        "mentorships/<int:mentorship_id>/exit-survey/",
        meetings.ExitSurveyApi.as_view(),
        name="mentorship-exit-survey",
    ),
    path(
        "programmes/<int:programme_id>/quality/",
        meetings.ProgrammeQualityApi.as_view(),
        name="programme-quality",
    ),
    path("mentoring/flags/", mentorships.FlagListApi.as_view(), name="mentoring-flags"),
    path(
        "mentoring/flags/<int:flag_id>/resolve/",
        mentorships.FlagResolveApi.as_view(),
        name="mentoring-flag-resolve",
    ),
    path("mentoring/recheck/", mentorships.RecheckApi.as_view(), name="mentoring-recheck"),
]
