"""Benchmark of the mentor matcher against networkx's blossom matcher and a greedy baseline.

Not a test: it prints the machine, then per size (mentees x mentors) our time including
scoring, the peak memory of the solving process, the total score and whether it is proven
optimal; and in the same run (a) ``networkx.max_weight_matching`` on the slot-expanded graph
of each mentee's 50 best mentors (in a child process with a time limit) and (b) a greedy
baseline on the same candidates, with their gap to our optimum.

Usage: ``python bench/assign.py [--sizes 100x300 1000x3000 10000x30000] [--nx-limit 900]``
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
    return (f"{model}; {os.cpu_count()} cores (load average {load}); Python "
            f"{platform.python_version()}, numpy {np.__version__}, scipy {scipy.__version__}, "
            f"networkx {nx.__version__}")


def candidate_edges(problem: Problem) -> list[tuple[str, str, float]]:
    """Each mentee's 50 best allowed mentors, slot-expanded: (mentee, mentor#slot, weight)."""
    prep = _prepare(problem, DEFAULT_POLICY)
    open_rows = np.arange(len(prep.mentees), dtype=np.intp)
    cand = _top_candidates(prep, open_rows, TOP)
    edges = []
    for i, j, s in zip(cand.rows.tolist(), cand.cols.tolist(), cand.scores.tolist(),
                       strict=True):
        for k in range(int(prep.free[j])):
            weight = s - prep.load * (int(prep.first[j]) + k)
            edges.append((prep.mentees[i].id, f"{prep.mentors[j].id}#{k}", weight))
    return edges


def run_ours(problem: Problem, repeat: int, out: Any) -> None:
    """Best of ``repeat`` timed runs after a warm-up (imports, thread pool)."""
    assign_mentors(municipality_problem(10, 30, seed=0))
    seconds = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        result = assign_mentors(problem)
        seconds = min(seconds, time.perf_counter() - start)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # MiB on Linux
    out.put((seconds, peak, result.total_score, len(result.pairs), result.optimal))


def run_nx(edges: list[tuple[str, str, float]], out: Any) -> None:
    G = nx.Graph()
    G.add_weighted_edges_from(edges)
    start = time.perf_counter()
    matching = nx.max_weight_matching(G, maxcardinality=True)
    seconds = time.perf_counter() - start
    total = sum(G[a][b]["weight"] for a, b in matching)
    out.put((seconds, total, len(matching)))


def in_child(target: Any, args: tuple[Any, ...], limit: float) -> tuple[Any, ...] | None:
    """Run ``target(*args, queue)`` in a forked process; ``None`` if over ``limit`` seconds."""
    ctx = mp.get_context("fork")
    queue = ctx.Queue()
    child = ctx.Process(target=target, args=(*args, queue))
    child.start()
    child.join(limit)
    if child.is_alive():
        child.terminate()
        child.join()
        return None
    return queue.get() if not queue.empty() else None


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
    parser.add_argument("--nx-limit", type=float, default=900.0,
                        help="seconds networkx may run per size")
    parser.add_argument("--nx-max-mentees", type=int, default=1000,
                        help="skip networkx above this many mentees (it cannot finish)")
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    print(f"machine: {machine()}\n")
    print("| size | ours: time incl. scoring (best of 3 up to 1 000 mentees) | peak RSS "
          "| total score | pairs | optimal | nx top-50: time | nx total | nx gap | speed-up "
          "| greedy total | greedy gap |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for size in args.sizes:
        n, m = (int(x) for x in size.lower().split("x"))
        problem = municipality_problem(n, m, seed=args.seed)
        ours = in_child(run_ours, (problem, 3 if n <= 1000 else 1), 3600)
        assert ours is not None
        seconds, peak, total, pairs, optimal = ours
        edges = candidate_edges(problem)
        g_total, g_pairs, _ = greedy(edges)
        nx_cells = ["not run (over --nx-max-mentees)", "-", "-", "-"]
        if n <= args.nx_max_mentees:
            found = in_child(run_nx, (edges,), args.nx_limit)
            if found is None:
                nx_cells = [f"did not finish in {args.nx_limit:.0f} s", "-", "-",
                            f"> {args.nx_limit / seconds:.0f}x"]
            else:
                nx_seconds, nx_total, _ = found
                nx_cells = [f"{nx_seconds:.2f} s", f"{nx_total:.4f}", gap(total, nx_total),
                            f"{nx_seconds / seconds:.0f}x"]
        print(f"| {n} x {m} | {seconds * 1000:.0f} ms | {peak:.0f} MiB | {total:.4f} | {pairs} "
              f"| {optimal} | {' | '.join(nx_cells)} | {g_total:.4f} ({g_pairs} pairs) "
              f"| {gap(total, g_total)} |", flush=True)


if __name__ == "__main__":
    main()
