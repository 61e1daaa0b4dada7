"""URLs of the mentoring app (mounted under /api/)."""

from django.urls import path

from backend.mentoring import apis

urlpatterns = [
    path("programmes/", apis.ProgrammeListCreateApi.as_view(), name="programme-list"),
    path(
        "programmes/<int:programme_id>/", apis.ProgrammeDetailApi.as_view(), name="programme-detail"
    ),
    path(
        "programmes/<int:programme_id>/enrolments/",
        apis.EnrolmentListCreateApi.as_view(),
        name="programme-enrolments",
    ),
    path(
        "programmes/<int:programme_id>/enrolments/ensure/",
        apis.EnrolmentEnsureApi.as_view(),
        name="programme-enrolments-ensure",
    ),
    path(
        "enrolments/<int:enrolment_id>/withdraw/",
        apis.EnrolmentWithdrawApi.as_view(),
        name="enrolment-withdraw",
    ),
    path(
        "programmes/<int:programme_id>/mentor-offers/",
        apis.OfferListCreateApi.as_view(),
        name="programme-offers",
    ),
    path("mentor-offers/<int:offer_id>/", apis.OfferUpdateApi.as_view(), name="offer-detail"),
    path(
        "programmes/<int:programme_id>/match-runs/",
        apis.MatchRunListStartApi.as_view(),
        name="programme-runs",
    ),
    path("match-runs/<int:run_id>/", apis.MatchRunDetailApi.as_view(), name="match-run-detail"),
    path(
        "programmes/<int:programme_id>/proposals/",
        apis.ProposalListCreateApi.as_view(),
        name="programme-proposals",
    ),
    path(
        "programmes/<int:programme_id>/manual-queue/",
        apis.ManualQueueApi.as_view(),
        name="programme-manual-queue",
    ),
    path(
        "programmes/<int:programme_id>/analytics/",
        apis.ProgrammeAnalyticsApi.as_view(),
        name="programme-analytics",
    ),
    path("proposals/mine/", apis.MyProposalListApi.as_view(), name="my-proposals"),
    path("proposals/<int:proposal_id>/", apis.ProposalDetailApi.as_view(), name="proposal-detail"),
    path(
        "proposals/<int:proposal_id>/approve/",
        apis.ProposalApproveApi.as_view(),
        name="proposal-approve",
    ),
    path(
        "proposals/<int:proposal_id>/reject/",
        apis.ProposalRejectApi.as_view(),
        name="proposal-reject",
    ),
    path("proposals/<int:proposal_id>/swap/", apis.ProposalSwapApi.as_view(), name="proposal-swap"),
    path(
        "proposals/<int:proposal_id>/accept/",
        apis.ProposalAcceptApi.as_view(),
        name="proposal-accept",
    ),
    path(
        "proposals/<int:proposal_id>/decline/",
        apis.ProposalDeclineApi.as_view(),
        name="proposal-decline",
    ),
    path(
        "proposals/<int:proposal_id>/invitation.ics",
        apis.ProposalInvitationApi.as_view(),
        name="proposal-invitation",
    ),
    path("suggestions/mine/", apis.MySuggestionListApi.as_view(), name="my-suggestions"),
    path(
        "suggestions/<int:suggestion_id>/choose/",
        apis.SuggestionChooseApi.as_view(),
        name="suggestion-choose",
    ),
    path("mentorships/", apis.MentorshipListApi.as_view(), name="mentorship-list"),
    path(
        "mentorships/<int:mentorship_id>/",
        apis.MentorshipDetailApi.as_view(),
        name="mentorship-detail",
    ),
    path(
        "mentorships/<int:mentorship_id>/end/",
        apis.MentorshipEndApi.as_view(),
        name="mentorship-end",
    ),
    path(
        "mentorships/<int:mentorship_id>/check-ins/",
        apis.CheckInListCreateApi.as_view(),
        name="mentorship-check-ins",
    ),
    path("mentoring/flags/", apis.FlagListApi.as_view(), name="mentoring-flags"),
    path(
        "mentoring/flags/<int:flag_id>/resolve/",
        apis.FlagResolveApi.as_view(),
        name="mentoring-flag-resolve",
    ),
    path("mentoring/recheck/", apis.RecheckApi.as_view(), name="mentoring-recheck"),
]
