"""Shared REST plumbing: pagination, the exception handler and permission helpers."""
