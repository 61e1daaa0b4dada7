"""URLs of the privacy app (mounted under /api/)."""

urlpatterns: list = []
