"""Run every benchmark in bench/ one after another and stop at the first that fails."""

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
SCRIPTS = [
    "assign.py",
    "assign_cli.py",
    "groups.py",
    "import_leaders.py",
    "match_run.py",
    "network_groups.py",
    "peers.py",
    "insights.py",
    "knowhow.py",
]


def main() -> int:
    """Run the benchmarks that exist; return the first non-zero exit code."""
    for name in SCRIPTS:
        script = BENCH / name
        if not script.exists():
            continue
        print(f"\n=== {name} ===", flush=True)
        code = subprocess.call([sys.executable, str(script), *sys.argv[1:]], cwd=BENCH.parent)
        if code:
            return code
    return 0


if __name__ == "__main__":
    sys.exit(main())
