#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on 127.0.0.1, for the reference host's tests and benchmark.
#
#   scripts/postgres.sh run CMD [ARGS...]   start a cluster, run CMD with DATABASE_URL set, then stop
#                                           and remove the cluster, whether CMD passed or failed
#   scripts/postgres.sh start DIR           start a cluster in the empty or missing DIR; prints its URL
#   scripts/postgres.sh stop DIR            stop the cluster in DIR and remove DIR
#
# When no PostgreSQL is installed, it installs Debian's `postgresql` package (as root, with
# apt-get). PostgreSQL refuses to run as root, so as root the cluster runs as the user `postgres`.
set -euo pipefail

log() { printf 'postgres.sh: %s\n' "$*" >&2; }

bindir() {
  if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
    dirname "$(command -v pg_ctl)"
    return 0 # a bare `return` in a trap would return the status that fired the trap
  fi
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$dir" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; fi
  return 0
}

ensure_installed() {
  if [ -n "$(bindir)" ]; then return 0; fi
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    log "PostgreSQL is not installed: install it (Debian: apt-get install postgresql) and retry"
    exit 1
  fi
  log "installing Debian's postgresql package"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
}

# Runs a PostgreSQL binary as the cluster's owner: ourselves, or `postgres` when we are root.
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    id -u postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  node -e "const s = require('net').createServer(); s.listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); });"
}

start() {
  local dir=$1
  ensure_installed
  local bin port
  bin=$(bindir)
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && { id -u postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres; chown postgres "$dir"; }
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  port=$(free_port)
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/data/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories='$dir' -c max_connections=200" \
    start >/dev/null || { cat "$dir/data/server.log" >&2; exit 1; }
  echo "postgres://postgres@127.0.0.1:$port/postgres" >"$dir/url"
  log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (cluster in $dir)"
  cat "$dir/url"
}

stop() {
  local dir=$1 bin
  bin=$(bindir)
  if [ -n "$bin" ] && [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null || log "pg_ctl stop failed"
  fi
  rm -rf "$dir"
  log "stopped and removed $dir"
}

run() {
  local status=0
  # Global, so the EXIT trap still sees it once run has returned.
  CLUSTER_DIR=$(mktemp -d "${TMPDIR:-/tmp}/postgres-XXXXXX")
  trap 'stop "$CLUSTER_DIR"' EXIT
  trap 'exit 130' INT TERM
  DATABASE_URL=$(start "$CLUSTER_DIR")
  export DATABASE_URL
  "$@" || status=$?
  return "$status"
}

case "${1:-}" in
  run) shift; [ $# -gt 0 ] || { log "run needs a command"; exit 2; }; run "$@" ;;
  start) [ $# -eq 2 ] || { log "usage: $0 start DIR"; exit 2; }; start "$2" ;;
  stop) [ $# -eq 2 ] || { log "usage: $0 stop DIR"; exit 2; }; stop "$2" ;;
  *) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
