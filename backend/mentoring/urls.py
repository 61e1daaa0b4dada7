"""URLs of the mentoring app (mounted under /api/)."""

urlpatterns: list = []
