"""URLs of the know-how finder (mounted under /api/)."""

from django.urls import path

from backend.knowhow.apis import search

urlpatterns = [
    path("knowhow/search/", search.KnowhowSearchApi.as_view(), name="knowhow-search"),
]
