"""Every link a notification or e-mail can carry opens a screen of the web app.

Links are built in one module (``backend/notifications/links.py``). These tests call every
function there and match what it returns against the web app's route table, read from
``frontend/src/App.tsx``; and they read the backend's source to check that no other module spells
a web-app path, and that every ``notify`` call takes its ``url`` from the link module.
"""

from __future__ import annotations

import ast
import inspect
import re
from pathlib import Path

import pytest

from backend.notifications import links

ROOT = Path(__file__).resolve().parents[3]
APP = ROOT / "frontend" / "src" / "App.tsx"
#: The first segments of the web app's own paths (its screens, not ``/api/`` or ``/admin/``).
WEB_PREFIXES = ("mentoring", "networks", "peers", "onboarding", "plan", "plans", "hr", "me")
NOTIFY_CALLS = {"notify", "notify_leader", "notify_hr"}


def web_routes() -> list[str]:
    """The route paths of ``App.tsx`` (relative ones under the signed-in layout), ``*`` left out."""
    paths = re.findall(r'<Route\s+path="([^"]+)"', APP.read_text(encoding="utf-8"))
    return [path.lstrip("/") for path in paths if path != "*"]


def resolves(url: str, routes: list[str]) -> bool:
    """Whether a route of the web app (not its catch-all "page not found") matches the link."""
    path = re.split(r"[?#]", url, maxsplit=1)[0].strip("/")
    segments = path.split("/") if path else []
    for route in routes:
        parts = route.split("/") if route else []
        if len(parts) == len(segments) and all(
            (part.startswith(":") and bool(segment)) or part == segment
            for part, segment in zip(parts, segments, strict=True)
        ):
            return True
    return False


def every_link() -> dict[str, str]:
    """Each function of the link module called with sample ids: name → link."""
    built = {}
    for name in links.__all__:
        function = getattr(links, name)
        arguments = {parameter: 7 for parameter in inspect.signature(function).parameters}
        built[name] = function(**arguments)
    return built


def test_the_route_table_is_read() -> None:
    routes = web_routes()
    assert "mentoring/proposals" in routes
    assert resolves("/mentoring/proposals", routes)
    assert not resolves("/mentoring/nowhere/7", routes)
    assert not resolves("/mentoring/proposals/7/extra", routes)


@pytest.mark.parametrize("name", links.__all__)
def test_every_link_opens_a_route_of_the_web_app(name: str) -> None:
    url = every_link()[name]
    assert url.startswith("/") and not url.startswith("/api/")
    assert resolves(url, web_routes()), f"{name}() → {url} has no route in App.tsx"


def test_every_public_function_of_the_link_module_is_listed() -> None:
    functions = {
        name
        for name, value in vars(links).items()
        if inspect.isfunction(value) and not name.startswith("_")
    }
    assert functions == set(links.__all__)


def _sources() -> list[Path]:
    return sorted(
        path
        for package in ("backend", "onboarding")
        for path in (ROOT / package).rglob("*.py")
        if "migrations" not in path.parts and path.resolve() != Path(links.__file__).resolve()
    )


def _literal_start(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr) and node.values:
        return _literal_start(node.values[0])
    return None


def test_no_module_but_the_link_module_spells_a_web_app_path() -> None:
    spelled = []
    for path in _sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            text = _literal_start(node)
            if text and text.startswith("/") and text.lstrip("/").split("/")[0] in WEB_PREFIXES:
                spelled.append(f"{path.relative_to(ROOT)}:{node.lineno}: {text!r}")  # type: ignore[attr-defined]
    assert spelled == []


def _notify_calls() -> list[tuple[str, ast.Call]]:
    calls = []
    for path in _sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
                if name in NOTIFY_CALLS:
                    calls.append((f"{path.relative_to(ROOT)}:{node.lineno}", node))
    return calls


def test_every_notification_takes_its_link_from_the_link_module() -> None:
    calls = _notify_calls()
    assert len(calls) >= 15  # every notification kind the services send
    for where, call in calls:
        url = next((k.value for k in call.keywords if k.arg == "url"), None)
        if url is None or isinstance(url, ast.Name):
            # No link, or passed on (a helper's own ``url`` parameter, or ``url = links.x()``).
            continue
        assert isinstance(url, ast.Call), where
        func = url.func
        assert isinstance(func, ast.Attribute), where
        assert isinstance(func.value, ast.Name) and func.value.id == "links", where


def test_a_variable_url_is_assigned_from_the_link_module() -> None:
    for path in _sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == "url" for t in node.targets
            ):
                value = node.value
                if (
                    isinstance(value, ast.Call)
                    and isinstance(value.func, ast.Attribute)
                    and getattr(value.func.value, "id", None) == "links"
                ):
                    continue
                # Any other ``url = ...`` in the backend must not be a web-app path.
                text = _literal_start(value)
                assert not (text and text.startswith("/")), f"{path}:{node.lineno}"
