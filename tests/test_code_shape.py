"""No god modules: hand-written modules stay under 600 lines and functions under about 80.

Data tables are the exception (the demo municipality's posts, the onboarding content): they
are read as tables, not held in one's head as logic.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("backend", "onboarding", "matching", "seed")
DATA_TABLES = {"seed/municipality.py", "seed/onboarding_content.py"}
MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 80


def _modules() -> list[Path]:
    return sorted(
        path
        for package in PACKAGES
        for path in (ROOT / package).rglob("*.py")
        if "migrations" not in path.parts and path.relative_to(ROOT).as_posix() not in DATA_TABLES
    )


def _body_lines(node: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    """Lines of a function's body, its docstring left out."""
    body = node.body
    first = body[0]
    if (
        isinstance(first, ast.Expr)
        and isinstance(first.value, ast.Constant)
        and isinstance(first.value.value, str)
        and len(body) > 1
    ):
        first = body[1]
    return (node.end_lineno or node.lineno) - first.lineno + 1


def test_no_module_is_over_600_lines() -> None:
    modules = _modules()
    assert len(modules) > 100
    long = [
        (path.relative_to(ROOT).as_posix(), n)
        for path in modules
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    ]
    assert long == []


def test_no_function_is_over_80_lines() -> None:
    long = [
        (path.relative_to(ROOT).as_posix(), node.name, _body_lines(node))
        for path in _modules()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and _body_lines(node) > MAX_FUNCTION_LINES
    ]
    assert long == []
