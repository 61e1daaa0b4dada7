"""URLs of the people app (mounted under /api/)."""

from django.urls import path

from backend.people.apis import auth, leaders, support_needs

urlpatterns = [
    # Auth and the caller
    path("auth/csrf/", auth.CsrfApi.as_view(), name="auth-csrf"),
    path("auth/login/", auth.LoginApi.as_view(), name="auth-login"),
    path("auth/logout/", auth.LogoutApi.as_view(), name="auth-logout"),
    path("auth/token/", auth.TokenApi.as_view(), name="auth-token"),
    path("me/", auth.MeApi.as_view(), name="me"),
    path("me/competencies/", leaders.MyCompetencyApi.as_view(), name="me-competencies"),
    path(
        "me/support-needs/",
        support_needs.MySupportNeedListApi.as_view(),
        name="me-support-need-list",
    ),
    path(
        "me/support-needs/<int:need_id>/",
        support_needs.MySupportNeedDetailApi.as_view(),
        name="me-support-need-detail",
    ),
    # Leaders
    path("leaders/", leaders.LeaderListApi.as_view(), name="leader-list"),
    path("leaders/<int:leader_id>/", leaders.LeaderDetailApi.as_view(), name="leader-detail"),
    path("leaders/<int:leader_id>/line/", leaders.LeaderLineApi.as_view(), name="leader-line"),
    path(
        "leaders/<int:leader_id>/competencies/",
        leaders.LeaderCompetencyApi.as_view(),
        name="leader-competencies",
    ),
    path(
        "leaders/<int:leader_id>/memberships/",
        leaders.LeaderMembershipListApi.as_view(),
        name="leader-memberships",
    ),
    # Support needs (HR, purpose-bound)
    path("support-needs/", support_needs.SupportNeedHrListApi.as_view(), name="support-need-list"),
]
