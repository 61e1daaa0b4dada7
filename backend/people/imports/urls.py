"""URLs of the HR import (mounted under /api/imports/)."""

urlpatterns: list = []
