"""URLs of the networks app (mounted under /api/)."""

from django.urls import path

from backend.networks.apis import (
    directory,
    informal,
    insights,
    introductions,
    memberships,
    networks,
    peers,
    roulette,
    setup,
    signups,
    suggestions,
)

urlpatterns = [
    # Networks and their members (moved from the people app, same paths)
    path("networks/", setup.NetworkListCreateApi.as_view(), name="network-list"),
    path("networks/<int:network_id>/", setup.NetworkEditApi.as_view(), name="network-detail"),
    path(
        "networks/<int:network_id>/members/",
        setup.NetworkMembersAddApi.as_view(),
        name="network-members-add",
    ),
    path(
        "networks/<int:network_id>/members/<int:leader_id>/",
        setup.NetworkMemberRemoveApi.as_view(),
        name="network-member-remove",
    ),
    # A leader's own informal networks (start, invite, answer, leave, close)
    path(
        "networks/informal/",
        informal.InformalNetworkCreateApi.as_view(),
        name="network-informal-create",
    ),
    path(
        "networks/<int:network_id>/invitations/",
        informal.NetworkInviteApi.as_view(),
        name="network-invite",
    ),
    path(
        "networks/<int:network_id>/leave/", informal.NetworkLeaveApi.as_view(), name="network-leave"
    ),
    path(
        "networks/<int:network_id>/close/", informal.NetworkCloseApi.as_view(), name="network-close"
    ),
    path(
        "networks/<int:network_id>/invite-candidates/",
        informal.InviteCandidatesApi.as_view(),
        name="network-invite-candidates",
    ),
    path(
        "network-invitations/",
        informal.MyInvitationListApi.as_view(),
        name="network-invitation-list",
    ),
    path(
        "network-invitations/<int:invitation_id>/accept/",
        informal.InvitationAnswerApi.as_view(),
        name="network-invitation-accept",
    ),
    path(
        "network-invitations/<int:invitation_id>/decline/",
        informal.InvitationDeclineApi.as_view(),
        name="network-invitation-decline",
    ),
    path(
        "networks/<int:network_id>/memberships/",
        networks.NetworkMembershipListApi.as_view(),
        name="network-memberships",
    ),
    path(
        "leaders/<int:leader_id>/memberships/",
        networks.LeaderMembershipListApi.as_view(),
        name="leader-memberships",
    ),
    # Peer finder and introductions
    path("peers/", peers.PeerListApi.as_view(), name="peer-list"),
    # Peers in other municipalities: the shared directory, and HR's opt-in (docs/directory.md)
    path("peers/directory/", directory.DirectoryApi.as_view(), name="peer-directory"),
    path(
        "peers/directory/setting/",
        directory.DirectorySettingApi.as_view(),
        name="peer-directory-setting",
    ),
    path(
        "peers/introductions/",
        introductions.IntroductionListApi.as_view(),
        name="introduction-list",
    ),
    path(
        "peers/introductions/<int:introduction_id>/accept/",
        introductions.IntroductionActionApi.as_view(action="accept"),
        name="introduction-accept",
    ),
    path(
        "peers/introductions/<int:introduction_id>/decline/",
        introductions.IntroductionActionApi.as_view(action="decline"),
        name="introduction-decline",
    ),
    path(
        "peers/introductions/<int:introduction_id>/withdraw/",
        introductions.IntroductionActionApi.as_view(action="withdraw"),
        name="introduction-withdraw",
    ),
    # Suggestions, joining, the leader's own map and roulette pairs
    path(
        "me/network-suggestions/",
        suggestions.NetworkSuggestionListApi.as_view(),
        name="network-suggestions",
    ),
    path("me/network-map/", insights.EgoMapApi.as_view(), name="network-map-ego"),
    path("me/roulette-pairs/", roulette.MyRoulettePairListApi.as_view(), name="my-roulette-pairs"),
    path(
        "networks/<int:network_id>/join/", memberships.NetworkJoinApi.as_view(), name="network-join"
    ),
    path(
        "networks/<int:network_id>/roulette/",
        roulette.RouletteSettingApi.as_view(),
        name="network-roulette",
    ),
    path(
        "networks/<int:network_id>/roulette/opt-out/",
        roulette.RouletteOptOutApi.as_view(),
        name="network-roulette-opt-out",
    ),
    path(
        "network-join-requests/", memberships.JoinRequestListApi.as_view(), name="join-request-list"
    ),
    path(
        "network-join-requests/<int:request_id>/accept/",
        memberships.JoinRequestDecideApi.as_view(accept=True),
        name="join-request-accept",
    ),
    path(
        "network-join-requests/<int:request_id>/decline/",
        memberships.JoinRequestDecideApi.as_view(accept=False),
        name="join-request-decline",
    ),
    # HR: map and insights
    path("network-map/", insights.HrMapApi.as_view(), name="network-map"),
    path("network-insights/", insights.InsightsApi.as_view(), name="network-insights"),
    # Learning networks from sign-ups
    path("network-signups/", signups.SignUpListApi.as_view(), name="signup-list"),
    path(
        "network-signups/<int:signup_id>/", signups.SignUpDetailApi.as_view(), name="signup-detail"
    ),
    path(
        "network-signups/<int:signup_id>/registration/",
        signups.SignUpRegistrationApi.as_view(),
        name="signup-registration",
    ),
    path(
        "network-signups/<int:signup_id>/registrations/",
        signups.SignUpRegistrationListApi.as_view(),
        name="signup-registrations",
    ),
    path(
        "network-signups/<int:signup_id>/compose/",
        signups.SignUpComposeApi.as_view(),
        name="signup-compose",
    ),
    path("network-drafts/<int:draft_id>/", signups.DraftDetailApi.as_view(), name="draft-detail"),
    path("network-drafts/<int:draft_id>/move/", signups.DraftMoveApi.as_view(), name="draft-move"),
    path(
        "network-drafts/<int:draft_id>/publish/",
        signups.DraftPublishApi.as_view(),
        name="draft-publish",
    ),
    # Cohort circles
    path("cohort-settings/", suggestions.CohortSettingApi.as_view(), name="cohort-settings"),
    path("cohort-circles/", suggestions.CohortCircleListApi.as_view(), name="cohort-circle-list"),
    path(
        "cohort-circles/form/", suggestions.CohortCircleFormApi.as_view(), name="cohort-circle-form"
    ),
    path(
        "cohort-circles/proposal/",
        setup.CohortProposalApi.as_view(),
        name="cohort-circle-proposal",
    ),
]
