#!/usr/bin/env bash
# Install what Sparring needs on a fresh Debian machine (idempotent; run as root or with sudo).
#   scripts/setup.sh          Python packages and the web app's npm packages (the demo)
#   scripts/setup.sh --test   also PostgreSQL, Redis and Chromium (the test suite)
#   scripts/setup.sh --bench  also PostgreSQL, Redis and the benchmarks' packages (locust)
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
want_bench=0
[ "${1:-}" = "--test" ] && want_test=1
[ "${1:-}" = "--bench" ] && want_bench=1
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

if [ "$want_test" -eq 1 ] || [ "$want_bench" -eq 1 ]; then
  missing=()
  command -v redis-server >/dev/null || missing+=(redis-server)
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
  [ "$want_test" -eq 0 ] || command -v chromium >/dev/null || missing+=(chromium)
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "==> apt-get install ${missing[*]}"
    $SUDO apt-get update -q
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${missing[@]}"
  fi
fi

extras="dev"
[ "$want_bench" -eq 0 ] || extras="dev,bench"
echo "==> pip install -e .[$extras]"
python3 -m pip install -q --disable-pip-version-check -e ".[$extras]"

if [ -f frontend/package-lock.json ]; then
  stamp=frontend/node_modules/.sparring-lock-hash
  hash=$(sha256sum frontend/package-lock.json | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$hash" ]; then
    echo "==> npm ci (frontend)"
    (cd frontend && npm ci --no-audit --no-fund --loglevel=error)
    echo "$hash" > "$stamp"
  fi
fi
