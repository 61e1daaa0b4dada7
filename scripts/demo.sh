#!/usr/bin/env bash
# Set up and run the seeded demo at http://localhost:8000 (SQLite, a SQLite-backed Celery broker
# and one worker with beat beside the web server: no other service needed). Ctrl-C stops it all.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-8000}"

scripts/setup.sh
if [ -f frontend/package.json ]; then
  echo "==> building the web app"
  (cd frontend && npm run --silent build)
fi
echo "==> database and demo municipality"
python3 manage.py migrate --no-input -v 0
python3 manage.py seed_demo --seed 42

echo "==> starting the Celery worker (with beat) and the web server on http://localhost:$PORT"
celery -A backend worker --beat --pool=solo --loglevel=WARNING \
  --schedule var/celerybeat-schedule &
worker=$!
trap 'kill $worker 2>/dev/null || true' EXIT INT TERM
exec_gunicorn() {
  gunicorn backend.wsgi --bind "127.0.0.1:$PORT" --workers 2 --threads 4 \
    --access-logfile - --log-level warning
}
echo "    API docs: http://localhost:$PORT/api/docs/   admin: http://localhost:$PORT/admin/"
exec_gunicorn
