"""The examples in ``matching/``'s docstrings run and give what they say (issue 12, item 10).

Every module of the package is imported and its doctests run with the standard library's
``doctest``, one test per module, so CI runs them with the rest of the suite.
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil
from types import ModuleType

import pytest

import matching

MODULES = sorted(
    info.name
    for info in pkgutil.walk_packages(matching.__path__, prefix="matching.")
    if not info.name.endswith("__main__")
)


def _examples(module: ModuleType) -> list[doctest.DocTest]:
    finder = doctest.DocTestFinder(exclude_empty=True)
    return [t for t in finder.find(module, module.__name__) if t.examples]


@pytest.mark.parametrize("name", MODULES)
def test_doctests_pass(name: str) -> None:
    module = importlib.import_module(name)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for test in _examples(module):
        runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} doctests failed in {name}"


def test_the_package_has_doctests() -> None:
    names = {n for n in MODULES if _examples(importlib.import_module(n))}
    assert {"matching.assign", "matching.groups.model", "matching.groups.compose"} <= names
