#!/usr/bin/env bash
# The whole test suite, exactly as CI runs it (.ci/run calls this script):
# installs what is missing, runs the static checks, the frontend checks, every test on SQLite,
# then the database tests again on PostgreSQL with Redis and real Celery worker processes.
set -euo pipefail
cd "$(dirname "$0")/.."
export PYTHONDONTWRITEBYTECODE=1

scripts/setup.sh --test

echo "==> static checks"
ruff check .
ruff format --check .
lint-imports
mypy
python manage.py check
python manage.py makemigrations --check --dry-run
python manage.py spectacular --validate --fail-on-warn --file /dev/null

if [ -f frontend/package.json ]; then
  echo "==> frontend: types, lint, unit tests, build"
  (cd frontend && npm run --silent gen:api:check && npm run --silent typecheck && npm run --silent lint \
    && npm run --silent test && npm run --silent build)
fi

echo "==> tests on SQLite (everything but the PostgreSQL-only tests; browser tests included)"
python -m pytest -m "not stack and not postgres" -n 2 "$@"

echo "==> database tests on PostgreSQL with Redis"
eval "$(scripts/services.sh start)"
trap 'scripts/services.sh stop' EXIT
python -m pytest -m "not e2e and not stack" -n 2 tests/backend tests/onboarding tests/seed "$@"

echo "==> the real stack: PostgreSQL, Redis and Celery worker processes (one test at a time)"
python -m pytest -m "stack" -p no:xdist tests "$@"
