"""Routes of the coaching API (under ``/api/coaching/``)."""

from django.urls import path

from backend.coaching.apis import coaches, requests

urlpatterns = [
    path("requests/mine/", requests.MyCoachRequestListApi.as_view(), name="coaching-my-requests"),
    path(
        "requests/mine/<int:coach_request_id>/",
        requests.MyCoachRequestDetailApi.as_view(),
        name="coaching-my-request",
    ),
    path(
        "requests/mine/<int:coach_request_id>/end/",
        requests.MyCoachRequestEndApi.as_view(),
        name="coaching-my-request-end",
    ),
    path("requests/", requests.CoachRequestHrListApi.as_view(), name="coaching-requests"),
    path(
        "requests/<int:coach_request_id>/",
        requests.CoachRequestHrDetailApi.as_view(),
        name="coaching-request",
    ),
    path(
        "requests/<int:coach_request_id>/assign/",
        requests.CoachRequestAssignApi.as_view(),
        name="coaching-request-assign",
    ),
    path(
        "requests/<int:coach_request_id>/close/",
        requests.CoachRequestCloseApi.as_view(),
        name="coaching-request-close",
    ),
    path("coaches/", coaches.CoachListApi.as_view(), name="coaching-coaches"),
    path("coaches/<int:coach_id>/", coaches.CoachDetailApi.as_view(), name="coaching-coach"),
    path("coachees/", coaches.CoacheeListApi.as_view(), name="coaching-coachees"),
    path(
        "coachees/<int:coach_request_id>/finish/",
        coaches.CoacheeFinishApi.as_view(),
        name="coaching-coachee-finish",
    ),
]
