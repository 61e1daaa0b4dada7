from django.urls import path

from backend.gatherings.apis import gatherings

urlpatterns = [
    path("gatherings/", gatherings.GatheringListApi.as_view(), name="gathering-list"),
    path(
        "gatherings/<int:gathering_id>/",
        gatherings.GatheringDetailApi.as_view(),
        name="gathering-detail",
    ),
    path(
        "gatherings/<int:gathering_id>/attendees/",
        gatherings.GatheringAttendeesApi.as_view(),
        name="gathering-attendees",
    ),
    path(
        "gatherings/<int:gathering_id>/attendees/<int:leader_id>/",
        gatherings.GatheringAttendeeApi.as_view(),
        name="gathering-attendee",
    ),
    path(
        "gatherings/<int:gathering_id>/compose/",
        gatherings.GatheringComposeApi.as_view(),
        name="gathering-compose",
    ),
    path(
        "gatherings/<int:gathering_id>/move/",
        gatherings.GatheringMoveApi.as_view(),
        name="gathering-move",
    ),
]
