"""A real OpenID Connect provider for the tests: django-oauth-toolkit in its own process.

``start_provider`` runs ``python -m tests.oidc_provider`` on a free port: a small Django project
of its own (its own SQLite file, its own cookies) with django-oauth-toolkit's OIDC provider, a
login form, one confidential client and the users the test names, each with the claims the
test gives them. Sparring talks to it over HTTP exactly as it would to Entra ID: discovery, the
browser's authorisation redirect, the code exchange, the signing keys.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests

ROOT = Path(__file__).resolve().parents[2]
CLIENT_ID = "sparring-test-client"
CLIENT_SECRET = "sparring-test-secret-0123456789"
PASSWORD = "idp-test-password"


@dataclass(frozen=True)
class Provider:
    """A running provider: its issuer URL and the client Sparring is registered as."""

    issuer: str
    client_id: str = CLIENT_ID
    client_secret: str = CLIENT_SECRET
    password: str = PASSWORD


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def start_provider(*, redirect_uri: str, users: dict[str, dict[str, Any]]) -> Iterator[Provider]:
    """Run the provider until the block ends. ``users``: username → extra ID-token claims.

    A user's claims may include ``aud`` to make the provider mint tokens for another client
    (the wrong-audience case).
    """
    port = _free_port()
    issuer = f"http://127.0.0.1:{port}/o"
    with tempfile.TemporaryDirectory(prefix="sparring-idp-") as tmp:
        config = Path(tmp) / "config.json"
        config.write_text(
            json.dumps(
                {
                    "issuer": issuer,
                    "port": port,
                    "redirect_uri": redirect_uri,
                    "users": users,
                    "client_id": CLIENT_ID,
                    "client_secret": CLIENT_SECRET,
                    "password": PASSWORD,
                    "database": str(Path(tmp) / "idp.sqlite3"),
                }
            )
        )
        env = {**os.environ, "SPARRING_IDP_CONFIG": str(config)}
        env["DJANGO_SETTINGS_MODULE"] = "tests.oidc_provider.settings"
        log = (Path(tmp) / "idp.log").open("w")
        process = subprocess.Popen(
            [sys.executable, "-m", "tests.oidc_provider"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            _wait_until_up(issuer, process, Path(tmp) / "idp.log")
            yield Provider(issuer=issuer)
        finally:
            process.terminate()
            process.wait(timeout=10)
            log.close()


def _wait_until_up(issuer: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the test OIDC provider stopped:\n{log.read_text()}")
        try:
            if requests.get(f"{issuer}/.well-known/openid-configuration", timeout=2).ok:
                return
        except requests.RequestException:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"the test OIDC provider did not start:\n{log.read_text()}")
