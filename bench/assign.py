"""Benchmark of the mentor matcher against networkx's blossom matcher and a greedy baseline.

Not a test: it prints the machine, then per size (mentees x mentors) our time including
scoring, the peak memory of the solving process, the total score and whether it is proven
optimal; and in the same run (a) ``networkx.max_weight_matching`` on the slot-expanded graph
of each mentee's 50 best mentors (in a child process with a time limit) and (b) a greedy
baseline on the same candidates, with their gap to our optimum.

Usage: ``python bench/assign.py [--sizes 100x300 1000x3000 10000x30000] [--nx-limit 900]``

Times are wall-clock and CPU (``time.process_time`` of the solving process, all its threads):
on a shared machine the wall time grows with the load while the CPU time does not. When
networkx does not finish within the limit, the row says so and gives the speed-up it implies
(at least limit / ours); the CPU time networkx had used by then is read from ``/proc``.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import platform
import resource
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

import networkx as nx  # noqa: E402
import numpy as np  # noqa: E402
import scipy  # noqa: E402
from gen_municipality import municipality_problem  # noqa: E402

from matching import DEFAULT_POLICY, Problem, assign_mentors  # noqa: E402
from matching.assign import _prepare, _top_candidates  # noqa: E402

TOP = 50  # candidates per mentee in the networkx and greedy comparisons


def machine() -> str:
    model = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"{model}; {os.cpu_count()} cores (load average {load}); Python "
        f"{platform.python_version()}, numpy {np.__version__}, scipy {scipy.__version__}, "
        f"networkx {nx.__version__}"
    )


def candidate_edges(problem: Problem) -> list[tuple[str, str, float]]:
    """Each mentee's 50 best allowed mentors, slot-expanded: (mentee, mentor#slot, weight)."""
    prep = _prepare(problem, DEFAULT_POLICY)
    open_rows = np.arange(len(prep.mentees), dtype=np.intp)
    cand = _top_candidates(prep, open_rows, TOP)
    edges = []
    for i, j, s in zip(cand.rows.tolist(), cand.cols.tolist(), cand.scores.tolist(), strict=True):
        for k in range(int(prep.free[j])):
            weight = s - prep.load * (int(prep.first[j]) + k)
            edges.append((prep.mentees[i].id, f"{prep.mentors[j].id}#{k}", weight))
    return edges


def run_ours(problem: Problem, repeat: int, out: Any) -> None:
    """``repeat`` timed runs after a warm-up (imports): best and median wall and CPU time."""
    assign_mentors(municipality_problem(10, 30, seed=0))
    walls, cpus = [], []
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        result = assign_mentors(problem)
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # MiB on Linux
    out.put(
        (
            min(walls),
            float(np.median(walls)),
            min(cpus),
            float(np.median(cpus)),
            peak,
            result.total_score,
            len(result.pairs),
            result.optimal,
        )
    )


def run_nx(edges: list[tuple[str, str, float]], out: Any) -> None:
    G = nx.Graph()
    G.add_weighted_edges_from(edges)
    start, cpu = time.perf_counter(), time.process_time()
    matching = nx.max_weight_matching(G, maxcardinality=True)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    total = sum(G[a][b]["weight"] for a, b in matching)
    out.put((seconds, cpu, total, len(matching)))


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a live process (Linux ``/proc``), ``nan`` if unknown."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return float("nan")


def in_child(target: Any, args: tuple[Any, ...], limit: float) -> tuple[Any, ...] | float:
    """Run ``target(*args, queue)`` in a forked process; the CPU seconds it used if it was
    stopped after ``limit`` seconds (wall)."""
    ctx = mp.get_context("fork")
    queue = ctx.Queue()
    child = ctx.Process(target=target, args=(*args, queue))
    child.start()
    child.join(limit)
    if child.is_alive():
        cpu = _cpu_seconds(child.pid or 0)
        child.terminate()
        child.join()
        return cpu
    found = queue.get() if not queue.empty() else None
    assert isinstance(found, tuple), "child failed"
    return found


def greedy(edges: list[tuple[str, str, float]]) -> tuple[float, int, float]:
    """Best pair first: take a pair when mentee and slot are free; slots in order."""
    start = time.perf_counter()
    taken_mentee: set[str] = set()
    next_slot: dict[str, int] = {}
    weight = {(a, b): w for a, b, w in edges}
    total, count = 0.0, 0
    for a, b, _ in sorted(edges, key=lambda e: (-e[2], e[0], e[1])):
        mentor, slot = b.rsplit("#", 1)
        if a in taken_mentee or int(slot) != next_slot.get(mentor, 0):
            continue
        taken_mentee.add(a)
        next_slot[mentor] = int(slot) + 1
        total += weight[a, b]
        count += 1
    return total, count, time.perf_counter() - start


def gap(ours: float, other: float) -> str:
    return f"{abs(100 * (ours - other) / ours):.3f} %" if ours else "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", default=["100x300", "1000x3000", "10000x30000"])
    parser.add_argument(
        "--nx-limit", type=float, default=900.0, help="seconds networkx may run per size"
    )
    parser.add_argument(
        "--nx-max-mentees",
        type=int,
        default=1000,
        help="skip networkx above this many mentees (it cannot finish)",
    )
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument(
        "--repeat",
        type=int,
        default=0,
        help="timed runs of ours (default 10 up to 1 000 mentees, else 1)",
    )
    args = parser.parse_args()
    print(f"machine: {machine()}\n")
    print(
        "| size | ours: wall best / median | ours: CPU best / median | peak RSS "
        "| total score | pairs | optimal | nx top-50: wall (CPU) | nx total | nx gap "
        "| speed-up wall (CPU) | greedy total | greedy gap |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for size in args.sizes:
        n, m = (int(x) for x in size.lower().split("x"))
        problem = municipality_problem(n, m, seed=args.seed)
        repeat = args.repeat or (10 if n <= 1000 else 1)
        ours = in_child(run_ours, (problem, repeat), 3600)
        assert isinstance(ours, tuple)
        wall, wall_med, cpu, cpu_med, peak, total, pairs, optimal = ours
        edges = candidate_edges(problem)
        g_total, g_pairs, _ = greedy(edges)
        nx_cells = ["not run (over --nx-max-mentees)", "-", "-", "-"]
        if n <= args.nx_max_mentees:
            found = in_child(run_nx, (edges,), args.nx_limit)
            if isinstance(found, float):
                nx_cells = [
                    f"did not finish in {args.nx_limit:.0f} s (CPU {found:.0f} s)",
                    "-",
                    "-",
                    f">= {args.nx_limit / wall:.0f}x (>= {found / cpu:.0f}x)",
                ]
            else:
                nx_seconds, nx_cpu, nx_total, _ = found
                nx_cells = [
                    f"{nx_seconds:.2f} s ({nx_cpu:.2f} s)",
                    f"{nx_total:.4f}",
                    gap(total, nx_total),
                    f"{nx_seconds / wall:.0f}x ({nx_cpu / cpu:.0f}x)",
                ]
        print(
            f"| {n} x {m} | {wall * 1000:.0f} / {wall_med * 1000:.0f} ms "
            f"| {cpu * 1000:.0f} / {cpu_med * 1000:.0f} ms | {peak:.0f} MiB | {total:.4f} "
            f"| {pairs} | {optimal} | {' | '.join(nx_cells)} | {g_total:.4f} ({g_pairs} pairs) "
            f"| {gap(total, g_total)} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
