"""URLs of the people app (mounted under /api/)."""

from django.urls import path

from backend.people.apis import auth, leaders, organisation, staff, support_needs, topics

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
    # Support needs (HR, purpose-bound)
    path("support-needs/", support_needs.SupportNeedHrListApi.as_view(), name="support-need-list"),
    # The organisation tree and the staff directory
    path("organisations/", organisation.OrganisationListApi.as_view(), name="organisation-list"),
    path(
        "organisations/<int:organisation_id>/",
        organisation.OrganisationDetailApi.as_view(),
        name="organisation-detail",
    ),
    path(
        "administrations/", organisation.AdministrationListApi.as_view(), name="administration-list"
    ),
    path(
        "administrations/<int:administration_id>/",
        organisation.AdministrationDetailApi.as_view(),
        name="administration-detail",
    ),
    path("departments/", organisation.DepartmentListApi.as_view(), name="department-list"),
    path(
        "departments/<int:department_id>/",
        organisation.DepartmentDetailApi.as_view(),
        name="department-detail",
    ),
    path("units/", organisation.UnitListApi.as_view(), name="unit-list"),
    path("units/<int:unit_id>/", organisation.UnitDetailApi.as_view(), name="unit-detail"),
    path(
        "units/<int:unit_id>/staff-contacts/",
        organisation.UnitStaffContactListApi.as_view(),
        name="unit-staff-contacts",
    ),
    path(
        "staff-functions/", staff.StaffFunctionListCreateApi.as_view(), name="staff-function-list"
    ),
    path(
        "staff-functions/<int:function_id>/",
        staff.StaffFunctionDetailApi.as_view(),
        name="staff-function-detail",
    ),
    path("staff-contacts/", staff.StaffContactListCreateApi.as_view(), name="staff-contact-list"),
    path(
        "staff-contacts/<int:contact_id>/",
        staff.StaffContactEditApi.as_view(),
        name="staff-contact-detail",
    ),
    # Topics
    path("topics/", topics.TopicListApi.as_view(), name="topic-list"),
    path("topics/<int:topic_id>/", topics.TopicDetailApi.as_view(), name="topic-detail"),
]
