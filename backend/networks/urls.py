"""URLs of the networks app (mounted under /api/)."""

urlpatterns: list = []
