"""The catalogue's routes: ``/api/staff-offers/`` and ``/api/staff-offer-requests/``."""

from django.urls import path

from backend.catalogue import apis

urlpatterns = [
    path("staff-offers/", apis.OfferListApi.as_view(), name="staff-offer-list"),
    path(
        "staff-offers/<int:staff_offer_id>/",
        apis.OfferDetailApi.as_view(),
        name="staff-offer-detail",
    ),
    path(
        "staff-offers/<int:staff_offer_id>/requests/",
        apis.OfferRequestCreateApi.as_view(),
        name="staff-offer-request-create",
    ),
    path(
        "staff-offer-requests/",
        apis.OfferRequestListApi.as_view(),
        name="staff-offer-request-list",
    ),
    path(
        "staff-offer-requests/mine/",
        apis.MyOfferRequestListApi.as_view(),
        name="staff-offer-request-mine",
    ),
    path(
        "staff-offer-requests/<int:staff_request_id>/",
        apis.OfferRequestDetailApi.as_view(),
        name="staff-offer-request-detail",
    ),
    path(
        "staff-offer-requests/<int:staff_request_id>/withdraw/",
        apis.OfferRequestWithdrawApi.as_view(),
        name="staff-offer-request-withdraw",
    ),
]
