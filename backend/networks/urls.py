"""URLs of the networks app (mounted under /api/)."""

from django.urls import path

from backend.networks import apis

urlpatterns = [
    # Peer finder and introductions
    path("peers/", apis.PeerListApi.as_view(), name="peer-list"),
    path("peers/introductions/", apis.IntroductionListApi.as_view(), name="introduction-list"),
    path(
        "peers/introductions/<int:introduction_id>/accept/",
        apis.IntroductionActionApi.as_view(action="accept"),
        name="introduction-accept",
    ),
    path(
        "peers/introductions/<int:introduction_id>/decline/",
        apis.IntroductionActionApi.as_view(action="decline"),
        name="introduction-decline",
    ),
    path(
        "peers/introductions/<int:introduction_id>/withdraw/",
        apis.IntroductionActionApi.as_view(action="withdraw"),
        name="introduction-withdraw",
    ),
    # Suggestions, joining, the leader's own map and roulette pairs
    path(
        "me/network-suggestions/",
        apis.NetworkSuggestionListApi.as_view(),
        name="network-suggestions",
    ),
    path("me/network-map/", apis.EgoMapApi.as_view(), name="network-map-ego"),
    path("me/roulette-pairs/", apis.MyRoulettePairListApi.as_view(), name="my-roulette-pairs"),
    path("networks/<int:network_id>/join/", apis.NetworkJoinApi.as_view(), name="network-join"),
    path(
        "networks/<int:network_id>/roulette/",
        apis.RouletteSettingApi.as_view(),
        name="network-roulette",
    ),
    path(
        "networks/<int:network_id>/roulette/opt-out/",
        apis.RouletteOptOutApi.as_view(),
        name="network-roulette-opt-out",
    ),
    path("network-join-requests/", apis.JoinRequestListApi.as_view(), name="join-request-list"),
    path(
        "network-join-requests/<int:request_id>/accept/",
        apis.JoinRequestDecideApi.as_view(accept=True),
        name="join-request-accept",
    ),
    path(
        "network-join-requests/<int:request_id>/decline/",
        apis.JoinRequestDecideApi.as_view(accept=False),
        name="join-request-decline",
    ),
    # HR: map and insights
    path("network-map/", apis.HrMapApi.as_view(), name="network-map"),
    path("network-insights/", apis.InsightsApi.as_view(), name="network-insights"),
    # Learning networks from sign-ups
    path("network-signups/", apis.SignUpListApi.as_view(), name="signup-list"),
    path("network-signups/<int:signup_id>/", apis.SignUpDetailApi.as_view(), name="signup-detail"),
    path(
        "network-signups/<int:signup_id>/registration/",
        apis.SignUpRegistrationApi.as_view(),
        name="signup-registration",
    ),
    path(
        "network-signups/<int:signup_id>/registrations/",
        apis.SignUpRegistrationListApi.as_view(),
        name="signup-registrations",
    ),
    path(
        "network-signups/<int:signup_id>/compose/",
        apis.SignUpComposeApi.as_view(),
        name="signup-compose",
    ),
    path("network-drafts/<int:draft_id>/", apis.DraftDetailApi.as_view(), name="draft-detail"),
    path("network-drafts/<int:draft_id>/move/", apis.DraftMoveApi.as_view(), name="draft-move"),
    path(
        "network-drafts/<int:draft_id>/publish/",
        apis.DraftPublishApi.as_view(),
        name="draft-publish",
    ),
    # Cohort circles
    path("cohort-settings/", apis.CohortSettingApi.as_view(), name="cohort-settings"),
    path("cohort-circles/", apis.CohortCircleListApi.as_view(), name="cohort-circle-list"),
    path("cohort-circles/form/", apis.CohortCircleFormApi.as_view(), name="cohort-circle-form"),
]
