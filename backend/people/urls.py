"""URLs of the people app (mounted under /api/)."""

urlpatterns: list = []
