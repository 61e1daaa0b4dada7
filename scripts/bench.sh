#!/usr/bin/env bash
# Every benchmark on a fresh machine (`make bench`): installs what they need (locust, PostgreSQL,
# Redis), starts a throw-away PostgreSQL for the ones that need it, runs bench/run_all.py.
# Arguments go to each benchmark script. The load test is separate: bench/load/run.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --bench
eval "$(scripts/services.sh start)"
trap 'scripts/services.sh stop' EXIT
python3 bench/run_all.py "$@"
