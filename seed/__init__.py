"""The demo municipality and onboarding content drawn from the study, and scale generators.

A Django app only so that its management commands (``seed_demo``, ``seed_scale``) are found.
"""
