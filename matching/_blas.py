"""Run the matcher's BLAS products single-threaded.

The matcher parallelises itself over blocks of mentees (:mod:`matching.assign`); its matrix
products are thin (tens of features), so OpenBLAS's own threads add nothing but spin-waiting
and oversubscription: at 100 x 300 they made the scoring ten times slower in CPU time, and on
a busy machine much slower in wall time. :func:`single_threaded_blas` sets the OpenBLAS
libraries loaded in this process to one thread for the duration of a call and restores the
previous setting afterwards (what ``threadpoolctl.threadpool_limits(1, "blas")`` does, without
the dependency). Where no OpenBLAS is found (another BLAS, another platform) it does nothing:
this changes speed only, never a result.
"""

from __future__ import annotations

import ctypes
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["single_threaded_blas"]

_PREFIXES = ("scipy_openblas", "openblas")
_SUFFIXES = ("64_", "_64_", "")

_lock = threading.Lock()
_depth = 0
_saved: list[int] = []
_controls: list[tuple[Callable[[], int], Callable[[int], None]]] | None = None


def _loaded_openblas() -> list[str]:
    """Paths of the OpenBLAS libraries mapped into this process (Linux), numpy's first."""
    import numpy as np  # noqa: F401  (loads numpy's BLAS)

    try:
        maps = Path("/proc/self/maps").read_text().splitlines()
    except OSError:
        return []
    paths = []
    for line in maps:
        path = line.split(maxsplit=5)[-1] if len(line.split()) >= 6 else ""
        if "openblas" in Path(path).name.lower() and path not in paths:
            paths.append(path)
    return sorted(paths, key=lambda p: "numpy" not in p)


def _find_controls() -> list[tuple[Callable[[], int], Callable[[int], None]]]:
    controls = []
    for path in _loaded_openblas():
        try:
            lib = ctypes.CDLL(path, mode=os.RTLD_NOLOAD | os.RTLD_GLOBAL)
        except OSError:
            continue
        for prefix in _PREFIXES:
            for suffix in _SUFFIXES:
                get = getattr(lib, f"{prefix}_get_num_threads{suffix}", None)
                put = getattr(lib, f"{prefix}_set_num_threads{suffix}", None)
                if get is not None and put is not None:
                    get.restype, put.restype = ctypes.c_int, None
                    put.argtypes = [ctypes.c_int]
                    controls.append((get, put))
                    break
            else:
                continue
            break
    return controls


@contextmanager
def single_threaded_blas() -> Iterator[None]:
    """Context in which OpenBLAS uses one thread; nested and concurrent uses are counted.

    Examples
    --------
    >>> import numpy as np
    >>> with single_threaded_blas():
    ...     float((np.ones((3, 2)) @ np.ones((2, 3))).sum())
    18.0
    """
    global _depth, _controls
    with _lock:
        if _controls is None:
            try:
                _controls = _find_controls()
            except Exception:  # pragma: no cover - speed only, never fail a match for it
                _controls = []
        if _depth == 0:
            _saved[:] = [get() for get, _ in _controls]
            for _, put in _controls:
                put(1)
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0:
                for (_, put), threads in zip(_controls, _saved, strict=True):
                    put(threads)
