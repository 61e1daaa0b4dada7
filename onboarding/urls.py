"""URLs of the onboarding app (mounted under /api/)."""

urlpatterns: list = []
