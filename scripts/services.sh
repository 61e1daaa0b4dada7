#!/usr/bin/env bash
# Start (or stop) a throw-away PostgreSQL and Redis for the test suite, on their own ports with
# their data under /tmp (the postgres user must reach it), and print the environment that points the suite at them.
#   eval "$(scripts/services.sh start)"     scripts/services.sh stop
set -euo pipefail
cd "$(dirname "$0")/.."
PG_PORT="${SPARRING_TEST_PG_PORT:-54329}"
root="/tmp/sparring-services-$PG_PORT"
REDIS_PORT="${SPARRING_TEST_REDIS_PORT:-63799}"
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
as_postgres() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }

case "${1:-start}" in
start)
  mkdir -p "$root"
  if [ ! -f "$root/pg/PG_VERSION" ]; then
    install -d -m 700 "$root/pg"
    [ "$(id -u)" -eq 0 ] && chown postgres "$root/pg" && chmod 755 "$root"
    as_postgres "$pgbin/initdb -D '$root/pg' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
  fi
  # Durability off (throw-away data). random_page_cost=1.1 and jit=off as for production on SSD
  # with the data in memory (docs/robustness.md): the default 4 makes PostgreSQL scan whole
  # tables to join a page of 50 leaders to their units.
  if ! as_postgres "$pgbin/pg_ctl -D '$root/pg' status" >/dev/null 2>&1; then
    as_postgres "$pgbin/pg_ctl -D '$root/pg' -l '$root/pg/server.log' -w \
      -o \"-p $PG_PORT -k '$root/pg' -c listen_addresses=127.0.0.1 -c fsync=off \
      -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 \
      -c random_page_cost=1.1 -c jit=off\" start" >/dev/null
  fi
  if ! redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; then
    redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no \
      --daemonize yes --logfile "$root/redis.log" --dir "$root"
    for _ in $(seq 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
  fi
  echo "export DATABASE_URL=postgres://postgres@127.0.0.1:$PG_PORT/sparring"
  echo "export CELERY_BROKER_URL=redis://127.0.0.1:$REDIS_PORT/0"
  echo "export SPARRING_TEST_PG_PORT=$PG_PORT SPARRING_TEST_REDIS_PORT=$REDIS_PORT"
  ;;
stop)
  as_postgres "$pgbin/pg_ctl -D '$root/pg' -m fast stop" >/dev/null 2>&1 || true
  redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
  ;;
esac
