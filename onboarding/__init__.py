"""Onboarding templates, personal plans and their items (a Django app)."""
