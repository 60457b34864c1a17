#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on loopback for the tests (docs/audit.md).
#   tools/postgres.sh start   prints: export CTORULES_TEST_POSTGRES='Host=127.0.0.1;Port=N;Username=ctorules'
#                             and the data folder is remembered in $CTORULES_PG_DIR (printed too)
#   tools/postgres.sh stop DIR
# As root the server runs as the `postgres` user (PostgreSQL refuses to run as root).
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bin" ] || { echo "PostgreSQL server binaries not found (apt-get install -y postgresql)" >&2; exit 1; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-}" in
  start)
    dir=$(mktemp -d /tmp/ctorules-pg.XXXXXX)
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    # A free loopback port: a random one nobody answers on (pg_ctl fails loudly if it is taken meanwhile).
    for _ in $(seq 50); do
      port=$((20000 + RANDOM % 40000))
      (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || break
    done
    as_pg "$bin/initdb" -D "$dir/data" -A trust -U ctorules >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    as_pg "$bin/pg_ctl" -D "$dir/data" -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off" -l "$dir/log" -w start >/dev/null \
      || { cat "$dir/log" >&2; exit 1; }
    echo "export CTORULES_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=ctorules;Database=postgres'"
    echo "export CTORULES_PG_DIR='$dir'"
    ;;
  stop)
    dir=${2:?usage: tools/postgres.sh stop DIR}
    as_pg "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *) echo "usage: tools/postgres.sh start | stop DIR" >&2; exit 2 ;;
esac
