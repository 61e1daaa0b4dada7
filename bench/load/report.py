"""Print the load test's figures from locust's ``*_stats.csv``: rate, p50/p95/p99, errors."""

from __future__ import annotations

import csv
import sys


def main(path: str, offered: float | None = None) -> int:
    """Print one line per endpoint and the aggregate; exit 1 if p95 >= 100 ms, any error, or
    (given the ``offered`` rate in requests/s) less than 95 % of it achieved."""
    with open(path, newline="") as handle:
        rows = list(csv.DictReader(handle))
    print(
        f"{'endpoint':<34} {'requests':>8} {'fails':>6} {'req/s':>7} "
        f"{'p50':>5} {'p95':>5} {'p99':>5}  (ms)"
    )
    aggregate = None
    for row in rows:
        if row["Name"] == "Aggregated":
            aggregate = row
            continue
        print(
            f"{row['Name'][:34]:<34} {row['Request Count']:>8} {row['Failure Count']:>6} "
            f"{float(row['Requests/s']):>7.1f} {row['50%']:>5} {row['95%']:>5} {row['99%']:>5}"
        )
    assert aggregate is not None, "no aggregate row"
    if int(aggregate["Request Count"]) == 0:
        print("no request was made: see locust.log beside the CSV")
        return 1
    print(
        f"{'ALL':<34} {aggregate['Request Count']:>8} {aggregate['Failure Count']:>6} "
        f"{float(aggregate['Requests/s']):>7.1f} {aggregate['50%']:>5} {aggregate['95%']:>5} "
        f"{aggregate['99%']:>5}"
    )
    ok = int(aggregate["Failure Count"]) == 0 and float(aggregate["95%"]) < 100
    target = "p95 < 100 ms, 0 errors"
    if offered:
        ok = ok and float(aggregate["Requests/s"]) >= 0.95 * offered
        target = f"{offered:g} req/s offered and at least 95 % served, {target}"
    print(f"target ({target}):", "met" if ok else "NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], float(sys.argv[2]) if len(sys.argv) > 2 else None))
