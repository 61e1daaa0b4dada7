#!/usr/bin/env bash
# Load test: gunicorn + PostgreSQL with 10 000 leaders, mixed reads and writes at 200 req/s
# for 2 minutes (locust, headless), loopback only. Prints p50/p95/p99 and errors, stops all.
#   bench/load/run.sh                  LOAD_DURATION=2m LOAD_USERS=200 LOAD_LEADERS=10000 LOAD_WRITES=1
# Uses its own PostgreSQL (scripts/services.sh on port $SPARRING_LOAD_PG_PORT, default 54350);
# the database sparring_load is dropped and rebuilt each run.
set -euo pipefail
cd "$(dirname "$0")/../.."
PG_PORT="${SPARRING_LOAD_PG_PORT:-54350}"
REDIS_PORT="${SPARRING_LOAD_REDIS_PORT:-63850}"
WEB_PORT="${SPARRING_LOAD_WEB_PORT:-8765}"
DURATION="${LOAD_DURATION:-2m}"
USERS="${LOAD_USERS:-200}"
LEADERS="${LOAD_LEADERS:-10000}"
WORKERS="${LOAD_GUNICORN_WORKERS:-2}"  # one sync worker a core: 3 or 4 only add switching
out="${LOAD_OUT:-/tmp/sparring-load}"
mkdir -p "$out"
export LOAD_TOKENS="$out/tokens.json"
# On a fresh clone: locust, PostgreSQL and Redis come from the project's own set-up script.
python3 -c "import locust" 2>/dev/null || scripts/setup.sh --bench

SPARRING_TEST_PG_PORT=$PG_PORT SPARRING_TEST_REDIS_PORT=$REDIS_PORT scripts/services.sh start >/dev/null
gunicorn_pid=""
locust_pid=""
cleanup() {
  [ -n "$locust_pid" ] && kill "$locust_pid" 2>/dev/null || true
  [ -n "$gunicorn_pid" ] && kill "$gunicorn_pid" 2>/dev/null && wait "$gunicorn_pid" 2>/dev/null || true
  SPARRING_TEST_PG_PORT=$PG_PORT SPARRING_TEST_REDIS_PORT=$REDIS_PORT scripts/services.sh stop
}
trap cleanup EXIT

export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/sparring_load"
export CELERY_BROKER_URL="redis://127.0.0.1:$REDIS_PORT/0" CACHE_URL="redis://127.0.0.1:$REDIS_PORT/1"
export CELERY_TASK_ALWAYS_EAGER=1 DJANGO_DEBUG=0 LOG_LEVEL=WARNING DATABASE_CONN_MAX_AGE=60
export SPARRING_VAR_DIR="$out/var"
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "DROP DATABASE IF EXISTS sparring_load" postgres
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE sparring_load" postgres
python manage.py migrate -v0
python manage.py seed_scale --leaders "$LEADERS" --seed 1
python manage.py shell < bench/load/setup_users.py
# Statistics for the planner, as autovacuum would gather them within a minute of the load.
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "VACUUM ANALYZE" sparring_load

gunicorn backend.wsgi:application --bind "127.0.0.1:$WEB_PORT" --workers "$WORKERS" \
  --error-logfile "$out/gunicorn.log" &  # no access log: the proxy in front keeps it
gunicorn_pid=$!
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$WEB_PORT/healthz" >/dev/null && break; sleep 0.2; done

WARMUP=15
case "$DURATION" in *m) secs=$(( ${DURATION%m} * 60 )) ;; *s) secs=${DURATION%s} ;; *) secs=$DURATION ;; esac
echo "${USERS} users x 1 req/s: warm-up ${WARMUP} s, then ${DURATION} measured (one generator throughout)"
cpu_of() { ps -o cputimes= -p "$(pgrep -d, "$@")" 2>/dev/null | awk '{s += $1} END {print s + 0}'; }
# PostgreSQL: the postmaster with its ended children (connections close after CONN_MAX_AGE),
# plus the backends alive now; in seconds.
pg_cpu() {
  local pm
  pm=$(pgrep -u postgres -o -f -- "-p $PG_PORT " 2>/dev/null || true)
  [ -n "$pm" ] || { echo 0; return; }
  local ticks live
  ticks=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$pm/stat")
  live=$(for c in $(pgrep -P "$pm"); do awk '{print $14 + $15}' "/proc/$c/stat" 2>/dev/null; done \
    | awk '{s += $1} END {print s + 0}')
  echo $(( (ticks + live) / $(getconf CLK_TCK) ))
}
busy() { awk '/^cpu /{print int(($2 + $3 + $4 + $7 + $8) / 100)}' /proc/stat; }  # user+nice+system+irq+softirq, s
proc_cpu() { awk -v tck="$(getconf CLK_TCK)" '{print int(($14 + $15) / tck)}' "/proc/$1/stat" 2>/dev/null || echo 0; }
marker="$out/warmed"
rm -f "$marker"
LOAD_WARMUP_S=$WARMUP LOAD_WARMED_MARKER=$marker locust -f bench/load/locustfile.py --headless \
  --host "http://127.0.0.1:$WEB_PORT" -u "$USERS" -r "$USERS" -t "$((WARMUP + secs))s" \
  --only-summary --csv "$out/load" 2>"$out/locust.log" &
locust_pid=$!
for _ in $(seq $((WARMUP * 10 + 300))); do [ -f "$marker" ] && break; sleep 0.1; done
# The measured window: from the end of the warm-up to the end of the run.
web0=$(cpu_of -f "gunicorn backend.wsgi"); pg0=$(pg_cpu); all0=$(busy); loc0=$(proc_cpu "$locust_pid"); t0=$(date +%s)
sleep "$((secs - 2))"  # ends just before locust does (it exits at the end of its run)
web1=$(cpu_of -f "gunicorn backend.wsgi"); pg1=$(pg_cpu); all1=$(busy); loc1=$(proc_cpu "$locust_pid"); t1=$(date +%s)
wait "$locust_pid" || true  # locust exits 1 when a request failed: the report says so
echo "CPU seconds over $((t1 - t0)) s (of $(( (t1 - t0) * $(nproc) )) on $(nproc) cores): all $((all1 - all0)), gunicorn $((web1 - web0)), postgres $((pg1 - pg0)), locust $((loc1 - loc0))"
status=0
python bench/load/report.py "$out/load_stats.csv" "$USERS" || status=$?
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average $(cut -d' ' -f1-3 /proc/loadavg)"
exit "$status"
