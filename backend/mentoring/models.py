"""Models of the mentoring app."""
