"""Hardening: the deploy checklist passes with production settings, and headers are set."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

ROOT = Path(__file__).resolve().parents[2]


def test_check_deploy_is_clean_with_production_settings(tmp_path: Path) -> None:
    # Other test modules may relax async safety for the browser tests; production does not.
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {
        **inherited,
        "DJANGO_SECRET_KEY": "k3Jq9-vR7pLw2ZxN8sT4yB6mHc1FdGa5QeUo0iKj_nPrVtWlXyzAbCdEfGhIjKlMn",
        "SPARRING_HTTPS": "1",
        "DJANGO_ALLOWED_HOSTS": "sparring.kommune.example",
        "DJANGO_DEBUG": "0",
        "SPARRING_VAR_DIR": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.django_db
def test_responses_carry_security_headers() -> None:
    response = Client().get("/healthz")
    assert response.status_code == 200
    csp = response.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp and "default-src 'self'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_api_docs_are_served_without_a_cdn() -> None:
    from tests.factories import UserFactory

    client = Client()
    client.force_login(UserFactory(username="docs-reader", role="hr"))
    page = client.get("/api/docs/").content.decode()
    assert "cdn.jsdelivr" not in page and "/static/drf_spectacular_sidecar/" in page
